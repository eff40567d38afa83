"""The one ordered registration: every command and button has a declared audience, nothing is
registered twice, and every declared button is handled."""

from collections import Counter
from typing import Any

from telegram.ext import CallbackQueryHandler, CommandHandler

import handlers
from handlers.access import Rules
from handlers.audience import Audience, Command, Prefix
from tests.handlers.harness import Harness
from tests.handlers.test_authorization import registered_commands, registered_prefixes


def _top_level(bot: Harness) -> list[Any]:
    return list(bot.app.handlers[handlers.FEATURES])


def test_no_command_or_button_is_registered_twice(bot: Harness) -> None:
    top = _top_level(bot)
    names = Counter(n for h in top if isinstance(h, CommandHandler) for n in h.commands)
    patterns = Counter(
        h.pattern.pattern  # type: ignore[union-attr]
        for h in top
        if isinstance(h, CallbackQueryHandler) and h.pattern is not None
    )
    assert [name for name, n in names.items() if n > 1] == []
    assert [pattern for pattern, n in patterns.items() if n > 1] == []


def test_every_registered_command_and_button_has_a_declared_audience(bot: Harness) -> None:
    assert registered_commands(bot) <= set(handlers.ACCESS.by_name)
    assert registered_prefixes(bot) <= set(handlers.ACCESS.by_prefix)


def test_every_declared_command_and_button_is_handled(bot: Harness) -> None:
    declared_commands = {name for c in handlers.ACCESS.commands for name in c.names}
    assert declared_commands == registered_commands(bot)
    assert set(handlers.ACCESS.by_prefix) == registered_prefixes(bot)


def test_a_prefix_or_command_declared_twice_is_refused() -> None:
    clash = [Prefix("same", Audience.MEMBER), Prefix("same", Audience.COORDINATOR)]
    try:
        Rules(commands=[], buttons=clash)
    except ValueError as error:
        assert "same" in str(error)
    else:
        raise AssertionError("a prefix declared twice was accepted")
    twice = [Command("help", Audience.ANYONE), Command("hulp", Audience.MEMBER, ("help",))]
    try:
        Rules(commands=twice, buttons=[])
    except ValueError as error:
        assert "help" in str(error)
    else:
        raise AssertionError("a command name declared twice was accepted")
