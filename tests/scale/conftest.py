"""The multi-replica suite runs on PostgreSQL only (see cluster.py for what runs).

`make test TEST_DATABASE_URL=postgresql://…` runs the whole suite a second time with
KRINGBOT_TEST_DATABASE set to it: that pass runs these tests; the SQLite pass skips them (SQLite
is one process's database, replicas need a server).

A test module gives the replicas other settings by overriding the `replica_env` fixture, e.g.
`{"OUTBOX_RATE_PER_SECOND": "10"}`, and another way to the database (a proxy it can cut) by
overriding `replica_database_url`."""

import gc
import os
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import SystemClock
from bot.config import Settings
from bot.demo import DEMO_PEOPLE, seed_demo
from bot.emulator import Emulator
from bot.services import build_services
from tests.scale.balancer import Balancer
from tests.scale.cluster import TOKEN, Cluster, Replica, free_port

REPLICAS = 2  # a test asks for more with @pytest.mark.parametrize("cluster", [3], indirect=True)


def _postgresql_url() -> str | None:
    url = os.environ.get("KRINGBOT_TEST_DATABASE") or ""
    return url if url and make_url(url).get_backend_name() == "postgresql" else None


@pytest.fixture(autouse=True)
def _needs_postgresql() -> None:
    if _postgresql_url() is None:
        pytest.skip(
            "replicas share a PostgreSQL database: set KRINGBOT_TEST_DATABASE to a "
            "postgresql:// URL (make test TEST_DATABASE_URL=…)"
        )


@pytest.fixture
def replica_env() -> dict[str, str]:
    """Settings added to the replicas' environment; a test module overrides this fixture."""
    return {}


@pytest.fixture
def replica_database_url(settings: Settings) -> str:
    """The replicas' database URL (a test module may put a proxy in between)."""
    return settings.database_url


@pytest.fixture
async def cluster(
    request: pytest.FixtureRequest,
    engine: AsyncEngine,
    settings: Settings,
    tmp_path: Path,
    replica_env: dict[str, str],
    replica_database_url: str,
) -> AsyncIterator[Cluster]:
    """The demo kring (seeded now) on a fresh database; the emulator with its six people; the
    balancer; and the replicas, running.

    The emulator runs in this test process, which holds whatever the suite's earlier tests left
    behind: a full collection of that heap pauses the emulator, which then takes the requests
    that queued up meanwhile all at once and counts them in one second (the rate tests then see
    429s no replica caused). Frozen, that heap is no longer collected."""
    gc.collect()
    gc.freeze()
    wiring = build_services(settings, SystemClock(), engine)
    await seed_demo(wiring.unit_of_work, datetime.now(UTC))
    emulator = Emulator(token=TOKEN, loopback_webhooks=True)
    await emulator.start()
    for person in DEMO_PEOPLE:
        emulator.create_user(
            person.handle, person.language, person.name.split()[0], person.telegram_id, True
        )
    count = getattr(request, "param", REPLICAS)
    replicas = [Replica(n, free_port(), tmp_path / f"replica-{n}.log") for n in range(count)]
    balancer = Balancer([replica.port for replica in replicas])
    await balancer.start()
    cluster = Cluster(emulator, balancer, replicas, wiring.services, engine)
    try:
        await cluster.start(replica_database_url, replica_env)
        yield cluster
    finally:
        await cluster.stop()
        print(cluster.logs())  # pytest shows it when the test failed
        await balancer.stop()
        await emulator.stop()
        gc.unfreeze()
