"""The Bot API methods the emulator implements, with Telegram's validation and errors."""

import ipaddress
import mimetypes
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from bot.emulator import rules
from bot.emulator.errors import bad_request, forbidden
from bot.emulator.formatting import render_caption
from bot.emulator.limits import Faults
from bot.emulator.params import Upload
from bot.emulator.state import Chat, StoredFile, World, scope_key
from bot.emulator.updates import UpdateQueue, Webhook

MAX_GETFILE_SIZE = 20 * 1024 * 1024
WEBHOOK_PORTS = frozenset({443, 80, 88, 8443})
_SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]*")


@dataclass(frozen=True)
class Call:
    """One Bot API call: decoded parameters, uploaded files, and whether the client waits."""

    params: dict[str, Any]
    files: dict[str, Upload]
    is_alive: Callable[[], bool]


Method = Callable[[Call], Awaitable[Any]]


def int_param(params: dict[str, Any], name: str, default: int | None = None) -> int:
    value = params.get(name, default)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value)
    raise bad_request(f"invalid {name} specified" if name in params else f"{name} is empty")


class BotApi:
    """Implements Bot API methods on top of the emulated world and update queue."""

    def __init__(
        self,
        world: World,
        updates: UpdateQueue,
        faults: Faults,
        loopback_webhooks: bool = False,
    ) -> None:
        """``loopback_webhooks`` lets tests use an http webhook on a loopback address, which
        Telegram refuses."""
        self._world = world
        self._updates = updates
        self._faults = faults
        self._loopback_webhooks = loopback_webhooks
        methods: dict[str, Method] = {
            "getMe": self.get_me,
            "getUpdates": self.get_updates,
            "setWebhook": self.set_webhook,
            "deleteWebhook": self.delete_webhook,
            "getWebhookInfo": self.get_webhook_info,
            "setMyCommands": self.set_my_commands,
            "getMyCommands": self.get_my_commands,
            "deleteMyCommands": self.delete_my_commands,
            "setChatMenuButton": self.set_chat_menu_button,
            "setMyDescription": self.accept,
            "setMyShortDescription": self.accept,
            "setMyName": self.accept,
            "sendMessage": self.send_message,
            "editMessageText": self.edit_message_text,
            "editMessageReplyMarkup": self.edit_message_reply_markup,
            "answerCallbackQuery": self.answer_callback_query,
            "sendDocument": self.send_document,
            "deleteMessage": self.delete_message,
            "sendChatAction": self.send_chat_action,
            "getFile": self.get_file,
        }
        # Telegram matches method names case-insensitively.
        self._methods = {name.lower(): method for name, method in methods.items()}

    def method(self, name: str) -> Method | None:
        return self._methods.get(name.lower())

    # Helpers

    def _chat(self, params: dict[str, Any]) -> Chat:
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise bad_request("chat_id is empty")
        if isinstance(chat_id, str) and re.fullmatch(r"-?\d+", chat_id.strip()):
            chat_id = int(chat_id)
        chat = self._world.chat(chat_id)
        if chat is None:
            raise bad_request("chat not found")
        return chat

    def _reachable_chat(self, params: dict[str, Any]) -> Chat:
        chat = self._chat(params)
        if chat.user.blocked:
            raise forbidden("bot was blocked by the user")
        if not chat.user.started:
            raise forbidden("bot can't initiate conversation with a user")
        return chat

    def _bot_message(self, params: dict[str, Any]) -> tuple[Chat, dict[str, Any]]:
        """The bot message an edit refers to."""
        if "inline_message_id" in params:
            raise bad_request("MESSAGE_ID_INVALID")
        chat = self._reachable_chat(params)
        if "message_id" not in params:
            raise bad_request("message to edit not found")
        message = chat.messages.get(int_param(params, "message_id"))
        if message is None:
            raise bad_request("message to edit not found")
        if not self._world.is_from_bot(message):
            raise bad_request("message can't be edited")
        return chat, message

    # Bot and webhook

    async def get_me(self, call: Call) -> dict[str, Any]:
        return dict(self._world.bot_user)

    async def accept(self, call: Call) -> bool:
        """Methods whose effect is invisible in the emulator (menu button, descriptions)."""
        return True

    async def get_updates(self, call: Call) -> list[dict[str, Any]]:
        params = call.params
        try:
            timeout = float(params.get("timeout", 0))
        except (TypeError, ValueError):
            raise bad_request("invalid timeout specified") from None
        allowed = params.get("allowed_updates")
        return await self._updates.poll(
            offset=int_param(params, "offset", 0),
            limit=min(max(int_param(params, "limit", 100), 1), 100),
            timeout=max(timeout, 0.0),
            allowed_updates=allowed if isinstance(allowed, list) else None,
            is_alive=call.is_alive,
        )

    async def set_webhook(self, call: Call) -> bool:
        params = call.params
        url = params.get("url") or ""
        if not url:
            return await self.delete_webhook(call)
        secret = params.get("secret_token") or None
        if secret is not None and len(secret) > 256:
            raise bad_request("secret token is too long")
        if secret is not None and not _SECRET_TOKEN.fullmatch(secret):
            raise bad_request("secret token contains unallowed characters")
        problem = self._webhook_problem(url)
        if problem:
            raise bad_request(f"bad webhook: {problem}")
        if params.get("drop_pending_updates"):
            self._updates.drop_pending()
        if isinstance(params.get("allowed_updates"), list):
            self._updates.allowed_updates = list(params["allowed_updates"])
        self._updates.set_webhook(
            Webhook(
                url=url,
                secret_token=secret,
                max_connections=int_param(params, "max_connections", 40),
            )
        )
        return True

    def _webhook_problem(self, url: str) -> str | None:
        """Why Telegram would not deliver to ``url``: only https on four ports, public hosts."""
        try:
            parts = urlsplit(url if "://" in url else f"https://{url}")
            port = parts.port or (80 if parts.scheme == "http" else 443)
        except ValueError:
            raise bad_request("invalid webhook URL specified") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise bad_request("invalid webhook URL specified")
        address = _ip_address(parts.hostname)
        if self._loopback_webhooks and address is not None and address.is_loopback:
            return None
        if parts.scheme != "https":
            return "An HTTPS URL must be provided for webhook"
        if port not in WEBHOOK_PORTS:
            return "Webhook can be set up only on ports 80, 88, 443 or 8443"
        if address is not None and not address.is_global:
            return f"IP address {address} is reserved"
        return None

    async def delete_webhook(self, call: Call) -> bool:
        if call.params.get("drop_pending_updates"):
            self._updates.drop_pending()
        self._updates.set_webhook(None)
        return True

    async def get_webhook_info(self, call: Call) -> dict[str, Any]:
        webhook = self._updates.webhook
        info: dict[str, Any] = {
            "url": webhook.url if webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": self._updates.pending_count,
        }
        if webhook:
            info["max_connections"] = webhook.max_connections
            if webhook.last_error_date is not None:
                info["last_error_date"] = webhook.last_error_date
                info["last_error_message"] = webhook.last_error_message
        if self._updates.allowed_updates:
            info["allowed_updates"] = list(self._updates.allowed_updates)
        return info

    # Commands

    def _commands_key(self, params: dict[str, Any]) -> tuple[str, str]:
        scope = rules.command_scope(params)
        if "chat_id" in scope:
            chat = self._world.chat(scope["chat_id"])
            if chat is None or not chat.user.started:
                raise bad_request("chat not found")
        return scope_key(scope), rules.language_code(params)

    async def set_chat_menu_button(self, call: Call) -> bool:
        button = rules.menu_button(call.params)
        chat_id = call.params.get("chat_id")
        if chat_id is not None:
            chat = self._world.chat(chat_id)
            if chat is None or not chat.user.started:
                raise bad_request("chat not found")
        self._world.menu_buttons[chat_id or 0] = button
        return True

    async def set_my_commands(self, call: Call) -> bool:
        commands = rules.commands(call.params)
        self._world.stored_commands[self._commands_key(call.params)] = commands
        return True

    async def get_my_commands(self, call: Call) -> list[dict[str, Any]]:
        return list(self._world.stored_commands.get(self._commands_key(call.params), []))

    async def delete_my_commands(self, call: Call) -> bool:
        self._world.stored_commands.pop(self._commands_key(call.params), None)
        return True

    # Messages

    async def send_message(self, call: Call) -> dict[str, Any]:
        params = call.params
        chat = self._reachable_chat(params)
        content = rules.text_content(params)
        self._faults.check(chat.id)
        message = self._world.add_message(chat, self._world.bot_user, **content)
        self._world.record(
            "send",
            chat,
            text=params["text"],
            reply_markup=content["reply_markup"],
            message_id=message["message_id"],
            parse_mode=params.get("parse_mode"),
            disable_notification=params.get("disable_notification") is True,
        )
        return message

    async def edit_message_text(self, call: Call) -> dict[str, Any]:
        params = call.params
        chat, message = self._bot_message(params)
        if "text" not in message:
            raise bad_request("there is no text in the message to edit")
        content = rules.text_content(params)
        rules.refuse_unchanged(message, content)
        self._faults.check(chat.id)
        for key, value in content.items():
            _set_optional(message, key, value)
        message["edit_date"] = self._world.timestamp()
        self._world.record(
            "edit",
            chat,
            text=params["text"],
            reply_markup=content["reply_markup"],
            message_id=message["message_id"],
            parse_mode=params.get("parse_mode"),
        )
        return message

    async def edit_message_reply_markup(self, call: Call) -> dict[str, Any]:
        chat, message = self._bot_message(call.params)
        new_markup = rules.shown_markup(call.params.get("reply_markup"))
        rules.refuse_unchanged(message, {"reply_markup": new_markup})
        self._faults.check(chat.id)
        _set_optional(message, "reply_markup", new_markup)
        message["edit_date"] = self._world.timestamp()
        self._world.record(
            "edit",
            chat,
            text=message.get("text", message.get("caption")),
            reply_markup=new_markup,
            message_id=message["message_id"],
        )
        return message

    async def answer_callback_query(self, call: Call) -> bool:
        pending = self._world.callback(call.params.get("callback_query_id"))
        if pending is None or pending.answered:
            raise rules.query_too_old()
        pending.answered = True
        self._world.record(
            "callback_answer",
            self._world.chat(pending.user.id) or pending.chat,  # the answer shows to the tapper
            text=call.params.get("text"),
            message_id=pending.message_id,
        )
        return True

    async def delete_message(self, call: Call) -> bool:
        chat = self._chat(call.params)
        message_id = int_param(call.params, "message_id")
        if chat.messages.pop(message_id, None) is None:
            raise bad_request("message to delete not found")
        self._world.record("delete", chat, message_id=message_id)
        return True

    async def send_chat_action(self, call: Call) -> bool:
        chat = self._reachable_chat(call.params)
        self._world.record("chat_action", chat, text=call.params["action"])
        return True

    # Files

    def _document_source(self, call: Call) -> StoredFile | Upload:
        """The uploaded document, or the stored one a file_id refers to."""
        document = call.params.get("document")
        upload = call.files.get("document")
        if isinstance(document, str) and document.startswith("attach://"):
            upload = call.files.get(document.removeprefix("attach://"))
        if upload is not None:
            if not upload.content:
                raise bad_request("file must be non-empty")
            return upload
        if not isinstance(document, str) or not document:
            raise bad_request("there is no document in the request")
        stored = self._world.file(document)
        if stored is None:
            raise bad_request("wrong file identifier/HTTP URL specified")
        return stored

    async def send_document(self, call: Call) -> dict[str, Any]:
        params = call.params
        chat = self._reachable_chat(params)
        source = self._document_source(call)
        parse_mode = params.get("parse_mode")
        caption, caption_entities = render_caption(params.get("caption"), parse_mode)
        markup = rules.shown_markup(params.get("reply_markup"))
        self._faults.check(chat.id)
        if isinstance(source, Upload):
            mime_type = (
                mimetypes.guess_type(source.filename, strict=False)[0]
                or source.content_type
                or "application/octet-stream"
            )
            source = self._world.store_file(source.filename, source.content, mime_type)
        message = self._world.add_message(
            chat,
            self._world.bot_user,
            document=source.document_dict(),
            caption=caption,
            caption_entities=caption_entities,
            reply_markup=markup,
        )
        self._world.record(
            "document",
            chat,
            text=params.get("caption") or None,
            reply_markup=markup,
            filename=source.file_name,
            file_id=source.file_id,
            message_id=message["message_id"],
            parse_mode=parse_mode,
            disable_notification=params.get("disable_notification") is True,
        )
        return message

    async def get_file(self, call: Call) -> dict[str, Any]:
        stored = self._world.file(call.params.get("file_id"))
        if stored is None:
            raise bad_request("invalid file_id")
        if len(stored.content) > MAX_GETFILE_SIZE:
            raise bad_request("file is too big")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content),
            "file_path": stored.file_path,
        }


def _set_optional(message: dict[str, Any], key: str, value: Any) -> None:
    """Set ``key`` on a message object, or drop it when empty (Telegram omits empty fields)."""
    if value:
        message[key] = value
    else:
        message.pop(key, None)


def _ip_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a webhook host names literally (localhost included), else None."""
    if host == "localhost":
        return ipaddress.ip_address("127.0.0.1")
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None
