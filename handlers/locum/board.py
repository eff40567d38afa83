"""The locum board: post a need or an availability, follow needs that match one's preferences,
browse, say "Interesse", pick. Posting and following are short conversations."""

from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Message, Update
from telegram.ext import CallbackQueryHandler, ConversationHandler, MessageHandler, filters

from bot.core.board import language_list, split_list
from bot.core.locum import InvalidReplacement, ReplacementReason, parse_date
from bot.core.models import PostKind, Subscription
from bot.i18n import Translator
from handlers import keyboards, replies
from handlers.context import KringContext
from handlers.conversation import Flow, keep_and_ask, message_text
from handlers.locum import board_texts, buttons, texts

P_START, P_END, P_ZONE, P_SOFTWARE, P_LANGUAGES, P_DETAILS = range(6)
S_ZONES, S_SOFTWARE, S_LANGUAGES, S_PERIOD = range(6, 10)
BROWSE_LIMIT = 10
_POST, _FOLLOW = "board_post", "board_follow"  # the flows, and where each keeps its answers
_ALWAYS = {"altijd", "always", "toujours", "-", "alle", "all", "tous"}


async def start_post(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and context.user_data is not None
    (kind,) = keyboards.args(query.data, PostKind)
    context.user_data[_POST] = {"kind": kind}
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_text(board_texts.board_ask_start(context.t, kind))
    return P_START


async def post_start(update: Update, context: KringContext) -> int:
    await keep_and_ask(
        update,
        context,
        _POST,
        "start",
        parse_date(message_text(update)),
        texts.replacement_ask_end(context.t),
    )
    return P_END


async def post_end(update: Update, context: KringContext) -> int:
    assert context.user_data is not None
    end = parse_date(message_text(update))
    if end < context.user_data[_POST]["start"]:  # say so now, not after four more questions
        raise InvalidReplacement(ReplacementReason.END_BEFORE_START)
    await keep_and_ask(update, context, _POST, "end", end, board_texts.board_ask_zone(context.t))
    return P_ZONE


async def post_zone(update: Update, context: KringContext) -> int:
    await keep_and_ask(
        update,
        context,
        _POST,
        "zone",
        message_text(update),
        board_texts.board_ask_software(context.t),
    )
    return P_SOFTWARE


async def post_software(update: Update, context: KringContext) -> int:
    software = "" if message_text(update).strip() in _ALWAYS else message_text(update)
    await keep_and_ask(
        update, context, _POST, "software", software, board_texts.board_ask_languages(context.t)
    )
    return P_LANGUAGES


async def post_languages(update: Update, context: KringContext) -> int:
    await keep_and_ask(
        update,
        context,
        _POST,
        "languages",
        language_list(message_text(update)),
        board_texts.board_ask_details(context.t),
    )
    return P_DETAILS


async def post_details(update: Update, context: KringContext) -> int:
    assert context.user_data is not None and update.effective_message is not None
    answers = context.user_data.pop(_POST)
    details = "" if message_text(update).strip() in _ALWAYS else message_text(update)
    post, told = await context.services.board.post(
        context.active_member,
        answers["kind"],
        answers["start"],
        answers["end"],
        answers["zone"],
        answers["software"],
        answers["languages"],
        details,
    )
    await update.effective_message.reply_text(
        board_texts.board_posted(context.t, post, told),
        reply_markup=buttons.board_post(context.t, post, context.active_member),
    )
    return ConversationHandler.END


async def start_follow(update: Update, context: KringContext) -> int:
    query = update.callback_query
    assert query is not None and context.user_data is not None
    context.user_data[_FOLLOW] = {}
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.reply_text(board_texts.board_ask_zones(context.t))
    return S_ZONES


def _list_step(
    key: str,
    ask: Callable[[Translator], str],
    next_state: int,
    read: Callable[[str], list[str]] = split_list,
) -> Callable[[Update, KringContext], Coroutine[Any, Any, int]]:
    """A step whose answer is a list ("Noord, Zuid"; "-" for anything)."""

    async def step(update: Update, context: KringContext) -> int:
        answer = read(message_text(update))
        await keep_and_ask(update, context, _FOLLOW, key, answer, ask(context.t))
        return next_state

    return step


follow_zones = _list_step("zones", board_texts.board_ask_software_wanted, S_SOFTWARE)
follow_software = _list_step("software", board_texts.board_ask_languages, S_LANGUAGES)
follow_languages = _list_step(
    "languages", board_texts.board_ask_period, S_PERIOD, read=language_list
)


async def follow_period(update: Update, context: KringContext) -> int:
    assert context.user_data is not None and update.effective_message is not None
    text = message_text(update).strip()
    available_from = available_until = None
    if text.lower() not in _ALWAYS:
        first, _, last = text.replace("–", "-").replace(" - ", " ").partition(" ")
        available_from, available_until = parse_date(first), parse_date(last or first)
    answers = context.user_data.pop(_FOLLOW)
    subscription = await context.services.board.subscribe(
        context.active_member,
        Subscription(
            0,
            answers["zones"],
            answers["software"],
            answers["languages"],
            available_from,
            available_until,
        ),
    )
    await update.effective_message.reply_text(board_texts.board_following(context.t, subscription))
    return ConversationHandler.END


async def browse(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    member = context.active_member
    posts = await context.services.board.board_for(member)
    await query.answer()
    assert isinstance(query.message, Message)
    if not posts:
        await query.message.reply_text(board_texts.board_empty(context.t))
    for post in posts[:BROWSE_LIMIT]:
        await query.message.reply_text(
            board_texts.board_post(context.t, post),
            reply_markup=buttons.board_post(context.t, post, member),
        )


async def interested(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    (post_id,) = keyboards.args(query.data, int)
    await context.services.board.interested(context.active_member, post_id)
    await replies.answer(query, board_texts.board_interest_sent(context.t), alert=True)
    await query.edit_message_reply_markup(reply_markup=None)


async def pick(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    post_id, member_id = keyboards.args(query.data, int, int)
    chosen = await context.services.board.pick(context.active_member, post_id, member_id)
    await query.answer()
    await query.edit_message_text(board_texts.board_picked(context.t, chosen))


async def close(update: Update, context: KringContext) -> None:
    query = update.callback_query
    assert query is not None
    (post_id,) = keyboards.args(query.data, int)
    await context.services.board.close(context.active_member, post_id)
    await query.answer()
    await query.edit_message_text(board_texts.board_closed(context.t))


def conversations() -> list[Flow]:
    text = filters.TEXT & ~filters.COMMAND
    posting = Flow(
        _POST,
        entry_points=[CallbackQueryHandler(start_post, pattern=rf"^{buttons.BOARD_POST}:")],
        states={
            P_START: [MessageHandler(text, post_start)],
            P_END: [MessageHandler(text, post_end)],
            P_ZONE: [MessageHandler(text, post_zone)],
            P_SOFTWARE: [MessageHandler(text, post_software)],
            P_LANGUAGES: [MessageHandler(text, post_languages)],
            P_DETAILS: [MessageHandler(text, post_details)],
        },
        cancelled=texts.replacement_cancelled,
    )
    following = Flow(
        _FOLLOW,
        entry_points=[CallbackQueryHandler(start_follow, pattern=rf"^{buttons.BOARD_FOLLOW}$")],
        states={
            S_ZONES: [MessageHandler(text, follow_zones)],
            S_SOFTWARE: [MessageHandler(text, follow_software)],
            S_LANGUAGES: [MessageHandler(text, follow_languages)],
            S_PERIOD: [MessageHandler(text, follow_period)],
        },
        cancelled=texts.replacement_cancelled,
    )
    return [posting, following]
