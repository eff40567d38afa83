"""The outbox notices of this feature: the text (and buttons) of each kind."""

from bot.core.notices.knowledge import QuestionForwarded, QuestionReply
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.feature import Renderer
from handlers.knowledge import buttons
from handlers.membership import texts as membership_texts
from handlers.render import esc


def _question_forwarded(t: Translator, notice: QuestionForwarded, kring: Kring) -> str:
    return t.gettext(
        "<b>Question from {name}</b> ({role}):\n\n{text}\n\nThe knowledge base had no good "
        "answer. Tap Reply to answer; your reply goes to {name} through the bot."
    ).format(
        name=esc(notice.name),
        role=membership_texts.role_name(t, notice.role),
        text=esc(notice.text),
    )


def _question_reply(t: Translator, notice: QuestionReply, kring: Kring) -> str:
    return t.gettext(
        "<b>The coordinator answered your question</b>\n<i>{question}</i>\n\n{reply}"
    ).format(question=esc(notice.question), reply=esc(notice.reply))


NOTICES = (
    Renderer(
        QuestionForwarded,
        _question_forwarded,
        lambda t, notice: buttons.reply_to(t, notice.question_id),
    ),
    Renderer(QuestionReply, _question_reply),
)
