"""Who may do what, enforced in one place: the gate (handler group -1).

Every update first passes the gate. It drops an update delivered twice, looks up the member,
picks their translator, and refuses what their role or status does not allow before any feature
handler runs, so a feature handler never has to ask again. The table it reads is assembled from
the commands and buttons the features declare (handlers.audience); a command nobody declared is
for active members, a button nobody declared for the coordinator only.
"""

from collections.abc import Callable, Iterable

from telegram import MessageEntity, Update
from telegram.ext import ApplicationHandlerStop

from bot.core.flood import Flow
from bot.core.membership import language_for
from bot.core.models import Member, MemberStatus
from bot.core.updates import UpdateLog
from bot.i18n import translator
from handlers import render, replies
from handlers.audience import RUN, Audience, Command, Prefix, member_audience
from handlers.context import KringContext
from handlers.membership import buttons as membership_buttons
from handlers.membership import texts as membership_texts

LANGUAGE_KEY = "language"


class Rules:
    """The audience of every declared command (by each of its names) and button prefix."""

    def __init__(self, commands: Iterable[Command], buttons: Iterable[Prefix]) -> None:
        self.commands = list(commands)
        self.buttons = list(buttons)
        names = [name for command in self.commands for name in command.names]
        _refuse_twice("command", names)
        _refuse_twice("button prefix", [str(prefix) for prefix in self.buttons])
        self.by_name = {name: c for c in self.commands for name in c.names}
        self.by_prefix = {str(prefix): prefix.audience for prefix in self.buttons}

    def required_audience(self, update: Update) -> Audience:
        if update.callback_query is not None:
            prefix, _, name = (update.callback_query.data or "").partition(":")
            if prefix == RUN:  # a button that runs a command: the command's audience
                return self.command_audience(name)
            return self.by_prefix.get(prefix, Audience.COORDINATOR)
        command = self._command(update)
        if command is None:
            return Audience.MEMBER
        declared = self.by_name.get(command)
        return declared.audience if declared is not None else Audience.MEMBER

    def command_audience(self, name: str) -> Audience:
        """Who may run the command of this name (an undeclared one: nobody but the coordinator)."""
        declared = self.by_name.get(name)
        return declared.audience if declared is not None else Audience.COORDINATOR

    def allows(self, member: Member | None, name: str) -> bool:
        have = member_audience(member)
        return have is not None and have >= self.command_audience(name)

    def action(self, update: Update) -> str:
        """What the audit log says was done: the command, or the button's data (ids only)."""
        if update.callback_query is not None:
            return update.callback_query.data or ""
        command = self._command(update) or ""
        declared = self.by_name.get(command)
        return "/" + (declared.name if declared is not None else command)

    @staticmethod
    def _command(update: Update) -> str | None:
        """The command exactly as PTB's CommandHandler reads it: the `bot_command` entity at the
        start, without `@botname`. Splitting the text instead would read `/events.` as a command
        nobody declared while PTB runs `/events`."""
        message = update.effective_message
        if message is None or not message.text or not message.entities:
            return None
        entity = message.entities[0]
        if entity.type != MessageEntity.BOT_COMMAND or entity.offset != 0:
            return None
        return message.text[1 : entity.length].split("@", 1)[0].lower()

    async def gate(self, update: Update, context: KringContext) -> None:
        user = update.effective_user
        knock = knock_of(update)
        if user is None or update.effective_chat is None or knock is None:
            raise ApplicationHandlerStop
        services = context.services
        # One trip to the database (bot.core.updates), flood limit included; one for the
        # updates taken together with this one (`expecting`). An update past the flood limit
        # is recorded as handled all the same: it is dropped, and dropped it stays.
        arrival = await services.updates.receive(*knock)
        await _slow_down_floods(update, arrival.flow, context)
        if not arrival.first:  # delivered twice (same update_id): handled the first time only
            raise ApplicationHandlerStop
        member = context.member = arrival.member
        context.steps = arrival.steps  # for handlers.conversation.Flows.load
        language = (
            member.language
            if member is not None
            else language_for(user.language_code, services.kring.default_language)
        )
        context.t = translator(language, services.kring.timezone)
        # The error handler gets a context of its own; this tells it which language to answer in.
        assert context.user_data is not None  # there is a user (checked above)
        context.user_data[LANGUAGE_KEY] = language
        if update.callback_query is not None and update.effective_chat.id != user.id:
            # A button someone else received (a passed-on message): it is not for this person,
            # who may never have started the bot, so the answer must fit the button's answer.
            await replies.answer(update.callback_query, membership_texts.not_your_button(context.t))
            raise ApplicationHandlerStop

        needed = self.required_audience(update)
        have = member_audience(member)
        if needed is Audience.ANYONE or (have is not None and have >= needed):
            if needed >= Audience.MANAGER and member is not None:
                await services.audit.record(member, self.action(update))
            return
        if member is not None and member.status is MemberStatus.PENDING and _is_plain_text(update):
            return  # an answer to an onboarding question (handlers.membership.onboarding)
        await refuse(update, context, needed)
        raise ApplicationHandlerStop


def knock_of(update: object) -> tuple[int, int, int] | None:
    """The update id, sender and chat the gate asks the update log about; None for the updates
    it stops before asking (no sender, not a private chat)."""
    if not isinstance(update, Update):
        return None
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None or chat.type != "private":
        return None
    return update.update_id, user.id, chat.id


def expecting(updates: UpdateLog) -> Callable[[object], None]:
    """What the update processor tells of each update it takes (bot.processing): the gate will
    ask about it, so the update log may ask about it together with others (UpdateLog.expect)."""

    def taken(update: object) -> None:
        if (knock := knock_of(update)) is not None:
            updates.expect(*knock)

    return taken


def _refuse_twice(what: str, values: list[str]) -> None:
    """Two features declaring the same name would silently share (or steal) its audience."""
    twice = sorted({value for value in values if values.count(value) > 1})
    if twice:
        raise ValueError(f"{what} declared twice: {', '.join(twice)}")


async def _slow_down_floods(update: Update, flow: Flow, context: KringContext) -> None:
    """Past the per-person limit: say so once, then ignore (buttons are still answered)."""
    if flow is Flow.OK:
        return
    if flow is Flow.SLOW_DOWN:
        user, kring = update.effective_user, context.services.kring
        language = language_for(user.language_code if user else None, kring.default_language)
        text = render.slow_down(translator(language, kring.timezone))
        if update.callback_query is not None:
            await replies.answer(update.callback_query, text, alert=True)
        elif update.effective_message is not None:
            await update.effective_message.reply_text(text)
    elif update.callback_query is not None:
        await replies.answer(update.callback_query)
    raise ApplicationHandlerStop


def _is_plain_text(update: Update) -> bool:
    message = update.message
    return message is not None and bool(message.text and not message.text.startswith("/"))


async def refuse(update: Update, context: KringContext, needed: Audience) -> None:
    t, member, kring = context.t, context.member, context.services.kring
    if member is None:
        text = membership_texts.not_a_member(t, kring)
        markup = membership_buttons.join_request(t)
    elif member.status is MemberStatus.PENDING:
        text, markup = membership_texts.pending(t, member, kring), None
    elif member.status is MemberStatus.SUSPENDED:
        text, markup = membership_texts.suspended(t, kring), None
    else:
        text, markup = membership_texts.not_allowed(t, needed is Audience.COORDINATOR), None
    if update.callback_query is not None:
        # The "not a member" explanation is too long for a button's answer: it comes as a
        # message, with the button to ask to join.
        await replies.answer(update.callback_query, text, alert=True, markup=markup)
    elif update.effective_message is not None:
        await update.effective_message.reply_text(text, reply_markup=markup)
