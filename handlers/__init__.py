"""Handler registration: the ONE ordered list of what the bot reacts to, composed from the
features' own lists.

Groups run in order and at most one handler per group handles an update:
  -4  note what a tapped message shows, so an edit to the same is skipped (handlers.replies)
  -3  the access gate: drops an update_id seen before (Telegram may deliver one twice), loads
      the member, picks the language, refuses what is not allowed
  -2  the flows: loads where this chat is in the multi-step flows and lists (handlers.conversation),
      so that whichever process gets the update continues them
  -1  the lists of people (handlers.picker): their pages, and typed text while one is open is a
      search; any other update ends the search and goes on to the features
   0  the features, then (last, so they only get what no feature took) plain text, unknown
      commands, other messages and stale buttons

Within a feature its conversations come first: while one waits for typed text or a file, that
text is the answer, not a question for the knowledge base. Conversations' text states never
take commands, so the order between features only matters for two flows waiting at once.
"""

from typing import Any

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, MessageHandler, TypeHandler, filters

from handlers import (
    broadcast,
    calendar,
    cme,
    error_replies,
    fallback,
    knowledge,
    locum,
    membership,
    picker,
    replies,
    shifts,
)
from handlers.access import Rules
from handlers.audience import ACCESS_KEY
from handlers.conversation import CANCEL_COMMAND, Flows
from handlers.errors import ErrorReplies
from handlers.feature import Feature, command
from handlers.notifications import Composer

TAPPED, GATE, FLOWS, PICKERS, FEATURES = -4, -3, -2, -1, 0

FEATURE_LIST: tuple[Feature, ...] = (
    membership.FEATURE,  # /start and /help first: they answer strangers too
    knowledge.FEATURE,
    locum.FEATURE,
    shifts.FEATURE,
    broadcast.FEATURE,
    cme.FEATURE,
    calendar.FEATURE,
)

ACCESS = Rules(
    commands=[CANCEL_COMMAND, *(c for feature in FEATURE_LIST for c in feature.commands)],
    buttons=[prefix for feature in FEATURE_LIST for prefix in feature.buttons],
)
ERRORS = ErrorReplies(
    {**error_replies.ERRORS, **{kind: r for f in FEATURE_LIST for kind, r in f.errors.items()}}
)
COMPOSER = Composer(renderer for feature in FEATURE_LIST for renderer in feature.notices)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    features = [handler for feature in FEATURE_LIST for handler in feature.handlers()]
    lists = picker.conversation([p for feature in FEATURE_LIST for p in feature.pickers])
    app.bot_data[ACCESS_KEY] = ACCESS
    app.add_handler(TypeHandler(Update, replies.remember_tapped), group=TAPPED)
    # Every update passes the gate first; nothing below runs for someone it refuses.
    app.add_handler(TypeHandler(Update, ACCESS.gate), group=GATE)
    app.add_handler(TypeHandler(Update, Flows([lists, *features]).load), group=FLOWS)
    app.add_handler(lists, group=PICKERS)
    app.add_handlers(
        [
            *features,
            # What no feature took:
            command(CANCEL_COMMAND, fallback.nothing_to_cancel),
            MessageHandler(filters.TEXT & ~filters.COMMAND, fallback.text),
            MessageHandler(filters.COMMAND, fallback.unknown_command),
            CallbackQueryHandler(fallback.stale_button),
            MessageHandler(filters.ALL, fallback.unsupported),
        ],
        group=FEATURES,
    )
    app.add_error_handler(ERRORS.on_error)
