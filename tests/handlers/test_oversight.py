"""Coordinator actions in the audit log (exported by /export), and error reports to the
coordinator at most once an hour per distinct error."""

from datetime import UTC, datetime, timedelta

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
    rows = [row.values for row in read_table(document.params["document"].content, ["wat"])]
    assert [(row["wie"], row["gelogd als"]) for row in rows] == [
        ("Karin Peeters", "/approvals"),
        ("Karin Peeters", "/export"),
        ("Karin Peeters", "xaudit"),
    ]
    assert rows[0]["wat"] == "/approvals (wissels die op goedkeuring wachten)"
    assert rows[2]["wat"] == "auditlog geëxporteerd"


@pytest.mark.parametrize("kring_size", ["large"])
async def test_the_audit_log_says_in_words_what_was_done_and_to_whom(bot: Harness) -> None:
    approvals = replies(await bot.send(demo("coord"), "/approvals"))
    approval = next(call for call in approvals if "Goedkeuren" in call.buttons)
    await bot.tap(demo("coord"), approval.button_data("Goedkeuren"), approval)
    [menu] = replies(await bot.send(demo("coord"), "/export"))
    month = next(label for label in menu.buttons if "Auditlog" not in label)
    await bot.tap(demo("coord"), menu.button_data(month), menu)
    calls = await bot.tap(demo("coord"), menu.button_data("Auditlog"), menu)
    [document] = [call for call in calls if call.method == "sendDocument"]
    rows = {
        row.values["gelogd als"].split(":")[0]: row.values
        for row in read_table(document.params["document"].content, ["wat"])
    }
    approved = rows["swok"]
    assert approved["wat"] == "wissel goedgekeurd"
    requester = approved["betreft"].split(",")[0]
    assert requester and requester in approval.text  # the swap's requester, by name
    assert rows["xswaps"]["wat"] == "roosterwijzigingen geëxporteerd"
    assert rows["xswaps"]["betreft"].split()[0] in month.lower()  # the month, in words


def test_every_coordinator_action_has_words() -> None:
    from bot.core.audit import AuditLine
    from bot.i18n import translator
    from handlers import ACCESS
    from handlers.audience import Audience
    from handlers.membership import audit_texts

    t = translator("nl")
    actions = [f"/{c.name}" for c in ACCESS.commands if c.audience >= Audience.MANAGER]
    actions += [str(p) for p in ACCESS.buttons if p.audience >= Audience.MANAGER]
    for action in actions:
        assert audit_texts.what(t, AuditLine(datetime.now(UTC), None, action, [])), action


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
