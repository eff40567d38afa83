"""A loopback TCP proxy between the replicas and PostgreSQL that a test can cut: to the replicas
the database goes away (open connections dropped, new ones refused) and comes back, while the
server, which other tests and people use, keeps running."""

import asyncio
import contextlib

from sqlalchemy.engine import make_url

CHUNK = 65536


class DatabaseProxy:
    def __init__(self, database_url: str) -> None:
        url = make_url(database_url)
        self._database_url = url
        self._target = (url.host or "127.0.0.1", url.port or 5432)
        self._server: asyncio.Server | None = None
        self._open: set[asyncio.StreamWriter] = set()
        self.port = 0

    @property
    def url(self) -> str:
        """The database URL through the proxy."""
        proxied = self._database_url.set(host="127.0.0.1", port=self.port)
        return proxied.render_as_string(hide_password=False)

    async def start(self) -> None:
        """Listen (again, on the same port after a cut)."""
        self._server = await asyncio.start_server(self._connect, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def cut(self) -> None:
        """Refuse new connections and drop the open ones (a reset, as when the server dies)."""
        if self._server is not None:
            self._server.close()
            self._server = None
        for writer in list(self._open):
            writer.transport.abort()
        self._open.clear()

    async def stop(self) -> None:
        await self.cut()

    async def _connect(
        self, client_in: asyncio.StreamReader, client_out: asyncio.StreamWriter
    ) -> None:
        try:
            server_in, server_out = await asyncio.open_connection(*self._target)
        except OSError:
            client_out.transport.abort()
            return
        self._open.update((client_out, server_out))
        await asyncio.gather(_pipe(client_in, server_out), _pipe(server_in, client_out))
        self._open.difference_update((client_out, server_out))


async def _pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
    with contextlib.suppress(ConnectionError, OSError):
        while data := await source.read(CHUNK):
            sink.write(data)
            await sink.drain()
    sink.close()
