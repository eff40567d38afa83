"""Inline keyboards and their callback-data prefixes (`prefix:arg:arg`, at most 64 bytes).

Button payloads carry server-side ids only; what they refer to is checked again when tapped.
"""

import hashlib
from collections.abc import Callable
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, WebAppInfo

from bot.core.errors import BadButton

BUTTON_TEXT_LIMIT = 60
# A keyboard of one button per item (shifts, events, questions ...) shows at most this many:
# Telegram takes 100 buttons a message, and these lists are short in practice (weeks of
# shifts, the coming events). Lists of people are pages instead (handlers.picker).
LIST_LIMIT = 30


def data(prefix: str, *args: object) -> str:
    payload = ":".join([prefix, *map(str, args)])
    if len(payload.encode()) > 64:
        raise ValueError(f"callback data too long: {payload!r}")
    return payload


def zone_key(zone: str) -> str:
    """A zone on a button: a zone name is free text the coordinator chose (and may be too long
    for the 64 bytes of callback data), so the button carries a short digest of it."""
    return hashlib.sha256(zone.encode()).hexdigest()[:10]


def parse(payload: str | None) -> list[str]:
    """The arguments after the prefix."""
    return (payload or "").split(":")[1:]


def args(payload: str | None, *converters: Callable[[str], Any]) -> tuple[Any, ...]:
    """The first arguments after the prefix, converted (`int`, an enum, ...). A payload that does
    not fit (an old or forged button) is a BadButton, which the member is told about."""
    given = parse(payload)
    if len(given) < len(converters):
        raise BadButton()
    try:
        values = tuple(convert(value) for convert, value in zip(converters, given, strict=False))
    except (ValueError, KeyError):
        raise BadButton() from None
    # Numbers on buttons are ids, counts and hours: never negative, never beyond a database id.
    if any(isinstance(value, int) and not 0 <= value < 2**31 for value in values):
        raise BadButton()
    return values


def one_of(*options: str) -> Callable[[str], str]:
    """A converter for `args` that accepts only these words."""

    def convert(value: str) -> str:
        if value not in options:
            raise ValueError(value)
        return value

    return convert


def numbers(payload: str | None) -> list[int]:
    """All arguments after the prefix as ids (buttons with optional ids); else BadButton."""
    return list(args(payload, *[int] * len(parse(payload))))


def short(text: str) -> str:
    return text if len(text) <= BUTTON_TEXT_LIMIT else text[: BUTTON_TEXT_LIMIT - 1] + "…"


def rows(*buttons: tuple[str, str]) -> InlineKeyboardMarkup:
    """One button per row."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(short(label), callback_data=payload)] for label, payload in buttons]
    )


def one_button(label: str, payload: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=payload)]])


def with_console(
    markup: InlineKeyboardMarkup | None, console_url: str | None, label: str, page: str = ""
) -> InlineKeyboardMarkup | None:
    """`markup` with a last row that opens the console (a Telegram Mini App) on `page` (a page
    path without its slash: "roster"), when the console is reachable (https; see
    KringBot.console_url); otherwise `markup` as it is."""
    if not console_url:
        return markup
    url = f"{console_url}?page={page}" if page else console_url
    row = [InlineKeyboardButton(label, web_app=WebAppInfo(url))]
    return InlineKeyboardMarkup([*(markup.inline_keyboard if markup else ()), row])
