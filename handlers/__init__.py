"""Handler registration: the ONE ordered list of what the bot reacts to.

Groups run in order and at most one handler per group handles an update:
  -1  the access gate: drops an update_id seen before (Telegram may deliver one twice), loads
      the member, picks the language, refuses what is not allowed
   0  the features, then (last, so they only get what no feature took) plain text, unknown
      commands, other messages and stale buttons
"""

from typing import Any

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from handlers import (
    access,
    admin,
    board,
    broadcast,
    fallback,
    fee,
    inbox,
    keyboards,
    locum,
    onboarding,
    preferences,
    questions,
)
from handlers.errors import on_error
from handlers.help import show_help

GATE, FEATURES = -1, 0
PRIVATE = filters.ChatType.PRIVATE


def _button(prefix: str) -> str:
    return rf"^{prefix}(:|$)"


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    # Every update passes the gate first; nothing below runs for someone it refuses.
    app.add_handler(TypeHandler(Update, access.gate), group=GATE)

    app.add_handlers(
        [
            CommandHandler("start", onboarding.start, filters=PRIVATE),
            CommandHandler(access.names("help"), show_help, filters=PRIVATE),
            CommandHandler(access.names("language"), preferences.choose_language),
            CommandHandler(access.names("settings"), preferences.show_settings),
            CommandHandler(access.names("invite"), admin.invite),
            CommandHandler(access.names("members"), admin.list_members),
            CommandHandler(access.names("stats"), admin.stats),
            # Before the text fallback: while the coordinator types a reply, text is the reply.
            inbox.reply_conversation(),
            fee.conversation(),
            locum.conversation(),
            *board.conversations(),
            broadcast.conversation(),
            CommandHandler(access.names("locum"), locum.overview),
            CommandHandler(access.names("ask"), questions.ask_command),
            CommandHandler(access.names("inbox"), inbox.show_inbox),
            CallbackQueryHandler(onboarding.request_to_join, pattern=_button(keyboards.JOIN)),
            CallbackQueryHandler(preferences.language_tapped, pattern=_button(keyboards.LANGUAGE)),
            CallbackQueryHandler(admin.invite_role_tapped, pattern=_button(keyboards.INVITE_ROLE)),
            CallbackQueryHandler(
                admin.join_decision_tapped, pattern=_button(keyboards.JOIN_DECISION)
            ),
            CallbackQueryHandler(questions.candidate_picked, pattern=_button(keyboards.PICK)),
            CallbackQueryHandler(questions.rated, pattern=_button(keyboards.RATE)),
            CallbackQueryHandler(questions.forward_tapped, pattern=_button(keyboards.FORWARD)),
            CallbackQueryHandler(locum.show_checklist, pattern=_button(keyboards.LOCUM_CHECKLIST)),
            CallbackQueryHandler(locum.toggle, pattern=_button(keyboards.LOCUM_TOGGLE)),
            CallbackQueryHandler(
                locum.practice_choice, pattern=_button(keyboards.LOCUM_PRACTICE_CHOICE)
            ),
            CallbackQueryHandler(board.browse, pattern=_button(keyboards.BOARD_BROWSE)),
            CallbackQueryHandler(board.interested, pattern=_button(keyboards.BOARD_INTEREST)),
            CallbackQueryHandler(board.pick, pattern=_button(keyboards.BOARD_PICK)),
            CallbackQueryHandler(board.close, pattern=_button(keyboards.BOARD_CLOSE)),
            # Refresh and stop, on the same progress message:
            CallbackQueryHandler(
                broadcast.progress_tapped,
                pattern=rf"^({keyboards.BROADCAST_PROGRESS}|{keyboards.BROADCAST_STOP}):",
            ),
            CallbackQueryHandler(broadcast.report_csv, pattern=_button(keyboards.BROADCAST_CSV)),
            CallbackQueryHandler(preferences.digest_tapped, pattern=_button(keyboards.DIGEST)),
            CallbackQueryHandler(preferences.quiet_tapped, pattern=_button(keyboards.QUIET)),
            # What no feature took:
            MessageHandler(filters.TEXT & ~filters.COMMAND, fallback.text),
            MessageHandler(filters.COMMAND, fallback.unknown_command),
            CallbackQueryHandler(fallback.stale_button),
            MessageHandler(filters.ALL, fallback.unsupported),
        ],
        group=FEATURES,
    )

    app.add_error_handler(on_error)  # type: ignore[arg-type]
