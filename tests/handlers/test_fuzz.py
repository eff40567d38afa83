"""Hostile and clumsy input, generated: thousands of random updates (commands with odd
arguments, long and strange texts, forged or stale buttons, junk documents) from members and
strangers go through the real Application. No update may end in an unexpected error, and the
database must stay consistent."""

import asyncio
import logging
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import SettableClock
from bot.demo import DEMO_PEOPLE
from bot.services import Wiring
from handlers import ACCESS
from store.tables import MemberRow
from tests.handlers.conftest import FRENCH_STRANGER, STRANGER, demo
from tests.handlers.harness import Call, Harness, Person, due_work

EXAMPLES, UPDATES_PER_EXAMPLE = 50, 100  # 5,000 updates

PEOPLE = [demo(p.handle) for p in DEMO_PEOPLE] + [STRANGER, FRENCH_STRANGER]
COMMAND_NAMES = sorted(ACCESS.by_name)
ODD_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=0, max_size=300
)
ARGUMENT = st.one_of(
    st.integers(min_value=-5, max_value=400).map(str),
    st.sampled_from(["", "abc", "0", "999999999999999999999", "approve", "gp", "nl", "xx"]),
    st.sampled_from(["giveaway", "swap", "start", "end", "up", "down", "2026-13", "2026-12"]),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=8),
)


@st.composite
def updates(draw: st.DrawFn) -> tuple[str, Person, Any]:
    person = draw(st.sampled_from(PEOPLE))
    kind = draw(st.sampled_from(["command", "text", "button", "document", "long"]))
    if kind == "command":
        arguments = draw(st.lists(ARGUMENT, max_size=3))
        return "text", person, " ".join([f"/{draw(st.sampled_from(COMMAND_NAMES))}", *arguments])
    if kind == "text":
        return "text", person, draw(ODD_TEXT) or "?"
    if kind == "long":
        return "text", person, draw(st.sampled_from(["<b>", "&", "é", "🩺", "x"])) * 5000
    if kind == "button":
        prefix = draw(st.sampled_from([*sorted(ACCESS.by_prefix), "nope"]))
        payload = ":".join([prefix, *draw(st.lists(ARGUMENT, max_size=3))])
        return "button", person, payload.encode()[:64].decode(errors="ignore")
    name = draw(st.sampled_from(["rooster.csv", "evil.exe", "photo.jpg", ""]))
    return "document", person, (name, draw(st.sampled_from([10, 10_000_000])))


@contextmanager
def unexpected_errors() -> Iterator[list[logging.LogRecord]]:
    """Every ERROR logged while handling updates: the error handler logs those it did not
    expect (domain errors are answered without an ERROR)."""
    caught: list[logging.LogRecord] = []

    class Catch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            caught.append(record)

    handler = Catch(level=logging.ERROR)
    loggers = [logging.getLogger(name) for name in ("handlers", "telegram", "bot")]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield caught
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


def _answered(calls: list[Call]) -> bool:
    return any(call.method == "answerCallbackQuery" for call in calls)


def _describe(record: logging.LogRecord) -> str:
    """The message and, for an exception, where it was raised."""
    if record.exc_info is None or record.exc_info[1] is None:
        return record.getMessage()
    error = record.exc_info[1]
    frames = traceback.extract_tb(error.__traceback__)
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
    return f"{record.getMessage()}: {type(error).__name__}: {error} at {where}"


async def consistency_problems(engine: AsyncEngine) -> list[str]:
    checks = {
        "two pending swap requests for one shift": """
            SELECT shift_id FROM swap_requests WHERE status IN ('open', 'taken')
            GROUP BY shift_id HAVING COUNT(*) > 1""",
        "a taken or approved swap without a taker": """
            SELECT id FROM swap_requests WHERE status IN ('taken', 'approved')
            AND taker_id IS NULL""",
        "an active member without a name": """
            SELECT id FROM members WHERE status = 'active' AND name IS NULL""",
        "a used invite without its member": """
            SELECT id FROM invites WHERE used_at IS NOT NULL AND used_by IS NULL""",
        "an outbox row stuck without a claim": """
            SELECT id FROM outbox WHERE state = 'sending' AND claimed_at IS NULL""",
    }
    problems = []
    async with engine.connect() as connection:
        for problem, query in checks.items():
            if (await connection.execute(text(query))).first() is not None:
                problems.append(problem)
    return problems


async def test_random_updates_never_crash_or_corrupt(
    bot: Harness, wiring: Wiring, engine: AsyncEngine, clock: SettableClock
) -> None:
    async with engine.connect() as connection:
        members_before = await connection.scalar(select(func.count()).select_from(MemberRow))

    async def handle(batch: list[tuple[str, Person, Any]]) -> None:
        unanswered: list[str] = []
        with unexpected_errors() as errors:
            for what, person, content in batch:
                if what == "text":
                    await bot.send(person, content)
                elif what == "button":
                    calls = await bot.tap(person, content)
                    unanswered.extend([] if _answered(calls) else [content])
                else:
                    await bot.send_document(person, *content)
            clock.advance(timedelta(hours=5))
            await due_work(bot, wiring.services)
        assert [_describe(record) for record in errors] == []
        assert unanswered == []  # every button tap gets its answer (no endless spinner)
        assert await consistency_problems(engine) == []

    loop = asyncio.get_running_loop()

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        # The bot keeps its state from one batch to the next, so a shrunk batch would not
        # fail the same way: report the first failing batch as it is.
        phases=[Phase.generate],
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(st.lists(updates(), min_size=UPDATES_PER_EXAMPLE, max_size=UPDATES_PER_EXAMPLE))
    def run(batch: list[tuple[str, Person, Any]]) -> None:
        """Hypothesis drives from a thread; the updates run on the test's event loop."""
        asyncio.run_coroutine_threadsafe(handle(batch), loop).result()

    await asyncio.to_thread(run)
    async with engine.connect() as connection:
        members_after = await connection.scalar(select(func.count()).select_from(MemberRow))
    # Strangers may ask to join (a pending member each), but nobody else appears or vanishes.
    assert members_before <= members_after <= members_before + 2
