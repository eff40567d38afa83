"""Announcements: the coordinator composes, previews and sends; delivery is followed live."""

from typing import Any

from telegram.ext import BaseHandler

from handlers.broadcast import buttons, coordinator, errors, notices
from handlers.context import KringContext
from handlers.feature import Feature, button


def handlers() -> list[BaseHandler[Any, KringContext, Any]]:
    """Built anew for each application: conversations keep per-application state."""
    return [
        coordinator.conversation(),
        # Refresh and stop, on the same progress message:
        button(buttons.BROADCAST_PROGRESS, coordinator.progress_tapped),
        button(buttons.BROADCAST_STOP, coordinator.progress_tapped),
        button(buttons.BROADCAST_CSV, coordinator.report_csv),
    ]


FEATURE = Feature(
    name="broadcast",
    handlers=handlers,
    declared_in=[buttons],
    notices=notices.NOTICES,
    errors=errors.ERRORS,
)
