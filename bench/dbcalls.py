"""Count the database round trips a stretch of code makes, by what they were.

On PostgreSQL (asyncpg) a round trip is one prepared statement run (`PreparedStatement`'s
`__do_execute`: bind, execute, sync), one statement run on a connection with its arguments
(`Connection.fetch`, as store.direct does, past SQLAlchemy: prepared once per connection), one
statement prepared, or one simple query (`Connection.execute` without arguments: BEGIN, COMMIT,
ROLLBACK). On SQLite (aiosqlite) it is one hop to
the connection's worker thread (`Connection._execute`): a cursor opened, a statement run, its
rows fetched, a commit. What each call was is its label: the statement's first words, or the
name of the function sent to the thread.
"""

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import aiosqlite
from asyncpg.connection import Connection as PgConnection
from asyncpg.prepared_stmt import PreparedStatement

DO_EXECUTE = "_PreparedStatement__do_execute"


def _first_words(sql: str, words: int = 4) -> str:
    return " ".join(sql.split()[:words])


@contextmanager
def counting_database_calls() -> Iterator[Counter[str]]:
    """Within the block, every round trip to either database adds one to its label's count."""
    calls: Counter[str] = Counter()
    originals: list[tuple[type, str, Callable[..., Any]]] = []

    def wrap(owner: type, name: str, label: Callable[..., str]) -> None:
        original = getattr(owner, name)

        async def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
            calls[label(self, *args)] += 1
            return await original(self, *args, **kwargs)

        originals.append((owner, name, original))
        setattr(owner, name, counted)

    wrap(PreparedStatement, DO_EXECUTE, lambda stmt, *_: "pg " + _first_words(stmt.get_query()))
    wrap(PgConnection, "execute", lambda _c, sql, *_: "pg " + _first_words(sql))
    wrap(PgConnection, "fetch", lambda _c, sql, *_: "pg " + _first_words(sql))
    wrap(PgConnection, "prepare", lambda _c, sql, *_: "pg prepare " + _first_words(sql))
    wrap(aiosqlite.Connection, "_execute", lambda _c, fn, *_: "sqlite " + fn.__name__)
    try:
        yield calls
    finally:
        for owner, name, original in reversed(originals):
            setattr(owner, name, original)


def report(calls: Counter[str], updates: int) -> None:
    total = sum(calls.values())
    print(f"\ndatabase round trips per update: {total / updates:.2f} ({total} for {updates})")
    for label, count in calls.most_common():
        print(f"{count / updates:>8.2f}  {label}")
