"""Drive updates through the real Application with a request class that records every Bot API
call and answers it like Telegram would (modelled on PTB's own tests/auxil).

Like Telegram, the request class refuses what breaks Telegram's limits, with the emulator's
rules (bot.emulator.rules): text and keyboard limits, callback answers (length, answered once),
an edit that changes nothing. Each refusal is kept in `refusals`; the `bot` fixture fails a
test that caused one.
"""

import itertools
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from telegram import Update
from telegram.request import BaseRequest, RequestData

from bot.app import KringApplication
from bot.core.services import Services
from bot.emulator import rules
from bot.emulator.errors import ApiError
from bot.emulator.formatting import command_entities
from bot.scheduling import run_due_work
from bot.sender import Sender
from handlers import COMPOSER

BOT = {"id": 424242, "is_bot": True, "first_name": "Kringbot", "username": "kringbot_test_bot"}


@dataclass(frozen=True)
class SentFile:
    filename: str
    content: bytes


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    message_id: int | None = None  # of the message sent or edited
    refused: str | None = None  # Telegram's description, when Telegram would refuse the call

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    @property
    def buttons(self) -> list[str]:
        markup = self.params.get("reply_markup") or {}
        return [button["text"] for row in markup.get("inline_keyboard", []) for button in row]

    def button_data(self, label: str) -> str:
        markup = self.params.get("reply_markup") or {}
        for row in markup.get("inline_keyboard", []):
            for button in row:
                if label.lower() in button["text"].lower():
                    return str(button["callback_data"])
        raise AssertionError(f"no button {label!r} in {self.buttons}")


MessageKey = tuple[int, int]  # chat id, message id
SHOWN = ("text", "entities", "caption", "reply_markup")  # what a message shows


def bot_message(chat_id: int, message_id: int, shown: dict[str, Any]) -> dict[str, Any]:
    """A bot message as Telegram returns it (and sends it along with a tap)."""
    return {
        "message_id": message_id,
        "date": int(datetime.now(UTC).timestamp()),
        "chat": {"id": chat_id, "type": "private"},
        "from": BOT,
        **{name: value for name, value in shown.items() if value},
    }


class RecordingRequest(BaseRequest):
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.refusals: list[Call] = []
        self._message_ids = itertools.count(1000)
        self.open_queries: set[str] = set()  # tapped and not answered yet
        self.shown: dict[MessageKey, dict[str, Any]] = {}  # what each bot message shows

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None, **_: Any
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        params: dict[str, Any] = dict(request_data.parameters) if request_data else {}
        if request_data is not None and request_data.contains_files:
            for name, (filename, content, _mime) in request_data.multipart_data.items():
                params[name] = SentFile(filename, content)
        call = Call(api_method, params)
        self.calls.append(call)
        try:
            rules.check_call(api_method, params, _upload_sizes(params))
            self._check_state(api_method, params)
        except ApiError as refusal:
            call.refused = refusal.description
            self.refusals.append(call)
            return refusal.error_code, json.dumps(refusal.to_dict()).encode()
        result = self._result(api_method, params)
        if isinstance(result, dict) and "message_id" in result:
            call.message_id = result["message_id"]
            self._remember(result)
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _check_state(self, api_method: str, params: dict[str, Any]) -> None:
        """What Telegram refuses given earlier calls: a second answer, an edit to the same."""
        if api_method == "answerCallbackQuery":
            if params.get("callback_query_id") not in self.open_queries:
                raise rules.query_too_old()
            self.open_queries.discard(params["callback_query_id"])
        shown = self.shown.get((int(params.get("chat_id", 0)), int(params.get("message_id", 0))))
        if api_method == "editMessageText" and shown is not None:
            rules.refuse_unchanged(shown, rules.text_content(params))
        if api_method == "editMessageReplyMarkup" and shown is not None:
            markup = rules.shown_markup(params.get("reply_markup"))
            rules.refuse_unchanged(shown, {"reply_markup": markup})

    def _remember(self, message: dict[str, Any]) -> None:
        key = (message["chat"]["id"], message["message_id"])
        self.shown[key] = {name: message.get(name) for name in SHOWN}

    def _result(self, api_method: str, params: dict[str, Any]) -> Any:
        if api_method == "getMe":
            return BOT
        if api_method == "getFile":
            file_id = str(params["file_id"])
            return {"file_id": file_id, "file_unique_id": file_id, "file_path": file_id}
        if api_method in ("sendMessage", "editMessageText", "editMessageReplyMarkup"):
            chat_id, message_id = int(params["chat_id"]), params.get("message_id")
            key = (chat_id, message_id or next(self._message_ids))
            if api_method == "editMessageReplyMarkup":
                shown = {**self.shown.get(key, {"text": "…"})}
                shown["reply_markup"] = rules.shown_markup(params.get("reply_markup"))
            else:
                shown = rules.text_content(params)
            return bot_message(*key, shown)
        if api_method == "sendDocument":
            markup = rules.shown_markup(params.get("reply_markup"))
            shown = {"caption": params.get("caption"), "reply_markup": markup}
            return bot_message(int(params["chat_id"]), next(self._message_ids), shown)
        return True


@dataclass
class Person:
    id: int
    language_code: str = "nl"
    first_name: str = "Test"

    def as_user(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "is_bot": False,
            "first_name": self.first_name,
            "language_code": self.language_code,
        }


@dataclass
class Harness:
    app: KringApplication
    request: RecordingRequest
    _update_ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    async def send(self, person: Person, text: str) -> list[Call]:
        return await self._process({"message": self._text_message(person, text)})

    async def send_document(self, person: Person, filename: str, size: int) -> list[Call]:
        """A document as Telegram announces it; downloading it gives whatever the request
        class answers (not a valid file), which is what a member sending junk looks like."""
        document = {
            "file_id": f"doc{next(self._update_ids)}",
            "file_unique_id": "u",
            "file_name": filename,
            "file_size": size,
        }
        return await self._process({"message": self._message(person, document=document)})

    def _message(self, person: Person, **content: Any) -> dict[str, Any]:
        return {
            "message_id": next(self._update_ids),
            "date": int(datetime.now(UTC).timestamp()),
            "chat": {"id": person.id, "type": "private"},
            "from": person.as_user(),
            **content,
        }

    async def tap(self, person: Person, data: str, on: Call | None = None) -> list[Call]:
        """Tap a button with ``data`` on the bot message ``on`` (a sent or edited one), or on a
        message showing "…"."""
        message_id = on.message_id if on is not None and on.message_id else 1
        key = (person.id, message_id)
        if key not in self.request.shown:
            self.request.shown[key] = {"text": "…"}
        message = bot_message(*key, self.request.shown[key])
        query_id = str(next(self._update_ids))
        self.request.open_queries.add(query_id)
        query = {
            "id": query_id,
            "from": person.as_user(),
            "chat_instance": "1",
            "data": data,
            "message": message,
        }
        return await self._process({"callback_query": query})

    async def _process(self, payload: dict[str, Any]) -> list[Call]:
        before = len(self.request.calls)
        await self.app.process_update(self._update(payload))
        return self.request.calls[before:]

    def _update(self, payload: dict[str, Any], update_id: int | None = None) -> Update:
        update_id = next(self._update_ids) if update_id is None else update_id
        return Update.de_json({"update_id": update_id, **payload}, self.app.bot)

    def enqueue(self, person: Person, text: str, update_id: int | None = None) -> int:
        """A message as a running bot receives it (the app must be started): through the update
        queue and the update processor, as polling and the webhook deliver it. `update_id`
        delivers an update again (the id enqueue returned)."""
        update = self._update({"message": self._text_message(person, text)}, update_id)
        self.app.update_queue.put_nowait(update)
        return update.update_id

    def _text_message(self, person: Person, text: str) -> dict[str, Any]:
        message = self._message(person, text=text)
        if entities := command_entities(text):  # as Telegram marks a command
            message["entities"] = entities
        return message


def replies(calls: list[Call]) -> list[Call]:
    """What the person saw: messages sent or edited, and callback answers with a text."""
    return [
        call
        for call in calls
        if call.method in ("sendMessage", "editMessageText")
        or (call.method == "answerCallbackQuery" and call.params.get("text"))
    ]


async def due_work(bot: Harness, services: Services) -> list[Call]:
    """Run what a tick runs (reminders, broadcasts, the outbox sender) and return the messages
    the bot sent on its own initiative."""
    before = len(bot.request.calls)
    await run_due_work(outbox_sender(bot, services), services)
    return [c for c in bot.request.calls[before:] if c.method in ("sendMessage", "sendDocument")]


def outbox_sender(bot: Harness, services: Services) -> Sender:
    """A sender of the outbox through the harness's recording bot, with the bot's composer."""
    return Sender(
        bot.app.bot, services.outbox, services.kring, COMPOSER.compose, attach=COMPOSER.attachment
    )


def _upload_sizes(params: dict[str, Any]) -> list[int]:
    return [len(value.content) for value in params.values() if isinstance(value, SentFile)]
