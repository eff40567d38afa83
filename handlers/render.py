"""The only place where translated text meets data.

Every function takes the reader's Translator, translates first and formats after, and escapes
everything that came from a person (names, zones, free text) because messages are sent as HTML.
"""

import html
import re
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from bot.core.board import PostNotAvailable
from bot.core.broadcast import CAPTION_LIMIT, Delivery
from bot.core.errors import (
    AlreadyMember,
    BroadcastClosed,
    DomainError,
    InvalidBroadcast,
    InvalidName,
    InvalidRiziv,
    InviteInvalid,
    JoinRequestNotFound,
    NotAllowed,
    NotAMember,
    QuestionNotFound,
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
    Member,
    MemberStatus,
    OutboxState,
    PostKind,
    Question,
    Replacement,
    Role,
    Subscription,
)
from bot.core.riziv import RizivNumber
from bot.core.services import Kring
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
    }
    return names[status]


# --- strangers and onboarding ---------------------------------------------------------------


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


def not_allowed(t: Translator, coordinator_only: bool) -> str:
    if coordinator_only:
        return t.gettext("Only the coordinator can do this.")
    return t.gettext("Only the coordinator and the kring staff can do this.")


# --- help, language, settings ----------------------------------------------------------------


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
    ]


def manager_commands(t: Translator) -> list[tuple[str, str]]:
    return [
        ("invite", t.gettext("invite a new member")),
        ("members", t.gettext("list the members")),
        ("inbox", t.gettext("questions for the coordinator")),
    ]


def coordinator_commands(t: Translator) -> list[tuple[str, str]]:
    return [
        ("broadcast", t.gettext("send an announcement to the members")),
        ("stats", t.gettext("figures about the kring and the bot")),
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
        ]
    )


def digest_frequency(t: Translator, frequency: DigestFrequency) -> str:
    return {
        DigestFrequency.WEEKLY: t.gettext("weekly"),
        DigestFrequency.DAILY: t.gettext("daily"),
        DigestFrequency.NONE: t.gettext("no digest"),
    }[frequency]


def quiet_hours_label(start: int, end: int) -> str:
    return f"{start:02d}:00–{end:02d}:00"


# --- coordinator -----------------------------------------------------------------------------


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


# --- the knowledge base ------------------------------------------------------------------------


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


# --- the fee-contribution calculator -----------------------------------------------------------


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


# --- replacements and their checklists ----------------------------------------------------------


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


# --- the locum board -----------------------------------------------------------------------------


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


# --- notifications from the outbox -----------------------------------------------------------


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
    if kind == "locum_end_reminder":
        return t.gettext(
            "Your replacement at {practice} ends on {date}. Time for the last-day checklist: "
            "eHealth certificate, Hector, tarifications, proof, expense note."
        ).format(
            practice=esc(params["practice"]),
            date=t.date(date.fromisoformat(params["end_on"]), "long"),
        )
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
    if kind == "broadcast":
        return "<b>{kring}</b>\n{text}".format(kring=esc(kring.name), text=esc(params["text"]))
    if kind == "broadcast_report":
        return broadcast_report(t, params)
    if kind == "digest":
        return digest(t, params["sections"], kring)
    raise ValueError(f"unknown notification kind {kind!r}")


# --- replies to domain errors and the unexpected ---------------------------------------------


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
    if isinstance(error, NotAMember):
        return not_a_member(t, kring)
    if isinstance(error, NotAllowed):
        return not_allowed(t, coordinator_only=False)
    if isinstance(error, UnknownLanguage):
        return choose_language(t)
    return unexpected_error(t, "-")


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


# --- broadcasts, digest ------------------------------------------------------------------------


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
    return "• {title}".format(title=esc(item["title"]))


def audience_name(t: Translator, key: str) -> str:
    kind, _, argument = key.partition(":")
    if kind == "zone":
        return t.gettext("Zone {zone}").format(zone=esc(argument))
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
        "questions_asked": t.gettext("Questions asked"),
        "questions_answered": t.gettext("– answered by the knowledge base"),
        "questions_forwarded": t.gettext("– forwarded to the coordinator"),
        "questions_replied": t.gettext("– answered by the coordinator"),
    }[key]
