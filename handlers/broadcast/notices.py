"""The outbox notices of this feature: the text (and buttons) of each kind."""

from typing import Any

from bot.core.services import Kring
from bot.i18n import Translator
from handlers.broadcast import buttons, texts
from handlers.feature import Notice
from handlers.render import esc


def _broadcast(t: Translator, params: dict[str, Any], kring: Kring) -> str:
    return "<b>{kring}</b>\n{text}".format(kring=esc(kring.name), text=esc(params["text"]))


def _broadcast_report(t: Translator, params: dict[str, Any], kring: Kring) -> str:
    return texts.broadcast_report(t, params)


def _digest(t: Translator, params: dict[str, Any], kring: Kring) -> str:
    return texts.digest(t, params["sections"], kring)


NOTICES = {
    "broadcast": Notice(_broadcast),
    "broadcast_report": Notice(
        _broadcast_report,
        lambda t, params: buttons.broadcast_progress(t, int(params["broadcast_id"]), False),
    ),
    "digest": Notice(_digest),
}
