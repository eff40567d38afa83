"""A loopback load balancer in front of the replicas' webhook servers (see cluster.py).

It speaks just enough HTTP/1.1 for webhook POSTs, on asyncio streams, and keeps its connections
to the replicas open between requests (as a real balancer does): in the scale bench it shares
the cores with the replicas, and one built on a full HTTP client and server cost about as much
CPU per update as a replica, so the bench measured the balancer as much as the replicas."""

import asyncio
import contextlib
import itertools
import json
from dataclasses import dataclass
from http import HTTPStatus

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
FORWARD_SECONDS = 30  # a replica that does not answer by then counts as failed (502)


@dataclass
class Message:
    """An HTTP request or response: its first line, headers (lower-case names) and body."""

    start: str
    headers: dict[str, str]
    body: bytes


async def read_message(reader: asyncio.StreamReader) -> Message | None:
    """The next request or response on a keep-alive connection; None once it is closed."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError:
        return None
    start, *lines = head[:-4].decode("latin-1").split("\r\n")
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if "chunked" in headers.get("transfer-encoding", ""):
        raise ValueError("chunked bodies are not supported")
    length = int(headers.get("content-length", "0"))
    return Message(start, headers, await reader.readexactly(length) if length else b"")


def _response(status: int) -> bytes:
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Status"
    return f"HTTP/1.1 {status} {phrase}\r\nContent-Length: 0\r\n\r\n".encode()


Connection = tuple[asyncio.StreamReader, asyncio.StreamWriter]


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
        self._idle: dict[int, list[Connection]] = {}  # port -> open connections to a replica

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        host, port = self._server.sockets[0].getsockname()[:2]
        self.url = f"http://{host}:{port}/"

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        writers = [*self._clients, *(w for idle in self._idle.values() for _, w in idle)]
        for writer in writers:
            writer.close()
        self._clients.clear()
        self._idle.clear()

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
        """POST the update to replica `index` on a kept connection, else a new one; its
        status, 502 if it failed."""
        self.routed.append((json.loads(body)["update_id"], index))
        port = self.ports[index]
        request = (
            f"POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
            f"{SECRET_HEADER}: {secret}\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode() + body
        idle = self._idle.setdefault(port, [])
        try:
            async with asyncio.timeout(FORWARD_SECONDS):
                while idle:  # a kept one the replica closed meanwhile (idle, restarted) fails
                    with contextlib.suppress(OSError):
                        if (status := await _exchange(idle.pop(), request, idle)) is not None:
                            return status
                connection = await asyncio.open_connection("127.0.0.1", port)
                return await _exchange(connection, request, idle) or 502
        except (OSError, ValueError, TimeoutError, asyncio.IncompleteReadError):
            return 502


async def _exchange(connection: Connection, request: bytes, idle: list[Connection]) -> int | None:
    """Send the request and read the answer: its status, None if the connection was closed
    before answering. The connection is kept in `idle` after an answer, else closed."""
    reader, writer = connection
    try:
        writer.write(request)
        await writer.drain()
        response = await read_message(reader)
    except BaseException:
        writer.close()
        raise
    if response is None or response.headers.get("connection", "").lower() == "close":
        writer.close()
    else:
        idle.append(connection)
    return None if response is None else int(response.start.split(" ", 2)[1])
