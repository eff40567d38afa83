"""A loopback load balancer in front of the replicas' webhook servers (see cluster.py).

It speaks just enough HTTP/1.1 for webhook POSTs (bot.emulator.keepalive) and keeps its
connections to the replicas open between requests, as a real balancer does: in the scale bench
it shares the cores with the replicas it is to measure, and on aiohttp's client and server it
took about a fifth of a core at 900 updates a second."""

import asyncio
import itertools
import json
from http import HTTPStatus

from bot.emulator.keepalive import KeptConnections, Message, read_message

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
FORWARD_SECONDS = 30  # a replica that does not answer by then counts as failed (502)


def _response(status: int) -> bytes:
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Status"
    return f"HTTP/1.1 {status} {phrase}\r\nContent-Length: 0\r\n\r\n".encode()


class Balancer:
    """Forwards each webhook POST to a replica's webhook server.

    `routed` lists (update_id, replica index) for every forward, so a test can check where an
    update went."""

    def __init__(self, ports: list[int]) -> None:
        self.ports = ports
        self.routed: list[tuple[int, int]] = []
        self.url = ""
        self._turns = itertools.cycle(range(len(ports)))
        self._pinned: int | None = None
        self._fan_out = False
        self._held: list[tuple[bytes, str]] | None = None  # None: not holding
        self._server: asyncio.Server | None = None
        self._clients: set[asyncio.StreamWriter] = set()
        self._upstream = KeptConnections()  # to the replicas

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        host, port = self._server.sockets[0].getsockname()[:2]
        self.url = f"http://{host}:{port}/"

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        for writer in self._clients:
            writer.close()
        self._clients.clear()
        self._upstream.close()

    # How updates are routed

    def round_robin(self) -> None:
        """Each update to the next replica (the default)."""
        self._pinned, self._fan_out, self._held = None, False, None

    def pin(self, index: int) -> None:
        """Every update to replica `index`."""
        self.round_robin()
        self._pinned = index

    def fan_out(self) -> None:
        """Every update to every replica at once: one update delivered several times."""
        self.round_robin()
        self._fan_out = True

    def hold(self) -> None:
        """Keep the updates that arrive (answering 200) until `release`."""
        self._held = []

    async def holding(self, count: int, seconds: float = 10) -> None:
        """Wait until `count` updates are held (the emulator posts them as they come)."""
        async with asyncio.timeout(seconds):
            while len(self._held or ()) < count:  # noqa: ASYNC110
                await asyncio.sleep(0.05)

    async def release(self) -> None:
        """Forward every held update at the same moment, each to the next replica; then route
        round-robin again."""
        held = self._held or []
        self.round_robin()
        await asyncio.gather(
            *(self._forward(next(self._turns), body, secret) for body, secret in held)
        )

    # Forwarding

    def _targets(self) -> list[int]:
        if self._fan_out:
            return list(range(len(self.ports)))
        if self._pinned is not None:
            return [self._pinned]
        return [next(self._turns)]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """One client connection (the emulator keeps several open): request after request."""
        self._clients.add(writer)
        try:
            while (request := await read_message(reader)) is not None:
                writer.write(_response(await self._receive(request)))
                await writer.drain()
        except (OSError, ValueError):
            pass
        finally:
            self._clients.discard(writer)
            writer.close()

    async def _receive(self, request: Message) -> int:
        secret = request.headers.get(SECRET_HEADER.lower(), "")
        if self._held is not None:
            self._held.append((request.body, secret))
            return 200
        statuses = await asyncio.gather(
            *(self._forward(index, request.body, secret) for index in self._targets())
        )
        # Like a balancer, a replica's failure reaches Telegram, which delivers again later.
        failed = [status for status in statuses if not 200 <= status < 300]
        return failed[0] if failed else 200

    async def _forward(self, index: int, body: bytes, secret: str) -> int:
        """POST the update to replica `index`; its status, 502 if it failed."""
        self.routed.append((json.loads(body)["update_id"], index))
        url = f"http://127.0.0.1:{self.ports[index]}/"
        try:
            async with asyncio.timeout(FORWARD_SECONDS):
                response = await self._upstream.post(url, body, {SECRET_HEADER: secret})
        except (OSError, EOFError, ValueError, TimeoutError):
            return 502
        return response.status
