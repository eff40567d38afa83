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

Updates that arrive together are asked about together (`arrive_together`): on PostgreSQL one
statement records all their ids, takes each sender's flood bucket once for all their updates
(store.buckets.take_each_statement) and reads each sender's member row and flows. What it read
holds until this process commits anything (`commits`: every session's commit is counted).
"""

from collections.abc import Mapping, Sequence
from dataclasses import fields
from typing import Any, Final

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Executable,
    FromClause,
    Select,
    String,
    and_,
    bindparam,
    create_engine,
    event,
    func,
    literal,
    select,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Connection, RowMapping
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.orm import Session

from bot.core.models import Conversation, Member
from bot.core.updates import Arrived, Batch, BatchArrived, Knock
from store.buckets import acquire_statement, take_each_statement
from store.direct import Compiled, DirectStatements, compile_for_asyncpg
from store.repositories.base import dialect_insert
from store.tables import ConversationRow, MemberRow, ProcessedUpdateRow
from store.uow import raise_as_domain_error

MEMBER_FIELDS = [field.name for field in fields(Member)]  # the members columns of the same names
READ_TIMEOUT = 1.0  # seconds a SQLite read may wait (WAL: only while the file is recovered)
FLOW = "flow_"  # the label prefix of the flows' columns (members have a `name` too)
ASKED = "asked_"  # the label prefix of the (sender, chat) a row of arrive_together's is for


class Commits:
    """Transactions committed by this process's sessions, on any database. Members and their
    flows are written by units of work (sessions) only, so a read made before the latest
    commit is the only one that may be out of date. Counted once the commit is done."""

    done = 0


COMMITS: Final = Commits()


@event.listens_for(Session, "after_commit")
def _count_commit(_session: Session) -> None:
    COMMITS.done += 1


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
            self._together = compile_for_asyncpg(_together_statement(), direct.dialect)

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

    async def arrive_together(self, batch: Batch) -> BatchArrived:
        if self._direct is None:
            return await self._together_on_sqlite(batch)
        now = batch.knocks[0].at
        people = list(dict.fromkeys((knock.telegram_id, knock.chat_id) for knock in batch.knocks))
        takes = list(batch.takes.values())
        values = {
            "update_ids": [knock.update_id for knock in batch.knocks],
            "received_at": now,
            "telegram_ids": [telegram_id for telegram_id, _chat in people],
            "chat_ids": [chat_id for _telegram, chat_id in people],
            "bucket_names": [
                batch.takes[who][0].name if who in batch.takes else None for who, _chat in people
            ],
            "names": [ask.name for ask, _count in takes],
            "counts": [count for _ask, count in takes],
            "ats": [ask.at for ask, _count in takes],
            "intervals": [ask.rate.interval for ask, _count in takes],
            "slacks": [ask.rate.slack for ask, _count in takes],
        }
        rows = await self._direct.rows(self._together, values)
        by_person: dict[tuple[int | None, int | None], list[dict[str, Any]]] = {}
        for row in rows:
            who = (row[ASKED + "telegram_id"], row[ASKED + "chat_id"])
            by_person.setdefault(who, []).append(row)
        return BatchArrived(
            set(rows[0]["recorded"] or ()),
            {who: _member_and_flows(found) for who, found in by_person.items()},
            {
                row["bucket_name"]: (float(row["next_slot"]), int(row["refusals"]))
                for row in rows
                if row["bucket_name"] is not None
            },
        )

    async def _together_on_sqlite(self, batch: Batch) -> BatchArrived:
        """One knock after the other: SQLite's reads are done in this thread, the round trip
        this saves on PostgreSQL is not there."""
        recorded, people = set(), {}
        for knock in batch.knocks:
            arrived = await self.arrive(knock)
            if arrived.first and knock.update_id is not None:
                recorded.add(knock.update_id)
            people[(knock.telegram_id, knock.chat_id)] = (arrived.member, arrived.conversations)
        return BatchArrived(recorded, people, {})

    def commits(self) -> int:
        return COMMITS.done

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
    bucket = None
    if knock.bucket is not None:
        bucket = (float(rows[0]["next_slot"]), int(rows[0]["refusals"]))
    return Arrived(first_time, *_member_and_flows(rows), bucket)


def _member_and_flows(
    rows: Sequence[Mapping[Any, Any]],
) -> tuple[Member | None, list[Conversation]]:
    """The member (if any) of the rows, which are one per flow (at least one)."""
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
    return member, flows


def _member_columns() -> list[ColumnElement[Any]]:
    member, flow = MemberRow.__table__, ConversationRow.__table__
    return [
        *(member.c[key] for key in MEMBER_FIELDS),
        *(column.label(FLOW + column.key) for column in flow.c),
    ]


def _with_member_and_flows(
    base: FromClause, telegram_id: Any, chat_id: Any, received_at: Any
) -> FromClause:
    """`base` joined to the sender's member row and their chat's live flows (if any)."""
    member, flow = MemberRow.__table__, ConversationRow.__table__
    return base.outerjoin(member, member.c.telegram_id == telegram_id).outerjoin(
        flow,
        and_(
            flow.c.chat_id == chat_id,
            flow.c.user_id == telegram_id,
            flow.c.expires_at > received_at,
        ),
    )


def _together_statement() -> Select[Any]:
    """arrive_together's statement (PostgreSQL): one row per flow of each (sender, chat) asked
    about (at least one), with their flood bucket's state and the update ids recorded."""
    received_at = _received_at()
    recorded = _record("postgresql", received_at, many=True).cte("recorded")
    taken = take_each_statement().cte("taken")
    asked = select(
        *(
            func.unnest(bindparam(key + "s", type_=ARRAY(type_)), type_=type_).label(key)
            for key, type_ in (
                ("telegram_id", BigInteger()),
                ("chat_id", BigInteger()),
                ("bucket_name", String()),
            )
        )
    ).subquery("asked")
    columns = [
        asked.c.telegram_id.label(ASKED + "telegram_id"),
        asked.c.chat_id.label(ASKED + "chat_id"),
        *_member_columns(),
        asked.c.bucket_name,
        taken.c.next_slot,
        taken.c.refusals,
        select(func.array_agg(recorded.c.update_id)).scalar_subquery().label("recorded"),
    ]
    base = asked.outerjoin(taken, taken.c.name == asked.c.bucket_name)
    joined = _with_member_and_flows(base, asked.c.telegram_id, asked.c.chat_id, received_at)
    return select(*columns).select_from(joined)


def _statement(dialect: str, records: bool, buckets: bool) -> Select[Any]:
    telegram_id = bindparam("telegram_id", type_=BigInteger())
    received_at = _received_at()
    chat_id = bindparam("chat_id", type_=BigInteger())
    columns = _member_columns()
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
    joined = _with_member_and_flows(base, telegram_id, chat_id, received_at)
    return select(*columns).select_from(joined)


def _received_at() -> Any:
    return bindparam("received_at", type_=ConversationRow.__table__.c.expires_at.type)


def _record(dialect: str, received_at: Any, relaxed: bool = True, many: bool = False) -> Any:
    """INSERT … ON CONFLICT DO NOTHING RETURNING: only the first process to record an update id
    gets a row back; `relaxed`, its commit does not wait for the disk (set_config in its FROM,
    PostgreSQL only); `many`, the ids of the array `update_ids` (PostgreSQL only)."""
    table = ProcessedUpdateRow.__table__
    update_id: Any = bindparam("update_id", type_=table.c.update_id.type)
    if many:
        update_id = func.unnest(bindparam("update_ids", type_=ARRAY(table.c.update_id.type)))
    values = select(update_id, received_at)
    if relaxed:
        values = values.select_from(func.set_config("synchronous_commit", "off", True))
    return (
        dialect_insert(dialect)(table)
        .from_select(["update_id", "processed_at"], values)
        .on_conflict_do_nothing()
        .returning(table.c.update_id)
    )
