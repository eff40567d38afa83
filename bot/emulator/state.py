"""The emulated Telegram world: users, private chats, messages, files and the bot's outbox."""

import copy
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import Any

from bot.emulator.errors import ButtonNotFound
from bot.emulator.formatting import command_entities
from bot.emulator.rules import inline_rows

MESSAGES = ("send", "document")  # the actions that are new messages in a chat

FIRST_USER_ID = 5_000_001
_SAFE_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,10}")
DEFAULT_SCOPE = {"type": "default"}


@dataclass
class User:
    id: int
    handle: str
    first_name: str
    language_code: str
    blocked: bool = False
    started: bool = False  # pressed Start (wrote to the bot): only then may the bot write

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "is_bot": False,
            "first_name": self.first_name,
            "username": self.handle,
            "language_code": self.language_code,
        }

    def chat_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": "private",
            "first_name": self.first_name,
            "username": self.handle,
        }


@dataclass
class Chat:
    """A private chat; its id is the user's id and message ids are shared by both sides."""

    user: User
    messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    next_message_id: int = 1

    @property
    def id(self) -> int:
        return self.user.id


@dataclass(frozen=True)
class StoredFile:
    file_id: str
    file_unique_id: str
    file_name: str
    mime_type: str
    file_path: str
    content: bytes

    def document_dict(self) -> dict[str, Any]:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_name": self.file_name,
            "mime_type": self.mime_type,
            "file_size": len(self.content),
        }


@dataclass
class PendingCallback:
    user: User
    chat: Chat
    message_id: int
    answered: bool = False


def normalize_handle(handle: str) -> str:
    return handle.strip().removeprefix("@")


def button_labels(markup: Any) -> list[list[str]]:
    return [[str(button.get("text", "")) for button in row] for row in inline_rows(markup)]


def web_app_urls(markup: Any) -> list[str]:
    """The addresses of the Mini App buttons (`web_app`) of a keyboard, in order."""
    return [
        str(button["web_app"].get("url", ""))
        for row in inline_rows(markup)
        for button in row
        if isinstance(button, dict) and isinstance(button.get("web_app"), dict)
    ]


def scope_key(scope: Any) -> str:
    return json.dumps(scope or DEFAULT_SCOPE, sort_keys=True)


class World:
    """Everything the emulator remembers, independent of HTTP."""

    def __init__(self, bot_user: dict[str, Any], now: Callable[[], datetime]) -> None:
        self.bot_user = bot_user
        self._now = now
        self._users: dict[str, User] = {}
        self._users_by_id: dict[int, User] = {}
        self._chats: dict[int, Chat] = {}
        self._files: dict[str, StoredFile] = {}
        self._file_paths: dict[str, StoredFile] = {}
        self._callbacks: dict[str, PendingCallback] = {}
        self._outbox: list[dict[str, Any]] = []
        self._delivered_at: list[float] = []  # real (monotonic) time of each message delivered
        self.stored_commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.menu_buttons: dict[int, dict[str, Any]] = {}  # chat id (0: everyone's default)

    def timestamp(self) -> int:
        """Current unix time per the (possibly simulated) clock; naive datetimes are UTC."""
        now = self._now()
        if now.tzinfo is None:
            now = now.replace(tzinfo=UTC)
        return int(now.timestamp())

    # Users and chats

    def create_user(
        self,
        handle: str,
        language_code: str = "nl",
        first_name: str | None = None,
        user_id: int | None = None,
        started: bool = False,
    ) -> User:
        """Create a user with a private chat, or return the existing user with that handle.

        ``started``: the user has pressed Start before (a member who registered earlier); a
        user who has not can receive nothing until they write to the bot."""
        key = normalize_handle(handle).lower()
        if not key:
            raise ValueError("handle must not be empty")
        if key in self._users:
            self._users[key].started |= started
            return self._users[key]
        if user_id is None:
            user_id = FIRST_USER_ID
            while user_id in self._users_by_id:
                user_id += 1
        elif user_id in self._users_by_id:
            raise ValueError(f"user id {user_id} is already taken")
        user = User(
            id=user_id,
            handle=normalize_handle(handle),
            first_name=first_name or normalize_handle(handle),
            language_code=language_code,
            started=started,
        )
        self._users[key] = user
        self._users_by_id[user_id] = user
        self._chats[user_id] = Chat(user)
        return user

    def user(self, handle: str) -> User:
        try:
            return self._users[normalize_handle(handle).lower()]
        except KeyError:
            raise KeyError(f"unknown user {handle!r}") from None

    def chat(self, chat_id: Any) -> Chat | None:
        return self._chats.get(chat_id) if isinstance(chat_id, int) else None

    # Messages

    def add_message(self, chat: Chat, sender: dict[str, Any], **content: Any) -> dict[str, Any]:
        """Store a new message in ``chat``; empty content fields are left out."""
        message = {
            "message_id": chat.next_message_id,
            "from": copy.deepcopy(sender),
            "chat": chat.user.chat_dict(),
            "date": self.timestamp(),
        }
        message.update({key: value for key, value in content.items() if value})
        chat.messages[chat.next_message_id] = message
        chat.next_message_id += 1
        return message

    def is_from_bot(self, message: dict[str, Any]) -> bool:
        return bool(message["from"]["id"] == self.bot_user["id"])

    def user_text(self, handle: str, text: str) -> dict[str, Any]:
        """A text message from the user (creating and unblocking the user as needed)."""
        chat = self._sending_chat(handle)
        return self.add_message(
            chat, chat.user.to_dict(), text=text, entities=command_entities(text)
        )

    def user_document(self, handle: str, file: StoredFile, caption: str | None) -> dict[str, Any]:
        chat = self._sending_chat(handle)
        return self.add_message(
            chat, chat.user.to_dict(), document=file.document_dict(), caption=caption
        )

    def _sending_chat(self, handle: str) -> Chat:
        """The chat of a user who writes to the bot; writing means the bot is started and
        unblocked."""
        user = self.create_user(handle, started=True)
        user.blocked = False
        return self._chats[user.id]

    def press(self, handle: str, label: str, owner: str | None = None) -> dict[str, Any]:
        """Press the newest callback button whose text contains ``label`` (case-insensitive),
        in the user's own chat or, with ``owner``, on a bot message in the owner's chat (a
        button someone else received, as when a message is passed on; the user is created,
        not started, if Telegram has never seen them)."""
        try:
            user = self.user(handle) if owner is None else self.create_user(handle)
            chat = self._chats[self.user(owner or handle).id]
        except KeyError:
            raise ButtonNotFound(f"unknown user {owner or handle!r}") from None
        wanted = label.casefold()
        for message in reversed(chat.messages.values()):
            if not self.is_from_bot(message):
                continue
            for row in inline_rows(message.get("reply_markup")):
                for button in row:
                    text = str(button.get("text", ""))
                    if "callback_data" in button and wanted in text.casefold():
                        return self._callback_query(user, chat, message, button["callback_data"])
        raise ButtonNotFound(
            f"no bot message in the chat with @{chat.user.handle} has an inline button "
            f"containing {label!r}"
        )

    def _callback_query(
        self, user: User, chat: Chat, message: dict[str, Any], data: str
    ) -> dict[str, Any]:
        query_id = str(8_000_000_000_000_000 + len(self._callbacks) + 1)
        self._callbacks[query_id] = PendingCallback(user, chat, message["message_id"])
        return {
            "id": query_id,
            "from": user.to_dict(),
            "message": copy.deepcopy(message),
            "chat_instance": str(-(10**18) - chat.id),
            "data": data,
        }

    def callback(self, query_id: Any) -> PendingCallback | None:
        return self._callbacks.get(str(query_id))

    # Files

    def store_file(self, filename: str, content: bytes, mime_type: str) -> StoredFile:
        number = len(self._files) + 1
        suffix = PurePosixPath(filename).suffix
        extension = suffix if _SAFE_SUFFIX.fullmatch(suffix) else ""
        file = StoredFile(
            file_id=f"BQACAgQAAxkBAA{number:08d}EmulatedDocument",
            file_unique_id=f"AgAD{number:08d}",
            file_name=filename,
            mime_type=mime_type,
            file_path=f"documents/file_{number}{extension}",
            content=content,
        )
        self._files[file.file_id] = file
        self._file_paths[file.file_path] = file
        return file

    def file(self, file_id: Any) -> StoredFile | None:
        return self._files.get(file_id) if isinstance(file_id, str) else None

    def file_at(self, file_path: str) -> StoredFile | None:
        return self._file_paths.get(file_path)

    # Outbox

    def record(
        self,
        action: str,
        chat: Chat,
        *,
        text: str | None = None,
        reply_markup: Any = None,
        filename: str | None = None,
        file_id: str | None = None,
        message_id: int | None = None,
        parse_mode: str | None = None,
        disable_notification: bool = False,
    ) -> None:
        """Append one successful bot action to the outbox.

        ``file_id`` (documents only) lets a test fetch the sent file with ``file_bytes``.
        """
        if action in MESSAGES:
            self._delivered_at.append(time.monotonic())
        self._outbox.append(
            {
                "seq": len(self._outbox) + 1,
                "to": chat.user.handle,
                "chat_id": chat.id,
                "action": action,
                "text": text,
                "buttons": button_labels(reply_markup),
                "web_apps": web_app_urls(reply_markup),
                "filename": filename,
                "file_id": file_id,
                "message_id": message_id,
                "parse_mode": parse_mode,
                "disable_notification": bool(disable_notification),
            }
        )

    def outbox(self, since: int = 0) -> list[dict[str, Any]]:
        return copy.deepcopy(self._outbox[max(since, 0) :])

    def busiest_second(self) -> int:
        """The most messages delivered within one second (real time, any window), the figure
        Telegram's overall limit is about."""
        busiest, first = 0, 0
        for last, moment in enumerate(self._delivered_at):
            while self._delivered_at[first] <= moment - 1.0:
                first += 1
            busiest = max(busiest, last - first + 1)
        return busiest

    # Commands

    def commands_by_language(self) -> dict[str, list[dict[str, Any]]]:
        """Commands a private-chat user sees, per language code ("" = no language).

        The all_private_chats scope overrides the default scope, as in Telegram.
        """
        result: dict[str, list[dict[str, Any]]] = {}
        for scope in (DEFAULT_SCOPE, {"type": "all_private_chats"}):
            key = scope_key(scope)
            for (stored_scope, language), commands in self.stored_commands.items():
                if stored_scope == key:
                    result[language] = copy.deepcopy(commands)
        return result
