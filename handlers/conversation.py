"""The bot's multi-step flows (/broadcast, /fee, a swap note, a reject reason …) and what they
share: reading the typed answer, keeping it while asking the next question, and /cancel.

Every flow is a `Flow`: a ConversationHandler whose step and draft live in the database
(bot.core.conversations), not in the memory of one process. Behind a load balancer the next
message of a flow may reach another process, and a restart must not lose it. So, per update:
`Flows.load` (a handler group between the gate and the features) puts this chat's steps and
drafts (the gate read them with the member) where PTB and the flows read them, and each Flow
saves its own after handling an update.
Updates of one chat are handled in order (bot.processing), so a load and its save are never
interleaved with another update of the same chat; other chats' keys are left alone.

A flow's draft is `context.user_data[<flow name>]`; what it keeps there must be something
`bot.core.conversations.encode_draft` can store (JSON's types, dates, amounts, the core's enums
and dataclasses). A flow left unanswered for half an hour is forgotten (the core decides).
"""

import warnings
from collections.abc import Callable, Sequence
from typing import Any

from telegram import Update
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    BaseHandler,
    CommandHandler,
    ConversationHandler,
)
from telegram.warnings import PTBUserWarning

from bot.core.conversations import Step
from bot.i18n import Translator
from handlers.audience import Audience, Command
from handlers.context import KringContext
from handlers.feature import command

CANCEL_COMMAND = Command("cancel", Audience.MEMBER, ("annuleren", "annuler"))
Handlers = Sequence[BaseHandler[Update, KringContext, Any]]

# Our conversations are tracked per user and chat on purpose (a button in any message of the
# conversation counts), so PTB's advice to track them per message does not apply.
warnings.filterwarnings("ignore", message="If 'per_message=False'", category=PTBUserWarning)


class Flow(ConversationHandler[KringContext]):
    """A conversation kept in the database, with /cancel and re-entry (its first step again
    starts over instead of failing).

    PTB keeps each conversation's step in `ConversationHandler._conversations` (conversation
    key -> state), which the synchronous `check_update` reads; nothing public sets it per chat
    while the bot runs (a BasePersistence is read once at start-up and written on an interval,
    which does not work across processes). `restore` and `_state` are the only places that touch
    it (python-telegram-bot 22); `_get_key` is PTB's own key for the update (chat and user).
    """

    def __init__(
        self,
        name: str,
        entry_points: Handlers,
        states: dict[object, Handlers],
        cancelled: Callable[[Translator], str] | None,
    ) -> None:
        """`cancelled`: what /cancel says; None for a flow that /cancel does not stop."""
        super().__init__(
            entry_points=list(entry_points),
            states={state: list(handlers) for state, handlers in states.items()},
            fallbacks=[] if cancelled is None else [_cancel_command(name, cancelled)],
            allow_reentry=True,
            name=name,
        )
        self.draft_key = name

    def restore(self, update: Update, context: KringContext, step: Step | None) -> None:
        """Put this chat's step and draft where PTB and the flow's callbacks look for them."""
        assert context.user_data is not None
        key = self._get_key(update)
        if step is None:
            self._conversations.pop(key, None)
        else:
            self._conversations[key] = step.state
        if step is None or step.draft is None:
            context.user_data.pop(self.draft_key, None)
        else:
            context.user_data[self.draft_key] = step.draft

    async def handle_update(
        self,
        update: Update,
        application: Application[Any, KringContext, Any, Any, Any, Any],
        check_result: Any,
        context: KringContext,
    ) -> object | None:
        """Handle the update, then save the step it led to (a step that raised saves nothing:
        the next update starts from the step before). A step that stops the later handler
        groups (ApplicationHandlerStop, as the member lists do) has led somewhere too."""
        try:
            result = await super().handle_update(update, application, check_result, context)
        except ApplicationHandlerStop:
            await self._save(update, context)
            raise
        await self._save(update, context)
        return result

    async def _save(self, update: Update, context: KringContext) -> None:
        assert update.effective_chat is not None and update.effective_user is not None
        assert context.user_data is not None
        state = self._state(update)
        step = None if state is None else Step(state, context.user_data.get(self.draft_key))
        await context.services.conversations.save(
            update.effective_chat.id, update.effective_user.id, self.draft_key, step
        )

    def _state(self, update: Update) -> int | None:
        state = self._conversations.get(self._get_key(update))
        assert state is None or isinstance(state, int), "flows run blocking, with int states"
        return state


class Flows:
    """Every flow of the bot; `load` runs for each update before the features see it."""

    def __init__(self, handlers: Handlers) -> None:
        conversations = [h for h in handlers if isinstance(h, ConversationHandler)]
        if not all(isinstance(c, Flow) for c in conversations):
            raise TypeError("a ConversationHandler that is not a Flow lives in one process only")
        self.flows = [c for c in conversations if isinstance(c, Flow)]
        names = [flow.draft_key for flow in self.flows]
        twice = sorted({name for name in names if names.count(name) > 1})
        if twice:  # they would share one row and one draft
            raise ValueError(f"flow name used twice: {', '.join(twice)}")

    async def load(self, update: Update, context: KringContext) -> None:
        """The steps were read by the gate, with the member, in the same transaction
        (bot.core.updates): no second trip to the database for every update."""
        for flow in self.flows:
            flow.restore(update, context, context.steps.get(flow.draft_key))


def _cancel_command(
    draft_key: str, message: Callable[[Translator], str]
) -> CommandHandler[KringContext, object]:
    """/cancel: forget the flow's answers and say so."""

    async def cancel(update: Update, context: KringContext) -> int:
        assert update.effective_message is not None and context.user_data is not None
        context.user_data.pop(draft_key, None)
        await update.effective_message.reply_text(message(context.t))
        return ConversationHandler.END

    return command(CANCEL_COMMAND, cancel)


def message_text(update: Update) -> str:
    assert update.effective_message is not None and update.effective_message.text is not None
    return update.effective_message.text


async def keep_and_ask(
    update: Update, context: KringContext, draft_key: str, key: str, value: object, ask: str
) -> None:
    """Keep this answer (a bad one raised a domain error before) and ask the next question."""
    assert context.user_data is not None and update.effective_message is not None
    context.user_data[draft_key][key] = value
    await update.effective_message.reply_text(ask)
