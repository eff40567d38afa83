"""The outbox notices of this feature: the text (and buttons) of each kind."""

from bot.core.notices.locum import (
    BoardInterest,
    BoardMatch,
    BoardNotChosen,
    LocumEndReminder,
    LocumWanted,
    PostPeriod,
)
from bot.core.riziv import RizivNumber
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.feature import Renderer
from handlers.locum import board_texts as locum_board_texts
from handlers.locum import buttons
from handlers.membership import texts as membership_texts
from handlers.render import esc


def _period(t: Translator, period: PostPeriod) -> dict[str, str]:
    return {
        "start": t.date(period.start_on, "short"),
        "end": t.date(period.end_on, "short"),
        "zone": esc(period.zone),
    }


def _locum_wanted(t: Translator, notice: LocumWanted, kring: Kring) -> str:
    return t.gettext(
        "<b>A locum is wanted</b> ({author})\n{start} – {end}, zone {zone}\n"
        "Software: {software}. Languages: {languages}.\n{details}"
    ).format(
        author=esc(notice.author),
        software=esc(notice.software) or t.gettext("any"),
        languages=locum_board_texts.languages_text(t, notice.languages),
        details=esc(notice.details),
        **_period(t, notice.period),
    )


def _board_interest(t: Translator, notice: BoardInterest, kring: Kring) -> str:
    return t.gettext(
        "{name} ({role}) is interested in your post ({start} – {end}, zone {zone})."
    ).format(
        name=esc(notice.name),
        role=membership_texts.role_name(t, notice.role),
        **_period(t, notice.period),
    )


def _board_match(t: Translator, notice: BoardMatch, kring: Kring) -> str:
    return t.gettext(
        "<b>Agreed: {start} – {end}, zone {zone}.</b>\nYour contact: {name} (RIZIV {riziv})"
        ' – <a href="tg://user?id={telegram_id}">send a message</a>.'
    ).format(
        name=esc(notice.name),
        riziv=RizivNumber(notice.riziv) if notice.riziv else "–",
        telegram_id=notice.telegram_id or 0,
        **_period(t, notice.period),
    )


def _board_not_chosen(t: Translator, notice: BoardNotChosen, kring: Kring) -> str:
    return t.gettext(
        "The post you were interested in ({start} – {end}, zone {zone}) has been filled by "
        "someone else. Thank you for your interest."
    ).format(**_period(t, notice.period))


def _locum_end_reminder(t: Translator, notice: LocumEndReminder, kring: Kring) -> str:
    return t.gettext(
        "Your replacement at {practice} ends on {date}. Time for the last-day checklist: "
        "eHealth certificate, Hector, tarifications, proof, expense note."
    ).format(practice=esc(notice.practice), date=t.date(notice.end_on, "long"))


NOTICES = (
    Renderer(LocumWanted, _locum_wanted, lambda t, notice: buttons.interest(t, notice.post_id)),
    Renderer(
        BoardInterest,
        _board_interest,
        lambda t, notice: buttons.pick(t, notice.post_id, notice.member_id, notice.name or ""),
    ),
    Renderer(BoardMatch, _board_match),
    Renderer(BoardNotChosen, _board_not_chosen),
    Renderer(
        LocumEndReminder,
        _locum_end_reminder,
        lambda t, notice: buttons.end_checklist(t, notice.replacement_id),
    ),
)
