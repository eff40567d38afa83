"""Small helpers the member pages share to read a posted form: a value no form offers is
refused before anything changes (BadChoice), and the bot's chat (bot.web.chat) is at hand."""

from enum import StrEnum
from typing import TypeVar

from bot.core.errors import DomainError
from bot.web.chat import Chat
from bot.web.console import Viewer

Choice = TypeVar("Choice", bound=StrEnum)


class BadChoice(ValueError):
    """A form value no page offers (an altered form)."""


def refusal_text(viewer: Viewer, refused: BadChoice | DomainError) -> str:
    """What the page says to a refused change: the chat's reply to a domain error."""
    if isinstance(refused, BadChoice):
        return viewer.t.gettext("This choice is not offered. Nothing was changed.")
    return chat_of(viewer).error_text(viewer.t, refused, viewer.services.kring)


def chat_of(viewer: Viewer) -> Chat:
    if viewer.chat is None:
        raise RuntimeError("this page needs the bot's chat (handlers.console.ChatSide)")
    return viewer.chat


def enum_value(kind: type[Choice], value: str | None) -> Choice | None:
    """The member of `kind` named by `value`, or None."""
    try:
        return kind(value or "")
    except ValueError:
        return None


def required(kind: type[Choice], value: str | None) -> Choice:
    chosen = enum_value(kind, value)
    if chosen is None:
        raise BadChoice(kind.__name__)
    return chosen


def number(value: str | None) -> int | None:
    """A small whole number as typed in a form or an address, or None."""
    return int(value) if value and value.isdigit() and len(value) < 10 else None
