"""The knowledge base: questions and answers, ratings, and the coordinator's inbox of
forwarded questions."""

from typing import Any

from telegram.ext import BaseHandler

from handlers.context import KringContext
from handlers.feature import Feature, button, command
from handlers.knowledge import buttons, errors, inbox, notices, questions, teaching


def handlers() -> list[BaseHandler[Any, KringContext, Any]]:
    """Built anew for each application: conversations keep per-application state."""
    return [
        # While the coordinator types a reply, text is the reply, not a question.
        inbox.reply_conversation(),
        # While the coordinator edits an entry to add, text is its questions or answer.
        teaching.conversation(),
        command(buttons.ASK_COMMAND, questions.ask_command),
        command(buttons.INBOX_COMMAND, inbox.show_inbox),
        button(buttons.PICK, questions.candidate_picked),
        button(buttons.RATE, questions.rated),
        button(buttons.RELATED, questions.related_opened),
        button(buttons.FORWARD, questions.forward_tapped),
        button(buttons.FREQUENT, teaching.show_frequent),
    ]


FEATURE = Feature(
    name="knowledge",
    handlers=handlers,
    declared_in=[buttons],
    notices=notices.NOTICES,
    errors=errors.ERRORS,
)
