"""What the short conversations (fee calculator, replacement, board, reply) share: reading the
typed answer, keeping it while asking the next question, and /cancel."""

import warnings
from collections.abc import Callable

from telegram import Update
from telegram.ext import CommandHandler, ConversationHandler
from telegram.warnings import PTBUserWarning

from bot.i18n import Translator
from handlers.audience import Audience, Command
from handlers.context import KringContext
from handlers.feature import command

CANCEL_COMMAND = Command("cancel", Audience.MEMBER, ("annuleren", "annuler"))
# A conversation left unanswered this long is forgotten; its next message starts afresh.
TIMEOUT_SECONDS = 30 * 60

# Our conversations are tracked per user and chat on purpose (a button in any message of the
# conversation counts), so PTB's advice to track them per message does not apply.
warnings.filterwarnings("ignore", message="If 'per_message=False'", category=PTBUserWarning)


def cancel_command(
    state_key: str, message: Callable[[Translator], str]
) -> CommandHandler[KringContext, object]:
    """/cancel: forget the conversation's answers (kept under `state_key`) and say so."""

    async def cancel(update: Update, context: KringContext) -> int:
        assert update.effective_message is not None and context.user_data is not None
        context.user_data.pop(state_key, None)
        await update.effective_message.reply_text(message(context.t))
        return ConversationHandler.END

    return command(CANCEL_COMMAND, cancel)


def message_text(update: Update) -> str:
    assert update.effective_message is not None and update.effective_message.text is not None
    return update.effective_message.text


async def keep_and_ask(
    update: Update, context: KringContext, state_key: str, key: str, value: object, ask: str
) -> None:
    """Keep this answer (a bad one raised a domain error before) and ask the next question."""
    assert context.user_data is not None and update.effective_message is not None
    context.user_data[state_key][key] = value
    await update.effective_message.reply_text(ask)
