"""For locums (vervangartsen): the fee calculator and expense note, replacements with their
checklists, and the locum board."""

from typing import Any

from telegram.ext import BaseHandler

from handlers.context import KringContext
from handlers.feature import Feature, button, command
from handlers.locum import board, buttons, errors, fee, notices, replacements


def handlers() -> list[BaseHandler[Any, KringContext, Any]]:
    """Built anew for each application: conversations keep per-application state."""
    return [
        fee.conversation(),
        replacements.conversation(),
        *board.conversations(),
        command(buttons.LOCUM_COMMAND, replacements.overview),
        button(buttons.LOCUM_CHECKLIST, replacements.show_checklist),
        button(buttons.LOCUM_TOGGLE, replacements.toggle),
        button(buttons.LOCUM_PRACTICE_CHOICE, replacements.practice_choice),
        button(buttons.BOARD_BROWSE, board.browse),
        button(buttons.BOARD_INTEREST, board.interested),
        button(buttons.BOARD_PICK, board.pick),
        button(buttons.BOARD_CLOSE, board.close),
    ]


FEATURE = Feature(
    name="locum",
    handlers=handlers,
    declared_in=[buttons],
    notices=notices.NOTICES,
    errors=errors.ERRORS,
)
