"""Statements run straight on asyncpg, past SQLAlchemy's execution layer (PostgreSQL only).

Every update runs the arrival statement (store.arrivals). Through the async engine that cost
the bot 0.9 ms of its own time per update for the database's 0.35 ms: the greenlet switches, the
pool's checkout and return with their events, the DBAPI adapter's cursor, the result's rows. Here
a statement is compiled by SQLAlchemy once, at start-up, and run on a small asyncpg pool of its
own, opened from the engine's URL: asyncpg keeps each connection's prepared statements, and the
values go in and come out through the columns' own processors (time zones, enums), as they would
through the engine. Only for statements that are their own transaction (autocommit).

A connection the server closed (a restart) is replaced at its next use; one idle for a while
is closed by the pool (`IDLE_LIFETIME`), so a firewall that silently dropped it costs nothing.
"""

import asyncio
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import asyncpg
from sqlalchemy import Float, Numeric, Select, event
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.types import TypeEngine

from bot.core.errors import StoreConflict, StoreRefused, StoreUnavailable

POOL_SIZE = 4  # an arrival takes the database ~0.3 ms: four in flight serve thousands a second
IDLE_LIFETIME = 60.0  # seconds before the pool closes a connection nobody used

# Arguments of the engine's URL that SQLAlchemy's asyncpg adapter takes for itself.
ADAPTER_ONLY = {"prepared_statement_cache_size", "prepared_statement_name_func", "async_fallback"}

Processor = Callable[[Any], Any] | None


@dataclass(frozen=True)
class Compiled:
    """A statement as asyncpg runs it: its SQL, its parameters in `$n` order with their bind
    processors, the values SQLAlchemy put in it (literals), and its columns with their result
    processors."""

    sql: str
    parameters: list[tuple[str, Processor]]
    constants: dict[str, Any]
    columns: list[tuple[str, Processor]]


def compile_for_asyncpg(statement: Select[Any], dialect: Dialect) -> Compiled:
    compiled = statement.compile(dialect=dialect)
    binds, columns = compiled.binds, statement.selected_columns
    assert compiled.positiontup is not None, "asyncpg's paramstyle is positional"
    return Compiled(
        str(compiled),
        [
            (key, binds[key].type.dialect_impl(dialect).bind_processor(dialect))
            for key in compiled.positiontup
        ],
        {key: bind.effective_value for key, bind in binds.items() if not bind.required},
        [(key, _result_processor(column.type, dialect)) for key, column in columns.items()],
    )


def _result_processor(type_: TypeEngine[Any], dialect: Dialect) -> Processor:
    """What the engine does to a column's values; numbers as asyncpg returns them (a float for
    a double, an int for an integer: the engine's own processor for them wants the type the
    server sent, which is only known once the rows are there)."""
    impl = type_.dialect_impl(dialect)
    if isinstance(impl, Numeric | Float):
        return None
    return impl.result_processor(dialect, None)


class DirectStatements:
    """The asyncpg pool the compiled statements run on: opened at the first statement, closed
    when the engine it was made from is."""

    def __init__(self, engine: AsyncEngine, size: int = POOL_SIZE) -> None:
        self.dialect = engine.dialect
        _, arguments = engine.dialect.create_connect_args(engine.url)
        self._connect = {key: arguments[key] for key in arguments.keys() - ADAPTER_ONLY}
        self._size = size
        self._pool: asyncpg.Pool | None = None
        self._opening = asyncio.Lock()
        event.listen(engine.sync_engine, "engine_disposed", lambda _engine: self.close())

    async def rows(self, statement: Compiled, values: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The statement's rows, by column name; the errors the core understands, as the unit
        of work raises them (StoreUnavailable …)."""
        given = statement.constants | dict(values)
        arguments = [
            given[key] if process is None else process(given[key])
            for key, process in statement.parameters
        ]
        try:
            pool = self._pool or await self._open()
            records = await pool.fetch(statement.sql, *arguments)
        except Exception as error:
            _raise_as_domain_error(error)
            raise
        return [
            {
                key: value if process is None or value is None else process(value)
                for (key, process), value in zip(statement.columns, record.values(), strict=True)
            }
            for record in records
        ]

    async def _open(self) -> asyncpg.Pool:
        async with self._opening:
            if self._pool is None:
                self._pool = await asyncpg.create_pool(
                    **self._connect,
                    min_size=1,
                    max_size=self._size,
                    max_inactive_connection_lifetime=IDLE_LIFETIME,
                    init=_json_as_python,
                    reset=_nothing_to_reset,
                )
            return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool = None


async def _json_as_python(connection: asyncpg.Connection) -> None:
    """JSON columns decoded, as the engine's connections do (the conversations' drafts)."""
    await connection.set_type_codec(
        "json", encoder=json.dumps, decoder=json.loads, schema="pg_catalog"
    )


async def _nothing_to_reset(_connection: asyncpg.Connection) -> None:
    """Each statement is its own transaction and changes nothing of the session, so a connection
    goes back to the pool as it is (asyncpg's default reset is a round trip of its own)."""


def _raise_as_domain_error(error: BaseException) -> None:
    """As store.uow.raise_as_domain_error does for the engine's errors: the database is away
    (down, restarting, out of connections), refused a duplicate, or refused our statement (its
    message, which may quote our values, left out)."""
    unreachable = (
        OSError,
        TimeoutError,
        asyncpg.InterfaceError,
        asyncpg.PostgresConnectionError,
        asyncpg.exceptions.OperatorInterventionError,
        asyncpg.exceptions.InsufficientResourcesError,
    )
    if isinstance(error, unreachable):
        raise StoreUnavailable() from error
    if isinstance(error, asyncpg.exceptions.IntegrityConstraintViolationError):
        raise StoreConflict() from None
    if isinstance(error, asyncpg.PostgresError):
        raise StoreRefused(f"{type(error).__name__} on a direct statement …") from None
