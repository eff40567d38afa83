"""Inline keyboards and their callback-data prefixes (`prefix:arg:arg`, at most 64 bytes).

Button payloads carry server-side ids only; what they refer to is checked again when tapped.
"""

from collections.abc import Sequence
from datetime import time

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core.knowledge.model import Entry
from bot.core.models import (
    LANGUAGES,
    BoardPost,
    DigestFrequency,
    Member,
    PostKind,
    Question,
    Replacement,
    Role,
)
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
    """Language; digest frequency and quiet hours, the current choice ticked."""

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
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(t.gettext("Change language"), callback_data=data(LANGUAGE))],
            digest,
            quiet,
        ]
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


def broadcast_preview(
    t: Translator, audience: str, zones: Sequence[str], urgent: bool
) -> InlineKeyboardMarkup:
    """Audience buttons (the chosen one ticked), urgent or not, send now or later, cancel."""

    def audience_button(key: str) -> InlineKeyboardButton:
        label = render.audience_name(t, key)
        tick = "✓ " if key == audience else ""
        return InlineKeyboardButton(tick + label, callback_data=data(BROADCAST_AUDIENCE, key))

    urgency = t.gettext("Urgent: yes") if urgent else t.gettext("Urgent: no")
    return InlineKeyboardMarkup(
        [
            [audience_button(key) for key in ("all", "role:gp", "role:locum")],
            [audience_button(f"zone:{zone}") for zone in zones],
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
