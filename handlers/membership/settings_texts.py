"""membership.settings_texts"""

from bot.core.models import (
    DigestFrequency,
    Member,
)
from bot.core.services import Kring
from bot.i18n import LANGUAGE_NAMES, Translator
from handlers.render import esc
from handlers.shifts import texts as shifts_texts


def choose_language(t: Translator) -> str:
    return t.gettext("Choose your language:")


def language_changed(t: Translator, language: str) -> str:
    return t.gettext("Your language is now {language}.").format(language=LANGUAGE_NAMES[language])


def settings(t: Translator, member: Member) -> str:
    quiet = (
        quiet_hours_label(member.quiet_from.hour, member.quiet_until.hour)
        if member.quiet_from is not None and member.quiet_until is not None
        else t.gettext("none")
    )
    return "\n".join(
        [
            t.gettext("<b>Your settings</b>"),
            t.gettext("Language: {language}").format(language=LANGUAGE_NAMES[member.language]),
            t.gettext("Newsletter digest: {frequency}").format(
                frequency=digest_frequency(t, member.digest)
            ),
            t.gettext("Quiet hours: {hours}").format(hours=quiet),
            t.gettext("New CME events: announced")
            if member.cme_announcements
            else t.gettext("New CME events: not announced"),
            t.gettext(
                "During quiet hours announcements wait until they end; urgent ones come at once."
            ),
            shifts_texts.reminder_setting(t, member.shift_reminder_hours),
        ]
    )


def my_data_caption(t: Translator, kring: Kring) -> str:
    return t.gettext(
        "Everything {kring} holds about you, as a readable file (JSON). /forget erases it."
    ).format(kring=esc(kring.name))


def forget_confirm(t: Translator, member: Member, own: bool) -> str:
    if own:
        return t.gettext(
            "<b>Erase your data?</b>\nYour name, RIZIV number, questions, replacements, board "
            "posts and registrations are erased, and you are no longer a member. What the kring "
            "must keep (past on-call shifts, attendance for accreditation) stays, without your "
            "name. This cannot be undone."
        )
    return t.gettext(
        "<b>Erase the data of {name}?</b>\nOnly on their request. What the kring must keep "
        "stays, without their name. This cannot be undone."
    ).format(name=esc(member.name))


def forgotten(t: Translator, kept: dict[str, int], kring: Kring) -> str:
    reasons = {
        "shifts": t.gettext("on-call shifts done: the kring reports them to the RIZIV"),
        "attendance": t.gettext("attendance at CME sessions: needed for accreditation"),
        "swaps": t.gettext("the history of roster changes: the roster must be traceable"),
    }
    lines = [t.gettext("The personal data has been erased.")]
    kept_lines = [
        t.gettext("{n} × {what}").format(n=count, what=reasons[kind])
        for kind, count in kept.items()
        if count
    ]
    if kept_lines:
        lines += ["", t.gettext("Kept without name or RIZIV number:"), *kept_lines]
    lines += ["", t.gettext("Questions? Contact {contact}.").format(contact=esc(kring.contact))]
    return "\n".join(lines)


def nothing_erased(t: Translator) -> str:
    return t.gettext("Nothing was erased.")


def digest_frequency(t: Translator, frequency: DigestFrequency) -> str:
    return {
        DigestFrequency.WEEKLY: t.gettext("weekly"),
        DigestFrequency.DAILY: t.gettext("daily"),
        DigestFrequency.NONE: t.gettext("no digest"),
    }[frequency]


def quiet_hours_label(start: int, end: int) -> str:
    return f"{start:02d}:00–{end:02d}:00"
