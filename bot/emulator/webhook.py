"""Delivery of updates to the bot's webhook, used instead of getUpdates once one is set."""

import asyncio
import json
import logging
from collections.abc import Callable
from typing import Any

from bot.emulator.keepalive import KeptConnections
from bot.emulator.updates import UpdateQueue, Webhook

logger = logging.getLogger(__name__)

DELIVERY_SECONDS = 10  # an answer later than this is a failed delivery


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
        connections = KeptConnections()
        deliveries: set[asyncio.Task[None]] = set()
        try:
            while True:
                webhook, update = await self._queue.next_for_webhook()
                delivery = asyncio.create_task(self._deliver(connections, webhook, update))
                deliveries.add(delivery)
                delivery.add_done_callback(deliveries.discard)
        finally:
            for delivery in deliveries:
                delivery.cancel()
            await asyncio.gather(*deliveries, return_exceptions=True)
            connections.close()

    async def _deliver(
        self, connections: KeptConnections, webhook: Webhook, update: dict[str, Any]
    ) -> None:
        error = await self._post(connections, webhook, update)
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
        connections: KeptConnections, webhook: Webhook, update: dict[str, Any]
    ) -> str | None:
        """POST one update; return None on success, else the error Telegram would report."""
        headers = {}
        if webhook.secret_token:
            headers["X-Telegram-Bot-Api-Secret-Token"] = webhook.secret_token
        try:
            async with asyncio.timeout(DELIVERY_SECONDS):
                response = await connections.post(webhook.url, json.dumps(update).encode(), headers)
        except (OSError, EOFError, ValueError, TimeoutError) as exc:
            return f"Connection failed: {exc or type(exc).__name__}"
        if 200 <= response.status < 300:
            return None
        return f"Wrong response from the webhook: {response.status} {response.reason}"
