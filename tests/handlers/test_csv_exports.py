"""Every CSV the bot writes, with members who chose names a spreadsheet would run as formulas,
and a roster whose zone, post and event titles came from a hostile file: the coordinator's sheet
shows them as text (OWASP "CSV injection")."""

import csv
import io

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.core.csvfiles import FORMULA_STARTS
from bot.services import Wiring
from store.tables import EventRow, MemberRow, ShiftRow
from tests.handlers.conftest import demo
from tests.handlers.harness import Call, Harness, due_work, replies

ANN, LOTTE, COORD = demo("ann"), demo("lotte"), demo("coord")
HOSTILE = {
    ANN.id: '=HYPERLINK("http://evil.example/?x","Eve")',
    LOTTE.id: "+cmd|' /C calc'!A0",
    COORD.id: "@SUM(1+1)*cmd|' /C calc'!A0",
}
ZONE, POST = "-2+3+cmd|' /C calc'!A0", "\t=1+1"  # for zone Noord and its shifts' post
TITLE = '=HYPERLINK("http://evil.example/","Antibiotica")'  # the title of the CME event


async def _rename_hostile(engine: AsyncEngine) -> None:
    async with engine.begin() as connection:
        for telegram_id, name in HOSTILE.items():
            await connection.execute(
                update(MemberRow).where(MemberRow.telegram_id == telegram_id).values(name=name)
            )
        await connection.execute(
            update(MemberRow).where(MemberRow.zone == "Noord").values(zone=ZONE)
        )
        noord = ShiftRow.zone == "Noord"
        await connection.execute(update(ShiftRow).where(noord).values(zone=ZONE, post=POST))
        antibiotics = EventRow.title.startswith("Antibiotica")
        await connection.execute(update(EventRow).where(antibiotics).values(title=TITLE))


def _cells(calls: list[Call]) -> list[str]:
    """Every cell of every CSV document among the calls, as a spreadsheet reads them."""
    cells = []
    for call in calls:
        if call.method == "sendDocument" and call.params["document"].filename.endswith(".csv"):
            text = call.params["document"].content.decode("utf-8-sig")
            cells += [cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row]
    return cells


def _assert_neutralised(cells: list[str], *names: str) -> None:
    assert cells, "no CSV was sent"
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    for name in names:
        assert "'" + name in cells


async def test_attendance_list_for_the_riziv(bot: Harness, engine: AsyncEngine) -> None:
    await _rename_hostile(engine)
    [listing] = replies(await bot.send(ANN, "/cme"))
    await bot.tap(ANN, listing.button_data("Antibiotica"), on=listing)
    [attendance] = replies(await bot.tap(COORD, "evlist:1"))
    await bot.tap(COORD, attendance.button_data("HYPERLINK"), on=attendance)
    _assert_neutralised(_cells(await bot.tap(COORD, "evcsv:1")), HOSTILE[ANN.id], TITLE)


async def test_swaps_export_and_audit_log(
    bot: Harness, wiring: Wiring, engine: AsyncEngine
) -> None:
    await _rename_hostile(engine)
    [shifts] = replies(await bot.send(ANN, "/shifts"))
    [kinds] = replies(await bot.tap(ANN, shifts.button_data("Ruil 1"), shifts))
    [audiences] = replies(await bot.tap(ANN, kinds.button_data("Weggeven"), kinds))
    [confirm] = replies(await bot.tap(ANN, audiences.button_data("Iedereen"), audiences))
    await bot.tap(ANN, confirm.button_data("Verzenden"), confirm)
    offer = next(c for c in await due_work(bot, wiring.services) if c.params["chat_id"] == LOTTE.id)
    await bot.tap(LOTTE, offer.button_data("Overnemen"), offer)
    [_, approval] = replies(await bot.send(COORD, "/approvals"))
    await bot.tap(COORD, approval.button_data("Goedkeuren"), approval)

    [menu] = replies(await bot.send(COORD, "/export"))
    exported = []
    for label in menu.buttons:  # three months of swaps and the audit log
        exported += await bot.tap(COORD, menu.button_data(label), menu)
    _assert_neutralised(_cells(exported), *HOSTILE.values(), ZONE, POST)


async def test_delivery_report_of_an_announcement(
    bot: Harness, wiring: Wiring, engine: AsyncEngine
) -> None:
    await _rename_hostile(engine)
    await bot.send(COORD, "/broadcast")
    [preview] = replies(await bot.send(COORD, "Vergadering"))
    [sending] = replies(await bot.tap(COORD, preview.button_data("Verzenden"), preview))
    await due_work(bot, wiring.services)
    report = await bot.tap(COORD, sending.button_data("Rapport"), sending)
    [document] = [call for call in report if call.method == "sendDocument"]
    assert document.params["caption"].startswith("Verzendrapport: ")
    _assert_neutralised(_cells(report), HOSTILE[ANN.id], HOSTILE[LOTTE.id])
