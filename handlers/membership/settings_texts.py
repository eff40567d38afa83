"""membership.settings_texts"""

from bot.core.models import (
    DigestFrequency,
    Member,
)
from bot.core.privacy import PersonalData
from bot.core.riziv import RizivNumber
from bot.core.services import Kring
from bot.i18n import LANGUAGE_NAMES, Translator
from handlers.membership import texts
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


def my_data_caption(t: Translator) -> str:
    return t.gettext(
        "The same, complete, as data (JSON, times in UTC) to keep or pass on. /forget erases it."
    )


def my_data_summary(t: Translator, data: PersonalData) -> str:
    member = data.member
    unknown = t.gettext("not given")
    lines = [
        t.gettext("<b>What the kring holds about you</b>"),
        t.gettext("Name: {name}").format(name=esc(member.name or unknown)),
        t.gettext("RIZIV number: {riziv}").format(
            riziv=RizivNumber(member.riziv) if member.riziv else unknown
        ),
        t.gettext("Role: {role}").format(role=texts.role_name(t, member.role)),
        t.gettext("Zone: {zone}").format(zone=esc(member.zone or unknown)),
        t.gettext("Member since: {date}").format(
            date=t.date(member.created_at, "long") if member.created_at else unknown
        ),
        "",
        settings(t, member),
    ]
    if data.records:
        lines += ["", t.gettext("<b>Records about you</b>")]
        kinds = sorted((record_kind(t, kind), count) for kind, count in data.records.items())
        lines += [f"{kind}: {count}" for kind, count in kinds]
    if data.coming_shifts:
        lines += ["", t.gettext("<b>Your coming on-call shifts</b>")]
        lines += [f"{t.date(start, 'full')} {t.time(start)}" for start in data.coming_shifts]
    return "\n".join(lines)


def record_kind(t: Translator, kind: str) -> str:
    """A kind of record (a table holding rows about the member), in words; every table that
    points at a member has one (tests/handlers/test_privacy.py)."""
    return {
        "shifts": t.gettext("on-call shifts"),
        "swap_requests": t.gettext("swap requests"),
        "swap_events": t.gettext("steps in the history of swaps"),
        "event_registrations": t.gettext("CME registrations"),
        "lok_group_members": t.gettext("LOK groups"),
        "questions": t.gettext("questions asked"),
        "replacements": t.gettext("replacements"),
        "board_posts": t.gettext("posts on the locum board"),
        "board_subscriptions": t.gettext("vacancy alerts"),
        "calendar_feeds": t.gettext("calendar subscriptions"),
        "external_credits": t.gettext("CME followed elsewhere"),
        "kb_entries": t.gettext("knowledge base entries added"),
        "outbox": t.gettext("messages from the bot"),
        "invites": t.gettext("invitations"),
        "audit_log": t.gettext("actions in the coordinators' log"),
        "broadcasts": t.gettext("announcements written"),
    }[kind]


def forget_confirm(t: Translator, member: Member, own: bool, future_shifts: int) -> str:
    text = _forget_question(t, member, own)
    if future_shifts:
        text += "\n\n" + t.ngettext(
            "⚠️ There is still {n} future on-call shift in this name. Erasing leaves it without a "
            "doctor; the coordinator is told at once and has to find a replacement.",
            "⚠️ There are still {n} future on-call shifts in this name. Erasing leaves them "
            "without a doctor; the coordinator is told at once and has to find replacements.",
            future_shifts,
        ).format(n=future_shifts)
    return text


def _forget_question(t: Translator, member: Member, own: bool) -> str:
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
