"""Outbox rows turned into a message in the recipient's language: text plus buttons."""

from telegram import InlineKeyboardMarkup

from bot.core.models import OutboxMessage
from bot.core.services import Kring
from bot.i18n import translator
from handlers import keyboards, render


def compose(message: OutboxMessage, kring: Kring) -> tuple[str, InlineKeyboardMarkup | None]:
    t = translator(message.language, kring.timezone)
    text = render.notification(t, message.kind, message.params, kring)
    markup = None
    if message.kind == "join_request":
        markup = keyboards.join_decision(t, int(message.params["member_id"]))
    elif message.kind == "question_forwarded":
        markup = keyboards.reply_to(t, int(message.params["question_id"]))
    elif message.kind == "board_post":
        markup = keyboards.interest(t, int(message.params["post_id"]))
    elif message.kind == "board_interest":
        params = message.params
        markup = keyboards.pick(t, int(params["post_id"]), int(params["member_id"]), params["name"])
    elif message.kind in ("swap_offer", "swap_follow_up"):
        markup = keyboards.take_over(t, int(message.params["request_id"]))
    elif message.kind == "swap_approval":
        markup = keyboards.decide_swap(t, int(message.params["request_id"]))
    elif message.kind == "shift_reminder":
        markup = keyboards.handover(t, int(message.params["shift_id"]))
    elif message.kind == "cme_offer":
        markup = keyboards.cme_offer(t, int(message.params["registration_id"]))
    elif message.kind == "broadcast_report":
        markup = keyboards.broadcast_progress(t, int(message.params["broadcast_id"]), False)
    elif message.kind == "locum_end_reminder":
        markup = keyboards.end_checklist(t, int(message.params["replacement_id"]))
    return text, markup
