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

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, BaseHandler, CallbackQueryHandler, CommandHandler, filters

from bot.core.errors import DomainError
from bot.core.notices import Notice
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.audience import RUN, Command, Prefix
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


class CommandOrButton(CommandHandler[KringContext, Any]):
    """A private-chat command under its canonical name and its nl/fr aliases, which a
    `run:<name>` button starts too (under an answer that explains the feature): the tap is
    answered, then the command runs as if typed without arguments, flows included (their
    entry points are commands). The gate lets through only the command's audience."""

    def __init__(self, declared: Command, callback: Callback) -> None:
        super().__init__(declared.names, callback, filters=filters.ChatType.PRIVATE)
        self._buttons = frozenset(f"{RUN}:{name}" for name in declared.names)

    def check_update(
        self, update: object
    ) -> bool | tuple[list[str], bool | dict[str, list[Any]] | None] | None:
        if isinstance(update, Update) and update.callback_query is not None:
            return ([], True) if update.callback_query.data in self._buttons else None
        return super().check_update(update)

    async def handle_update(
        self,
        update: Update,
        application: "Application[Any, KringContext, Any, Any, Any, Any]",
        check_result: object,
        context: KringContext,
    ) -> object:
        if update.callback_query is not None:
            await update.callback_query.answer()
        return await super().handle_update(update, application, check_result, context)


def command(declared: Command, callback: Callback) -> CommandOrButton:
    """A private-chat command (see CommandOrButton)."""
    return CommandOrButton(declared, callback)


def run_button(label: str, declared: str) -> InlineKeyboardButton:
    """A button that runs the command of this (canonical) name."""
    return InlineKeyboardButton(label, callback_data=f"{RUN}:{declared}")


def button(prefix: Prefix, callback: Callback) -> CallbackQueryHandler[KringContext, Any]:
    """The buttons of one prefix, with or without arguments."""
    return CallbackQueryHandler(callback, pattern=prefix.pattern())
