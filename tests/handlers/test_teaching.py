"""The coordinator teaches the bot from Telegram (issue 15 item 5): a reply in /inbox becomes a
knowledge base entry in two taps, which members get at once; what members asked in vain is
listed by frequency; the entries export to the knowledge files."""

import itertools
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import build_application
from bot.clock import SettableClock
from bot.config import Settings
from bot.core.knowledge.files import read_entries
from bot.services import Wiring, build_services
from tests.e2e.test_kb_cli import kringbot
from tests.handlers.conftest import demo
from tests.handlers.harness import Call, Harness, RecordingRequest, replies

ANN, BART, COORD, ELISE = demo("ann"), demo("bart"), demo("coord"), demo("elise")
QUESTION = "Welke code heeft het alarm van het kringsecretariaat?"
REPLY = "Vraag de code aan het secretariaat; ze verandert elk kwartaal."
EDITED = "De alarmcode krijgt u bij het secretariaat (050 12 34 56); ze verandert elk kwartaal."


async def _replied(bot: Harness) -> Call:
    """The member's question is declined and forwarded, the coordinator replies in /inbox:
    the message that confirms the reply, with the button to add it to the knowledge base."""
    [declined] = replies(await bot.send(ANN, QUESTION))
    await bot.tap(ANN, declined.button_data("Doorsturen"), declined)
    [inbox] = replies(await bot.send(COORD, "/inbox"))
    await bot.tap(COORD, inbox.button_data("Beantwoorden 1"), inbox)
    [sent] = replies(await bot.send(COORD, REPLY))
    assert "verstuurd" in sent.text and sent.buttons == ["Toevoegen aan de kennisbank"]
    return sent


async def test_a_reply_becomes_an_entry_that_members_get_at_once(bot: Harness) -> None:
    [before] = replies(await bot.send(BART, QUESTION))
    assert "geen betrouwbaar antwoord" in before.text

    sent = await _replied(bot)
    [draft] = replies(await bot.tap(COORD, sent.button_data("Toevoegen"), sent))
    assert QUESTION in draft.text and REPLY in draft.text
    assert "Eigen informatie van de kring (herzien op 1 december 2026)" in draft.text  # today
    assert draft.buttons == ["Bevestigen", "Vragen aanpassen", "Antwoord aanpassen", "Annuleren"]

    [prompt] = replies(await bot.tap(COORD, draft.button_data("Antwoord aanpassen"), draft))
    assert "/annuleren" in prompt.text
    [edited] = replies(await bot.send(COORD, EDITED))
    assert "050 12 34 56" in edited.text and REPLY not in edited.text
    [done] = replies(await bot.tap(COORD, edited.button_data("Bevestigen"), edited))
    assert "Toegevoegd aan de kennisbank" in done.text

    [answer] = replies(await bot.send(BART, QUESTION))  # no restart
    assert "050 12 34 56" in answer.text and "Eigen informatie van de kring" in answer.text
    assert answer.buttons == ["👍", "👎"]
    [reworded] = replies(await bot.send(BART, "alarmcode van het kringsecretariaat?"))
    assert "050 12 34 56" in reworded.text
    [other] = replies(await bot.send(BART, "Welke dosis ibuprofen voor een kind?"))
    assert "050" not in other.text  # the rest of the knowledge base is as it was


async def test_another_process_of_the_bot_answers_with_the_entry_too(
    bot: Harness, settings: Settings, clock: SettableClock, engine: AsyncEngine
) -> None:
    """A replica behind the load balancer (same database) learns the entry before its next
    answer, without a restart."""
    replica = build_services(settings, clock, engine)
    request = RecordingRequest()
    app = build_application(
        settings, replica.services, token=bot.app.bot.token, request=request, with_ticks=False
    )
    async with app:
        other = Harness(app, request, itertools.count(10_000))  # update ids of its own
        [before] = replies(await other.send(BART, QUESTION))
        assert "geen betrouwbaar antwoord" in before.text
        sent = await _replied(bot)
        [draft] = replies(await bot.tap(COORD, sent.button_data("Toevoegen"), sent))
        await bot.tap(COORD, draft.button_data("Bevestigen"), draft)
        [answer] = replies(await other.send(BART, QUESTION))
        assert REPLY in answer.text


async def test_more_phrasings_and_a_second_confirm_add_nothing_twice(
    bot: Harness, wiring: Wiring
) -> None:
    sent = await _replied(bot)
    [draft] = replies(await bot.tap(COORD, sent.button_data("Toevoegen"), sent))
    await bot.tap(COORD, draft.button_data("Vragen aanpassen"), draft)
    [refused] = replies(await bot.send(COORD, "x" * 301))
    assert "niets gewijzigd" in refused.text
    [edited] = replies(await bot.send(COORD, "Hoe schakel ik het alarm van het secretariaat uit?"))
    assert QUESTION in edited.text and "schakel ik het alarm" in edited.text
    confirm = edited.button_data("Bevestigen")
    await bot.tap(COORD, confirm, edited)
    [again] = replies(await bot.tap(COORD, sent.button_data("Toevoegen"), sent))
    [twice] = replies(await bot.tap(COORD, again.button_data("Bevestigen"), again))
    assert "staat al in de kennisbank" in twice.text
    assert len(await wiring.services.teaching.entries()) == 1

    [answer] = replies(await bot.send(ELISE, "Hoe schakel ik het alarm van het secretariaat uit?"))
    assert REPLY in answer.text  # in the language it was taught in, for want of a translation


async def test_a_dropped_draft_teaches_nothing(bot: Harness, wiring: Wiring) -> None:
    sent = await _replied(bot)
    [draft] = replies(await bot.tap(COORD, sent.button_data("Toevoegen"), sent))
    [dropped] = replies(await bot.tap(COORD, draft.button_data("Annuleren"), draft))
    assert "niets toegevoegd" in dropped.text
    [still] = replies(await bot.send(BART, QUESTION))
    assert "geen betrouwbaar antwoord" in still.text
    assert await wiring.services.teaching.entries() == []


async def test_questions_asked_in_vain_are_listed_by_frequency(bot: Harness) -> None:
    for person, question in [
        (ANN, "Welke dosis ibuprofen voor een kind?"),
        (BART, "ibuprofen dosis kind?"),
        (ANN, "Welke dosis ibuprofen voor een kind"),
        (BART, QUESTION),
    ]:
        await bot.send(person, question)
    [inbox] = replies(await bot.send(COORD, "/inbox"))
    [listing] = replies(await bot.tap(COORD, inbox.button_data("Vaakst gevraagd"), inbox))
    lines = listing.text.splitlines()
    assert lines[2] == "3× Welke dosis ibuprofen voor een kind"  # the newest wording
    assert lines[3] == f"1× {QUESTION}"
    members = replies(await bot.tap(ANN, inbox.button_data("Vaakst gevraagd"), inbox))
    assert "3×" not in " ".join(call.text for call in members)  # coordinators only


async def test_taught_entries_export_as_knowledge_files(
    bot: Harness, wiring: Wiring, settings: Settings, tmp_path: Path
) -> None:
    sent = await _replied(bot)
    [draft] = replies(await bot.tap(COORD, sent.button_data("Toevoegen"), sent))
    await bot.tap(COORD, draft.button_data("Antwoord aanpassen"), draft)
    [edited] = replies(await bot.send(COORD, "Eerste regel\nzonder punt erachter"))
    await bot.tap(COORD, edited.button_data("Bevestigen"), edited)

    exported = kringbot("kb", "export", "--db", settings.database_url, "--out", str(tmp_path))
    assert exported.returncode == 0, exported.stderr
    [entry] = read_entries(tmp_path / "nl" / "taught.toml", "nl")
    assert entry.questions == (QUESTION,) and entry.source == "kring"
    assert entry.answer.splitlines() == ["Eerste regel", "", "zonder punt erachter"]
