"""Rate buckets shared by every process on the database (the port is bot.core.buckets).

Each request is one statement in autocommit mode, not a unit of work: it is the whole
transaction, and the bucket's row is then locked only while the server runs it. Inside a
transaction the lock would last until the client's COMMIT arrives, a round trip later; the
requests of all replicas queue on that row, and answers that come back after their slot
would let the messages behind them go out in a burst."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    BigInteger,
    BindParameter,
    ColumnElement,
    Double,
    Executable,
    Integer,
    Row,
    String,
    bindparam,
    case,
    cast,
    delete,
    func,
    literal,
    literal_column,
    select,
)
from sqlalchemy.dialects.postgresql import ARRAY, insert
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.core.buckets import Grant, Rate
from store.repositories.base import dialect_insert
from store.tables import RateBucketRow
from store.uow import raise_as_domain_error


class SqlBuckets:
    shared = True

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine.execution_options(isolation_level="AUTOCOMMIT")
        self._acquire = acquire_statement(engine.dialect.name)

    async def acquire(self, name: str, rate: Rate, at: float, count: int = 1) -> Grant:
        """INSERT … ON CONFLICT DO UPDATE … RETURNING: bot.core.buckets.next_state in one
        statement; a new bucket (full) grants its first request."""
        values = {
            "name": name,
            "at": at,
            "interval": count * rate.interval,  # the statement's `interval`: what is taken
            "slack": rate.slack,
        }
        [bucket_now] = await self._execute(self._acquire, values)
        next_slot, refusals = float(bucket_now.next_slot), int(bucket_now.refusals)
        return Grant.from_bucket(rate, at, next_slot, refusals, count)

    async def forget_idle(self, before: float) -> None:
        await self._execute(delete(RateBucketRow).where(RateBucketRow.next_slot <= before))

    async def _execute(
        self, statement: Executable, values: dict[str, Any] | None = None
    ) -> Sequence[Row[Any]]:
        """Run one statement on its own; the errors the core understands, as the unit of work
        raises them (StoreUnavailable …)."""
        try:
            async with self._engine.connect() as connection:
                result = await connection.execute(statement, values)
                return result.all() if result.returns_rows else []
        except Exception as error:
            raise_as_domain_error(error)
            raise


def acquire_statement(dialect: str) -> Any:
    """The statement of `SqlBuckets.acquire`, with the request as its parameters: built once,
    as building it took longer than the database takes to run it (it runs for every update and
    every message sent)."""
    bucket = RateBucketRow.__table__.c
    at, interval, slack = (_number(key) for key in ("at", "interval", "slack"))
    granted = bucket.next_slot <= at + slack
    later = case((bucket.next_slot > at, bucket.next_slot), else_=at)
    new_bucket = {"name": bindparam("name", type_=String()), "next_slot": at + interval}
    return (
        _insert_bucket(dialect, new_bucket)
        .on_conflict_do_update(
            index_elements=[bucket.name],
            set_={
                "next_slot": case((granted, later + interval), else_=bucket.next_slot),
                "refusals": case((granted, 0), else_=bucket.refusals + 1),
            },
        )
        .returning(bucket.next_slot, bucket.refusals)
    )


# Rounding that the floor in `_taken_each` forgives, in intervals: `slack / interval` may come
# out a hair below the whole number it stands for (burst - 1).
ROUNDING = 1e-9


def take_each_statement() -> Any:
    """Several buckets, each asked for `count` events one after the other at `at`, in one
    statement (PostgreSQL; a CTE of store.arrivals' statement for updates arriving together):
    bot.core.buckets.next_state `count` times over, in closed form, as the requests would have
    left the bucket one by one. Parameters are arrays, one element per bucket: `names`,
    `counts`, `ats`, `intervals`, `slacks`. Returns each bucket's name, next_slot, refusals
    (BucketAsk.grants reads the single answers from them)."""
    arrays: list[tuple[str, Any]] = [
        ("names", String()),
        ("counts", Integer()),
        *((key, Double()) for key in ("ats", "intervals", "slacks")),
    ]
    asked = select(
        *(
            func.unnest(bindparam(key, type_=ARRAY(type_)), type_=type_).label(key)
            for key, type_ in arrays
        )
    ).cte("asked_buckets")
    bucket = RateBucketRow.__table__.c
    request = (asked.c.ats, asked.c.intervals, asked.c.slacks)
    fresh = _taken_each(asked.c.ats, literal(0), asked.c.counts, *request)  # a new one is full
    statement = insert(RateBucketRow).from_select(
        ["name", "next_slot", "refusals"], select(asked.c.names, *fresh)
    )
    mine = asked.c.names == literal_column("excluded.name")  # the bucket's own request
    count, at, interval, slack = (
        select(column).where(mine).scalar_subquery() for column in (asked.c.counts, *request)
    )
    next_slot, refusals = _taken_each(bucket.next_slot, bucket.refusals, count, at, interval, slack)
    return statement.on_conflict_do_update(
        index_elements=[bucket.name], set_={"next_slot": next_slot, "refusals": refusals}
    ).returning(bucket.name, bucket.next_slot, bucket.refusals)


def _taken_each(
    next_slot: Any, refusals: Any, count: Any, at: Any, interval: Any, slack: Any
) -> tuple[ColumnElement[Any], ColumnElement[Any]]:
    """A bucket's state after `count` events asked one after the other at `at`. The first is
    granted if `next_slot <= at + slack`, from `start = max(next_slot, at)`; each granted one
    moves the slot on by an interval, so as many are granted as fit between `start` and
    `at + slack`, up to `count`; the ones after the first refusal are refused too (nothing
    refills in between), each adding one to the refusals in a row."""
    start = case((next_slot > at, next_slot), else_=at)
    fit = func.floor((at + slack - start) / interval + ROUNDING) + 1
    granted = case((next_slot <= at + slack, cast(func.least(count, fit), BigInteger)), else_=0)
    return (
        case((granted > 0, start + granted * interval), else_=next_slot),
        case((granted == count, 0), (granted == 0, refusals + count), else_=count - granted),
    )


def _number(key: str) -> BindParameter[float]:
    return bindparam(key, type_=Double())


def _insert_bucket(dialect: str, new_bucket: dict[str, Any]) -> Any:
    """INSERT of a new (full) bucket. On PostgreSQL its statement does not wait for the disk at
    its commit (`set_config` in its FROM: the statement is its own transaction, where a SET LOCAL
    would be a round trip of its own): a bucket lost in a database crash is a full one again,
    while waiting for the disk costs every update and every send some 4 ms."""
    if dialect != "postgresql":
        return dialect_insert(dialect)(RateBucketRow).values(refusals=0, **new_bucket)
    relaxed = func.set_config("synchronous_commit", "off", True)
    values = select(new_bucket["name"], new_bucket["next_slot"], literal(0)).select_from(relaxed)
    return dialect_insert(dialect)(RateBucketRow).from_select(
        ["name", "next_slot", "refusals"], values
    )
