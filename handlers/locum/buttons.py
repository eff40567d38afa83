"""locum: commands and buttons"""

from collections.abc import Sequence
from decimal import Decimal

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core.models import (
    BoardPost,
    Member,
    PostKind,
    Replacement,
    Role,
)
from bot.i18n import Translator
from handlers.audience import Audience, Command, Prefix
from handlers.keyboards import LIST_LIMIT, data, short
from handlers.locum import texts

# Commands

FEE_COMMAND = Command("fee", Audience.MEMBER, ("onkosten", "frais"))
LOCUM_COMMAND = Command("locum", Audience.MEMBER, ("vervanging", "remplacement"))

# Buttons (callback-data prefixes)


FEE = Prefix("fee", Audience.MEMBER)
FEE_NOTE = Prefix("feenote", Audience.MEMBER)
FEE_READING = Prefix("feeread", Audience.MEMBER)
LOCUM_NEW = Prefix("lnew", Audience.MEMBER)
LOCUM_CHECKLIST = Prefix("lchk", Audience.MEMBER)
LOCUM_TOGGLE = Prefix("ltog", Audience.MEMBER)
LOCUM_PRACTICE_CHOICE = Prefix("lpick", Audience.MEMBER)
BOARD_POST = Prefix("bpost", Audience.MEMBER)
BOARD_FOLLOW = Prefix("bfollow", Audience.MEMBER)
BOARD_BROWSE = Prefix("bbrowse", Audience.MEMBER)
BOARD_INTEREST = Prefix("bint", Audience.MEMBER)
BOARD_PICK = Prefix("bpick", Audience.MEMBER)
BOARD_CLOSE = Prefix("bclose", Audience.MEMBER)


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


def fee_readings(
    t: Translator, readings: tuple[Decimal, Decimal], hours: bool
) -> InlineKeyboardMarkup:
    """The two readings of an ambiguous number, by their place in the draft."""
    show = t.number if hours else t.money
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(show(reading), callback_data=data(FEE_READING, index))
                for index, reading in enumerate(readings)
            ]
        ]
    )


def replacements(t: Translator, items: Sequence[Replacement], role: Role) -> InlineKeyboardMarkup:
    rows = [
        [
            InlineKeyboardButton(
                short(t.gettext("Start: {practice}").format(practice=r.practice)),
                callback_data=data(LOCUM_CHECKLIST, r.id, "start"),
            ),
            InlineKeyboardButton(
                short(t.gettext("Last day: {practice}").format(practice=r.practice)),
                callback_data=data(LOCUM_CHECKLIST, r.id, "end"),
            ),
        ]
        for r in items[:LIST_LIMIT]
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
                    + short(texts.checklist_item(t, item)),
                    callback_data=data(LOCUM_TOGGLE, replacement.id, item),
                )
            ]
            for item in items[:LIST_LIMIT]
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
    label = short(t.gettext("Choose {name}").format(name=name))
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data(BOARD_PICK, post_id, member_id))]]
    )
