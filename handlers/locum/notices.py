"""The outbox notices of this feature: the text (and buttons) of each kind."""

from datetime import date
from typing import Any

from bot.core.models import (
    Role,
)
from bot.core.riziv import RizivNumber
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.feature import Notice
from handlers.locum import board_texts as locum_board_texts
from handlers.locum import buttons
from handlers.membership import texts as membership_texts
from handlers.render import esc


def _board_post(t: Translator, params: dict[str, Any], kring: Kring) -> str:
    return t.gettext(
        "<b>A locum is wanted</b> ({author})\n{start} – {end}, zone {zone}\n"
        "Software: {software}. Languages: {languages}.\n{details}"
    ).format(
        author=esc(params["author"]),
        start=t.date(date.fromisoformat(params["start_on"]), "short"),
        end=t.date(date.fromisoformat(params["end_on"]), "short"),
        zone=esc(params["zone"]),
        software=esc(params["software"]) or t.gettext("any"),
        languages=locum_board_texts.languages_text(t, params["languages"]),
        details=esc(params["details"]),
    )


def _board_interest(t: Translator, params: dict[str, Any], kring: Kring) -> str:
    role = Role(params.get("role", Role.GP))
    return t.gettext(
        "{name} ({role}) is interested in your post ({start} – {end}, zone {zone})."
    ).format(
        name=esc(params["name"]),
        role=membership_texts.role_name(t, role),
        start=t.date(date.fromisoformat(params["start_on"]), "short"),
        end=t.date(date.fromisoformat(params["end_on"]), "short"),
        zone=esc(params["zone"]),
    )


def _board_match(t: Translator, params: dict[str, Any], kring: Kring) -> str:
    return t.gettext(
        "<b>Agreed: {start} – {end}, zone {zone}.</b>\nYour contact: {name} (RIZIV {riziv})"
        ' – <a href="tg://user?id={telegram_id}">send a message</a>.'
    ).format(
        start=t.date(date.fromisoformat(params["start_on"]), "short"),
        end=t.date(date.fromisoformat(params["end_on"]), "short"),
        zone=esc(params["zone"]),
        name=esc(params["name"]),
        riziv=RizivNumber(params["riziv"]) if params["riziv"] else "–",
        telegram_id=int(params["telegram_id"] or 0),
    )


def _locum_end_reminder(t: Translator, params: dict[str, Any], kring: Kring) -> str:
    return t.gettext(
        "Your replacement at {practice} ends on {date}. Time for the last-day checklist: "
        "eHealth certificate, Hector, tarifications, proof, expense note."
    ).format(
        practice=esc(params["practice"]),
        date=t.date(date.fromisoformat(params["end_on"]), "long"),
    )


NOTICES = {
    "board_post": Notice(
        _board_post, lambda t, params: buttons.interest(t, int(params["post_id"]))
    ),
    "board_interest": Notice(
        _board_interest,
        lambda t, params: buttons.pick(
            t, int(params["post_id"]), int(params["member_id"]), params["name"]
        ),
    ),
    "board_match": Notice(_board_match),
    "locum_end_reminder": Notice(
        _locum_end_reminder,
        lambda t, params: buttons.end_checklist(t, int(params["replacement_id"])),
    ),
}
