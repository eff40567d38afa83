"""An update's arrival in one database round trip (the port is bot.core.updates.ArrivalStore).

Every update pays for this, so it is one statement, run on its own (autocommit) like the rate
buckets' (store.buckets): on PostgreSQL a unit of work would add a BEGIN and a COMMIT round trip
to it, and a round trip per question (the update recorded, the flood bucket, the member, their
flows) is what the update used to wait for. On PostgreSQL the statement records the update
(INSERT … ON CONFLICT DO NOTHING RETURNING), takes from the person's flood bucket (the bucket
statement of store.buckets, as a CTE), and reads the member and their chat's flows, which it
joins to a one-row base so that the answer is one row per flow (at least one). Its commit does
not wait for the disk (`set_config` in the statement, as the buckets' does): a database crash may
forget the last updates handled, and Telegram redelivers only what was not acknowledged. On
SQLite (one process: the update ids and buckets stay in memory) it is the read alone, done in
the event loop's thread.

Each variant is built once, at start-up: building one took longer than running it. On PostgreSQL
it runs straight on asyncpg (store.direct): through the engine, SQLAlchemy's own work on it took
the bot longer than the database took to run it.
"""

from collections.abc import Mapping, Sequence
from dataclasses import fields
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Executable,
    Select,
    and_,
    bindparam,
    create_engine,
    event,
    func,
    literal,
    select,
)
from sqlalchemy.engine import Connection, RowMapping
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.core.models import Conversation, Member
from bot.core.updates import Arrived, Knock
from store.buckets import acquire_statement
from store.direct import Compiled, DirectStatements, compile_for_asyncpg
from store.repositories.base import dialect_insert
from store.tables import ConversationRow, MemberRow, ProcessedUpdateRow
from store.uow import raise_as_domain_error

MEMBER_FIELDS = [field.name for field in fields(Member)]  # the members columns of the same names
READ_TIMEOUT = 1.0  # seconds a SQLite read may wait (WAL: only while the file is recovered)
FLOW = "flow_"  # the label prefix of the flows' columns (members have a `name` too)


class SqlArrivals:
    def __init__(self, engine: AsyncEngine) -> None:
        dialect = engine.dialect.name
        self._engine = engine.execution_options(isolation_level="AUTOCOMMIT")
        self._reader: SqliteReader | None = None
        self._direct: DirectStatements | None = None
        self._compiled: dict[tuple[bool, bool], Compiled] = {}
        if dialect == "sqlite":
            self._reader = SqliteReader(engine)
            self._read = _statement(dialect, records=False, buckets=False)
            self._record_alone = _record(dialect, _received_at(), relaxed=False)
        else:
            direct = self._direct = DirectStatements(engine)
            self._compiled = {
                (records, buckets): compile_for_asyncpg(
                    _statement(dialect, records, buckets), direct.dialect
                )
                for records in (False, True)
                for buckets in (False, True)
            }

    async def arrive(self, knock: Knock) -> Arrived:
        values = parameters(knock)
        if self._direct is not None:
            rows = await self._direct.rows(self.compiled(knock), values)
            return _arrived(rows, knock, knock.update_id is None or bool(rows[0]["recorded"]))
        assert self._reader is not None
        try:
            return await self._on_sqlite(self._reader, knock, values)
        except Exception as error:
            raise_as_domain_error(error)
            raise

    def compiled(self, knock: Knock) -> Compiled:
        """The statement for this knock, as store.direct runs it (PostgreSQL)."""
        return self._compiled[(knock.update_id is not None, knock.bucket is not None)]

    async def _on_sqlite(
        self, reader: "SqliteReader", knock: Knock, values: dict[str, Any]
    ) -> Arrived:
        """A SQLite bot keeps its update ids and rate buckets in memory (bot.core.updates), so
        only the read is left: done right here, not on the connection's thread (the four trips
        there and back that aiosqlite makes of it cost more than the read). In WAL mode a read
        never waits for a writer. Recording an update id is for tests of the port."""
        if knock.bucket is not None:
            raise ValueError("a SQLite bot keeps its rate buckets in its memory")
        first = True
        if knock.update_id is not None:
            async with self._engine.connect() as connection:
                first = bool((await connection.execute(self._record_alone, values)).all())
        rows = reader.rows(self._read, values)
        return _arrived(rows, knock, first)


def parameters(knock: Knock) -> dict[str, Any]:
    """The arrival statement's parameters for this knock."""
    values: dict[str, Any] = {
        "update_id": knock.update_id,
        "telegram_id": knock.telegram_id,
        "chat_id": knock.chat_id,
        "received_at": knock.at,
    }
    if knock.bucket is not None:
        rate = knock.bucket.rate
        values |= {
            "name": knock.bucket.name,
            "at": knock.bucket.at,
            "interval": rate.interval,
            "slack": rate.slack,
        }
    return values


class SqliteReader:
    """The bot's SQLite file through the synchronous driver, for reads in the event loop's
    thread: one connection, opened at the first read and kept (between reads it holds no lock:
    each read is its own short transaction), closed when the bot's engine is."""

    def __init__(self, engine: AsyncEngine) -> None:
        url = engine.url.set(drivername="sqlite+pysqlite")
        self._engine = create_engine(
            url, connect_args={"timeout": READ_TIMEOUT}, hide_parameters=True
        )
        self._connection: Connection | None = None
        event.listen(engine.sync_engine, "engine_disposed", lambda _engine: self.close())

    def rows(self, statement: Executable, values: dict[str, Any]) -> Sequence[RowMapping]:
        if self._connection is None:
            self._connection = self._engine.connect()
        with self._connection.begin():
            return self._connection.execute(statement, values).mappings().all()

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        self._engine.dispose()


def _arrived(rows: Sequence[Mapping[Any, Any]], knock: Knock, first_time: bool) -> Arrived:
    first, member = rows[0], None
    if first["id"] is not None:
        member = Member(**{key: first[key] for key in MEMBER_FIELDS})
    flows = [
        Conversation(
            row["flow_chat_id"],
            row["flow_user_id"],
            row["flow_name"],
            row["flow_state"],
            row["flow_draft"],
            row["flow_expires_at"],
        )
        for row in rows
        if row["flow_name"] is not None
    ]
    bucket = None
    if knock.bucket is not None:
        bucket = (float(first["next_slot"]), int(first["refusals"]))
    return Arrived(first_time, member, flows, bucket)


def _statement(dialect: str, records: bool, buckets: bool) -> Select[Any]:
    member, flow = MemberRow.__table__, ConversationRow.__table__
    telegram_id = bindparam("telegram_id", type_=BigInteger())
    received_at = _received_at()
    chat_id = bindparam("chat_id", type_=BigInteger())
    columns: list[ColumnElement[Any]] = [
        *(member.c[key] for key in MEMBER_FIELDS),
        *(column.label(FLOW + column.key) for column in flow.c),
    ]
    base: Any = select(literal(1).label("one")).subquery("one")
    if records:
        recorded = _record(dialect, received_at).cte("recorded")
        columns.append(
            select(func.count()).select_from(recorded).scalar_subquery().label("recorded")
        )
    if buckets:
        bucket = acquire_statement(dialect).cte("bucket")
        columns += [bucket.c.next_slot, bucket.c.refusals]
        base = base.join(bucket, literal(True))
    joined = base.outerjoin(member, member.c.telegram_id == telegram_id).outerjoin(
        flow,
        and_(
            flow.c.chat_id == chat_id,
            flow.c.user_id == telegram_id,
            flow.c.expires_at > received_at,
        ),
    )
    return select(*columns).select_from(joined)


def _received_at() -> Any:
    return bindparam("received_at", type_=ConversationRow.__table__.c.expires_at.type)


def _record(dialect: str, received_at: Any, relaxed: bool = True) -> Any:
    """INSERT … ON CONFLICT DO NOTHING RETURNING: only the first process to record an update id
    gets a row back; `relaxed`, its commit does not wait for the disk (set_config in its FROM,
    PostgreSQL only)."""
    table = ProcessedUpdateRow.__table__
    update_id = bindparam("update_id", type_=table.c.update_id.type)
    values = select(update_id, received_at)
    if relaxed:
        values = values.select_from(func.set_config("synchronous_commit", "off", True))
    return (
        dialect_insert(dialect)(table)
        .from_select(["update_id", "processed_at"], values)
        .on_conflict_do_nothing()
        .returning(table.c.update_id)
    )
