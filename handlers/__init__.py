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
    cme,
    events,
    exports,
    fallback,
    fee,
    inbox,
    keyboards,
    locum,
    onboarding,
    preferences,
    privacy,
    questions,
    roster,
    shifts,
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
            shifts.request_conversation(),
            *roster.conversations(),
            broadcast.conversation(),
            CommandHandler(access.names("locum"), locum.overview),
            CommandHandler(access.names("ask"), questions.ask_command),
            CommandHandler(access.names("inbox"), inbox.show_inbox),
            CommandHandler(access.names("mydata"), privacy.my_data),
            CommandHandler(access.names("forget"), privacy.ask_to_forget),
            CommandHandler(access.names("shifts"), shifts.show_shifts),
            CommandHandler(access.names("swaps"), shifts.show_swaps),
            CommandHandler(access.names("approvals"), roster.show_approvals),
            CommandHandler(access.names("export"), exports.choose_export),
            *events.conversations(),
            CommandHandler(access.names("locum"), locum.overview),
            CommandHandler(access.names("ask"), questions.ask_command),
            CommandHandler(access.names("inbox"), inbox.show_inbox),
            CommandHandler(access.names("cme"), cme.show_events),
            CommandHandler(access.names("credits"), cme.show_credits),
            CommandHandler(access.names("events"), events.overview),
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
            CallbackQueryHandler(privacy.forget, pattern=_button(keyboards.FORGET)),
            CallbackQueryHandler(privacy.keep, pattern=_button(keyboards.FORGET_NOT)),
            CallbackQueryHandler(shifts.reminder_setting, pattern=_button(keyboards.REMINDER)),
            CallbackQueryHandler(shifts.send_calendar, pattern=_button(keyboards.SHIFTS_CALENDAR)),
            CallbackQueryHandler(shifts.choose_kind, pattern=_button(keyboards.SHIFT_SWAP)),
            CallbackQueryHandler(shifts.choose_audience, pattern=_button(keyboards.SWAP_KIND)),
            CallbackQueryHandler(shifts.choose_colleague, pattern=_button(keyboards.SWAP_PICK)),
            # The last swap step outside its conversation (it timed out, or the bot restarted):
            CallbackQueryHandler(shifts.send_request, pattern=_button(keyboards.SWAP_SEND)),
            CallbackQueryHandler(shifts.stop_draft, pattern=_button(keyboards.SWAP_STOP)),
            CallbackQueryHandler(shifts.take, pattern=_button(keyboards.SWAP_TAKE)),
            CallbackQueryHandler(shifts.take_with_return, pattern=_button(keyboards.SWAP_RETURN)),
            CallbackQueryHandler(shifts.withdraw, pattern=_button(keyboards.SWAP_WITHDRAW)),
            CallbackQueryHandler(shifts.confirm_handover, pattern=_button(keyboards.HANDOVER)),
            CallbackQueryHandler(roster.approve, pattern=_button(keyboards.SWAP_APPROVE)),
            CallbackQueryHandler(roster.show_trail, pattern=_button(keyboards.SWAP_TRAIL)),
            CallbackQueryHandler(roster.show_tally, pattern=_button(keyboards.ROSTER_TALLY)),
            CallbackQueryHandler(roster.exemptions, pattern=_button(keyboards.ROSTER_EXEMPT)),
            CallbackQueryHandler(roster.act_for_member, pattern=_button(keyboards.ROSTER_BEHALF)),
            CallbackQueryHandler(roster.assign, pattern=_button(keyboards.ROSTER_ASSIGN)),
            CallbackQueryHandler(exports.export_swaps, pattern=_button(keyboards.EXPORT_SWAPS)),
            CallbackQueryHandler(exports.export_audit, pattern=_button(keyboards.EXPORT_AUDIT)),
            CallbackQueryHandler(cme.register, pattern=_button(keyboards.CME_REGISTER)),
            CallbackQueryHandler(cme.unregister, pattern=_button(keyboards.CME_UNREGISTER)),
            CallbackQueryHandler(cme.confirm, pattern=_button(keyboards.CME_CONFIRM)),
            CallbackQueryHandler(cme.decline, pattern=_button(keyboards.CME_DECLINE)),
            CallbackQueryHandler(cme.remind_hour, pattern=_button(keyboards.CME_HOUR_REMINDER)),
            CallbackQueryHandler(events.show, pattern=_button(keyboards.EVENT_SHOW)),
            CallbackQueryHandler(events.attendees, pattern=_button(keyboards.EVENT_ATTENDEES)),
            CallbackQueryHandler(events.tick, pattern=_button(keyboards.EVENT_TICK)),
            CallbackQueryHandler(events.checkin_code, pattern=_button(keyboards.EVENT_QR)),
            CallbackQueryHandler(events.export, pattern=_button(keyboards.EVENT_EXPORT)),
            CallbackQueryHandler(events.cancel_event, pattern=_button(keyboards.EVENT_CANCEL)),
            CallbackQueryHandler(events.lok_groups, pattern=_button(keyboards.LOK_OVERVIEW)),
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
