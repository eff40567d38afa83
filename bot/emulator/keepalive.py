"""Just enough HTTP/1.1 to POST webhook updates on kept connections, on asyncio streams.

The emulator posts every update to the bot's webhook (and the scale tests' balancer forwards
it again). A full HTTP client costs several times what the POST itself needs; in the scale bench,
which runs the emulator beside the replicas on a small machine, that CPU was taken from the
replicas being measured. Bodies have a Content-Length (no chunked transfer)."""

import asyncio
import contextlib
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass
class Message:
    """An HTTP request or response: its first line, headers (lower-case names) and body."""

    start: str
    headers: dict[str, str]
    body: bytes

    @property
    def status(self) -> int:
        """A response's status code."""
        return int(self.start.split(" ", 2)[1])

    @property
    def reason(self) -> str:
        """A response's reason phrase."""
        return self.start.split(" ", 2)[2] if self.start.count(" ") >= 2 else ""


async def read_message(reader: asyncio.StreamReader) -> Message | None:
    """The next request or response on a connection; None once it is closed."""
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
        raise ValueError("a chunked body")
    length = int(headers.get("content-length", "0"))
    return Message(start, headers, await reader.readexactly(length) if length else b"")


Connection = tuple[asyncio.StreamReader, asyncio.StreamWriter]


class KeptConnections:
    """POSTs to URLs on connections kept open between requests, several per host at once."""

    def __init__(self) -> None:
        self._idle: dict[tuple[str, str, int], list[Connection]] = {}

    async def post(self, url: str, body: bytes, headers: dict[str, str]) -> Message:
        """POST `body` (JSON) to `url`; the response. Raises OSError when the server cannot be
        reached, EOFError when it stops answering halfway, ValueError for an answer that is
        not HTTP as expected."""
        parts = urlsplit(url)
        scheme, host = parts.scheme, parts.hostname or "127.0.0.1"
        port = parts.port or (443 if scheme == "https" else 80)
        lines = [
            f"POST {parts.path or '/'}{'?' + parts.query if parts.query else ''} HTTP/1.1",
            f"Host: {parts.netloc}",
            "Content-Type: application/json",
            f"Content-Length: {len(body)}",
            *(f"{name}: {value}" for name, value in headers.items()),
        ]
        request = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
        idle = self._idle.setdefault((scheme, host, port), [])
        while idle:  # a kept one the server has closed meanwhile (idle, restarted) fails
            with contextlib.suppress(OSError):
                if (response := await _exchange(idle.pop(), request, idle)) is not None:
                    return response
        secure = ssl.create_default_context() if scheme == "https" else None
        connection = await asyncio.open_connection(host, port, ssl=secure)
        response = await _exchange(connection, request, idle)
        if response is None:
            raise ConnectionResetError("the server closed the connection without answering")
        return response

    def close(self) -> None:
        for idle in self._idle.values():
            for _, writer in idle:
                writer.close()
        self._idle.clear()


async def _exchange(
    connection: Connection, request: bytes, idle: list[Connection]
) -> Message | None:
    """Send the request and read the answer; None if the connection was closed before
    answering. The connection is kept in `idle` after an answer, else closed."""
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
    return response
