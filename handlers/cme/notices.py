"""The outbox notices of this feature: the text (and buttons) of each kind."""

from datetime import datetime
from typing import Any

from bot.core.services import Kring
from bot.i18n import Translator
from handlers.cme import buttons, texts
from handlers.feature import Notice
from handlers.render import esc


def _cme_reminder(t: Translator, params: dict[str, Any], kring: Kring) -> str:
    return t.gettext("Reminder: {title} on {when}{place}.").format(
        place=f", {esc(params['location'])}" if params.get("location") else "",
        **texts.event_notice(t, params),
    )


def _cme_offer(t: Translator, params: dict[str, Any], kring: Kring) -> str:
    return t.gettext(
        "A seat is free for {title} ({when}) and you are first on the waiting list. "
        "Do you want it? Please confirm by {deadline}, after that it goes to the next person."
    ).format(
        deadline=texts.event_when(t, datetime.fromisoformat(params["expires_at"])),
        **texts.event_notice(t, params),
    )


def _cme_offer_expired(t: Translator, params: dict[str, Any], kring: Kring) -> str:
    return t.gettext(
        "You did not confirm the free seat for {title} ({when}) in time; it went to the next "
        "person on the waiting list."
    ).format(**texts.event_notice(t, params))


def _cme_cancelled(t: Translator, params: dict[str, Any], kring: Kring) -> str:
    return t.gettext(
        "<b>Cancelled:</b> {title} ({when}) does not take place. Your registration is void."
    ).format(**texts.event_notice(t, params))


NOTICES = {
    "cme_reminder": Notice(_cme_reminder),
    "cme_offer": Notice(
        _cme_offer, lambda t, params: buttons.cme_offer(t, int(params["registration_id"]))
    ),
    "cme_offer_expired": Notice(_cme_offer_expired),
    "cme_cancelled": Notice(_cme_cancelled),
}
