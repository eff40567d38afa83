"""The outbox notices of this feature: the text (and buttons) of each kind."""

from telegram import InlineKeyboardMarkup

from bot.core.notices.cme import (
    CmeAnnounced,
    CmeCancelled,
    CmeOffer,
    CmeOfferExpired,
    CmeRegistered,
    CmeReminder,
    CmeUnregistered,
)
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.cme import buttons, texts
from handlers.cme.files import event_removal, summary_calendar
from handlers.feature import Renderer
from handlers.render import esc


def _cme_reminder(t: Translator, notice: CmeReminder, kring: Kring) -> str:
    return t.gettext("Reminder: {title} on {when}{place}.").format(
        place=f", {esc(notice.event.location)}" if notice.event.location else "",
        **texts.event_notice(t, notice.event),
    )


def _cme_offer(t: Translator, notice: CmeOffer, kring: Kring) -> str:
    return t.gettext(
        "A seat is free for {title} ({when}) and you are first on the waiting list. "
        "Do you want it? Please confirm by {deadline}, after that it goes to the next person."
    ).format(
        deadline=texts.event_when(t, notice.expires_at),
        **texts.event_notice(t, notice.event),
    )


def _cme_offer_expired(t: Translator, notice: CmeOfferExpired, kring: Kring) -> str:
    return t.gettext(
        "You did not confirm the free seat for {title} ({when}) in time; it went to the next "
        "person on the waiting list."
    ).format(**texts.event_notice(t, notice.event))


def _cme_cancelled_calendar(
    t: Translator, notice: CmeCancelled, kring: Kring
) -> tuple[str, bytes] | None:
    if notice.end_at is None or notice.cancelled_at is None:
        return None
    return event_removal(notice.event, notice.end_at, notice.cancelled_at, kring.name)


def _cme_announced(t: Translator, notice: CmeAnnounced, kring: Kring) -> str:
    event = notice.event
    lines = [
        t.gettext("<b>New CME event</b>"),
        f"<b>{esc(event.title)}</b>",
        texts.event_when(t, event.start_at, notice.end_at)
        + (f" · {esc(event.location)}" if event.location else ""),
    ]
    if notice.speaker:
        lines.append(t.gettext("Speaker: {speaker}").format(speaker=esc(notice.speaker)))
    if notice.points:
        lines.append(t.gettext("Accreditation points: {points}").format(points=notice.points))
    lines += ["", t.gettext("Register below or with /cme. /settings turns these messages off.")]
    return "\n".join(lines)


def _cme_cancelled(t: Translator, notice: CmeCancelled, kring: Kring) -> str:
    return t.gettext(
        "<b>Cancelled:</b> {title} ({when}) does not take place. Your registration is void."
    ).format(**texts.event_notice(t, notice.event)) + (
        "\n" + texts.calendar_removal(t) if notice.end_at is not None else ""
    )


def _cme_registered(t: Translator, notice: CmeRegistered, kring: Kring) -> str:
    return texts.registered(t, notice.event.title, notice.event.start_at, notice.position)


def _cme_registered_calendar(
    t: Translator, notice: CmeRegistered, kring: Kring
) -> tuple[str, bytes] | None:
    if notice.position is not None:
        return None
    return summary_calendar(notice.event, notice.end_at, notice.description, notice.at, kring.name)


def _cme_registered_buttons(t: Translator, notice: CmeRegistered) -> InlineKeyboardMarkup | None:
    return None if notice.position is not None else buttons.hour_reminder(t, notice.registration_id)


def _cme_unregistered(t: Translator, notice: CmeUnregistered, kring: Kring) -> str:
    return texts.cme_unregistered(t, notice.event) + " " + texts.calendar_removal(t)


def _cme_unregistered_calendar(
    t: Translator, notice: CmeUnregistered, kring: Kring
) -> tuple[str, bytes]:
    return event_removal(notice.event, notice.end_at, notice.at, kring.name)


NOTICES = (
    Renderer(CmeReminder, _cme_reminder),
    Renderer(CmeOffer, _cme_offer, lambda t, notice: buttons.cme_offer(t, notice.registration_id)),
    Renderer(CmeOfferExpired, _cme_offer_expired),
    Renderer(CmeCancelled, _cme_cancelled, document=_cme_cancelled_calendar),
    Renderer(
        CmeAnnounced,
        _cme_announced,
        lambda t, notice: buttons.announced_event(t, notice.event.event_id, notice.event.title),
    ),
    Renderer(
        CmeRegistered,
        _cme_registered,
        _cme_registered_buttons,
        document=_cme_registered_calendar,
    ),
    Renderer(CmeUnregistered, _cme_unregistered, document=_cme_unregistered_calendar),
)
