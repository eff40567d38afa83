"""Delivery of updates to the bot's webhook, used instead of getUpdates once one is set."""

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import aiohttp

from bot.emulator.updates import UpdateQueue, Webhook

logger = logging.getLogger(__name__)


class WebhookSender:
    """POSTs pending updates to the webhook URL as Telegram does: up to the webhook's
    ``max_connections`` at once, one chat's one at a time and in order (the queue picks them).

    Like Telegram, a failed delivery is retried (after ``retry_delay`` seconds; meanwhile that
    chat's later updates wait) and recorded as the webhook's last error; an update counts as
    acknowledged once its POST returns 2xx.
    """

    def __init__(
        self, queue: UpdateQueue, timestamp: Callable[[], int], retry_delay: float = 0.5
    ) -> None:
        self._queue = queue
        self._timestamp = timestamp
        self._retry_delay = retry_delay

    async def run(self) -> None:
        timeout = aiohttp.ClientTimeout(total=10)
        connector = aiohttp.TCPConnector(limit=0)  # the webhook's max_connections limits it
        deliveries: set[asyncio.Task[None]] = set()
        async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
            try:
                while True:
                    webhook, update = await self._queue.next_for_webhook()
                    delivery = asyncio.create_task(self._deliver(session, webhook, update))
                    deliveries.add(delivery)
                    delivery.add_done_callback(deliveries.discard)
            finally:
                for delivery in deliveries:
                    delivery.cancel()
                await asyncio.gather(*deliveries, return_exceptions=True)

    async def _deliver(
        self, session: aiohttp.ClientSession, webhook: Webhook, update: dict[str, Any]
    ) -> None:
        error = await self._post(session, webhook, update)
        if error is None:
            self._queue.confirm(update["update_id"])
            return
        logger.warning("Webhook delivery of update %s failed: %s", update["update_id"], error)
        webhook.last_error_date = self._timestamp()
        webhook.last_error_message = error
        await asyncio.sleep(self._retry_delay)
        self._queue.retry_later(update["update_id"])

    @staticmethod
    async def _post(
        session: aiohttp.ClientSession, webhook: Webhook, update: dict[str, Any]
    ) -> str | None:
        """POST one update; return None on success, else the error Telegram would report."""
        headers = {}
        if webhook.secret_token:
            headers["X-Telegram-Bot-Api-Secret-Token"] = webhook.secret_token
        try:
            async with session.post(webhook.url, json=update, headers=headers) as response:
                if 200 <= response.status < 300:
                    return None
                return f"Wrong response from the webhook: {response.status} {response.reason}"
        except (aiohttp.ClientError, TimeoutError) as exc:
            return f"Connection failed: {exc}"
