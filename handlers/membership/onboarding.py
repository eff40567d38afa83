"""/start, deep-link invites, requests to join, and the onboarding questions (name, RIZIV)."""

from telegram import Message, Update

from bot.core.membership import OnboardingStep, TelegramPerson, onboarding_step
from bot.core.models import MemberStatus
from bot.i18n import translator
from handlers.cme import member as cme_member
from handlers.context import KringContext
from handlers.membership import buttons, menu, texts


def _person(update: Update) -> TelegramPerson:
    user = update.effective_user
    assert user is not None  # the gate lets only private chats with a user through
    return TelegramPerson(telegram_id=user.id, language_code=user.language_code)


async def start(update: Update, context: KringContext) -> None:
    message, kring, member = update.effective_message, context.services.kring, context.member
    assert message is not None
    if context.args and context.args[0].startswith(cme_member.CHECKIN_PREFIX):
        await cme_member.check_in(
            update, context, context.args[0].removeprefix(cme_member.CHECKIN_PREFIX)
        )
    elif context.args:
        onboarding = await context.services.membership.redeem_invite(
            _person(update), context.args[0]
        )
        context.member = onboarding.member
        await message.reply_text(texts.onboarding_question(context.t, onboarding.member, kring))
        await menu.publish_for_member(context.bot, onboarding.member)
    elif member is None:
        await message.reply_text(
            texts.not_a_member(context.t, kring), reply_markup=buttons.join_request(context.t)
        )
    elif member.status is MemberStatus.PENDING:
        await message.reply_text(texts.pending(context.t, member, kring))
    elif member.status is MemberStatus.SUSPENDED:
        await message.reply_text(texts.suspended(context.t, kring))
    else:
        await message.reply_text(texts.welcome_back(context.t, member))


async def request_to_join(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    onboarding = await context.services.membership.request_to_join(_person(update))
    await query.answer()
    await query.edit_message_reply_markup(reply_markup=None)
    assert isinstance(query.message, Message)
    await query.message.reply_text(
        texts.onboarding_question(context.t, onboarding.member, context.services.kring)
    )
    await menu.publish_for_member(context.bot, onboarding.member)


async def answer(update: Update, context: KringContext) -> None:
    """A pending member's text is the answer to the current onboarding question; once all is
    answered, it gets the same reply as anything else they send while they wait."""
    message = update.effective_message
    assert message is not None and message.text is not None
    waiting = context.member
    if waiting is not None and onboarding_step(waiting) is OnboardingStep.AWAITING_APPROVAL:
        await message.reply_text(texts.pending(context.t, waiting, context.services.kring))
        return
    onboarding = await context.services.membership.answer_onboarding(
        _person(update).telegram_id, message.text
    )
    t = translator(onboarding.member.language, context.services.kring.timezone)
    if onboarding.step is OnboardingStep.DONE:
        await message.reply_text(texts.activated(t, onboarding.member, context.services.kring))
        await menu.publish_for_member(context.bot, onboarding.member)
    else:
        await message.reply_text(
            texts.onboarding_question(t, onboarding.member, context.services.kring)
        )
