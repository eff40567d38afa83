"""The bot's update queue: long polling, confirmation by offset, and webhook hand-off."""

import asyncio
import contextlib
import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.emulator.errors import conflict


class Pulse:
    """A broadcast wake-up: every :meth:`fire` releases all tasks waiting at that moment."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def fire(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait(self, timeout: float) -> None:
        """Wait for the next fire, or at most ``timeout`` seconds."""
        event = self._event
        # asyncio.timeout rather than wait_for: on Python 3.11 wait_for can swallow a
        # cancellation that coincides with the event being set.
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(max(timeout, 0.0)):
                await event.wait()


@dataclass
class Webhook:
    url: str
    secret_token: str | None = None
    max_connections: int = 40
    last_error_date: int | None = None
    last_error_message: str | None = None


def update_type(update: dict[str, Any]) -> str:
    return next(key for key in update if key != "update_id")


class UpdateQueue:
    """Updates waiting for the bot, and which of them the bot has acknowledged.

    With polling, a getUpdates call with ``offset`` confirms every update below it; with a
    webhook, a successful POST confirms that update alone. Like Telegram, a webhook gets up to
    its ``max_connections`` updates at once, but one chat's one at a time and in order (see
    :meth:`next_for_webhook`). Update ids start, like Telegram's, from an arbitrary number, not
    1: a bot that remembers update ids it handled (against a delivery twice) must not take a new
    emulator's updates for old ones.
    """

    def __init__(self, first_update_id: int = 1) -> None:
        self._next_id = first_update_id
        self._pending: list[dict[str, Any]] = []
        self._first_id = first_update_id
        self._in_flight: set[int] = set()  # update ids posted to the webhook, not yet answered
        self._chats: dict[int, object] = {}  # pending update id -> its chat (_chat_of)
        self._filtered = True  # no pending update of a type the bot did not ask for
        self._allowed_updates: list[str] = []
        self._new_update = Pulse()
        self._acked = Pulse()
        self._poller_alive: Callable[[], bool] | None = None
        self._closed = False
        self.webhook: Webhook | None = None

    @property
    def allowed_updates(self) -> list[str]:
        return self._allowed_updates

    @allowed_updates.setter
    def allowed_updates(self, types: list[str]) -> None:
        self._allowed_updates = types
        self._filtered = False

    @property
    def pending_count(self) -> int:
        return len(self._pending)

    def push(self, body: dict[str, Any]) -> int:
        """Queue an update (e.g. ``{"message": {...}}``) and return its update_id."""
        update_id = self._next_id
        self._next_id += 1
        update = {"update_id": update_id, **copy.deepcopy(body)}
        self._pending.append(update)
        self._chats[update_id] = _chat_of(update)
        self._filtered = False
        self._new_update.fire()
        return update_id

    def is_acked(self, update_id: int) -> bool:
        """Pushed, and no longer pending (confirmed, or dropped)."""
        if not self._first_id <= update_id < self._next_id:
            return update_id < self._first_id
        return all(u["update_id"] != update_id for u in self._pending)

    def confirm_through(self, update_id: int) -> None:
        """Forget every update up to and including ``update_id``."""
        self._forget(lambda pending: pending["update_id"] <= update_id)

    def confirm(self, update_id: int) -> None:
        """Forget the one update ``update_id`` (its webhook POST succeeded): its connection
        and its chat's next update are free."""
        self._in_flight.discard(update_id)
        self._forget(lambda pending: pending["update_id"] == update_id)
        self._new_update.fire()

    def _forget(self, gone: Callable[[dict[str, Any]], bool]) -> None:
        kept = []
        for update in self._pending:
            if gone(update):
                del self._chats[update["update_id"]]
            else:
                kept.append(update)
        if len(kept) < len(self._pending):
            self._pending = kept
            self._acked.fire()

    def drop_pending(self) -> None:
        self.confirm_through(self._next_id - 1)

    def set_webhook(self, webhook: Webhook | None) -> None:
        self.webhook = webhook
        self._new_update.fire()

    def _apply_offset(self, offset: int) -> None:
        if offset > 0:
            self.confirm_through(offset - 1)
        elif offset < 0 and len(self._pending) > -offset:
            # A negative offset keeps only the last -offset updates.
            self.confirm_through(self._pending[offset - 1]["update_id"])

    def _drop_unwanted(self) -> None:
        """Drop updates of types the bot did not ask for (once after each change: the webhook
        picks an update for each delivery)."""
        if self.allowed_updates and not self._filtered:
            self._forget(lambda pending: update_type(pending) not in self.allowed_updates)
        self._filtered = True

    def _deliverable(self, limit: int) -> list[dict[str, Any]]:
        """Drop updates of types the bot did not ask for, then return the first ``limit``."""
        self._drop_unwanted()
        return copy.deepcopy(self._pending[:limit])

    async def poll(
        self,
        *,
        offset: int,
        limit: int,
        timeout: float,
        allowed_updates: list[str] | None,
        is_alive: Callable[[], bool],
    ) -> list[dict[str, Any]]:
        """Answer a getUpdates call, long-polling for up to ``timeout`` seconds.

        ``is_alive`` tells whether the caller still waits for the answer; a newer call gets
        409 only while an earlier one is really in progress (not merely abandoned).
        """
        if self.webhook is not None:
            raise conflict(
                "can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first"
            )
        if self._poller_alive is not None and self._poller_alive():
            raise conflict(
                "terminated by other getUpdates request; "
                "make sure that only one bot instance is running"
            )
        self._poller_alive = is_alive
        try:
            self._apply_offset(offset)
            if allowed_updates is not None:
                self.allowed_updates = list(allowed_updates)
            loop = asyncio.get_running_loop()
            deadline = loop.time() + timeout
            batch = self._deliverable(limit)
            while not batch and not self._closed and self.webhook is None:
                remaining = deadline - loop.time()
                if remaining <= 0:
                    break
                await self._new_update.wait(remaining)
                batch = self._deliverable(limit)
            return batch
        finally:
            if self._poller_alive is is_alive:
                self._poller_alive = None

    async def next_for_webhook(self) -> tuple[Webhook, dict[str, Any]]:
        """Wait until a webhook is set, has a connection free (``max_connections``) and an
        update may go: the first pending one of its chat, not already posted. Return both; the
        update is in flight until :meth:`confirm` or :meth:`retry_later`."""
        while True:
            webhook = self.webhook
            if webhook is not None and len(self._in_flight) < webhook.max_connections:
                self._drop_unwanted()
                update = self._first_of_a_free_chat()
                if update is not None:
                    self._in_flight.add(update["update_id"])
                    return webhook, copy.deepcopy(update)
            await self._new_update.wait(3600.0)

    def _first_of_a_free_chat(self) -> dict[str, Any] | None:
        """The oldest pending update that is the oldest of its chat and not in flight: one
        chat's updates go one at a time, in order."""
        chats_seen: set[object] = set()
        for update in self._pending:
            update_id = update["update_id"]
            chat = self._chats[update_id]
            if chat in chats_seen:
                continue
            chats_seen.add(chat)
            if update_id not in self._in_flight:
                return update
        return None

    def retry_later(self, update_id: int) -> None:
        """Its POST failed: the update (and so its chat) waits for the next attempt."""
        self._in_flight.discard(update_id)
        self._new_update.fire()

    async def wait_acked(self, update_id: int, timeout: float) -> None:
        """Return once ``update_id`` is acknowledged; raise TimeoutError after ``timeout``."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not self.is_acked(update_id):
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"update {update_id} was not acknowledged within {timeout} s")
            await self._acked.wait(remaining)

    def close(self) -> None:
        """Release every long poll so the server can shut down promptly."""
        self._closed = True
        self._new_update.fire()


def _chat_of(update: dict[str, Any]) -> object:
    """Which of Telegram's delivery queues an update is in: its chat's, else its sender's."""
    payload = update[update_type(update)]
    message = payload.get("message", payload) if isinstance(payload, dict) else {}
    if isinstance(message, dict) and isinstance(message.get("chat"), dict):
        return ("chat", message["chat"].get("id"))
    if isinstance(payload, dict) and isinstance(payload.get("from"), dict):
        return ("user", payload["from"].get("id"))
    return ("update", update["update_id"])
