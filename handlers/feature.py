"""What a feature package contributes to the bot, and the small builders its list uses.

Each package under handlers/ (shifts, cme, broadcast, locum, knowledge, membership) exports one
`FEATURE`: its ordered handlers, the commands and buttons it declares (with their audience),
the renderers of its outbox notices, and the translated replies to its domain errors.
handlers/__init__.py composes these into the one registration, the gate and the composer.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from telegram import InlineKeyboardMarkup
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, filters

from bot.core.errors import DomainError
from bot.core.notices import Notice
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.audience import Command, Prefix
from handlers.context import KringContext

if TYPE_CHECKING:  # handlers.picker builds on handlers.conversation, which uses this module
    from handlers.picker import Picker

Callback = Callable[..., Any]
ErrorText = Callable[[Translator, Any, Kring], str]
N = TypeVar("N", bound=Notice)


@dataclass(frozen=True)
class Renderer(Generic[N]):
    """How one notice class is shown: its text and, for some, the buttons under it."""

    notice: type[N]
    text: Callable[[Translator, N, Kring], str]
    buttons: Callable[[Translator, N], InlineKeyboardMarkup | None] | None = None
    # A file made for this message (filename, content), e.g. a calendar file; the text is its
    # caption then (at most 1024 characters).
    document: Callable[[Translator, N, Kring], tuple[str, bytes] | None] | None = None


@dataclass(frozen=True)
class Feature:
    name: str
    handlers: Callable[[], Sequence[BaseHandler[Any, KringContext, Any]]]
    declared_in: Sequence[ModuleType]
    notices: Sequence[Renderer[Any]] = ()
    errors: Mapping[type[DomainError], ErrorText] = field(default_factory=dict)
    # Its lists of people: typed text searches the open one (handlers.picker).
    pickers: Sequence["Picker"] = ()

    @property
    def commands(self) -> list[Command]:
        return [v for m in self.declared_in for v in vars(m).values() if isinstance(v, Command)]

    @property
    def buttons(self) -> list[Prefix]:
        return [v for m in self.declared_in for v in vars(m).values() if isinstance(v, Prefix)]


def command(declared: Command, callback: Callback) -> CommandHandler[KringContext, Any]:
    """A private-chat command under its canonical name and its nl/fr aliases."""
    return CommandHandler(declared.names, callback, filters=filters.ChatType.PRIVATE)


def button(prefix: Prefix, callback: Callback) -> CallbackQueryHandler[KringContext, Any]:
    """The buttons of one prefix, with or without arguments."""
    return CallbackQueryHandler(callback, pattern=prefix.pattern())
