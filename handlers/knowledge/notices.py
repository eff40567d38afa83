"""The outbox notices of this feature: the text (and buttons) of each kind."""

from typing import Any

from bot.core.models import (
    Role,
)
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.feature import Notice
from handlers.knowledge import buttons
from handlers.membership import texts as membership_texts
from handlers.render import esc


def _question_forwarded(t: Translator, params: dict[str, Any], kring: Kring) -> str:
    role = Role(params.get("role", Role.GP))
    return t.gettext(
        "<b>Question from {name}</b> ({role}):\n\n{text}\n\nThe knowledge base had no good "
        "answer. Tap Reply to answer; your reply goes to {name} through the bot."
    ).format(
        name=esc(params.get("name")),
        role=membership_texts.role_name(t, role),
        text=esc(params["text"]),
    )


def _question_reply(t: Translator, params: dict[str, Any], kring: Kring) -> str:
    return t.gettext(
        "<b>The coordinator answered your question</b>\n<i>{question}</i>\n\n{reply}"
    ).format(question=esc(params["question"]), reply=esc(params["reply"]))


NOTICES = {
    "question_forwarded": Notice(
        _question_forwarded, lambda t, params: buttons.reply_to(t, int(params["question_id"]))
    ),
    "question_reply": Notice(_question_reply),
}
