"""Answering within Telegram's limits, in one place, so no handler can trip over them.

- A callback answer holds at most 200 characters: `answer` shows a longer text as a message.
- A callback query is answered once: the bot remembers which it answered, and `answer` (which
  the error handler uses too) never answers one again; it sends a message instead.
- Editing a message to what it already shows (a member taps the choice already made) is a quiet
  no-op: the bot knows what a tapped message shows (Telegram sends it with the tap;
  `remember_tapped` runs before any handler) and does not call Telegram for an edit that changes
  nothing; should Telegram still answer "message is not modified", that counts as done.
- A text over Telegram's 4,096 characters goes out as several messages (`render.split`), the
  buttons under the last: no handler has to count.
"""

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram._utils.defaultvalue import DefaultValue
from telegram.constants import CallbackQueryLimit
from telegram.error import BadRequest
from telegram.ext import ExtBot

from handlers import render

if TYPE_CHECKING:
    from handlers.context import KringContext

ANSWER_LIMIT = CallbackQueryLimit.ANSWER_CALLBACK_QUERY_TEXT_LENGTH
_REMEMBERED = 10_000  # queries are answered within seconds; this covers the rest
MessageKey = tuple[int, int]  # chat id, message id
Shown = tuple[str | None, InlineKeyboardMarkup | None]  # HTML text (None: not a text), keyboard


class KringBot(ExtBot[None]):
    """The bot of the Application: PTB's, keeping the rules above on every call."""

    def __init__(self, *args: Any, console_url: str | None = None, **kwargs: Any) -> None:
        """`console_url`: the Mini App's https address, for members' menu button (None: no
        console, as in the demo on this machine: Telegram opens Mini Apps over https only)."""
        super().__init__(*args, **kwargs)
        self._console_url = console_url
        self._answered: OrderedDict[str, None] = OrderedDict()
        self._shown: OrderedDict[MessageKey, Shown] = OrderedDict()

    @property
    def console_url(self) -> str | None:
        return self._console_url

    def answered(self, query_id: str) -> bool:
        return query_id in self._answered

    def shows(self, message: Message) -> None:
        """Remember what a bot message shows (it came with a tap)."""
        text = message.text_html if message.text is not None else None
        self._keep(self._shown, _key(message), (text, message.reply_markup))

    async def answer_callback_query(self, *args: Any, **kwargs: Any) -> bool:
        result = await super().answer_callback_query(*args, **kwargs)
        self._keep(self._answered, str(kwargs.get("callback_query_id", args[0] if args else "")))
        return result

    async def send_message(self, *args: Any, **kwargs: Any) -> Message:
        """PTB's Message.reply_text passes every argument by name, and so does `answer`."""
        if args or self._parse_mode(kwargs.get("parse_mode")) != "HTML":
            return await super().send_message(*args, **kwargs)
        *first, last = render.split(kwargs.pop("text"))
        markup = kwargs.pop("reply_markup", None)
        for part in first:
            await super().send_message(text=part, **kwargs)
        return await super().send_message(text=last, reply_markup=markup, **kwargs)

    async def edit_message_text(self, *args: Any, **kwargs: Any) -> Message | bool:
        """Edits come from PTB's Message.edit_text and CallbackQuery.edit_message_text, which
        pass every argument by name."""
        new: Shown = (kwargs.get("text", ""), kwargs.get("reply_markup"))
        html = self._parse_mode(kwargs.get("parse_mode")) == "HTML"
        if html and _same(self._shown_by(kwargs), new):
            return True
        try:
            result = await super().edit_message_text(*args, **kwargs)
        except BadRequest as error:
            return _unchanged(error)
        if isinstance(result, Message):
            self.shows(result)
        return result

    async def edit_message_reply_markup(self, *args: Any, **kwargs: Any) -> Message | bool:
        shown = self._shown_by(kwargs)
        if shown is not None and shown[1] == kwargs.get("reply_markup"):
            return True
        try:
            result = await super().edit_message_reply_markup(*args, **kwargs)
        except BadRequest as error:
            return _unchanged(error)
        if isinstance(result, Message):
            self.shows(result)
        return result

    def _shown_by(self, edit: dict[str, Any]) -> Shown | None:
        return self._shown.get((edit.get("chat_id", 0), edit.get("message_id", 0)))

    def _parse_mode(self, given: object) -> object:
        if given is None or isinstance(given, DefaultValue):  # not given: the bot's default
            return self.defaults.parse_mode if self.defaults is not None else None
        return given

    @staticmethod
    def _keep(memory: "OrderedDict[Any, Any]", key: Any, value: Any = None) -> None:
        memory[key] = value
        memory.move_to_end(key)
        while len(memory) > _REMEMBERED:
            memory.popitem(last=False)


async def remember_tapped(update: Update, context: "KringContext") -> None:
    """Handler group before the gate: note what the tapped message shows (see KringBot)."""
    query = update.callback_query
    if query is not None and isinstance(query.message, Message):
        context.bot.shows(query.message)


def _key(message: Message) -> MessageKey:
    return message.chat_id, message.message_id


def _same(shown: Shown | None, new: Shown) -> bool:
    """The message would show the same: same keyboard, same text once PTB's HTML (which also
    escapes quotes) and ours (which does not) are compared alike, and Telegram's trimming."""
    if shown is None or shown[0] is None or new[0] is None or shown[1] != new[1]:
        return False

    def normal(html: str) -> str:
        return html.replace("&quot;", '"').replace("&#x27;", "'").strip()

    return normal(shown[0]) == normal(new[0])


def _unchanged(error: BadRequest) -> bool:
    """True (PTB's result of an edit without a message) when the message already shows it."""
    if "message is not modified" not in error.message.lower():
        raise error
    return True


async def answer(
    query: CallbackQuery,
    text: str | None = None,
    *,
    alert: bool = False,
    markup: InlineKeyboardMarkup | None = None,
) -> None:
    """Answer a tapped button, with `text` (HTML) if given.

    The text shows on the button's answer when it fits (≤ 200 characters, no buttons of its own)
    and the query is not answered yet; otherwise the query is answered without text (if still
    open) and the text comes as a message in the person's chat.
    """
    bot = query.get_bot()
    open_query = not (isinstance(bot, KringBot) and bot.answered(query.id))
    short = render.plain(text) if text is not None else None
    if open_query and markup is None and (short is None or len(short) <= ANSWER_LIMIT):
        await query.answer(short, show_alert=alert and short is not None)
        return
    if open_query:
        await query.answer()
    if text is not None:
        await bot.send_message(chat_id=query.from_user.id, text=text, reply_markup=markup)
