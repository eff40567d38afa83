"""Inline keyboards and their callback-data prefixes (`prefix:arg:arg`, at most 64 bytes).

Button payloads carry server-side ids only; what they refer to is checked again when tapped.
"""

from collections.abc import Callable, Sequence
from datetime import date, time
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core.cme import Attendee, EventView
from bot.core.errors import BadButton
from bot.core.knowledge.model import Entry
from bot.core.models import (
    LANGUAGES,
    BoardPost,
    DigestFrequency,
    Event,
    EventKind,
    EventStatus,
    Member,
    PostKind,
    Question,
    RegistrationState,
    Replacement,
    Role,
    Rubric,
    Shift,
    SwapKind,
)
from bot.core.roster import ON_CALL_ROLES, REMINDER_CHOICES
from bot.core.swaps import SwapView
from bot.i18n import LANGUAGE_NAMES, Translator
from handlers import render

JOIN = "join"

LANGUAGE = "lang"

INVITE_ROLE = "invrole"

JOIN_DECISION = "joindec"

PICK = "kbpick"

RATE = "kbrate"

FORWARD = "kbfwd"

REPLY = "qreply"

FEE = "fee"

FEE_NOTE = "feenote"

LOCUM_NEW = "lnew"

LOCUM_CHECKLIST = "lchk"

LOCUM_TOGGLE = "ltog"

LOCUM_PRACTICE_CHOICE = "lpick"

BOARD_POST = "bpost"

BOARD_FOLLOW = "bfollow"

BOARD_BROWSE = "bbrowse"

BOARD_INTEREST = "bint"

BOARD_PICK = "bpick"

BOARD_CLOSE = "bclose"

REMINDER = "remind"

SHIFT_SWAP = "ruil"

SWAP_KIND = "swkind"

SWAP_AUDIENCE = "swto"

SWAP_PICK = "swpick"

SWAP_SEND = "swsend"

SWAP_STOP = "swstop"

SWAP_TAKE = "swtake"

SWAP_RETURN = "swback"

SWAP_WITHDRAW = "swwd"

SHIFTS_CALENDAR = "shics"

HANDOVER = "shok"

SWAP_APPROVE = "swok"

SWAP_REJECT = "swno"

SWAP_TRAIL = "swtrail"

ROSTER_TALLY = "rtally"

ROSTER_EXEMPT = "rexempt"

ROSTER_BEHALF = "rbehalf"

ROSTER_ASSIGN = "rassign"

EXPORT_SWAPS = "xswaps"

EXPORT_AUDIT = "xaudit"

FORGET = "forget"

FORGET_NOT = "keepdata"

EVERYONE = 0  # the target of a swap request open to every eligible colleague
BROADCAST_AUDIENCE = "bcaud"
BROADCAST_URGENT = "bcurg"
BROADCAST_SEND = "bcsend"
BROADCAST_LATER = "bclater"
BROADCAST_ABORT = "bcabort"
BROADCAST_PROGRESS = "bcprog"
BROADCAST_STOP = "bcstop"
BROADCAST_CSV = "bccsv"
DIGEST = "digest"
QUIET = "quiet"
QUIET_CHOICES = ((22, 7), (21, 8), (20, 8))  # quiet hours a member can pick, local time

CME_REGISTER = "cmereg"

CME_UNREGISTER = "cmeunreg"

CME_CONFIRM = "cmeok"

CME_DECLINE = "cmeno"

CME_HOUR_REMINDER = "cmehour"

EVENT_NEW = "evnew"

EVENT_IMPORT = "evimport"

EVENT_SHOW = "evshow"

EVENT_ATTENDEES = "evlist"

EVENT_TICK = "evtick"

EVENT_WALK_IN = "evwalkin"

EVENT_QR = "evqr"

EVENT_EXPORT = "evcsv"

EVENT_EDIT = "evedit"

EVENT_CANCEL = "evcancel"

EVENT_KIND = "evkind"

EVENT_RUBRIC = "evrubric"

LOK_OVERVIEW = "evlok"

BUTTON_TEXT_LIMIT = 60

INVITABLE_ROLES = (Role.GP, Role.LOCUM, Role.STAFF, Role.COORDINATOR)


def data(prefix: str, *args: object) -> str:
    payload = ":".join([prefix, *map(str, args)])
    if len(payload.encode()) > 64:
        raise ValueError(f"callback data too long: {payload!r}")
    return payload


def parse(payload: str | None) -> list[str]:
    """The arguments after the prefix."""
    return (payload or "").split(":")[1:]


def args(payload: str | None, *converters: Callable[[str], Any]) -> tuple[Any, ...]:
    """The first arguments after the prefix, converted (`int`, an enum, ...). A payload that does
    not fit (an old or forged button) is a BadButton, which the member is told about."""
    given = parse(payload)
    if len(given) < len(converters):
        raise BadButton()
    try:
        values = tuple(convert(value) for convert, value in zip(converters, given, strict=False))
    except (ValueError, KeyError):
        raise BadButton() from None
    # Numbers on buttons are ids, counts and hours: never negative, never beyond a database id.
    if any(isinstance(value, int) and not 0 <= value < 2**31 for value in values):
        raise BadButton()
    return values


def one_of(*options: str) -> Callable[[str], str]:
    """A converter for `args` that accepts only these words."""

    def convert(value: str) -> str:
        if value not in options:
            raise ValueError(value)
        return value

    return convert


def numbers(payload: str | None) -> list[int]:
    """All arguments after the prefix as ids (buttons with optional ids); else BadButton."""
    return list(args(payload, *[int] * len(parse(payload))))


def join_request(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(t.gettext("Request membership"), callback_data=data(JOIN))]]
    )


def languages() -> InlineKeyboardMarkup:
    """Each language is named in itself, so anyone can find their own."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(LANGUAGE_NAMES[code], callback_data=data(LANGUAGE, code))
                for code in LANGUAGES
            ]
        ]
    )


def settings(t: Translator, member: Member) -> InlineKeyboardMarkup:
    """Language; digest frequency and quiet hours, the current choice ticked; the shift
    reminder for members on call."""

    def choice(label: str, chosen: bool, payload: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(("✓ " if chosen else "") + label, callback_data=payload)

    digest = [
        choice(render.digest_frequency(t, often), member.digest is often, data(DIGEST, often))
        for often in DigestFrequency
    ]
    quiet = [
        choice(
            render.quiet_hours_label(start, end),
            (member.quiet_from, member.quiet_until) == (time(start), time(end)),
            data(QUIET, start, end),
        )
        for start, end in QUIET_CHOICES
    ]
    quiet.append(choice(t.gettext("No quiet hours"), member.quiet_from is None, data(QUIET)))
    rows = [
        [InlineKeyboardButton(t.gettext("Change language"), callback_data=data(LANGUAGE))],
        digest,
        quiet,
    ]
    if member.role in ON_CALL_ROLES:
        rows.append(
            [InlineKeyboardButton(t.gettext("Shift reminder"), callback_data=data(REMINDER))]
        )
    return InlineKeyboardMarkup(rows)


def reminder_choices(t: Translator) -> InlineKeyboardMarkup:
    return _rows(
        *[(render.reminder_setting(t, hours), data(REMINDER, hours)) for hours in REMINDER_CHOICES]
    )


def invite_roles(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(render.role_name(t, role), callback_data=data(INVITE_ROLE, role))]
            for role in INVITABLE_ROLES
        ]
    )


def join_decision(t: Translator, member_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t.gettext("Approve as GP"),
                    callback_data=data(JOIN_DECISION, member_id, "approve", Role.GP),
                )
            ],
            [
                InlineKeyboardButton(
                    t.gettext("Approve as locum"),
                    callback_data=data(JOIN_DECISION, member_id, "approve", Role.LOCUM),
                )
            ],
            [
                InlineKeyboardButton(
                    t.gettext("Reject"), callback_data=data(JOIN_DECISION, member_id, "reject")
                )
            ],
        ]
    )


def _short(text: str) -> str:
    return text if len(text) <= BUTTON_TEXT_LIMIT else text[: BUTTON_TEXT_LIMIT - 1] + "…"


def rate_answer(question_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("👍", callback_data=data(RATE, question_id, "up")),
                InlineKeyboardButton("👎", callback_data=data(RATE, question_id, "down")),
            ]
        ]
    )


def did_you_mean(
    t: Translator, question_id: int, candidates: Sequence[Entry]
) -> InlineKeyboardMarkup:
    rows = [
        [InlineKeyboardButton(_short(entry.questions[0]), callback_data=data(PICK, question_id, n))]
        for n, entry in enumerate(candidates)
        if entry.questions
    ]
    rows.append(
        [
            InlineKeyboardButton(
                t.gettext("None of these: ask the coordinator"),
                callback_data=data(FORWARD, question_id),
            )
        ]
    )
    return InlineKeyboardMarkup(rows)


def offer_forward(t: Translator, question_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t.gettext("Forward to the coordinator"),
                    callback_data=data(FORWARD, question_id),
                )
            ]
        ]
    )


def reply_to(t: Translator, question_id: int, label: str | None = None) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    label or t.gettext("Reply"), callback_data=data(REPLY, question_id)
                )
            ]
        ]
    )


def inbox(t: Translator, open_questions: Sequence[Question]) -> InlineKeyboardMarkup | None:
    if not open_questions:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t.gettext("Reply {number}").format(number=number),
                    callback_data=data(REPLY, question.id),
                )
            ]
            for number, question in enumerate(open_questions, start=1)
        ]
    )


FEE_KINDS = ("acute", "short", "medium", "long", "forfait")


def fee_kinds(t: Translator) -> InlineKeyboardMarkup:
    kinds = [
        ("acute", t.gettext("Acute (illness, accident …)")),
        ("short", t.gettext("4 weeks or less")),
        ("medium", t.gettext("1 to 6 months")),
        ("long", t.gettext("More than 6 months")),
        ("forfait", t.gettext("Forfait practice / community health centre")),
    ]
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data(FEE, kind))] for kind, label in kinds]
    )


def fee_note(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(t.gettext("Expense note (PDF)"), callback_data=data(FEE_NOTE))]]
    )


def replacements(t: Translator, items: Sequence[Replacement], role: Role) -> InlineKeyboardMarkup:
    rows = [
        [
            InlineKeyboardButton(
                _short(t.gettext("Start: {practice}").format(practice=r.practice)),
                callback_data=data(LOCUM_CHECKLIST, r.id, "start"),
            ),
            InlineKeyboardButton(
                _short(t.gettext("Last day: {practice}").format(practice=r.practice)),
                callback_data=data(LOCUM_CHECKLIST, r.id, "end"),
            ),
        ]
        for r in items
    ]
    rows.append([InlineKeyboardButton(t.gettext("New replacement"), callback_data=data(LOCUM_NEW))])
    rows.append(
        [
            InlineKeyboardButton(
                t.gettext("Choosing a practice: checklist"),
                callback_data=data(LOCUM_PRACTICE_CHOICE),
            )
        ]
    )
    board = [(t.gettext("Find a locum"), data(BOARD_POST, PostKind.NEED))]
    if role is Role.LOCUM:
        board += [
            (t.gettext("Offer my availability"), data(BOARD_POST, PostKind.AVAILABILITY)),
            (t.gettext("Follow vacancies"), data(BOARD_FOLLOW)),
        ]
    board.append((t.gettext("Locum board"), data(BOARD_BROWSE)))
    rows += [[InlineKeyboardButton(label, callback_data=payload)] for label, payload in board]
    return InlineKeyboardMarkup(rows)


def checklist(
    t: Translator, replacement: Replacement, items: Sequence[str]
) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    ("☑ " if item in replacement.done else "☐ ")
                    + _short(render.checklist_item(t, item)),
                    callback_data=data(LOCUM_TOGGLE, replacement.id, item),
                )
            ]
            for item in items
        ]
    )


def end_checklist(t: Translator, replacement_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t.gettext("Last-day checklist"),
                    callback_data=data(LOCUM_CHECKLIST, replacement_id, "end"),
                )
            ]
        ]
    )


def board_post(t: Translator, post: BoardPost, viewer: Member) -> InlineKeyboardMarkup | None:
    if post.author_id == viewer.id:
        label, payload = t.gettext("Close"), data(BOARD_CLOSE, post.id)
    elif viewer.role in (Role.COORDINATOR, Role.STAFF):
        label, payload = t.gettext("Remove"), data(BOARD_CLOSE, post.id)
    else:
        return interest(t, post.id or 0)
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=payload)]])


def interest(t: Translator, post_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t.gettext("Interested"), callback_data=data(BOARD_INTEREST, post_id)
                )
            ]
        ]
    )


def pick(t: Translator, post_id: int, member_id: int, name: str) -> InlineKeyboardMarkup:
    label = _short(t.gettext("Choose {name}").format(name=name))
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data(BOARD_PICK, post_id, member_id))]]
    )


def _rows(*buttons: tuple[str, str]) -> InlineKeyboardMarkup:
    """One button per row."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(_short(label), callback_data=payload)] for label, payload in buttons]
    )


def _cancel_swap(t: Translator) -> tuple[str, str]:
    return t.gettext("Cancel"), data(SWAP_STOP)


def shifts(t: Translator, items: Sequence[Shift], pending: Sequence[int]) -> InlineKeyboardMarkup:
    """A "Ruil" button per shift that has no pending request, and the calendar file."""
    buttons = [
        (t.gettext("Swap {n}").format(n=number), data(SHIFT_SWAP, shift.id))
        for number, shift in enumerate(items, 1)
        if shift.id not in pending
    ]
    rows = [
        [
            InlineKeyboardButton(label, callback_data=payload)
            for label, payload in buttons[i : i + 4]
        ]
        for i in range(0, len(buttons), 4)
    ]
    rows.append(
        [
            InlineKeyboardButton(
                t.gettext("Calendar file (.ics)"), callback_data=data(SHIFTS_CALENDAR)
            )
        ]
    )
    return InlineKeyboardMarkup(rows)


def swap_kinds(t: Translator, shift_id: int) -> InlineKeyboardMarkup:
    return _rows(
        *[
            (t.gettext("Give away"), data(SWAP_KIND, shift_id, SwapKind.GIVEAWAY)),
            (t.gettext("Swap for one of their shifts"), data(SWAP_KIND, shift_id, SwapKind.SWAP)),
            _cancel_swap(t),
        ]
    )


def swap_audiences(t: Translator, shift_id: int, kind: SwapKind) -> InlineKeyboardMarkup:
    return _rows(
        *[
            (
                t.gettext("Everyone who can take it"),
                data(SWAP_AUDIENCE, shift_id, kind, EVERYONE),
            ),
            (t.gettext("One colleague"), data(SWAP_PICK, shift_id, kind)),
            _cancel_swap(t),
        ]
    )


def swap_colleagues(
    t: Translator, shift_id: int, kind: SwapKind, colleagues: Sequence[Member]
) -> InlineKeyboardMarkup:
    return _rows(
        *[
            (member.name or "?", data(SWAP_AUDIENCE, shift_id, kind, member.id))
            for member in colleagues
        ]
        + [_cancel_swap(t)]
    )


def swap_confirm(t: Translator, shift_id: int, kind: SwapKind, target: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t.gettext("Send"), callback_data=data(SWAP_SEND, shift_id, kind, target)
                ),
                InlineKeyboardButton(*_cancel_swap(t)),
            ]
        ]
    )


def _one_button(label: str, payload: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=payload)]])


def take_over(t: Translator, request_id: int) -> InlineKeyboardMarkup:
    return _one_button(t.gettext("Take over"), data(SWAP_TAKE, request_id))


def return_shifts(
    t: Translator, request_id: int, options: Sequence[Shift]
) -> InlineKeyboardMarkup | None:
    if not options:
        return None
    return _rows(
        *[
            (
                render.shift_when(t, s.start_at, s.end_at, s.zone, s.post),
                data(SWAP_RETURN, request_id, s.id),
            )
            for s in options
        ]
    )


def withdraw(t: Translator, request_id: int) -> InlineKeyboardMarkup:
    return _one_button(t.gettext("Withdraw request"), data(SWAP_WITHDRAW, request_id))


def decide_swap(t: Translator, request_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t.gettext("Approve"), callback_data=data(SWAP_APPROVE, request_id)
                ),
                InlineKeyboardButton(
                    t.gettext("Reject"), callback_data=data(SWAP_REJECT, request_id)
                ),
            ]
        ]
    )


def handover(t: Translator, shift_id: int) -> InlineKeyboardMarkup:
    return _one_button(t.gettext("Wacht taken over"), data(HANDOVER, shift_id))


def roster_tools(t: Translator) -> InlineKeyboardMarkup:
    return _rows(
        *[
            (t.gettext("Shifts per member this year"), data(ROSTER_TALLY)),
            (t.gettext("Exemptions"), data(ROSTER_EXEMPT)),
            (t.gettext("Act for a member"), data(ROSTER_BEHALF)),
        ]
    )


def exemptions(t: Translator, members: Sequence[Member]) -> InlineKeyboardMarkup:
    def label(member: Member) -> str:
        state = t.gettext("exempt") if member.on_call_exempt else t.gettext("on call")
        return f"{member.name} – {state}"

    return _rows(*[(label(member), data(ROSTER_EXEMPT, member.id)) for member in members])


def behalf_members(t: Translator, members: Sequence[Member]) -> InlineKeyboardMarkup:
    return _rows(*[(member.name or "?", data(ROSTER_BEHALF, member.id)) for member in members])


def behalf_shifts(t: Translator, items: Sequence[Shift]) -> InlineKeyboardMarkup:
    rows = [
        [
            InlineKeyboardButton(
                t.gettext("Swap {n}").format(n=number), callback_data=data(SHIFT_SWAP, shift.id)
            ),
            InlineKeyboardButton(
                t.gettext("Give {n} to …").format(n=number),
                callback_data=data(ROSTER_ASSIGN, shift.id),
            ),
        ]
        for number, shift in enumerate(items, 1)
    ]
    return InlineKeyboardMarkup(rows)


def assign_to(shift_id: int, members: Sequence[Member]) -> InlineKeyboardMarkup:
    return _rows(
        *[(member.name or "?", data(ROSTER_ASSIGN, shift_id, member.id)) for member in members]
    )


def swap_trails(t: Translator, views: Sequence[SwapView]) -> InlineKeyboardMarkup | None:
    if not views:
        return None
    return _rows(
        *[
            (
                t.gettext("History: {name}, {day}").format(
                    name=view.requester.name, day=t.date(view.shift.start_at, "short")
                ),
                data(SWAP_TRAIL, view.request.id),
            )
            for view in views
        ]
    )


def exports(t: Translator, months: Sequence[date]) -> InlineKeyboardMarkup:
    return _rows(
        *[
            (
                t.gettext("Swaps of {month}").format(month=render.month_name(t, month)),
                data(EXPORT_SWAPS, month.strftime("%Y-%m")),
            )
            for month in months
        ],
        (t.gettext("Audit log (90 days)"), data(EXPORT_AUDIT)),
    )


def cme_events(t: Translator, views: Sequence[EventView]) -> InlineKeyboardMarkup | None:
    buttons = []
    for view in views:
        event_id, title = view.event.id, view.event.title
        if view.mine is not None:
            label = t.gettext("Unregister: {title}").format(title=title)
            buttons.append((label, data(CME_UNREGISTER, event_id)))
        elif view.seats_left == 0:
            label = t.gettext("Register (waiting list): {title}").format(title=title)
            buttons.append((label, data(CME_REGISTER, event_id)))
        else:
            label = t.gettext("Register: {title}").format(title=title)
            buttons.append((label, data(CME_REGISTER, event_id)))
    return _rows(*buttons) if buttons else None


def cme_offer(t: Translator, registration_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t.gettext("Register: confirm my seat"),
                    callback_data=data(CME_CONFIRM, registration_id),
                ),
                InlineKeyboardButton(
                    t.gettext("Unregister: give up my seat"),
                    callback_data=data(CME_DECLINE, registration_id),
                ),
            ]
        ]
    )


def hour_reminder(t: Translator, registration_id: int) -> InlineKeyboardMarkup:
    return _rows(
        (t.gettext("Also remind me an hour before"), data(CME_HOUR_REMINDER, registration_id))
    )


def events_overview(t: Translator, events: Sequence[Event]) -> InlineKeyboardMarkup:
    buttons = [(f"{t.date(e.start_at, 'short')} {e.title}", data(EVENT_SHOW, e.id)) for e in events]
    buttons += [
        (t.gettext("New event"), data(EVENT_NEW)),
        (t.gettext("Import events (CSV)"), data(EVENT_IMPORT)),
        (t.gettext("LOK groups"), data(LOK_OVERVIEW)),
    ]
    return _rows(*buttons)


def event_actions(t: Translator, event: Event) -> InlineKeyboardMarkup:
    buttons = [
        (t.gettext("Registrations and attendance"), data(EVENT_ATTENDEES, event.id)),
        (t.gettext("Attendance list (CSV)"), data(EVENT_EXPORT, event.id)),
    ]
    if event.status is EventStatus.OPEN:
        buttons += [
            (t.gettext("Check-in QR code"), data(EVENT_QR, event.id)),
            (t.gettext("Edit"), data(EVENT_EDIT, event.id)),
            (t.gettext("Cancel the event"), data(EVENT_CANCEL, event.id)),
        ]
    return _rows(*buttons)


def confirm_cancel(t: Translator, event_id: int) -> InlineKeyboardMarkup:
    return _rows(
        (t.gettext("Yes, cancel the event and tell everyone"), data(EVENT_CANCEL, event_id, "yes"))
    )


def attendance(t: Translator, event_id: int, attendees: Sequence[Attendee]) -> InlineKeyboardMarkup:
    buttons = [
        (
            ("☑ " if a.registration.attended_at else "☐ ") + (a.member.name or "?"),
            data(EVENT_TICK, a.registration.id),
        )
        for a in attendees
        if a.registration.state is RegistrationState.REGISTERED
    ]
    buttons.append((t.gettext("Add a walk-in"), data(EVENT_WALK_IN, event_id)))
    return _rows(*buttons)


EDITABLE_FIELDS = ("title", "start", "location", "capacity", "points", "deadline")


def edit_fields(t: Translator, event_id: int) -> InlineKeyboardMarkup:
    names = {
        "title": t.gettext("Title"),
        "start": t.gettext("Start"),
        "location": t.gettext("Location"),
        "capacity": t.gettext("Capacity"),
        "points": t.gettext("Points"),
        "deadline": t.gettext("Registration deadline"),
    }
    return _rows(*((names[f], data(EVENT_EDIT, event_id, f)) for f in EDITABLE_FIELDS))


def event_kinds(t: Translator) -> InlineKeyboardMarkup:
    return _rows(*((render.event_kind(t, kind), data(EVENT_KIND, kind)) for kind in EventKind))


def rubrics(t: Translator) -> InlineKeyboardMarkup:
    return _rows(
        *((render.rubric_name(t, rubric), data(EVENT_RUBRIC, rubric)) for rubric in Rubric)
    )


def forget(t: Translator, member_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(t.gettext("Yes, erase"), callback_data=data(FORGET, member_id))],
            [InlineKeyboardButton(t.gettext("Cancel"), callback_data=data(FORGET_NOT))],
        ]
    )


def broadcast_preview(
    t: Translator,
    audience: str,
    zones: Sequence[str],
    urgent: bool,
    events: Sequence[tuple[int, str]] = (),
) -> InlineKeyboardMarkup:
    """Audience buttons (the chosen one ticked), urgent or not, send now or later, cancel."""

    def audience_button(key: str, label: str | None = None) -> InlineKeyboardButton:
        label = label or render.audience_name(t, key)
        tick = "✓ " if key == audience else ""
        return InlineKeyboardButton(
            _short(tick + label), callback_data=data(BROADCAST_AUDIENCE, key)
        )

    urgency = t.gettext("Urgent: yes") if urgent else t.gettext("Urgent: no")
    return InlineKeyboardMarkup(
        [
            [audience_button(key) for key in ("all", "role:gp", "role:locum")],
            [audience_button(f"zone:{zone}") for zone in zones],
            *[
                [audience_button(f"event:{event_id}", render.registrants_of(t, title))]
                for event_id, title in events
            ],
            [InlineKeyboardButton(urgency, callback_data=data(BROADCAST_URGENT))],
            [
                InlineKeyboardButton(t.gettext("Send"), callback_data=data(BROADCAST_SEND)),
                InlineKeyboardButton(t.gettext("Schedule"), callback_data=data(BROADCAST_LATER)),
            ],
            [InlineKeyboardButton(t.gettext("Cancel"), callback_data=data(BROADCAST_ABORT))],
        ]
    )


def broadcast_progress(t: Translator, broadcast_id: int, open_: bool) -> InlineKeyboardMarkup:
    """Refresh and stop while it is open; the delivery report (CSV) always."""
    csv = data(BROADCAST_CSV, broadcast_id)
    rows = [[InlineKeyboardButton(t.gettext("Report (CSV)"), callback_data=csv)]]
    if open_:
        rows.insert(
            0,
            [
                InlineKeyboardButton(
                    t.gettext("Refresh"), callback_data=data(BROADCAST_PROGRESS, broadcast_id)
                ),
                InlineKeyboardButton(
                    t.gettext("Cancel sending"), callback_data=data(BROADCAST_STOP, broadcast_id)
                ),
            ],
        )
    return InlineKeyboardMarkup(rows)
