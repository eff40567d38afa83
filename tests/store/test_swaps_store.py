"""Roster and swaps on the real database; on PostgreSQL, 20 colleagues race for one shift."""

import asyncio
import itertools
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import SettableClock
from bot.core.csvfiles import read_table
from bot.core.errors import SwapError, SwapReason
from bot.core.models import Member, MemberStatus, Role, SwapKind, SwapStatus
from bot.core.roster import ROSTER_ALIASES, ROSTER_COLUMNS, RosterService
from bot.core.swaps import SwapRules, SwapService
from store.db import create_engine, is_sqlite, normalize_url
from tests.conftest import START
from tests.store.test_store import _uow_factory

TAKERS = 20
RIZIV_ANN = "14562371004"


async def _kring(engine: AsyncEngine) -> tuple[Member, list[Member], Member]:
    """Ann (with a RIZIV number), 20 colleagues of her zone, and a coordinator."""
    telegram_ids = itertools.count(9_000_000)
    async with _uow_factory(engine)() as tx:

        async def add(name: str, role: Role, riziv: str | None = None) -> Member:
            return await tx.members.add(
                Member(
                    telegram_id=next(telegram_ids),
                    role=role,
                    name=name,
                    riziv=riziv,
                    zone="Noord",
                    status=MemberStatus.ACTIVE,
                    created_at=START,
                    updated_at=START,
                )
            )

        ann = await add("Ann", Role.GP, RIZIV_ANN)
        colleagues = [await add(f"Collega {n:02}", Role.GP) for n in range(TAKERS)]
        coord = await add("Karin", Role.COORDINATOR)
        await tx.commit()
    return ann, colleagues, coord


def _services(engine: AsyncEngine) -> tuple[RosterService, SwapService]:
    clock = SettableClock(START)
    uow = _uow_factory(engine)
    return RosterService(uow, clock, "Europe/Brussels"), SwapService(uow, clock, SwapRules())


async def test_import_request_take_approve_on_the_real_store(engine: AsyncEngine) -> None:
    ann, colleagues, coord = await _kring(engine)
    roster, swaps = _services(engine)
    day = (START + timedelta(days=3)).strftime("%d/%m/%Y")
    content = f"start;end;zone;riziv\n{day} 19:00;{day} 23:00;Noord;{RIZIV_ANN}\n".encode()
    report = await roster.import_rows(coord, read_table(content, ROSTER_COLUMNS, ROSTER_ALIASES))
    assert report.added == 1
    [shift] = await roster.upcoming(ann)

    request, told = await swaps.request(ann, shift.id or 0, SwapKind.GIVEAWAY, note="Feest")
    assert told == TAKERS
    await swaps.take(colleagues[0], request.id or 0)
    await swaps.approve(coord, request.id or 0)

    assert await roster.upcoming(ann) == []
    assert [s.id for s in await roster.upcoming(colleagues[0])] == [shift.id]
    view, trail, actors = await swaps.trail(coord, request.id or 0)
    assert [(e.action, actors[e.actor_id or 0].name) for e in trail] == [
        ("requested", "Ann"),
        ("taken", "Collega 00"),
        ("approved", "Karin"),
    ]
    assert view.request.status is SwapStatus.APPROVED


async def test_exactly_one_of_twenty_concurrent_takers_wins(engine: AsyncEngine) -> None:
    """On PostgreSQL the takers run at once on 4 engines (as 4 processes would); SQLite
    serialises writers, so there they take turns and the later ones must still lose."""
    ann, colleagues, coord = await _kring(engine)
    roster, swaps = _services(engine)
    day = (START + timedelta(days=3)).strftime("%d/%m/%Y")
    content = f"start;end;zone;riziv\n{day} 19:00;{day} 23:00;Noord;{RIZIV_ANN}\n".encode()
    await roster.import_rows(coord, read_table(content, ROSTER_COLUMNS, ROSTER_ALIASES))
    [shift] = await roster.upcoming(ann)
    request, _ = await swaps.request(ann, shift.id or 0, SwapKind.GIVEAWAY)

    async def take(service: SwapService, member: Member) -> int | None:
        try:
            await service.take(member, request.id or 0)
        except SwapError as error:
            assert error.reason is SwapReason.GONE
            return None
        return member.id

    url = normalize_url(engine.url.render_as_string(hide_password=False))
    if is_sqlite(url):
        winners = [await take(swaps, member) for member in colleagues]
    else:
        engines = [create_engine(url) for _ in range(4)]
        services = [_services(e)[1] for e in engines]
        winners = await asyncio.gather(
            *(take(services[n % 4], member) for n, member in enumerate(colleagues))
        )
        for extra in engines:
            await extra.dispose()
    won = [winner for winner in winners if winner is not None]
    assert len(won) == 1
    [pending] = await swaps.waiting_for_approval(coord)
    assert pending.taker is not None and pending.taker.id == won[0]
