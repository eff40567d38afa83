"""Engines and sessions for SQLite (default) and PostgreSQL."""

import logging
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

PING_AFTER_IDLE = 5.0  # seconds (store.db._ping_after_idle)
_IDLE_SINCE = "kringbot_idle_since"
_ASYNC_DRIVERS = {"sqlite": "sqlite+aiosqlite", "postgresql": "postgresql+asyncpg"}


def normalize_url(url: str) -> str:
    """Accept `sqlite:///…` and `postgresql://…` and pick the async driver for them."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend not in _ASYNC_DRIVERS:
        raise ValueError(f"unsupported database {backend!r}: use SQLite or PostgreSQL")
    return parsed.set(drivername=_ASYNC_DRIVERS[backend]).render_as_string(hide_password=False)


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_engine(url: str) -> AsyncEngine:
    url = normalize_url(url)
    if not is_sqlite(url):
        # hide_parameters: an error message never carries a member's data into the logs.
        engine = create_async_engine(url, hide_parameters=True)
        _ping_after_idle(engine)
        return engine
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_async_engine(url, connect_args={"timeout": 30}, hide_parameters=True)
    # aiosqlite logs every call with its parameters at DEBUG: members' text, RIZIV numbers.
    logging.getLogger("aiosqlite").setLevel(logging.INFO)
    event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Foreign keys on; WAL with synchronous=NORMAL: a commit survives the bot being killed,
    only an operating-system crash may lose the last ones (PostgreSQL is for real kringen)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _ping_after_idle(engine: AsyncEngine) -> None:
    """Ping a pooled connection before using it, if it has been idle for `PING_AFTER_IDLE`.

    SQLAlchemy's `pool_pre_ping` pings at every checkout, and asyncpg's ping is three round
    trips (BEGIN, `;`, ROLLBACK): more than the update's own work. A connection used a moment ago
    is alive; one idle for a while may have been closed by a database restart or a firewall,
    and is pinged (and replaced when it does not answer). A restart within that moment costs at
    most one failed unit of work: the error that reveals it makes SQLAlchemy replace every
    connection of the pool."""

    @event.listens_for(engine.sync_engine, "checkin")
    def checked_in(_dbapi_connection: Any, record: Any) -> None:
        record.info[_IDLE_SINCE] = time.monotonic()

    @event.listens_for(engine.sync_engine, "checkout")
    def checked_out(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get(_IDLE_SINCE)
        if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as error:  # the pool replaces this connection and tries another
            raise DisconnectionError() from error


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


async def ping(engine: AsyncEngine) -> None:
    """Raise unless the database answers (the health check)."""
    async with engine.connect() as connection:
        await connection.execute(text("SELECT 1"))
