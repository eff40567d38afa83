"""Shared fixtures. The database is SQLite unless KRINGBOT_TEST_DATABASE names another one
(`make test` sets it to TEST_DATABASE_URL for its PostgreSQL pass)."""

import os
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import SettableClock
from bot.config import Settings
from bot.core.membership import MembershipService
from bot.core.outbox import OutboxService
from store.db import create_engine, is_sqlite
from store.migrate import upgrade
from store.tables import Base
from tests.fakes import FakeDatabase, FakeUnitOfWork

# The lexical search alone, in every Settings and `kringbot` process the tests make: the first
# start with the semantic layer embeds the whole knowledge base in the background (minutes of
# both cores); its own tests use a small one (tests/unit/test_knowledge_semantic*.py).
os.environ["SEMANTIC_SEARCH"] = "false"

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


async def snapshot(engine: AsyncEngine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, except the log of update ids the gate keeps."""
    rows = {}
    async with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name != "processed_updates":
                result = await connection.execute(select(table))
                rows[table.name] = sorted(map(tuple, result.all()), key=repr)
    return rows


def database_url(tmp_path: Path) -> str:
    return os.environ.get("KRINGBOT_TEST_DATABASE") or f"sqlite:///{tmp_path}/test.db"


async def fresh_engine(url: str) -> AsyncEngine:
    """An engine on an empty, fully migrated database."""
    engine = create_engine(url)
    if not is_sqlite(url):
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
    await upgrade(engine)
    return engine


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = await fresh_engine(database_url(tmp_path))
    yield engine
    await engine.dispose()


@pytest.fixture(scope="session", autouse=True)
def analysis_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The knowledge base's analysis cache of this test run, not the project's `var/`: every
    process of the run reads ANALYSIS_CACHE (Settings, and the `kringbot` subprocesses the
    end-to-end tests start), so the run's first build analyses and the others read the file,
    and a test run leaves nothing behind."""
    path = tmp_path_factory.mktemp("knowledge") / "kb-analysis.pickle"
    before = os.environ.get("ANALYSIS_CACHE")
    os.environ["ANALYSIS_CACHE"] = str(path)
    yield path
    if before is None:
        del os.environ["ANALYSIS_CACHE"]
    else:
        os.environ["ANALYSIS_CACHE"] = before


@pytest.fixture
def clock() -> SettableClock:
    return SettableClock(START)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=database_url(tmp_path),
        kring_name="Huisartsenkring Demo",
        coordinator_contact="coord@kring.example",
        flood_limit_per_minute=0,  # tests send faster than people; tests/handlers/test_flood.py
        # Embedding the whole knowledge base takes minutes: the semantic layer has its own test
        # on a small one (tests/unit/test_knowledge_semantic.py).
        semantic_search=False,
    )


@pytest.fixture
def fake_db() -> FakeDatabase:
    return FakeDatabase()


@pytest.fixture
def membership(fake_db: FakeDatabase, clock: SettableClock) -> MembershipService:
    return MembershipService(lambda: FakeUnitOfWork(fake_db), clock)


@pytest.fixture
def outbox(fake_db: FakeDatabase, clock: SettableClock) -> OutboxService:
    return OutboxService(lambda: FakeUnitOfWork(fake_db), clock)
