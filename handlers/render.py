"""The only place where translated text meets data.

Every function takes the reader's Translator, translates first and formats after, and escapes
everything that came from a person (names, zones, free text) because messages are sent as HTML.
"""

import html
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from bot.core.board import PostNotAvailable
from bot.core.broadcast import CAPTION_LIMIT, Delivery
from bot.core.cme import CHECKIN_OPENS, Attendee, Credits, EventView, LokGroupYear
from bot.core.errors import (
    AlreadyMember,
    AlreadyRegistered,
    BadButton,
    BroadcastClosed,
    DomainError,
    EventNotAvailable,
    InvalidBroadcast,
    InvalidCheckIn,
    InvalidEvent,
    InvalidImport,
    InvalidName,
    InvalidRiziv,
    InviteInvalid,
    JoinRequestNotFound,
    MemberNotFound,
    NotAllowed,
    NotAMember,
    NotRegistered,
    QuestionNotFound,
    StoreUnavailable,
    UnknownLanguage,
    UnreadableTable,
)
from bot.core.fees import LONG_RATE, MEDIUM_MAX_RATE, FeeResult, InvalidFeeInput, Rule
from bot.core.knowledge.model import Entry, Source
from bot.core.locum import END_ITEMS, START_ITEMS, InvalidReplacement, ReplacementNotFound
from bot.core.membership import OnboardingStep, onboarding_step
from bot.core.models import (
    BoardPost,
    Broadcast,
    BroadcastState,
    DigestFrequency,
    Event,
    EventKind,
    EventStatus,
    Member,
    MemberStatus,
    OutboxState,
    PostKind,
    Question,
    Registration,
    RegistrationState,
    Replacement,
    Role,
    Rubric,
    Shift,
    Subscription,
    SwapEvent,
    SwapKind,
    SwapStatus,
)
from bot.core.riziv import RizivNumber
from bot.core.roster import ImportReport, RosterRejected, ShiftNotFound, Tally
from bot.core.services import Kring
from bot.core.swaps import SwapError, SwapView
from bot.i18n import LANGUAGE_NAMES, Translator

MESSAGE_LIMIT = 4096

_TAG = re.compile(r"<[^>]+>")


def esc(value: object) -> str:
    return html.escape(str(value), quote=False)


def plain(text: str) -> str:
    """HTML text as plain text, e.g. for a callback-query alert (which has no parse mode)."""
    return html.unescape(_TAG.sub("", text))


def split(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split a long text at line breaks into chunks Telegram accepts."""
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            current = line
        else:
            current = candidate
    if current or not chunks:
        chunks.append(current)
    return chunks


def role_name(t: Translator, role: Role) -> str:
    names = {
        Role.GP: t.gettext("GP"),
        Role.LOCUM: t.gettext("locum"),
        Role.COORDINATOR: t.gettext("coordinator"),
        Role.STAFF: t.gettext("staff member"),
    }
    return names[role]


def status_name(t: Translator, status: MemberStatus) -> str:
    names = {
        MemberStatus.PENDING: t.gettext("pending"),
        MemberStatus.ACTIVE: t.gettext("active"),
        MemberStatus.SUSPENDED: t.gettext("suspended"),
        MemberStatus.FORGOTTEN: t.gettext("erased at their request"),
    }
    return names[status]


def not_a_member(t: Translator, kring: Kring) -> str:
    return t.gettext(
        "Hello! This bot is for the members of {kring}, and you are not a member yet.\n\n"
        "To join, ask the coordinator ({contact}) for an invitation link, or request "
        "membership with the button below."
    ).format(kring=esc(kring.name), contact=esc(kring.contact))


def onboarding_question(t: Translator, member: Member, kring: Kring) -> str:
    step = onboarding_step(member)
    if step is OnboardingStep.NAME:
        return t.gettext(
            "Welcome to {kring}! What is your full name (first name and surname)?"
        ).format(kring=esc(kring.name))
    if step is OnboardingStep.RIZIV:
        return t.gettext(
            "Thank you, {name}. What is your RIZIV number? It has 11 digits, "
            "for example 1-23456-78-901."
        ).format(name=esc(member.name))
    if step is OnboardingStep.AWAITING_APPROVAL:
        return t.gettext(
            "Thank you. Your request has been sent to the coordinator of {kring}. "
            "You will get a message as soon as it is approved."
        ).format(kring=esc(kring.name))
    return activated(t, member, kring)


def activated(t: Translator, member: Member, kring: Kring) -> str:
    return t.gettext(
        "Welcome, {name}! You are now a member of {kring} as {role}. "
        "Send /help to see what you can do."
    ).format(name=esc(member.name), kring=esc(kring.name), role=role_name(t, member.role))


def welcome_back(t: Translator, member: Member) -> str:
    return t.gettext("Welcome back, {name}. Send /help to see what you can do.").format(
        name=esc(member.name)
    )


def finish_registration_first(t: Translator, member: Member, kring: Kring) -> str:
    return (
        t.gettext("Please finish your registration first.")
        + "\n\n"
        + onboarding_question(t, member, kring)
    )


def suspended(t: Translator, kring: Kring) -> str:
    return t.gettext(
        "Your membership is suspended. Please contact the coordinator ({contact})."
    ).format(contact=esc(kring.contact))


def slow_down(t: Translator) -> str:
    return t.gettext(
        "You are sending messages faster than I can answer. Please wait a minute and try again."
    )


def not_allowed(t: Translator, coordinator_only: bool) -> str:
    if coordinator_only:
        return t.gettext("Only the coordinator can do this.")
    return t.gettext("Only the coordinator and the kring staff can do this.")


def help_text(t: Translator, member: Member | None, kring: Kring) -> str:
    if member is None:
        return not_a_member(t, kring)
    lines = [t.gettext("<b>What you can do</b>"), ""]
    lines += [f"/{command} – {description}" for command, description in member_commands(t)]
    if member.role in (Role.COORDINATOR, Role.STAFF):
        lines += ["", t.gettext("<b>For the coordinator</b>")]
        lines += [f"/{command} – {description}" for command, description in manager_commands(t)]
    lines += ["", t.gettext("You can also just type a question.")]
    return "\n".join(lines)


def member_commands(t: Translator) -> list[tuple[str, str]]:
    return [
        ("help", t.gettext("what you can do")),
        ("settings", t.gettext("your settings")),
        ("language", t.gettext("change your language")),
        ("ask", t.gettext("ask the knowledge base a question")),
        ("fee", t.gettext("calculate a locum's fee contribution")),
        ("locum", t.gettext("your replacements and their checklists")),
        ("mydata", t.gettext("everything the kring holds about you")),
        ("forget", t.gettext("erase your data")),
        ("shifts", t.gettext("your on-call shifts; swap one")),
        ("swaps", t.gettext("swap requests you can take")),
        ("cme", t.gettext("CME events: register and unregister")),
        ("credits", t.gettext("your accreditation points")),
    ]


def manager_commands(t: Translator) -> list[tuple[str, str]]:
    return [
        ("invite", t.gettext("invite a new member")),
        ("members", t.gettext("list the members")),
        ("inbox", t.gettext("questions for the coordinator")),
        ("roster", t.gettext("import the roster; fairness, exemptions, act for a member")),
        ("approvals", t.gettext("swaps waiting for approval")),
        ("export", t.gettext("export the roster changes as CSV")),
        ("events", t.gettext("manage CME events and attendance")),
    ]


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
            t.gettext(
                "During quiet hours announcements wait until they end; urgent ones come at once."
            ),
            reminder_setting(t, member.shift_reminder_hours),
        ]
    )


def choose_invite_role(t: Translator) -> str:
    return t.gettext("Which role does the new member get? (You can also type /invite gp ZONE.)")


def invite_created(
    t: Translator, link: str, role: Role, zone: str | None, expires_at: datetime
) -> str:
    text = t.gettext(
        "Invitation for a new {role}. Send this link to that person only; it works once "
        "and expires on {date}.\n\n{link}"
    ).format(role=role_name(t, role), date=t.date(expires_at, "long"), link=esc(link))
    if zone:
        text += "\n" + t.gettext("Zone: {zone}").format(zone=esc(zone))
    return text


def invite_usage(t: Translator) -> str:
    return t.gettext(
        "Unknown role. Use /invite with one of: gp, locum, staff, coordinator, and optionally a "
        "zone, for example: /invite gp Noord"
    )


def members_list(t: Translator, members: Iterable[Member]) -> str:
    members = list(members)
    lines = [
        t.ngettext("<b>{count} member</b>", "<b>{count} members</b>", len(members)).format(
            count=len(members)
        )
    ]
    for member in members:
        line = "• {name} – {role}".format(
            name=esc(member.name or t.gettext("(no name yet)")), role=role_name(t, member.role)
        )
        if member.zone:
            line += f", {esc(member.zone)}"
        if member.status is not MemberStatus.ACTIVE:
            line += f" ({status_name(t, member.status)})"
        if not member.reachable:
            line += " – " + t.gettext("unreachable")
        lines.append(line)
    return "\n".join(lines)


def join_decided(t: Translator, member: Member, approved: bool) -> str:
    if approved:
        return t.gettext("Approved: {name} is now a member ({role}).").format(
            name=esc(member.name), role=role_name(t, member.role)
        )
    return t.gettext("Rejected: the membership request of {name}.").format(name=esc(member.name))


def ask_usage(t: Translator) -> str:
    return t.gettext(
        "Type your question after /ask, for example: /ask Do I need an LOK as a locum? "
        "You can also just send the question as a message."
    )


def knowledge_answer(t: Translator, entry: Entry, source: Source | None) -> str:
    return f"{esc(entry.answer)}\n\n<i>{source_line(t, entry, source)}</i>"


def source_line(t: Translator, entry: Entry, source: Source | None) -> str:
    if source is None:
        return t.gettext("Source: unknown")
    if entry.demo:
        return t.gettext("Source: {title} (demo value, to be filled in by the coordinator)").format(
            title=esc(source.title)
        )
    return document_source(t, source, entry.section)


def document_source(t: Translator, source: Source | None, section: str | None = None) -> str:
    if source is None:
        return t.gettext("Source: unknown")
    where = esc(source.title) + (f", {esc(section)}" if section else "")
    if source.revised is not None:
        return t.gettext("Source: {source} (revised {date})").format(
            source=where, date=t.date(source.revised, "long")
        )
    return t.gettext("Source: {source} (undated; consulted {date})").format(
        source=where, date=t.date(source.retrieved, "long") if source.retrieved else "–"
    )


def did_you_mean(t: Translator) -> str:
    return t.gettext("Did you mean one of these questions?")


def no_answer(t: Translator) -> str:
    return t.gettext(
        "I have no reliable answer to that in the kring's knowledge base (and I do not give "
        "medical advice). Shall I forward your question to the coordinator?"
    )


def thanks_for_rating(t: Translator, helpful: bool) -> str:
    if helpful:
        return t.gettext("Thank you!")
    return t.gettext("Thank you. You can forward the question to the coordinator.")


def forwarded(t: Translator) -> str:
    return t.gettext(
        "Your question has been forwarded to the coordinator. The answer will arrive here."
    )


def inbox(t: Translator, questions: Iterable[Question]) -> str:
    questions = list(questions)
    waiting = [q for q in questions if q.open]
    weak = [q for q in questions if not q.open]
    if not questions:
        return t.gettext("The inbox is empty: no open questions.")
    lines: list[str] = []
    if waiting:
        lines.append(t.gettext("<b>Forwarded questions waiting for your reply</b>"))
        lines += [
            f"{number}. {esc(q.text)} <i>({t.datetime(q.created_at, 'short')})</i>"
            for number, q in enumerate(waiting, start=1)
        ]
    if weak:
        if lines:
            lines.append("")
        lines.append(t.gettext("<b>Questions the knowledge base answered badly or not at all</b>"))
        lines += [f"• {esc(q.text)} <i>({t.datetime(q.created_at, 'short')})</i>" for q in weak]
    return "\n".join(lines)


def type_your_reply(t: Translator, question: Question) -> str:
    return t.gettext("Type your reply to this question (or /cancel):\n\n<i>{text}</i>").format(
        text=esc(question.text)
    )


def reply_sent(t: Translator) -> str:
    return t.gettext("Your reply has been sent.")


def reply_cancelled(t: Translator) -> str:
    return t.gettext("Cancelled: nothing was sent.")


def fee_choose_kind(t: Translator) -> str:
    return t.gettext(
        "<b>Fee contribution calculator</b>\nWhat kind of replacement is it? (/cancel stops)"
    )


def fee_ask_monthly_income(t: Translator) -> str:
    return t.gettext("What is your gross income from this replacement per month, in euro?")


def fee_ask_hours(t: Translator) -> str:
    return t.gettext("How many hours a week do you replace?")


def fee_ask_free_booklets_income(t: Translator, free_booklets: Decimal) -> str:
    return t.gettext(
        "How much of that income comes from the first {count} performance booklets of the "
        "month, in euro? No contribution is due on those."
    ).format(count=t.number(free_booklets))


def fee_ask_consultation_fee(t: Translator) -> str:
    return t.gettext("What is the current fee of a GP consultation, in euro?")


def fee_not_a_number(t: Translator) -> str:
    return t.gettext("Please send a number, for example 2500 or 2.500,50.")


def fee_invalid(t: Translator, error: InvalidFeeInput) -> str:
    if error.reason == "hours":
        return t.gettext("Please send the hours you work per week: more than 0 and at most 168.")
    if error.reason == "period":
        return t.gettext("Please describe the period in a few words, for example: March 2026.")
    return t.gettext(
        "Please send an amount of 0 euro or more; the income of the free booklets cannot be "
        "more than the income of the month."
    )


def fee_result(t: Translator, result: FeeResult, source: Source | None) -> str:
    if result.rule is Rule.NONE_SHORT:
        text = t.gettext(
            "<b>No fee contribution.</b>\nFor a replacement of 4 weeks or less the guideline "
            "asks no contribution: a locum is hard to find at short notice."
        )
    elif result.rule is Rule.NONE_ACUTE:
        text = t.gettext(
            "<b>No fee contribution.</b>\nFor a replacement after an unexpected dropout "
            "(illness, accident …) the guideline asks no contribution."
        )
    elif result.rule is Rule.NEGOTIABLE:
        text = t.gettext(
            "<b>Between {low} and {high} per month.</b>\nFor 1 to 6 months the guideline "
            "suggests a fixed contribution of 0 to {rate} of your income, to agree with the "
            "practice, with a ceiling of {ceiling} per month. More patient contacts and more "
            "support from the practice raise it; full availability, a long commute and less "
            "experience lower it."
        ).format(
            low=t.money(result.low),
            high=t.money(result.high),
            ceiling=t.money(result.ceiling or 0),
            rate=t.percent(MEDIUM_MAX_RATE),
        )
    elif result.rule is Rule.BOOKLETS:
        text = t.gettext(
            "<b>{amount} for this month.</b>\nFor more than 6 months: no contribution on the "
            "first {count} performance booklets of the month, then {rate} of the income above "
            "them, at most {ceiling} per month for your hours (750 euro at 32 hours a week)."
        ).format(
            amount=t.money(result.amount),
            count=t.number(result.free_booklets or 0),
            ceiling=t.money(result.ceiling or 0),
            rate=t.percent(LONG_RATE),
        )
    else:
        text = t.gettext(
            "<b>{amount} per hour.</b>\nIn a forfait practice or a community health centre the "
            "guideline suggests, instead of a contribution, a gross hourly rate of two "
            "consultations."
        ).format(amount=t.money(result.amount))
    return f"{text}\n\n<i>{document_source(t, source)}</i>"


def note_ask_replaced_name(t: Translator) -> str:
    return t.gettext("Expense note: what is the name of the doctor or practice you replaced?")


def note_ask_replaced_riziv(t: Translator) -> str:
    return t.gettext("What is the RIZIV number of the replaced doctor?")


def note_ask_period(t: Translator) -> str:
    return t.gettext("For which period? For example: March 2026, or 1/3/2026 – 31/3/2026.")


def note_ask_agreed_amount(t: Translator) -> str:
    return t.gettext("What contribution did you agree on for this period, in euro?")


def note_ready(t: Translator) -> str:
    return t.gettext("Here is your expense note, addressed to the replaced doctor or practice.")


def expense_note_filename(t: Translator) -> str:
    return t.gettext("expense-note") + ".pdf"


def checklist_item(t: Translator, item: str) -> str:
    labels = {
        "myriziv": t.gettext("MyRiziv: grouping with the replaced doctor"),
        "emd": t.gettext("EMD software: own user with the vendor, Hector"),
        "agenda": t.gettext("Online agenda: your name and hours"),
        "lab": t.gettext("Laboratory: results in your name"),
        "pacs": t.gettext("PacsOnWeb (optional)"),
        "vaccinnet": t.gettext("Vaccinnet (optional)"),
        "stamp": t.gettext("Stamp in your own name"),
        "insurance": t.gettext("Insurance: liability and guaranteed income"),
        "contract": t.gettext("Replacement contract signed"),
        "fee": t.gettext("Fee contribution agreed (/fee)"),
        "ehealth": t.gettext("Remove your eHealth certificate"),
        "hector": t.gettext("Stop the Hector link"),
        "export": t.gettext("Export your tarifications (Excel)"),
        "proof": t.gettext("Keep the proof for seven years"),
        "note": t.gettext("Send the expense note (/fee)"),
    }
    return labels[item]


def replacements(t: Translator, items: Iterable[Replacement]) -> str:
    items = list(items)
    if not items:
        return t.gettext(
            "<b>Your replacements</b>\nNone recorded yet. Record one to get its checklists and "
            "a reminder before the last day."
        )
    lines = [t.gettext("<b>Your replacements</b>")]
    lines += [
        "• {practice} ({doctor}): {start} – {end}".format(
            practice=esc(r.practice),
            doctor=esc(r.replaced_doctor),
            start=t.date(r.start_on, "short"),
            end=t.date(r.end_on, "short"),
        )
        for r in items
    ]
    return "\n".join(lines)


def checklist(t: Translator, replacement: Replacement, part: str) -> str:
    items = START_ITEMS if part == "start" else END_ITEMS
    done = sum(item in replacement.done for item in items)
    title = (
        t.gettext("<b>Start checklist</b> – {practice}")
        if part == "start"
        else t.gettext("<b>Last-day checklist</b> – {practice}")
    ).format(practice=esc(replacement.practice))
    progress = t.gettext("{done} of {total} done. Tap an item to tick it.").format(
        done=done, total=len(items)
    )
    return f"{title}\n{progress}"


def practice_choice(t: Translator, entries: Iterable[Entry]) -> str:
    parts = [t.gettext("<b>Choosing a practice: what to check</b>")]
    parts += [esc(entry.answer) for entry in entries]
    return "\n\n".join(parts)


def replacement_ask_practice(t: Translator) -> str:
    return t.gettext("New replacement: in which practice? (/cancel stops)")


def replacement_ask_doctor(t: Translator) -> str:
    return t.gettext("Which doctor do you replace?")


def replacement_ask_start(t: Translator) -> str:
    return t.gettext("First day? For example 3/3/2026.")


def replacement_ask_end(t: Translator) -> str:
    return t.gettext("Last day? For example 31/3/2026.")


def replacement_saved(t: Translator, replacement: Replacement) -> str:
    return t.gettext(
        "Saved: {practice}, {start} – {end}. You will get a reminder with the last-day "
        "checklist two days before the end."
    ).format(
        practice=esc(replacement.practice),
        start=t.date(replacement.start_on, "long"),
        end=t.date(replacement.end_on, "long"),
    )


def _languages(t: Translator, languages: Iterable[str]) -> str:
    return ", ".join(esc(language) for language in languages) or t.gettext("any")


def board_ask_start(t: Translator, kind: PostKind) -> str:
    if kind is PostKind.NEED:
        return t.gettext("Find a locum: from which day? For example 3/3/2026. (/cancel stops)")
    return t.gettext("Your availability: from which day? For example 3/3/2026. (/cancel stops)")


def board_ask_zone(t: Translator) -> str:
    return t.gettext("In which zone (WDO or town)?")


def board_ask_software(t: Translator) -> str:
    return t.gettext("Which EMD software (or - if it does not matter)?")


def board_ask_languages(t: Translator) -> str:
    return t.gettext("Which languages, separated by commas (for example: nl, fr), or - for any?")


def board_ask_details(t: Translator) -> str:
    return t.gettext("Anything else: days and hours, type of practice, a note? (or - for nothing)")


def board_posted(t: Translator, post: BoardPost, told: int) -> str:
    text = t.gettext("Published until {date}.").format(date=t.date(post.end_on, "long"))
    if post.kind is PostKind.NEED:
        text += " " + t.ngettext(
            "{count} locum with matching preferences was told.",
            "{count} locums with matching preferences were told.",
            told,
        ).format(count=told)
    return text + "\n\n" + board_post(t, post)


def board_post(t: Translator, post: BoardPost) -> str:
    title = (
        t.gettext("<b>Locum wanted</b>")
        if post.kind is PostKind.NEED
        else t.gettext("<b>Locum available</b>")
    )
    lines = [
        title,
        t.gettext("{start} – {end}, zone {zone}").format(
            start=t.date(post.start_on, "short"),
            end=t.date(post.end_on, "short"),
            zone=esc(post.zone),
        ),
        t.gettext("Software: {software}. Languages: {languages}.").format(
            software=esc(post.software) or t.gettext("any"),
            languages=_languages(t, post.languages),
        ),
    ]
    if post.details:
        lines.append(esc(post.details))
    return "\n".join(lines)


def board_ask_zones(t: Translator) -> str:
    return t.gettext(
        "Follow vacancies: in which zones, separated by commas (or - for all)? (/cancel stops)"
    )


def board_ask_software_wanted(t: Translator) -> str:
    return t.gettext("Which EMD software do you know, separated by commas (or - for any)?")


def board_ask_period(t: Translator) -> str:
    return t.gettext("When are you available? For example 1/12/2026 - 31/3/2027, or - for always.")


def board_following(t: Translator, subscription: Subscription) -> str:
    return t.gettext(
        "Saved. You will be told about needs in {zones} (software: {software}; languages: "
        "{languages})."
    ).format(
        zones=_languages(t, subscription.zones),
        software=_languages(t, subscription.software),
        languages=_languages(t, subscription.languages),
    )


def board_empty(t: Translator) -> str:
    return t.gettext("There is nothing on the board for you right now.")


def board_interest_sent(t: Translator) -> str:
    return t.gettext("The author has been told you are interested.")


def board_picked(t: Translator, chosen: Member) -> str:
    return t.gettext("You chose {name}. You both receive each other's contact details.").format(
        name=esc(chosen.name)
    )


def board_closed(t: Translator) -> str:
    return t.gettext("This post is closed.")


def replacement_cancelled(t: Translator) -> str:
    return t.gettext("Nothing was saved.")


def fee_cancelled(t: Translator) -> str:
    return t.gettext("The calculation was stopped.")


def event_kind(t: Translator, kind: EventKind) -> str:
    names = {
        EventKind.LOK: t.gettext("LOK session"),
        EventKind.LECTURE: t.gettext("lecture"),
        EventKind.WEBINAR: t.gettext("webinar"),
    }
    return names[kind]


def rubric_name(t: Translator, rubric: Rubric) -> str:
    names = {
        Rubric.GENERAL: t.gettext("general"),
        Rubric.ETHICS: t.gettext("ethics & economics"),
    }
    return names[rubric]


def _when(t: Translator, start_at: datetime, end_at: datetime | None = None) -> str:
    moment = f"{t.date(start_at, 'EEE d MMM yyyy')}, {t.time(start_at)}"
    return f"{moment}–{t.time(end_at)}" if end_at is not None else moment


def _event_lines(t: Translator, event: Event) -> list[str]:
    lines = [
        f"<b>{esc(event.title)}</b> ({event_kind(t, event.kind)})",
        _when(t, event.start_at, event.end_at)
        + (f" · {esc(event.location)}" if event.location else ""),
    ]
    if event.speaker:
        lines.append(t.gettext("Speaker: {speaker}").format(speaker=esc(event.speaker)))
    if event.points:
        lines.append(
            t.ngettext(
                "{points} accreditation point ({rubric})",
                "{points} accreditation points ({rubric})",
                event.points,
            ).format(points=event.points, rubric=rubric_name(t, event.rubric))
        )
    if event.description:
        lines.append(esc(event.description))
    return lines


def _seats(t: Translator, view: EventView) -> str:
    if view.mine is not None and view.position is not None:
        return t.gettext("You are number {position} on the waiting list.").format(
            position=view.position
        )
    if view.mine is not None:
        return t.gettext("✅ You are registered.")
    if view.seats_left is None:
        return t.gettext("Registration until {deadline}.").format(
            deadline=_when(t, view.event.deadline_at)
        )
    if view.seats_left == 0:
        return t.gettext("Full: you can join the waiting list.")
    return t.ngettext(
        "{seats} seat left, registration until {deadline}.",
        "{seats} seats left, registration until {deadline}.",
        view.seats_left,
    ).format(seats=view.seats_left, deadline=_when(t, view.event.deadline_at))


def cme_events(t: Translator, views: Iterable[EventView]) -> str:
    blocks = [
        "\n".join([f"{n}. " + _event_lines(t, v.event)[0], *_event_lines(t, v.event)[1:]])
        + "\n"
        + _seats(t, v)
        for n, v in enumerate(views, start=1)
    ]
    if not blocks:
        return t.gettext("There are no upcoming events for you at the moment.")
    return t.gettext("<b>Upcoming CME events</b>") + "\n\n" + "\n\n".join(blocks)


def cme_registered(t: Translator, view: EventView) -> str:
    if view.position is not None:
        return t.gettext(
            "{title} is full. You are number {position} on the waiting list; when a seat "
            "frees up you will be asked to confirm."
        ).format(title=esc(view.event.title), position=view.position)
    return t.gettext(
        "You are registered for {title} ({when}). Add it to your calendar with the file "
        "above; you will get a reminder the day before."
    ).format(title=esc(view.event.title), when=_when(t, view.event.start_at))


def hour_reminder_set(t: Translator) -> str:
    return t.gettext("You will also get a reminder an hour before the start.")


def cme_unregistered(t: Translator, event: Event) -> str:
    return t.gettext("You are no longer registered for {title}.").format(title=esc(event.title))


def cme_confirmed(t: Translator, event: Event) -> str:
    return t.gettext("Your seat for {title} is confirmed. See you on {when}!").format(
        title=esc(event.title), when=_when(t, event.start_at)
    )


def cme_declined(t: Translator, event: Event) -> str:
    return t.gettext("You gave up your seat for {title}; it goes to the next on the list.").format(
        title=esc(event.title)
    )


def checked_in(t: Translator, event: Event, registration: Registration) -> str:
    text = t.gettext("Welcome! You are checked in for {title}.").format(title=esc(event.title))
    if registration.walk_in:
        text += " " + t.gettext("You were not registered, so you were added as a walk-in.")
    return text


def credits(t: Translator, summary: Credits) -> str:
    lines = [t.gettext("<b>Your accreditation points in {year}</b>").format(year=summary.year)]
    lines += [f"{rubric_name(t, rubric)}: {points} CP" for rubric, points in summary.points.items()]
    if summary.lok_minimum is not None:
        lines.append(
            t.gettext("LOK sessions attended: {count} of the yearly minimum of {minimum}.").format(
                count=summary.lok_sessions, minimum=summary.lok_minimum
            )
        )
    if summary.events:
        lines += ["", t.gettext("Attended:")]
        lines += [
            f"• {t.date(e.start_at, 'short')} {esc(e.title)} ({e.points} CP)"
            for e in summary.events
        ]
    return "\n".join(lines)


def events_overview(t: Translator, events: Iterable[Event]) -> str:
    lines = [t.gettext("<b>Events</b>")]
    for event in events:
        status = f" – {t.gettext('cancelled')}" if event.status is EventStatus.CANCELLED else ""
        lines.append(f"• {_when(t, event.start_at)} {esc(event.title)}{status}")
    if len(lines) == 1:
        lines.append(t.gettext("No upcoming events."))
    return "\n".join(lines)


def event_details(t: Translator, event: Event, attendees: Iterable[Attendee]) -> str:
    registrations = list(attendees)
    seats = sum(1 for a in registrations if a.registration.has_seat)
    waiting = sum(1 for a in registrations if a.registration.state is RegistrationState.WAITING)
    capacity = "∞" if event.capacity is None else str(event.capacity)
    lines = _event_lines(t, event)
    lines.append(
        t.gettext("Registered: {seats} of {capacity}; waiting list: {waiting}.").format(
            seats=seats, capacity=capacity, waiting=waiting
        )
    )
    lines.append(
        t.gettext("Registration until {deadline}.").format(deadline=_when(t, event.deadline_at))
    )
    if event.status is EventStatus.CANCELLED:
        lines.append(t.gettext("This event has been cancelled."))
    return "\n".join(lines)


def attendance(t: Translator, event: Event, attendees: Iterable[Attendee]) -> str:
    lines = [t.gettext("<b>Registrations for {title}</b>").format(title=esc(event.title))]
    for a in attendees:
        registration = a.registration
        if registration.state is RegistrationState.WAITING:
            mark = t.gettext("waiting list")
        elif registration.state is RegistrationState.OFFERED:
            mark = t.gettext("seat offered")
        else:
            mark = t.gettext("present") if registration.attended_at else t.gettext("registered")
        walk_in = f", {t.gettext('walk-in')}" if registration.walk_in else ""
        lines.append(f"• {esc(a.member.name)} ({mark}{walk_in})")
    if len(lines) == 1:
        lines.append(t.gettext("Nobody has registered yet."))
    lines += ["", t.gettext("Tap a name to tick or untick attendance.")]
    return "\n".join(lines)


def checkin_link(t: Translator, event: Event, link: str) -> str:
    return t.gettext(
        "Check-in for {title}: show this QR code at the door. Members scan it with their "
        "phone's camera and tap Start. It works from {opens} until {closes}.\n{link}"
    ).format(
        title=esc(event.title),
        opens=t.time(event.start_at - CHECKIN_OPENS),
        closes=t.time(event.end_at),
        link=esc(link),
    )


def attendance_header(t: Translator) -> list[str]:
    return [
        t.gettext("Name"),
        t.gettext("RIZIV number"),
        t.gettext("Points"),
        t.gettext("Rubric"),
        t.gettext("Event"),
        t.gettext("Date"),
    ]


def attendance_exported(t: Translator, event: Event, present: int) -> str:
    return t.ngettext(
        "Attendance list of {title}: {count} member present.",
        "Attendance list of {title}: {count} members present.",
        present,
    ).format(title=esc(event.title), count=present)


def attendance_filename(t: Translator, event: Event) -> str:
    return t.gettext("attendance-{number}.csv").format(number=event.id)


def event_ask_kind(t: Translator) -> str:
    return t.gettext("New event: what kind of event is it? (/cancel stops)")


def event_ask_title(t: Translator) -> str:
    return t.gettext("The title?")


def event_ask_start(t: Translator) -> str:
    return t.gettext("When does it start? For example 10/12/2026 20:00.")


def event_ask_end(t: Translator) -> str:
    return t.gettext("When does it end? For example 22:00.")


def event_ask_location(t: Translator) -> str:
    return t.gettext("Where (address, room, or online)?")


def event_ask_capacity(t: Translator) -> str:
    return t.gettext("How many seats? (- for no limit)")


def event_ask_points(t: Translator) -> str:
    return t.gettext("How many accreditation points (CP)? (0 for none)")


def event_ask_rubric(t: Translator) -> str:
    return t.gettext("In which rubric?")


def event_created(t: Translator, event: Event) -> str:
    return (
        t.gettext("The event is published; members see it with /cme.")
        + "\n\n"
        + "\n".join(_event_lines(t, event))
    )


def event_ask_import(t: Translator) -> str:
    return t.gettext(
        "Send the CSV file now. Columns: title, kind (lok, lecture, webinar), start "
        "(10/12/2026 20:00), end (22:00), and optionally location, speaker, description, "
        "capacity, points, rubric (ethics), audience (all, gps, locums, lok), lok_group, deadline. "
        "(/cancel stops)"
    )


def events_imported(t: Translator, events: Iterable[Event]) -> str:
    imported = list(events)
    return (
        t.ngettext("{count} event imported:", "{count} events imported:", len(imported)).format(
            count=len(imported)
        )
        + "\n"
        + "\n".join(f"• {_when(t, e.start_at)} {esc(e.title)}" for e in imported)
    )


def event_ask_value(t: Translator, field_name: str) -> str:
    questions = {
        "title": event_ask_title(t),
        "start": event_ask_start(t),
        "location": event_ask_location(t),
        "capacity": event_ask_capacity(t),
        "points": event_ask_points(t),
        "deadline": t.gettext("Registration closes when? For example 9/12/2026 12:00."),
    }
    return questions[field_name]


def event_edit_choose(t: Translator) -> str:
    return t.gettext("What do you want to change? (/cancel stops)")


def event_confirm_cancel(t: Translator, event: Event) -> str:
    return t.gettext(
        "Cancel {title}? Everyone who registered or is on the waiting list will be told."
    ).format(title=esc(event.title))


def event_cancelled(t: Translator, event: Event, told: int) -> str:
    return t.ngettext(
        "{title} is cancelled; {count} member was told.",
        "{title} is cancelled; {count} members were told.",
        told,
    ).format(title=esc(event.title), count=told)


def walk_in_ask(t: Translator) -> str:
    return t.gettext("Who came? Send the RIZIV number or the name of the member. (/cancel stops)")


def walk_in_added(t: Translator, attendee: Attendee) -> str:
    return t.gettext("{name} is marked present.").format(name=esc(attendee.member.name))


def events_stopped(t: Translator) -> str:
    return t.gettext("Stopped; nothing was changed.")


def lok_overview(t: Translator, groups: Iterable[LokGroupYear], year: int) -> str:
    lines = [t.gettext("<b>LOK groups in {year}</b>").format(year=year)]
    for item in groups:
        mark = "✅" if item.meets_requirement else "🗓" if item.on_track else "⚠️"
        lines.append(
            t.gettext(
                "{mark} {name}: {held} of {required} meetings held, {planned} planned; "
                "{members} members"
            ).format(
                mark=mark,
                name=esc(item.group.name),
                held=item.held,
                planned=item.planned,
                required=item.required,
                members=len(item.group.member_ids),
            )
            + ("" if item.size_ok else " " + t.gettext("(a LOK has 8 to 25 members)"))
        )
    if len(lines) == 1:
        lines.append(t.gettext("There are no LOK groups yet."))
    return "\n".join(lines)


def _event_notice(t: Translator, params: dict[str, Any]) -> dict[str, str]:
    start_at = datetime.fromisoformat(params["start_at"])
    return {"title": esc(params["title"]), "when": _when(t, start_at)}


def notification(t: Translator, kind: str, params: dict[str, Any], kring: Kring) -> str:
    role = Role(params.get("role", Role.GP))
    if kind == "join_request":
        riziv = params.get("riziv")
        return t.gettext(
            "<b>Membership request</b>\n{name}\nRIZIV: {riziv}\n\nApprove this person?"
        ).format(name=esc(params.get("name")), riziv=RizivNumber(riziv) if riziv else "–")
    if kind == "member_joined":
        return t.gettext("{name} has joined {kring} as {role} with your invitation.").format(
            name=esc(params.get("name")), kring=esc(kring.name), role=role_name(t, role)
        )
    if kind == "question_forwarded":
        return t.gettext(
            "<b>Question from {name}</b> ({role}):\n\n{text}\n\nThe knowledge base had no good "
            "answer. Tap Reply to answer; your reply goes to {name} through the bot."
        ).format(name=esc(params.get("name")), role=role_name(t, role), text=esc(params["text"]))
    if kind == "question_reply":
        return t.gettext(
            "<b>The coordinator answered your question</b>\n<i>{question}</i>\n\n{reply}"
        ).format(question=esc(params["question"]), reply=esc(params["reply"]))
    if kind == "board_post":
        return t.gettext(
            "<b>A locum is wanted</b> ({author})\n{start} – {end}, zone {zone}\n"
            "Software: {software}. Languages: {languages}.\n{details}"
        ).format(
            author=esc(params["author"]),
            start=t.date(date.fromisoformat(params["start_on"]), "short"),
            end=t.date(date.fromisoformat(params["end_on"]), "short"),
            zone=esc(params["zone"]),
            software=esc(params["software"]) or t.gettext("any"),
            languages=_languages(t, params["languages"]),
            details=esc(params["details"]),
        )
    if kind == "board_interest":
        return t.gettext(
            "{name} ({role}) is interested in your post ({start} – {end}, zone {zone})."
        ).format(
            name=esc(params["name"]),
            role=role_name(t, role),
            start=t.date(date.fromisoformat(params["start_on"]), "short"),
            end=t.date(date.fromisoformat(params["end_on"]), "short"),
            zone=esc(params["zone"]),
        )
    if kind == "board_match":
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
    if kind == "broadcast":
        return "<b>{kring}</b>\n{text}".format(kring=esc(kring.name), text=esc(params["text"]))
    if kind == "broadcast_report":
        return broadcast_report(t, params)
    if kind == "digest":
        return digest(t, params["sections"], kring)
    if kind == "ops_error":
        return t.gettext(
            "⚠️ <b>Error in the bot</b>: {signature} (reference {reference}), {count} time(s) "
            "since the last report. The log has the details."
        ).format(
            signature=esc(params["signature"]),
            reference=esc(params["reference"]),
            count=params["count"],
        )
    if kind.startswith(("swap_", "shift_")):
        return swap_notification(t, kind, params)
    if kind == "locum_end_reminder":
        return t.gettext(
            "Your replacement at {practice} ends on {date}. Time for the last-day checklist: "
            "eHealth certificate, Hector, tarifications, proof, expense note."
        ).format(
            practice=esc(params["practice"]),
            date=t.date(date.fromisoformat(params["end_on"]), "long"),
        )
    if kind == "cme_reminder":
        return t.gettext("Reminder: {title} on {when}{place}.").format(
            place=f", {esc(params['location'])}" if params.get("location") else "",
            **_event_notice(t, params),
        )
    if kind == "cme_offer":
        return t.gettext(
            "A seat is free for {title} ({when}) and you are first on the waiting list. "
            "Do you want it? Please confirm by {deadline}, after that it goes to the next person."
        ).format(
            deadline=_when(t, datetime.fromisoformat(params["expires_at"])),
            **_event_notice(t, params),
        )
    if kind == "cme_offer_expired":
        return t.gettext(
            "You did not confirm the free seat for {title} ({when}) in time; it went to the next "
            "person on the waiting list."
        ).format(**_event_notice(t, params))
    if kind == "cme_cancelled":
        return t.gettext(
            "<b>Cancelled:</b> {title} ({when}) does not take place. Your registration is void."
        ).format(**_event_notice(t, params))
    if kind == "join_approved":
        return t.gettext(
            "Your membership of {kring} has been approved: welcome! "
            "Send /help to see what you can do."
        ).format(kring=esc(kring.name))
    if kind == "join_rejected":
        return t.gettext(
            "Your membership request for {kring} was not approved. "
            "For questions, contact {contact}."
        ).format(kring=esc(kring.name), contact=esc(kring.contact))
    raise ValueError(f"unknown notification kind {kind!r}")


def domain_error(t: Translator, error: DomainError, kring: Kring) -> str:
    if isinstance(error, InvalidRiziv):
        return {
            "format": t.gettext(
                "A RIZIV number has 11 digits and starts with 1, for example 1-23456-78-901. "
                "Please try again."
            ),
            "check_digits": t.gettext(
                "The check digits of this RIZIV number are not correct. Please check the "
                "number and try again."
            ),
            "taken": t.gettext(
                "This RIZIV number is already registered. If it is yours, please contact "
                "the coordinator ({contact})."
            ).format(contact=esc(kring.contact)),
        }[error.reason]
    if isinstance(error, InvalidName):
        return t.gettext("That does not look like a name. Please send a first name and surname.")
    if isinstance(error, InviteInvalid):
        return {
            "unknown": t.gettext("This invitation link is not valid."),
            "used": t.gettext("This invitation link has already been used."),
            "expired": t.gettext(
                "This invitation link has expired. Please ask the coordinator for a new one."
            ),
        }[error.reason]
    if isinstance(error, AlreadyMember):
        return t.gettext("You are already a member. Send /help to see what you can do.")
    if isinstance(error, JoinRequestNotFound):
        return t.gettext("This request has already been handled.")
    if isinstance(error, QuestionNotFound):
        return t.gettext("This question is no longer available.")
    if isinstance(error, InvalidFeeInput):
        return fee_invalid(t, error)
    if isinstance(error, PostNotAvailable):
        return t.gettext("This post is no longer open.")
    if isinstance(error, ReplacementNotFound):
        return t.gettext("This replacement is no longer available.")
    if isinstance(error, InvalidReplacement):
        return {
            "date": t.gettext("Please send a date like 3/3/2026."),
            "end_before_start": t.gettext(
                "The last day is before the first day. Please send the last day again."
            ),
            "practice": t.gettext("Please send the name of the practice (2 to 80 characters)."),
        }[error.reason]
    if isinstance(error, UnreadableTable):
        return unreadable_table(t, error)
    if isinstance(error, InvalidBroadcast):
        return {
            "empty": t.gettext("An announcement needs a text or a document."),
            "too_long": t.gettext(
                "This text is too long for one message (with a document: {limit} characters "
                "at most). Please shorten it."
            ).format(limit=CAPTION_LIMIT),
            "audience": t.gettext("This audience does not exist (any more)."),
            "past": t.gettext("That moment has passed. Please give a moment in the future."),
            "moment": t.gettext("Please send a date and time like 24/12/2026 08:00."),
        }[error.reason]
    if isinstance(error, BroadcastClosed):
        return t.gettext("This announcement has been sent or cancelled already.")
    if isinstance(error, StoreUnavailable):
        return t.gettext(
            "The kring's database cannot be reached for a moment. Nothing was changed; please "
            "try again in a few minutes."
        )
    if isinstance(error, BadButton):
        return t.gettext("This button no longer works. Please start again from the menu (/help).")
    if isinstance(error, RosterRejected):
        return roster_rejected(t, error.problems)
    if isinstance(error, SwapError):
        return swap_error(t, error.reason)
    if isinstance(error, ShiftNotFound):
        return swap_error(t, "not_your_shift")
    if isinstance(error, (EventNotAvailable, AlreadyRegistered, NotRegistered, InvalidCheckIn)):
        return cme_refusal(t, error)
    if isinstance(error, InvalidEvent):
        return invalid_event(t, error)
    if isinstance(error, InvalidImport):
        problems = [invalid_event(t, problem) for problem in error.problems[:10]]
        return "\n".join([*problems, t.gettext("Nothing was imported.")])
    if isinstance(error, MemberNotFound):
        return t.gettext(
            "No single member matches. Send the 11-digit RIZIV number or a more complete name."
        )
    if isinstance(error, NotAMember):
        return not_a_member(t, kring)
    if isinstance(error, NotAllowed):
        return not_allowed(t, coordinator_only=False)
    if isinstance(error, UnknownLanguage):
        return choose_language(t)
    return unexpected_error(t, "-")


def cme_refusal(t: Translator, error: DomainError) -> str:
    if isinstance(error, AlreadyRegistered):
        return t.gettext("You are already registered (or on the waiting list) for this event.")
    if isinstance(error, NotRegistered):
        return t.gettext("There is no registration or seat offer of yours to change here.")
    if isinstance(error, InvalidCheckIn):
        return {
            "unknown": t.gettext("This check-in link is not valid."),
            "not_open": t.gettext(
                "Check-in is only possible from half an hour before the event until its end."
            ),
        }[error.reason]
    assert isinstance(error, EventNotAvailable)
    return {
        "unknown": t.gettext("This event does not exist (any more)."),
        "cancelled": t.gettext("This event has been cancelled."),
        "closed": t.gettext("Registration for this event is closed."),
        "started": t.gettext("This event has already started."),
        "audience": t.gettext("This event is not open to you."),
    }[error.reason]


def invalid_event(t: Translator, error: InvalidEvent) -> str:
    problem = {
        "title": t.gettext("A title has 3 to 120 characters."),
        "moment": t.gettext("Please send a date and time like 10/12/2026 20:00."),
        "end_before_start": t.gettext("The end must be after the start."),
        "number": t.gettext("Please send a whole number (or - for none)."),
        "kind": t.gettext("The kind must be lok, lecture or webinar."),
        "rubric": t.gettext("The rubric must be empty (general) or ethics."),
        "audience": t.gettext("The audience must be all, gps, locums or lok."),
        "lok_group": t.gettext("A LOK session for a LOK group needs an existing lok_group."),
        "deadline": t.gettext("The registration deadline must be before the start."),
        "empty": t.gettext("The file has no events."),
        "field": t.gettext("This cannot be changed."),
    }[error.reason]
    if error.line is None:
        return problem
    return t.gettext("Line {line}: {problem}").format(line=error.line, problem=problem)


def unreadable_table(t: Translator, error: UnreadableTable) -> str:
    problem = {
        "too_large": t.gettext("The file is too large."),
        "encoding": t.gettext("The file is not a text (CSV) file."),
        "empty": t.gettext("The file is empty."),
        "too_many_rows": t.gettext("The file has too many lines."),
        "columns": t.gettext("The file needs these columns: {columns}.").format(
            columns=esc(", ".join(error.columns))
        ),
    }[error.reason]
    return t.gettext("{problem} Nothing was imported.").format(problem=problem)


def unexpected_error(t: Translator, reference: str) -> str:
    return t.gettext(
        "Sorry, something went wrong on our side. Please try again later. (reference {ref})"
    ).format(ref=esc(reference))


def unknown_command(t: Translator) -> str:
    return t.gettext("I do not know that command. Send /help to see what you can do.")


def unsupported_message(t: Translator) -> str:
    return t.gettext("I can only read text messages here. Send /help to see what you can do.")


def shift_when(t: Translator, start: datetime, end: datetime, zone: str, post: str = "") -> str:
    """'Sat 5 Dec 2026, 19:00 – 08:00 · Noord': a shift on one line, in the member's language."""
    place = f"{zone} ({post})" if post else zone
    return t.gettext("{start} – {end} · {place}").format(
        start=t.datetime(start, "EEE d MMM y, HH:mm"),
        end=t.time(end) if end.date() == start.date() else t.datetime(end, "EEE HH:mm"),
        place=esc(place),
    )


def _shift(t: Translator, shift: Shift) -> str:
    return shift_when(t, shift.start_at, shift.end_at, shift.zone, shift.post)


def shift_title(t: Translator, shift: Shift) -> str:
    """The title of a shift in the phone's calendar."""
    return t.gettext("Wachtdienst {zone}").format(zone=shift.zone)


def shifts_list(t: Translator, shifts: Sequence[Shift], pending: Sequence[int]) -> str:
    if not shifts:
        return t.gettext("You have no shifts in the next 8 weeks.")
    lines = [t.gettext("<b>Your shifts in the next 8 weeks</b>"), ""]
    for number, shift in enumerate(shifts, 1):
        mark = t.gettext(" (swap requested)") if shift.id in pending else ""
        lines.append(f"{number}. {_shift(t, shift)}{mark}")
    lines += ["", t.gettext("Tap a number to ask a colleague to take that shift or to swap it.")]
    return "\n".join(lines)


def swap_kind_name(t: Translator, kind: SwapKind) -> str:
    return {
        SwapKind.GIVEAWAY: t.gettext("give away"),
        SwapKind.SWAP: t.gettext("swap"),
        SwapKind.ASSIGN: t.gettext("assigned by the coordinator"),
    }[kind]


def swap_ask_kind(t: Translator, shift: Shift) -> str:
    return t.gettext(
        "<b>Swap request</b>\n{shift}\n\nDo you want to give this shift away (a colleague takes "
        "it over) or swap it (the colleague gives you one of their shifts in return)?"
    ).format(shift=_shift(t, shift))


def swap_ask_audience(t: Translator, shift: Shift, kind: SwapKind) -> str:
    return t.gettext(
        "<b>Swap request ({kind})</b>\n{shift}\n\nAsk every colleague who can take it, or one "
        "colleague?"
    ).format(kind=swap_kind_name(t, kind), shift=_shift(t, shift))


def swap_ask_colleague(t: Translator, shift: Shift, colleagues: Sequence[Member]) -> str:
    if not colleagues:
        return t.gettext(
            "No colleague of zone {zone} is free around this shift. Please contact the coordinator."
        ).format(zone=esc(shift.zone))
    return t.gettext("Which colleague do you want to ask?")


def swap_confirm(t: Translator, shift: Shift, kind: SwapKind, target: str | None, note: str) -> str:
    lines = [
        t.gettext("<b>Swap request ({kind})</b>").format(kind=swap_kind_name(t, kind)),
        _shift(t, shift),
        t.gettext("For: {who}").format(
            who=esc(target) if target else t.gettext("every colleague who can take it")
        ),
    ]
    if note:
        lines.append(t.gettext("Note: {note}").format(note=esc(note)))
    lines += [
        "",
        t.gettext("Type a note for your colleagues if you like, then tap Send."),
    ]
    return "\n".join(lines)


def swap_requested(t: Translator, told: int) -> str:
    return "\n".join(
        [
            t.ngettext(
                "Your request was sent to {n} colleague.",
                "Your request was sent to {n} colleagues.",
                told,
            ).format(n=told),
            t.gettext(
                "You remain responsible for this shift until the swap is approved. "
                "I will let you know."
            ),
        ]
    )


def swap_draft_cancelled(t: Translator) -> str:
    return t.gettext("Swap request cancelled. Nothing was sent.")


def swap_line(t: Translator, view: SwapView) -> str:
    request = view.request
    lines = [
        t.gettext("{requester} asks: {kind}").format(
            requester=esc(view.requester.name), kind=swap_kind_name(t, request.kind)
        ),
        _shift(t, view.shift),
    ]
    if request.note:
        lines.append(t.gettext("Note: {note}").format(note=esc(request.note)))
    return "\n".join(lines)


def swaps_for_member(t: Translator, takeable: int, mine: int) -> str:
    if not takeable and not mine:
        return t.gettext("There are no open swap requests you can take.")
    return t.gettext("<b>Swap requests</b>")


def swap_status_name(t: Translator, status: SwapStatus) -> str:
    return {
        SwapStatus.OPEN: t.gettext("open"),
        SwapStatus.TAKEN: t.gettext("taken, waiting for approval"),
        SwapStatus.APPROVED: t.gettext("approved"),
        SwapStatus.REJECTED: t.gettext("rejected"),
        SwapStatus.WITHDRAWN: t.gettext("withdrawn"),
        SwapStatus.EXPIRED: t.gettext("expired"),
        SwapStatus.CANCELLED: t.gettext("cancelled"),
    }[status]


def my_swap(t: Translator, view: SwapView) -> str:
    return t.gettext("<b>Your request</b> ({status})\n{shift}").format(
        status=swap_status_name(t, view.request.status), shift=_shift(t, view.shift)
    )


def swap_ask_return(t: Translator, view: SwapView, options: Sequence[Shift]) -> str:
    if not options:
        return t.gettext(
            "{requester} asks for a swap, but none of your shifts can be given back for it."
        ).format(requester=esc(view.requester.name))
    return t.gettext("Which of your shifts do you give {requester} in return?").format(
        requester=esc(view.requester.name)
    )


def swap_taken(t: Translator, view: SwapView) -> str:
    if view.request.status is SwapStatus.APPROVED:
        return t.gettext("Done: this shift is now yours.\n{shift}").format(
            shift=_shift(t, view.shift)
        )
    return t.gettext(
        "You take over this shift. The coordinator still has to approve; until then "
        "{requester} remains responsible.\n{shift}"
    ).format(requester=esc(view.requester.name), shift=_shift(t, view.shift))


def approvals(t: Translator, count: int) -> str:
    if not count:
        return t.gettext("No swaps are waiting for your approval.")
    return t.ngettext(
        "{n} swap is waiting for your approval.", "{n} swaps are waiting for your approval.", count
    ).format(n=count)


def approval_line(t: Translator, view: SwapView) -> str:
    lines = [
        t.gettext("<b>{requester} → {taker}</b> ({kind})").format(
            requester=esc(view.requester.name),
            taker=esc(view.taker.name if view.taker else "?"),
            kind=swap_kind_name(t, view.request.kind),
        ),
        _shift(t, view.shift),
    ]
    if view.return_shift is not None:
        lines.append(t.gettext("In return: {shift}").format(shift=_shift(t, view.return_shift)))
    return "\n".join(lines)


def reject_cancelled(t: Translator) -> str:
    return t.gettext("The swap was not rejected; it is still waiting for your decision.")


def swap_history_choose(t: Translator) -> str:
    return t.gettext("Tap a request to see its history:")


def swap_ask_reason(t: Translator) -> str:
    return t.gettext("Why do you reject this swap? Type the reason (or /cancel).")


def swap_decided(t: Translator, view: SwapView) -> str:
    return t.gettext("{line}\n\nStatus: {status}").format(
        line=approval_line(t, view), status=swap_status_name(t, view.request.status)
    )


def swap_withdrawn(t: Translator) -> str:
    return t.gettext("Your swap request was withdrawn. The shift stays yours.")


def handover_confirmed(t: Translator, shift: Shift) -> str:
    return t.gettext("Thank you: you confirmed you have taken over the wacht.\n{shift}").format(
        shift=_shift(t, shift)
    )


def swap_error(t: Translator, reason: str) -> str:
    return {
        "not_your_shift": t.gettext("This shift is not yours (any more)."),
        "too_late": t.gettext(
            "This shift starts too soon for a swap request. Please call the coordinator."
        ),
        "already_requested": t.gettext("There is already a swap request for this shift."),
        "gone": t.gettext("Too late: a colleague already took this shift."),
        "closed": t.gettext("This swap request is no longer open."),
        "yours": t.gettext("You have already taken over this shift."),
        "not_eligible": t.gettext(
            "You cannot take this shift: it is for another zone or colleague, or you are on "
            "duty around it."
        ),
        "return_shift": t.gettext("Please choose one of your own shifts to give back."),
        "no_colleague": t.gettext("This colleague cannot take the shift."),
    }[reason]


def _notification_shift(t: Translator, params: dict[str, Any]) -> str:
    return shift_when(
        t,
        datetime.fromisoformat(params["start"]),
        datetime.fromisoformat(params["end"]),
        params["zone"],
        params.get("post", ""),
    )


def swap_notification(t: Translator, kind: str, params: dict[str, Any]) -> str:
    shift = _notification_shift(t, params)
    requester, taker = esc(params.get("requester")), esc(params.get("taker"))
    swap_kind = swap_kind_name(t, SwapKind(params.get("swap_kind", SwapKind.GIVEAWAY)))
    texts = {
        "swap_offer": t.gettext(
            "<b>Wachtwissel</b>: {requester} asks ({kind}):\n{shift}\nCan you take it?"
        ),
        "swap_follow_up": t.gettext(
            "<b>Still open</b>: {requester} is looking for a colleague ({kind}):\n{shift}"
        ),
        "swap_taken": t.gettext(
            "{taker} takes over your shift:\n{shift}\nThe coordinator still has to approve; "
            "until then you remain responsible."
        ),
        "swap_approval": t.gettext(
            "<b>Swap to approve</b>: {requester} → {taker} ({kind})\n{shift}"
        ),
        "swap_approved": t.gettext(
            "<b>Swap approved</b>: {requester} → {taker}\n{shift}\nThe roster has been updated."
        ),
        "swap_rejected": t.gettext(
            "<b>Swap rejected</b>: {requester} → {taker}\n{shift}\nReason: {reason}\n"
            "The shift stays with {requester}."
        ),
        "swap_withdrawn": t.gettext(
            "{requester} withdrew the swap request; the shift stays with them:\n{shift}"
        ),
        "swap_expired": t.gettext(
            "Nobody took this shift in time; the swap request has closed and the shift stays "
            "with {requester}:\n{shift}"
        ),
        "swap_warning": t.gettext(
            "Nobody has taken your shift yet; I asked your colleagues again. You remain "
            "responsible for it:\n{shift}"
        ),
        "shift_reminder": t.gettext(
            "<b>Reminder</b>: you are on duty (wachtdienst)\n{shift}\nTap below once you have "
            "taken over the wacht."
        ),
    }
    text = texts[kind].format(
        requester=requester,
        taker=taker,
        kind=swap_kind,
        shift=shift,
        reason=esc(params.get("reason") or "–"),
    )
    if params.get("note") and kind in ("swap_offer", "swap_follow_up"):
        text += "\n" + t.gettext("Note: {note}").format(note=esc(params["note"]))
    return text


def roster_intro(t: Translator, on_call: int, exempt: int) -> str:
    return "\n".join(
        [
            t.gettext("<b>Wachtdienst roster</b>"),
            t.gettext("{n} members on call, {exempt} of them exempt.").format(
                n=on_call, exempt=exempt
            ),
            "",
            t.gettext(
                "To import a roster, send it now as a CSV file with the columns start, end, "
                "zone, post (optional) and riziv (see the README). Importing the same period "
                "again updates it."
            ),
        ]
    )


def roster_imported(t: Translator, report: ImportReport) -> str:
    lines = [
        t.gettext("<b>Roster imported</b>"),
        t.gettext("{added} new, {updated} changed, {unchanged} unchanged.").format(
            added=report.added, updated=report.updated, unchanged=report.unchanged
        ),
    ]
    if report.first and report.last:
        lines.append(
            t.gettext("Period: {first} – {last}").format(
                first=t.date(report.first, "short"), last=t.date(report.last, "short")
            )
        )
    return "\n".join(lines)


def roster_problem(t: Translator, reason: str) -> str:
    return {
        "start": t.gettext("start is not a date and time like 5/12/2026 19:00"),
        "end": t.gettext("end is not a date and time like 6/12/2026 08:00"),
        "order": t.gettext("the end must come after the start, within 3 days"),
        "zone": t.gettext("the zone is missing"),
        "riziv": t.gettext("not a valid RIZIV number"),
        "doctor": t.gettext("no active GP or locum has this RIZIV number"),
        "duplicate": t.gettext("the same zone, post and start appear twice"),
    }[reason]


def roster_rejected(t: Translator, problems: Sequence[tuple[int, str, str]]) -> str:
    lines = [t.gettext("<b>The roster was not imported</b>; please fix these lines:")]
    for line, reason, value in problems[:30]:
        shown = f" ({esc(value)})" if value else ""
        lines.append(
            t.gettext("line {line}: {problem}").format(line=line, problem=roster_problem(t, reason))
            + shown
        )
    if len(problems) > 30:
        lines.append(t.gettext("… and {n} more.").format(n=len(problems) - 30))
    return "\n".join(lines)


def roster_waiting_for_file(t: Translator) -> str:
    return t.gettext("Please send the roster as a CSV file, or /cancel.")


def roster_cancelled(t: Translator) -> str:
    return t.gettext("No roster was imported.")


def tally(t: Translator, year: int, tallies: Sequence[Tally]) -> str:
    lines = [t.gettext("<b>Shifts in {year}</b> (done + planned)").format(year=year)]
    for item in sorted(tallies, key=lambda x: (-(x.done + x.planned), x.member.name or "")):
        lines.append(
            t.gettext("{name}: {done} + {planned}").format(
                name=esc(item.member.name), done=item.done, planned=item.planned
            )
        )
    return "\n".join(lines)


def exemptions(t: Translator) -> str:
    return t.gettext(
        "<b>Exemptions</b>\nExempt members (age, pregnancy …) are not offered shifts. Tap a "
        "name to change it."
    )


def behalf_choose_member(t: Translator) -> str:
    return t.gettext("For which member do you want to act?")


def behalf_shifts(t: Translator, member: Member, shifts: Sequence[Shift]) -> str:
    if not shifts:
        return t.gettext("{name} has no shifts in the next 8 weeks.").format(name=esc(member.name))
    lines = [t.gettext("<b>Shifts of {name}</b>").format(name=esc(member.name))]
    lines += [f"{number}. {_shift(t, shift)}" for number, shift in enumerate(shifts, 1)]
    lines += ["", t.gettext("Ask a swap for them, or give the shift to someone directly.")]
    return "\n".join(lines)


def assign_choose(t: Translator, shift: Shift) -> str:
    return t.gettext("Who takes this shift?\n{shift}").format(shift=_shift(t, shift))


def assigned(t: Translator, view: SwapView) -> str:
    return t.gettext("The shift now belongs to {name}.\n{shift}").format(
        name=esc(view.taker.name if view.taker else "?"), shift=_shift(t, view.shift)
    )


def swaps_overview(t: Translator, pending: Sequence[SwapView], recent: Sequence[SwapView]) -> str:
    def line(view: SwapView) -> str:
        who = esc(view.requester.name)
        if view.taker is not None:
            who += " → " + esc(view.taker.name)
        return f"• {who} · {swap_status_name(t, view.request.status)}\n  {_shift(t, view.shift)}"

    lines = [t.gettext("<b>Pending swaps</b>")]
    lines += [line(view) for view in pending] or [t.gettext("none")]
    lines += ["", t.gettext("<b>Decided in the last 30 days</b>")]
    lines += [line(view) for view in recent] or [t.gettext("none")]
    return "\n".join(lines)


def swap_action_name(t: Translator, action: str) -> str:
    return {
        "requested": t.gettext("requested"),
        "taken": t.gettext("taken"),
        "approved": t.gettext("approved"),
        "rejected": t.gettext("rejected"),
        "withdrawn": t.gettext("withdrawn"),
        "expired": t.gettext("expired"),
        "followed_up": t.gettext("colleagues asked again"),
        "assigned": t.gettext("assigned by the coordinator"),
        "cancelled": t.gettext("cancelled"),
    }[action]


def swap_trail(
    t: Translator, view: SwapView, events: Sequence[SwapEvent], actors: dict[int, Member]
) -> str:
    lines = [approval_line(t, view), ""]
    for event in events:
        actor = actors.get(event.actor_id or 0)
        lines.append(
            t.gettext("{when}: {action} ({who})").format(
                when=t.datetime(event.at, "short"),
                action=swap_action_name(t, event.action),
                who=esc(actor.name) if actor else t.gettext("the bot"),
            )
            + (f" – {esc(event.detail)}" if event.detail and event.action == "rejected" else "")
        )
    return "\n".join(lines)


def export_choose(t: Translator) -> str:
    return t.gettext("Which swaps do you want to export? (shifts starting in that month)")


def month_name(t: Translator, month: date) -> str:
    return t.date(month, "MMMM y")


def swaps_export_header(t: Translator) -> list[str]:
    return [
        t.gettext("start"),
        t.gettext("end"),
        t.gettext("zone"),
        t.gettext("post"),
        t.gettext("from"),
        t.gettext("from RIZIV"),
        t.gettext("to"),
        t.gettext("to RIZIV"),
        t.gettext("kind"),
        t.gettext("approved on"),
    ]


def audit_header(t: Translator) -> list[str]:
    return [t.gettext("when"), t.gettext("who"), t.gettext("action")]


def audit_caption(t: Translator, days: int, count: int) -> str:
    return t.ngettext(
        "{n} coordinator or staff action in the last {days} days.",
        "{n} coordinator or staff actions in the last {days} days.",
        count,
    ).format(n=count, days=days)


def swaps_export_caption(t: Translator, month: date, count: int) -> str:
    return t.ngettext(
        "{n} roster change in {month}, for the roster tool and Medega.",
        "{n} roster changes in {month}, for the roster tool and Medega.",
        count,
    ).format(n=count, month=month_name(t, month))


def shifts_calendar_caption(t: Translator) -> str:
    return t.gettext("Your shifts as a calendar file: open it to add them to your phone's agenda.")


def reminder_setting(t: Translator, hours: int) -> str:
    if hours == 0:
        return t.gettext("Shift reminder: off")
    return t.ngettext(
        "Shift reminder: {n} hour before", "Shift reminder: {n} hours before", hours
    ).format(n=hours)


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


def coordinator_commands(t: Translator) -> list[tuple[str, str]]:
    return [
        ("broadcast", t.gettext("send an announcement to the members")),
        ("stats", t.gettext("figures about the kring and the bot")),
    ]


def digest_frequency(t: Translator, frequency: DigestFrequency) -> str:
    return {
        DigestFrequency.WEEKLY: t.gettext("weekly"),
        DigestFrequency.DAILY: t.gettext("daily"),
        DigestFrequency.NONE: t.gettext("no digest"),
    }[frequency]


def quiet_hours_label(start: int, end: int) -> str:
    return f"{start:02d}:00–{end:02d}:00"


def delivery_counts(t: Translator, counts: dict[str, int]) -> str:
    """Delivered / waiting / unreachable / failed / cancelled, leaving out what is zero."""
    labels = [
        ("sent", t.gettext("delivered: {n}")),
        ("pending", t.gettext("waiting: {n}")),
        ("sending", t.gettext("being sent: {n}")),
        ("unreachable", t.gettext("unreachable: {n}")),
        ("failed", t.gettext("failed: {n}")),
        ("cancelled", t.gettext("cancelled: {n}")),
    ]
    parts = [label.format(n=counts[key]) for key, label in labels if counts.get(key)]
    return ", ".join(parts) or t.gettext("no recipients")


def broadcast_report(t: Translator, params: dict[str, Any]) -> str:
    lines = [
        t.gettext("<b>Your announcement has been sent.</b>"),
        delivery_counts(t, params["counts"]),
    ]
    if params.get("unreachable_names"):
        lines.append(
            t.gettext("Unreachable (they blocked the bot): {names}").format(
                names=esc(", ".join(params["unreachable_names"]))
            )
        )
    return "\n".join(lines)


def digest(t: Translator, sections: dict[str, list[dict[str, Any]]], kring: Kring) -> str:
    headings = {
        "announcements": t.gettext("Announcements"),
        "events": t.gettext("CME events with seats left"),
        "swaps": t.gettext("Swap requests you could take"),
        "knowledge": t.gettext("New or updated in the knowledge base"),
    }
    lines = [t.gettext("<b>Newsletter of {kring}</b>").format(kring=esc(kring.name))]
    for name, items in sections.items():
        lines.append("")
        lines.append(f"<b>{headings[name]}</b>")
        lines += [digest_item(t, name, item) for item in items]
    return "\n".join(lines)


def digest_item(t: Translator, section: str, item: dict[str, Any]) -> str:
    if section == "announcements":
        return "• {date}: {text}".format(
            date=t.date(datetime.fromisoformat(item["at"]), "short"), text=esc(item["text"])
        )
    if section == "events":
        seats = item["seats_left"]
        left = (
            ""
            if seats is None
            else " · " + t.ngettext("{n} seat left", "{n} seats left", seats).format(n=seats)
        )
        return "• {when}: {title}{left}".format(
            when=t.datetime(datetime.fromisoformat(item["start_at"]), "short"),
            title=esc(item["title"]),
            left=left,
        )
    if section == "swaps":
        return "• {requester}: {shift}".format(
            requester=esc(item["requester"]), shift=_notification_shift(t, item)
        )
    return "• {title}".format(title=esc(item["title"]))


def registrants_of(t: Translator, title: str) -> str:
    return t.gettext("Registered: {title}").format(title=title)


def audience_name(t: Translator, key: str) -> str:
    kind, _, argument = key.partition(":")
    if kind == "zone":
        return t.gettext("Zone {zone}").format(zone=esc(argument))
    if kind == "event":
        return t.gettext("The registrants of a CME event")
    return {
        "all": t.gettext("Everyone"),
        "role:gp": t.gettext("GPs"),
        "role:locum": t.gettext("Locums"),
    }.get(key, esc(key))


def broadcast_ask_text(t: Translator) -> str:
    return t.gettext(
        "Send the text of the announcement, or a document with the text as its caption. "
        "/cancel stops."
    )


def broadcast_preview(
    t: Translator, text: str, has_file: bool, audience: str, recipients: int, urgent: bool
) -> str:
    lines = [t.gettext("<b>Preview</b>"), "", esc(text) or "–"]
    if has_file:
        lines.append(t.gettext("(with the document you sent)"))
    lines += [
        "",
        t.ngettext(
            "Audience: {audience} – {n} recipient",
            "Audience: {audience} – {n} recipients",
            recipients,
        ).format(audience=audience_name(t, audience), n=recipients),
        t.gettext("Urgent: sent at once, also during quiet hours.")
        if urgent
        else t.gettext("Normal: waits for members' quiet hours; at night it arrives silently."),
    ]
    return "\n".join(lines)


def broadcast_ask_when(t: Translator) -> str:
    return t.gettext("When should it be sent? For example 24/12/2026 08:00.")


def broadcast_aborted(t: Translator) -> str:
    return t.gettext("The announcement was not sent.")


def broadcast_progress(t: Translator, broadcast: Broadcast, counts: dict[str, int]) -> str:
    state = broadcast.state
    if state is BroadcastState.SCHEDULED and broadcast.scheduled_at <= broadcast.created_at:
        state = BroadcastState.SENDING  # "now": the next tick starts it
    heading = {
        BroadcastState.SCHEDULED: t.gettext("<b>Announcement scheduled for {moment}.</b>"),
        BroadcastState.SENDING: t.gettext("<b>Announcement being sent.</b>"),
        BroadcastState.DONE: t.gettext("<b>Announcement sent.</b>"),
        BroadcastState.CANCELLED: t.gettext("<b>Announcement cancelled.</b>"),
    }[state].format(moment=t.datetime(broadcast.scheduled_at, "short"))
    lines = [heading, audience_name(t, broadcast.audience)]
    if counts:
        lines.append(delivery_counts(t, counts))
    return "\n".join(lines)


def delivery_state(t: Translator, state: OutboxState) -> str:
    return {
        OutboxState.PENDING: t.gettext("waiting"),
        OutboxState.SENDING: t.gettext("being sent"),
        OutboxState.SENT: t.gettext("delivered"),
        OutboxState.FAILED: t.gettext("failed"),
        OutboxState.UNREACHABLE: t.gettext("unreachable"),
        OutboxState.CANCELLED: t.gettext("cancelled"),
    }[state]


def delivery_header(t: Translator) -> list[str]:
    return [t.gettext("name"), t.gettext("state"), t.gettext("sent at"), t.gettext("error")]


def delivery_row(t: Translator, line: Delivery) -> list[str]:
    sent_at = line.sent_at.astimezone(t.tz).strftime("%Y-%m-%d %H:%M") if line.sent_at else ""
    return [line.name, delivery_state(t, line.state), sent_at, line.error or ""]


def delivery_filename(t: Translator, broadcast_id: int) -> str:
    return t.gettext("announcement-{id}.csv").format(id=broadcast_id)


def stats(t: Translator, figures: list[tuple[str, int]]) -> str:
    lines = [t.gettext("<b>Figures</b>")]
    lines += [f"{stat_label(t, key)}: {value}" for key, value in figures]
    return "\n".join(lines)


def stat_label(t: Translator, key: str) -> str:
    return {
        "members_active": t.gettext("Active members"),
        "role_gp": t.gettext("– GPs"),
        "role_locum": t.gettext("– locums"),
        "role_coordinator": t.gettext("– coordinators"),
        "role_staff": t.gettext("– staff"),
        "members_pending": t.gettext("Waiting for approval"),
        "members_suspended": t.gettext("Suspended"),
        "members_reachable": t.gettext("Reachable through the bot"),
        "broadcasts": t.gettext("Announcements sent"),
        "delivery_sent": t.gettext("– messages delivered"),
        "delivery_unreachable": t.gettext("– recipients unreachable"),
        "delivery_failed": t.gettext("– messages failed"),
        "registrations_registered": t.gettext("CME registrations with a seat"),
        "registrations_waiting": t.gettext("– on a waiting list"),
        "registrations_attended": t.gettext("– attended"),
        "swaps_open": t.gettext("Swap requests open"),
        "swaps_taken": t.gettext("– waiting for approval"),
        "swaps_approved": t.gettext("– approved"),
        "swaps_rejected": t.gettext("– rejected"),
        "questions_asked": t.gettext("Questions asked"),
        "questions_answered": t.gettext("– answered by the knowledge base"),
        "questions_forwarded": t.gettext("– forwarded to the coordinator"),
        "questions_replied": t.gettext("– answered by the coordinator"),
    }[key]
