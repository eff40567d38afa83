"""Multi-step flows behind a load balancer that is not sticky: each replica is an Application of
its own (its own memory and services) on the one database, as `kringbot run --webhook` processes
are. A flow's next message may reach any of them, or a restarted one."""

import itertools
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from telegram.ext import CommandHandler, ConversationHandler

from bot.app import build_application
from bot.clock import SettableClock
from bot.config import Settings
from bot.demo import seed_demo
from bot.services import build_services
from handlers.conversation import Flow, Flows
from tests.handlers.conftest import demo
from tests.handlers.harness import Call, Harness, RecordingRequest, due_work, replies

COORD = demo("coord")
Replica = Callable[[], AbstractAsyncContextManager[Harness]]


@pytest.fixture
async def replica(settings: Settings, clock: SettableClock, engine: AsyncEngine) -> Replica:
    """`async with replica() as bot:` starts one more process on the database; updates get
    distinct ids across replicas, as Telegram's do."""
    await seed_demo(build_services(settings, clock, engine).unit_of_work, clock.now())
    update_ids = itertools.count(1)

    @asynccontextmanager
    async def start() -> AsyncIterator[Harness]:
        request = RecordingRequest()
        app = build_application(
            settings,
            build_services(settings, clock, engine).services,
            token="424242:TEST-TOKEN-abcdefghijklmnop",
            request=request,
            with_ticks=False,
        )
        async with app:
            yield Harness(app, request, update_ids)

    return start


async def _say(bot: Harness, text: str) -> Call:
    [reply] = replies(await bot.send(COORD, text))
    return reply


def _is_preview(reply: Call) -> bool:
    return "ontvangers" in reply.text and "Verzenden" in reply.buttons


async def test_an_announcement_written_on_one_replica_is_sent_from_another(
    replica: Replica,
) -> None:
    async with replica() as a, replica() as b:
        assert "tekst van het bericht" in (await _say(a, "/broadcast")).text
        preview = await _say(b, "Vergadering verplaatst naar donderdag")
        assert _is_preview(preview)  # the text of the announcement, not a question
        [sending] = replies(await a.tap(COORD, preview.button_data("Verzenden"), preview))
        assert "wordt verzonden" in sending.text

        sent = await due_work(b, b.app.bot_data["services"])
    [to_ann] = [c for c in sent if c.params["chat_id"] == demo("ann").id]
    assert "Vergadering verplaatst naar donderdag" in to_ann.text


async def test_cancel_on_another_replica_ends_the_flow(replica: Replica) -> None:
    async with replica() as a, replica() as b:
        await _say(a, "/broadcast")
        assert "niet verzonden" in (await _say(b, "/cancel")).text
        assert not _is_preview(await _say(a, "Wanneer is de volgende LOK?"))


async def test_a_flow_continues_after_a_restart(replica: Replica) -> None:
    """A new event, half typed before a restart: its start (a moment in the kring's time zone,
    which the end is read against) is still there afterwards."""
    async with replica() as before:
        [overview] = replies(await before.send(COORD, "/evenementen"))
        [kinds] = replies(await before.tap(COORD, overview.button_data("Nieuwe activiteit")))
        await before.tap(COORD, kinds.button_data("webinar"), on=kinds)
        await before.send(COORD, "Wondzorg in de praktijk")
        await before.send(COORD, "10/12/2026 20:00")
    async with replica() as after:
        for answer in ("21:30", "online", "-"):
            await after.send(COORD, answer)
        rubrics = await _say(after, "1")
        await after.tap(COORD, rubrics.button_data("ethiek"), on=rubrics)
        for answer in ("-", "-"):
            await after.send(COORD, answer)
        audiences = await _say(after, "-")
        [preview] = replies(await after.tap(COORD, audiences.button_data("Iedereen"), audiences))
        [created] = replies(await after.tap(COORD, preview.button_data("Publiceren"), preview))
    assert "Wondzorg in de praktijk" in created.text and "21:30" in created.text


async def test_a_flow_left_unanswered_for_half_an_hour_is_forgotten(
    replica: Replica, clock: SettableClock
) -> None:
    async with replica() as a, replica() as b:
        await _say(a, "/broadcast")
        clock.advance(timedelta(minutes=29))
        preview = await _say(b, "Nieuwe wachtpost opent in januari")
        clock.advance(timedelta(minutes=29))  # half an hour since the last answer, not the first
        [urgent] = replies(await a.tap(COORD, preview.button_data("Dringend"), preview))
        assert _is_preview(urgent)
        clock.advance(timedelta(minutes=31))
        assert replies(await b.tap(COORD, urgent.button_data("Verzenden"), urgent)) == []
        assert await due_work(a, a.app.bot_data["services"]) == []  # an old button: nothing

        await _say(b, "/broadcast")
        clock.advance(timedelta(minutes=31))
        assert not _is_preview(await _say(a, "Wanneer is de volgende LOK?"))  # a question


def test_every_conversation_is_kept_in_the_database() -> None:
    """A plain ConversationHandler would keep its state in one process; two flows of one name
    would share a row."""
    entry = [CommandHandler("x", _say)]
    with pytest.raises(TypeError):
        Flows([ConversationHandler(entry, {}, [])])
    flows = [Flow("x", entry, {}, cancelled=lambda t: "gestopt") for _ in range(2)]
    with pytest.raises(ValueError, match="twice: x"):
        Flows(flows)


async def test_a_name_typed_on_another_replica_searches_the_list_opened_on_the_first(
    replica: Replica,
) -> None:
    async with replica() as a, replica() as b:
        [tools] = replies(await a.send(COORD, "/roster"))
        [listed] = replies(await a.tap(COORD, tools.button_data("Vrijstellingen"), tools))
        assert len(listed.buttons) > 1
        found = await _say(b, "élise")
    assert "1 naam bevat “élise”" in found.text
    [only] = [b for b in found.buttons if "Vorige" not in b and "Volgende" not in b]
    assert only.startswith("Élise Dubois")


async def test_a_number_read_two_ways_is_chosen_after_a_restart(replica: Replica) -> None:
    """The two readings of "3,000" wait in the /fee draft while the member chooses."""
    lotte = demo("lotte")
    async with replica() as before:
        [kinds] = replies(await before.send(lotte, "/fee"))
        await before.tap(lotte, kinds.button_data("1 tot 6 maanden"), kinds)
        [question] = replies(await before.send(lotte, "3,000"))
    async with replica() as after:
        calls = await after.tap(lotte, question.button_data("3.000,00"), question)
    [result] = [call for call in replies(calls) if "per maand" in call.text]
    assert "€\u00a0450,00 per maand" in result.text


async def test_an_expense_note_begun_before_a_restart_is_finished_after_it(
    replica: Replica,
) -> None:
    """The note's draft keeps the result with the figures it was computed from."""
    lotte = demo("lotte")
    async with replica() as before:
        [kinds] = replies(await before.send(lotte, "/fee"))
        await before.tap(lotte, kinds.button_data("Meer dan 6 maanden"), kinds)
        for answer in ("16", "4000"):
            await before.send(lotte, answer)
        [result] = replies(await before.send(lotte, "2500"))
        await before.tap(lotte, result.button_data("Onkostennota"), result)
        for answer in ("Dr. Bart Janssens", "Kerkstraat 1, 9000 Gent", "0123456749"):
            await before.send(lotte, answer)
    async with replica() as after:
        for answer in ("1-52301-86-004", "maart 2026", "Dorpsstraat 5, 2000 Antwerpen"):
            await after.send(lotte, answer)
        sent = await after.send(lotte, "BE68 5390 0754 7034")
    [note] = [call for call in sent if call.method == "sendDocument"]
    assert note.params["document"].filename == "onkostennota.pdf"
