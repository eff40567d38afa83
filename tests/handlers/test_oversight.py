"""Coordinator actions in the audit log (exported by /export), and error reports to the
coordinator at most once an hour per distinct error."""

from datetime import timedelta

import pytest

from bot.clock import SettableClock
from bot.core.csvfiles import read_table
from bot.core.notices.membership import OpsError
from bot.services import Wiring
from tests.handlers.conftest import ON_BOTH_KRINGS, demo
from tests.handlers.harness import Harness, replies


@ON_BOTH_KRINGS
async def test_coordinator_actions_are_logged_and_exported(bot: Harness) -> None:
    await bot.send(demo("coord"), "/approvals")
    await bot.send(demo("ann"), "/approvals")  # refused: not logged
    [menu] = replies(await bot.send(demo("coord"), "/exporteren"))
    calls = await bot.tap(demo("coord"), menu.button_data("Auditlog"), menu)
    [document] = [call for call in calls if call.method == "sendDocument"]
    rows = [row.values for row in read_table(document.params["document"].content, ["actie"])]
    assert [(row["wie"], row["actie"]) for row in rows] == [
        ("Karin Peeters", "/approvals"),
        ("Karin Peeters", "/export"),
        ("Karin Peeters", "xaudit"),
    ]


@ON_BOTH_KRINGS
async def test_an_unexpected_error_is_reported_once_an_hour(
    bot: Harness, wiring: Wiring, clock: SettableClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*_: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(wiring.services.roster, "upcoming", broken)

    async def reports() -> list[OpsError]:
        async with wiring.unit_of_work() as uow:
            rows = await uow.outbox.list()
        return [row.notice for row in rows if isinstance(row.notice, OpsError)]

    for _ in range(3):
        [apology] = replies(await bot.send(demo("ann"), "/shifts"))
        assert "referentie" in apology.text and "a bug" not in apology.text
    [report] = await reports()
    assert report.signature.startswith("RuntimeError at test_oversight.py")
    clock.advance(timedelta(hours=1, minutes=1))
    await bot.send(demo("bart"), "/shifts")
    assert [r.count for r in await reports()] == [1, 3]  # the 2 quiet ones + this one
