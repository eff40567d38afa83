"""How updates are handled: different chats at once, one chat's updates in order.

One at a time (PTB's default), a coordinator's 5,000-row roster import makes every GP's `/help`
wait for it. All at once (`concurrent_updates(True)`), a member's two quick taps race each other
and a conversation can see its second message before its first. Keeping each chat's order and
running chats side by side gives both: the member sees the answers in the order they asked.
"""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

MAX_CONCURRENT_UPDATES = 32


class OneChatInOrder(BaseUpdateProcessor):
    def __init__(
        self,
        max_concurrent_updates: int = MAX_CONCURRENT_UPDATES,
        taken: Callable[[object], None] | None = None,
    ) -> None:
        """`taken` is told of each update as it is taken for handling, before it waits for its
        turn (the updates of one getUpdates answer are all taken at once)."""
        super().__init__(max_concurrent_updates)
        self._chats: dict[int, tuple[asyncio.Lock, int]] = {}  # lock, updates holding or waiting
        self._taken = taken

    async def process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if self._taken is not None:
            self._taken(update)
        await super().process_update(update, coroutine)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = _chat_of(update)
        if chat is None:
            await coroutine
            return
        lock, users = self._chats.get(chat, (asyncio.Lock(), 0))
        self._chats[chat] = (lock, users + 1)
        try:
            async with lock:
                await coroutine
        finally:
            lock, users = self._chats[chat]
            if users == 1:
                del self._chats[chat]  # no lock kept per chat that ever wrote
            else:
                self._chats[chat] = (lock, users - 1)

    async def initialize(self) -> None:
        """Nothing to set up: locks are made per chat as updates arrive."""

    async def shutdown(self) -> None:
        """Nothing to release: PTB waits for the updates in progress."""


def _chat_of(update: object) -> int | None:
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    return update.effective_user.id if update.effective_user is not None else None
