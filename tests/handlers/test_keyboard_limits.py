"""Telegram refuses a keyboard of more than 100 buttons and callback data over 64 bytes. Every
keyboard builder of every feature (found by walking handlers/*/buttons.py, so a new one is
covered too) and the member picker, given 300 of whatever they list, stays within both; and
buttons carry ids, never the free text (zone names, titles) they show."""

import dataclasses
import enum
import importlib
import inspect
import types
import typing
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

import pytest
from telegram import InlineKeyboardMarkup

from bot.core.locum import START_ITEMS
from bot.i18n import translator
from handlers import FEATURE_LIST, picker

MANY = 300
BIGGEST_ID = 2**31 - 1  # the largest id a button may carry (handlers.keyboards.args)
FEATURES = ["broadcast", "cme", "knowledge", "locum", "membership", "shifts"]
T = translator("fr", "Europe/Brussels")  # French labels are the longest
# Arguments that must be one of a fixed set of words rather than any text.
CHOSEN = {("locum.checklist", "items"): list(START_ITEMS) * MANY}
FREE_TEXT = "Wachtpost Noord-Oost, Sint-Niklaas " * 3  # a zone, a title, a name ...


def value(kind: Any) -> Any:
    """A value of this type, as large as a button could carry: the biggest ids, long texts,
    and MANY items in every list."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (types.UnionType, typing.Union):
        return value(next(a for a in args if a is not type(None)))
    if origin in (list, tuple) and args and args[-1] is not Ellipsis and origin is tuple:
        return tuple(value(a) for a in args)
    if origin is not None and issubclass(origin, Sequence):
        return [value(args[0]) for _ in range(MANY)]
    if kind is bool:
        return True
    if kind is int:
        return BIGGEST_ID
    if kind is float:
        return 1e9
    if kind is Decimal:
        return Decimal("999999999.99")
    if kind is time:
        return time(23, 59)
    if kind is str:
        return FREE_TEXT
    if kind is datetime:
        return datetime(2026, 12, 24, 19, tzinfo=UTC)
    if kind is date:
        return date(2026, 12, 1)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return list(kind)[-1]
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        return kind(**{f.name: value(hints[f.name]) for f in dataclasses.fields(kind) if f.init})
    if kind is Any:
        return {}
    raise TypeError(f"no test value for {kind!r}")


def builders() -> list[tuple[str, Callable[..., Any]]]:
    found = []
    for feature in FEATURES:
        module = importlib.import_module(f"handlers.{feature}.buttons")
        for name, function in vars(module).items():
            if inspect.isfunction(function) and function.__module__ == module.__name__:
                returns = str(typing.get_type_hints(function).get("return"))
                if "InlineKeyboardMarkup" in returns:
                    found.append((f"{feature}.{name}", function))
    return found


def assert_within_limits(markup: InlineKeyboardMarkup | None) -> None:
    if markup is None:
        return
    buttons = [button for row in markup.inline_keyboard for button in row]
    assert len(buttons) <= 100, len(buttons)
    for button in buttons:
        payload = str(button.callback_data or "")
        assert len(payload.encode()) <= 64
        assert FREE_TEXT[:8] not in payload  # ids only: free text, even cut short, never fits


@pytest.mark.parametrize(("name", "builder"), builders(), ids=[n for n, _ in builders()])
def test_every_keyboard_builder_stays_within_telegrams_limits(
    name: str, builder: Callable[..., Any]
) -> None:
    hints = typing.get_type_hints(builder)
    parameters = inspect.signature(builder).parameters
    arguments = {
        p: CHOSEN.get((name, p)) or (T if hints[p] is type(T) else value(hints[p]))
        for p in parameters
    }
    assert_within_limits(builder(**arguments))


PICKERS = [p for feature in FEATURE_LIST for p in feature.pickers]


@pytest.mark.parametrize("chosen", PICKERS, ids=[str(p.opener) for p in PICKERS])
def test_every_page_of_every_member_picker_stays_within_telegrams_limits(
    chosen: picker.Picker,
) -> None:
    args = [value(c) if isinstance(c, type) else BIGGEST_ID for c in chosen.converters]
    names = [f"Marie-Christine Van den Bossche-Vandenberghe {n}" for n in range(MANY)]
    choices = [picker.Choice(BIGGEST_ID - n, name, name) for n, name in enumerate(names)]
    listing = picker.Listing("?", choices, [("Annuler", "swstop")])
    pages = picker.page_count(choices)
    for page in range(pages):
        for query in ("", "Marie"):
            markup = picker.keyboard(T, chosen, args, listing, picker.View(page, query))
            assert_within_limits(markup)
            assert markup is not None
            assert len(markup.inline_keyboard) <= picker.PAGE_SIZE + 2  # names, pages, extras
