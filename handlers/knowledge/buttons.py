"""knowledge: commands and buttons"""

import re
from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core.knowledge.model import MAX_ID_LENGTH, Entry
from bot.core.models import (
    Question,
)
from bot.i18n import Translator
from handlers.audience import Audience, Command, Prefix
from handlers.feature import run_button
from handlers.keyboards import LIST_LIMIT, data, one_button, short

# Commands

ASK_COMMAND = Command("ask", Audience.MEMBER, ("vraag", "question"))
INBOX_COMMAND = Command("inbox", Audience.MANAGER)

# Buttons (callback-data prefixes)

COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")  # what Telegram allows as a command's name


PICK = Prefix("kbpick", Audience.MEMBER)
RATE = Prefix("kbrate", Audience.MEMBER)
RELATED = Prefix("kbrel", Audience.MEMBER)
FORWARD = Prefix("kbfwd", Audience.MEMBER)
REPLY = Prefix("qreply", Audience.MANAGER)
# The coordinator teaches the bot (handlers.knowledge.teaching).
TEACH = Prefix("kbteach", Audience.MANAGER)  # draft an entry from a replied question
TEACH_SAVE = Prefix("kbtsave", Audience.MANAGER)
TEACH_EDIT = Prefix("kbtedit", Audience.MANAGER)  # :questions or :answer
TEACH_DROP = Prefix("kbtdrop", Audience.MANAGER)
FREQUENT = Prefix("kbfreq", Audience.MANAGER)  # declined and 👎 questions by frequency
EDIT_QUESTIONS, EDIT_ANSWER = "questions", "answer"


def rate_answer(
    t: Translator, question_id: int, related: Sequence[Entry] = (), action: str | None = None
) -> InlineKeyboardMarkup:
    """👍/👎, a button for each entry the answer refers to, and the one that starts what the
    answer explains (`action`: a command name)."""
    rating = [
        InlineKeyboardButton("👍", callback_data=data(RATE, question_id, "up")),
        InlineKeyboardButton("👎", callback_data=data(RATE, question_id, "down")),
    ]
    return InlineKeyboardMarkup([*action_rows(t, action), rating, *related_rows(related)])


def action_rows(t: Translator, action: str | None) -> list[list[InlineKeyboardButton]]:
    if action is None or not COMMAND_NAME.fullmatch(action):  # not a command: no button
        return []
    return [[run_button(t.gettext("Start: /{command}").format(command=action), action)]]


def related_rows(related: Sequence[Entry]) -> list[list[InlineKeyboardButton]]:
    return [
        [InlineKeyboardButton(short(entry.questions[0]), callback_data=data(RELATED, entry.id))]
        for entry in related[:LIST_LIMIT]
        if entry.questions and len(entry.id) <= MAX_ID_LENGTH  # longer: flagged by kb lint
    ]


def did_you_mean(
    t: Translator, question_id: int, candidates: Sequence[Entry]
) -> InlineKeyboardMarkup:
    rows = [
        [InlineKeyboardButton(short(entry.questions[0]), callback_data=data(PICK, question_id, n))]
        for n, entry in enumerate(candidates[:LIST_LIMIT])
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


def inbox(t: Translator, open_questions: Sequence[Question]) -> InlineKeyboardMarkup:
    """A reply button per waiting question, and the list of what members asked in vain."""
    replies = [
        [
            InlineKeyboardButton(
                t.gettext("Reply {number}").format(number=number),
                callback_data=data(REPLY, question.id),
            )
        ]
        for number, question in enumerate(open_questions[:LIST_LIMIT], start=1)
    ]
    frequent = InlineKeyboardButton(
        t.gettext("Asked most often without an answer"), callback_data=data(FREQUENT)
    )
    return InlineKeyboardMarkup([*replies, [frequent]])


def teach(t: Translator, question_id: int) -> InlineKeyboardMarkup:
    return one_button(t.gettext("Add to the knowledge base"), data(TEACH, question_id))


def draft_entry(t: Translator) -> InlineKeyboardMarkup:
    """Under the draft of an entry: confirm, edit either part, or drop it."""
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(t.gettext("Confirm"), callback_data=data(TEACH_SAVE))],
            [
                InlineKeyboardButton(
                    t.gettext("Edit the questions"), callback_data=data(TEACH_EDIT, EDIT_QUESTIONS)
                ),
                InlineKeyboardButton(
                    t.gettext("Edit the answer"), callback_data=data(TEACH_EDIT, EDIT_ANSWER)
                ),
            ],
            [InlineKeyboardButton(t.gettext("Cancel"), callback_data=data(TEACH_DROP))],
        ]
    )
