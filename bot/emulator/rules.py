"""Telegram's limits on a Bot API call that follow from the call alone, with Telegram's texts.

The emulator applies them to every call before answering it; the handler-test harness
(tests/handlers/harness.py) applies the same ones to the calls it records, so a handler test fails
on whatever Telegram would refuse. What depends on the world (a chat that exists, a user who
started the bot, a query answered before, a message's current content) the emulator checks in
methods.py with the helpers at the end of this module, which the harness shares too.

Sources: the Bot API documentation, and where Telegram is stricter than it, the behaviour of
telegram-bot-api (Client.cpp) and TDLib (MessageEntity.cpp, BotCommand.cpp, ReplyMarkup.cpp).
"""

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from bot.emulator.errors import ApiError, bad_request
from bot.emulator.formatting import render_caption, render_text

CALLBACK_ANSWER_LIMIT = 200  # characters of an answerCallbackQuery text
MAX_INLINE_BUTTONS = 100  # per inline keyboard
MAX_CALLBACK_DATA_BYTES = 64
MAX_COMMANDS = 100
MAX_COMMAND_LENGTH = 32
MAX_COMMAND_DESCRIPTION = 256
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the "
    "same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
BUTTON_ACTIONS = frozenset(
    {
        "callback_data",
        "url",
        "web_app",
        "login_url",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "copy_text",
        "callback_game",
        "pay",
    }
)
GLOBAL_SCOPES = frozenset(
    {"default", "all_private_chats", "all_group_chats", "all_chat_administrators"}
)
CHAT_SCOPES = frozenset({"chat", "chat_administrators", "chat_member"})
_BOT_COMMAND = re.compile(r"[a-z0-9_]+")
_LANGUAGE_CODE = re.compile(r"[a-z]{2}")

Params = Mapping[str, Any]


def check_call(method: str, params: Params, upload_sizes: Iterable[int] = ()) -> None:
    """Refuse the call as Telegram would, judging by its parameters and uploads only.

    Raises:
        ApiError: with Telegram's error code and description.
    """
    if any(size > MAX_UPLOAD_BYTES for size in upload_sizes):
        raise ApiError(413, "Request Entity Too Large")
    check = _CHECKS.get(method.lower())
    if check is not None:
        check(params)


# Messages and keyboards


def inline_rows(markup: Any) -> list[list[dict[str, Any]]]:
    """The inline keyboard rows of a reply_markup, or [] for any other markup."""
    if isinstance(markup, dict) and isinstance(markup.get("inline_keyboard"), list):
        rows: list[list[dict[str, Any]]] = markup["inline_keyboard"]
        return rows
    return []


def check_reply_markup(params: Params) -> dict[str, Any] | None:
    markup = params.get("reply_markup")
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" not in markup:
        return markup
    rows = markup["inline_keyboard"]
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request(
            'field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays'
        )
    for row in rows:
        for button in row:
            _check_button(button)
    if sum(1 for row in rows for button in row if button["text"]) > MAX_INLINE_BUTTONS:
        raise bad_request("reply markup is too long")
    return markup


def _check_button(button: Any) -> None:
    if not isinstance(button, dict) or not isinstance(button.get("text"), str):
        raise bad_request(
            'can\'t parse inline keyboard button: Field "text" must be of type String'
        )
    if not BUTTON_ACTIONS & button.keys():
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    if "web_app" in button:
        web_app_url(button["web_app"])
    data = button.get("callback_data")
    if data is not None and not 1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA_BYTES:
        raise bad_request("BUTTON_DATA_INVALID")


def _check_text_message(params: Params) -> None:
    render_text(params.get("text"), params.get("parse_mode"))
    check_reply_markup(params)


def _check_document(params: Params) -> None:
    render_caption(params.get("caption"), params.get("parse_mode"))
    check_reply_markup(params)


def _check_callback_answer(params: Params) -> None:
    text = params.get("text")
    if isinstance(text, str) and len(text) > CALLBACK_ANSWER_LIMIT:
        raise bad_request("MESSAGE_TOO_LONG")


def _check_chat_action(params: Params) -> None:
    if params.get("action") not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")


# Mini Apps


def web_app_url(web_app: Any) -> str:
    """A Mini App opens only over https."""
    url = web_app.get("url") if isinstance(web_app, dict) else None
    if not isinstance(url, str) or not url.startswith("https://"):
        raise bad_request("BUTTON_URL_INVALID")
    return url


def menu_button(params: Params) -> dict[str, Any]:
    """setChatMenuButton's button: commands, default, or a Mini App with a text and an https url."""
    button = params.get("menu_button", {"type": "default"})
    if not isinstance(button, dict) or button.get("type") not in ("commands", "default", "web_app"):
        raise bad_request("can't parse menu button: MenuButton must be an Object")
    if button["type"] == "web_app":
        text = button.get("text")
        if not isinstance(text, str) or not text.strip():
            raise bad_request('can\'t parse menu button: Field "text" must be of type String')
        web_app_url(button.get("web_app"))
    return dict(button)


# Commands


def command_scope(params: Params) -> dict[str, Any]:
    """The scope of a *MyCommands call; chat scopes still need a chat the bot knows."""
    scope = params.get("scope")
    if scope is None:
        return {"type": "default"}
    if not isinstance(scope, dict):
        raise bad_request("can't parse BotCommandScope: BotCommandScope must be an Object")
    kind = scope.get("type")
    if not isinstance(kind, str):
        raise bad_request("can't parse BotCommandScope: Can't find field \"type\"")
    if kind in GLOBAL_SCOPES:
        return {"type": kind}
    if kind not in CHAT_SCOPES:
        raise bad_request("can't parse BotCommandScope: Unsupported type specified")
    if scope.get("chat_id") in (None, ""):
        raise bad_request("can't parse BotCommandScope: Can't find field \"chat_id\"")
    user_id = scope.get("user_id")
    if kind == "chat_member" and not (isinstance(user_id, int) and user_id > 0):
        raise bad_request("can't parse BotCommandScope: Invalid user_id specified")
    return dict(scope)


def language_code(params: Params) -> str:
    """The language of a *MyCommands call: empty, or two lowercase letters."""
    code = params.get("language_code") or ""
    if code and not (isinstance(code, str) and _LANGUAGE_CODE.fullmatch(code)):
        raise bad_request("invalid language code specified")
    return str(code)


def commands(params: Params) -> list[dict[str, str]]:
    """The commands of a setMyCommands call, cleaned the way Telegram stores them."""
    given = params.get("commands")
    if given is None or given == "":
        return []
    if not isinstance(given, list):
        raise bad_request("expected an Array of BotCommand")
    for item in given:
        if not isinstance(item, dict):
            raise bad_request("can't parse BotCommand: expected an Object")
        for field in ("command", "description"):
            if not isinstance(item.get(field), str):
                raise bad_request(
                    f'can\'t parse BotCommand: Field "{field}" must be of type String'
                )
    command_scope(params)
    language_code(params)
    cleaned = [_command(item["command"], item["description"]) for item in given]
    if any(not _BOT_COMMAND.fullmatch(item["command"]) for item in cleaned):
        raise bad_request("BOT_COMMAND_INVALID")
    if len(cleaned) > MAX_COMMANDS:
        raise bad_request("BOT_COMMANDS_TOO_MUCH")
    return cleaned


def _command(name: str, description: str) -> dict[str, str]:
    name = name.strip().removeprefix("/")
    if not name:
        raise bad_request("command must be non-empty")
    if len(name) > MAX_COMMAND_LENGTH:
        raise bad_request(f"command length must not exceed {MAX_COMMAND_LENGTH}")
    description = description.strip()
    if not description:
        raise bad_request("command description must be non-empty")
    if len(description) > MAX_COMMAND_DESCRIPTION:
        raise bad_request(f"command description length must not exceed {MAX_COMMAND_DESCRIPTION}")
    return {"command": name, "description": description}


def _check_commands_call(params: Params) -> None:
    command_scope(params)
    language_code(params)


_CHECKS: dict[str, Callable[[Params], object]] = {
    "sendmessage": _check_text_message,
    "editmessagetext": _check_text_message,
    "editmessagereplymarkup": check_reply_markup,
    "senddocument": _check_document,
    "answercallbackquery": _check_callback_answer,
    "sendchataction": _check_chat_action,
    "setmycommands": commands,
    "getmycommands": _check_commands_call,
    "deletemycommands": _check_commands_call,
}


# What depends on the world: shared by the emulator's methods and the handler-test harness


def shown_markup(markup: Any) -> dict[str, Any] | None:
    """The reply_markup a message carries: only a non-empty inline keyboard (Telegram drops
    buttons without text and rows left empty)."""
    rows = [[b for b in row if b.get("text")] for row in inline_rows(markup)]
    rows = [row for row in rows if row]
    return {"inline_keyboard": rows} if rows else None


def text_content(params: Params) -> dict[str, Any]:
    """What a message shows after sendMessage or editMessageText with ``params``."""
    text, entities = render_text(params.get("text"), params.get("parse_mode"))
    return {
        "text": text,
        "entities": entities,
        "reply_markup": shown_markup(params.get("reply_markup")),
    }


def refuse_unchanged(current: Mapping[str, Any], new: Mapping[str, Any]) -> None:
    """An edit that leaves text, entities and keyboard as they are is refused."""
    if all((current.get(key) or None) == (value or None) for key, value in new.items()):
        raise bad_request(NOT_MODIFIED)


def query_too_old() -> ApiError:
    """A callback query answered before, or never sent."""
    return bad_request(QUERY_TOO_OLD)
