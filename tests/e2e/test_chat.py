"""`kringbot chat`: the real bot, polling the emulator over loopback HTTP, driven by scripts."""

import contextlib
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from telegram.error import BadRequest

from bot.chat import ChatLineError, ChatSession, run_script
from bot.clock import SettableClock
from bot.config import Settings
from bot.core.csvfiles import MAX_FILE_BYTES
from bot.demo import DEMO_PEOPLE
from bot.demo_large import kring_people
from tests.e2e.scripts import not_about_shifts

ROOT = Path(__file__).resolve().parent.parent.parent
BRUSSELS = ZoneInfo("Europe/Brussels")


def kringbot(*args: str, script: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=script,
        capture_output=True,
        text=True,
        cwd=ROOT,
        # The lexical search alone: embedding the knowledge base takes minutes (the semantic
        # layer has its own test, tests/unit/test_knowledge_semantic.py).
        env={**os.environ, "SEMANTIC_SEARCH": "false", **env},
        timeout=120,
        check=False,
    )


def kringbot_chat(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return kringbot("chat", "--seed", "demo", *args, script=script)


def test_the_acceptance_example_shows_role_aware_help_and_a_refusal() -> None:
    result = kringbot_chat("@ann /help\n@nobody /shifts\n", "--json")
    assert result.returncode == 0, result.stderr
    actions = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(a["to"], a["action"]) for a in actions] == [("ann", "send"), ("nobody", "send")]
    help_text, refusal = actions[0]["text"], actions[1]["text"]
    assert "/settings" in help_text and "/invite" not in help_text
    assert "geen lid" in refusal and actions[1]["buttons"] == [["Lidmaatschap aanvragen"]]
    assert set(actions[0]) == {"to", "action", "text", "buttons", "filename"}


def test_text_mode_prints_arrows_and_buttons_and_a_bad_line_fails_the_run() -> None:
    result = kringbot_chat("@nobody hallo\n@nobody [no such button]\n@ann /help\n")
    assert result.returncode == 1
    assert "no such button" in result.stderr
    assert "-> @nobody: Dag!" in result.stdout
    assert "\n[Lidmaatschap aanvragen]\n" in result.stdout
    assert "-> @ann: Wat u kan doen" in result.stdout  # the run went on after the bad line


def test_the_same_script_gives_the_same_output() -> None:
    script = "@coord /invite gp\n@coord /members\n"
    first = kringbot_chat(script, "--start", "2026-12-01 09:00")
    second = kringbot_chat(script, "--start", "2026-12-01 09:00")
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout and "?start=" in first.stdout


def test_a_coordinator_script_runs_on_the_large_kring() -> None:
    people = kring_people("large")
    colleague = people[len(DEMO_PEOPLE)]
    script = f"@coord /members\n@coord /roster\n@{colleague.handle} /shifts\n"
    result = kringbot_chat(script, "--size", "large", "--start", "2026-12-01 09:00")
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert f"-> @coord: {len(people)} leden" in result.stdout and colleague.name in result.stdout
    assert "Wachtdienstrooster" in result.stdout and f"-> @{colleague.handle}: " in result.stdout


def test_kringbot_seed_loads_the_large_kring_once(tmp_path: Path) -> None:
    database = {"DATABASE_URL": f"sqlite:///{tmp_path}/kring.db"}
    start = ("--start", "2026-12-01 09:00")
    seed = ("seed", "demo", "--size", "large", *start)
    added = kringbot(*seed, **database)
    assert added.returncode == 0, added.stderr
    assert "large demo kring added" in added.stdout
    assert "nothing added" in kringbot(*seed, **database).stdout
    # A chat on that database: the kring is there already, its people join the emulator.
    chat = kringbot_chat(
        "@coord /members\n", "--size", "large", "--db", database["DATABASE_URL"], *start
    )
    assert chat.returncode == 0 and chat.stderr == "", chat.stderr
    assert f"{len(kring_people('large'))} leden" in chat.stdout


@pytest.fixture
async def chat(settings: Settings) -> AsyncIterator[ChatSession]:
    clock = SettableClock(datetime(2026, 12, 1, 9, 0, tzinfo=BRUSSELS))
    async with ChatSession(settings, clock, seed="demo") as session:
        yield session
        assert session.new_refusals() == [], "Telegram would refuse these calls"


async def _invite_code(chat: ChatSession, command: str) -> str:
    [reply] = await chat.perform(f"@coord {command}")
    match = re.search(r"\?start=(\S+)", reply["text"])
    assert match, reply
    return match[1]


async def test_onboarding_with_an_invite_in_dutch(chat: ChatSession) -> None:
    code = await _invite_code(chat, "/invite gp Noord")
    [ask_name] = await chat.perform(f"@jan /start {code}")
    assert "naam" in ask_name["text"]
    [ask_riziv] = await chat.perform("@jan Jan Vermeulen")
    assert "RIZIV-nummer" in ask_riziv["text"]
    [typo] = await chat.perform("@jan 1-48976-61-004")
    assert "controlecijfers" in typo["text"]
    welcome, notice = await chat.perform("@jan 1-48976-16-004")
    assert welcome["to"] == "jan" and "huisarts" in welcome["text"]
    assert notice["to"] == "coord" and "Jan Vermeulen" in notice["text"]
    [help_reply] = await chat.perform("@jan /help")
    assert "/settings" in help_reply["text"]


async def test_onboarding_with_an_invite_in_french(chat: ChatSession) -> None:
    chat.emulator.create_user("julie", "fr")
    code = await _invite_code(chat, "/invite locum")
    [ask_name] = await chat.perform(f"@julie /start {code}")
    assert "nom" in ask_name["text"]
    [ask_riziv] = await chat.perform("@julie Julie Lambert")
    assert "INAMI" in ask_riziv["text"]
    [wrong] = await chat.perform("@julie 12345")
    assert "11 chiffres" in wrong["text"]
    welcome, _notice = await chat.perform("@julie 14897616004")
    assert "médecin remplaçant" in welcome["text"]


async def test_an_invite_expires_when_the_clock_passes_its_date(chat: ChatSession) -> None:
    code = await _invite_code(chat, "/invite gp")
    await chat.perform("clock +15d")
    [expired] = await chat.perform(f"@jan /start {code}")
    assert "verlopen" in expired["text"]


async def test_a_join_request_is_decided_with_buttons(chat: ChatSession) -> None:
    await chat.perform("@piet goeiedag")
    await chat.perform("@piet [Lidmaatschap]")
    await chat.perform("@piet Piet Pauwels")
    waiting, request = await chat.perform("@piet 1-48976-16-004")
    assert "coördinator" in waiting["text"]
    assert request["to"] == "coord" and request["buttons"][-1] == ["Weigeren"]
    answered, decided, told = await chat.perform("@coord [Weigeren]")
    assert answered == {
        "to": "coord",
        "action": "callback_answer",
        "text": None,
        "buttons": [],
        "filename": None,
    }
    assert decided["action"] == "edit" and "Piet Pauwels" in decided["text"]
    assert told["to"] == "piet" and "niet goedgekeurd" in told["text"]
    [refusal] = await chat.perform("@piet /help")
    assert "geen lid" in refusal["text"]


async def test_lines_that_cannot_be_carried_out_are_errors(chat: ChatSession) -> None:
    for line in ["hello", "@ann [no such button]", "clock yesterday", "@ann <file:/nope.csv>"]:
        with pytest.raises(ChatLineError):
            await chat.perform(line)


async def test_tapping_the_current_setting_again_is_quiet(chat: ChatSession) -> None:
    await chat.perform("@ann /settings")
    for label in ("✓ wekelijks", "✓ Geen stille uren"):  # what is chosen already
        assert await chat.perform(f"@ann [{label}]") == [
            {
                "to": "ann",
                "action": "callback_answer",
                "text": None,
                "buttons": [],
                "filename": None,
            }
        ]
    # No error report reaches the coordinator, and (the fixture checks) Telegram refused nothing.
    assert await chat.perform("clock +1h") == []


async def test_a_call_telegram_would_refuse_fails_the_run(
    chat: ChatSession, capsys: pytest.CaptureFixture[str]
) -> None:
    with contextlib.suppress(BadRequest):  # as a bot bug would: a bare < in HTML
        await chat.app.bot.send_message(chat.emulator.user_id("ann"), "koorts < 38")
    lines = iter(["@ann /help\n", ""])
    out = io.StringIO()
    assert await run_script(chat, lambda: next(lines), out, as_json=False) == 1
    assert "-> @ann: Wat u kan doen" in out.getvalue()  # the script went on
    assert (
        "! Telegram would refuse sendMessage: Bad Request: can't parse entities: "
        'Unsupported start tag "" at byte offset 7'
    ) in capsys.readouterr().err


async def test_a_question_is_forwarded_and_answered_end_to_end(chat: ChatSession) -> None:
    [declined] = await chat.perform("@lotte Waar kan ik een defibrillator huren?")
    assert declined["buttons"] == [["Doorsturen naar de coördinator"]]
    actions = await chat.perform("@lotte [Doorsturen]")
    assert any("doorgestuurd" in (a["text"] or "") for a in actions if a["to"] == "lotte")
    [notice] = [a for a in actions if a["to"] == "coord"]
    assert "defibrillator" in notice["text"] and notice["buttons"] == [["Beantwoorden"]]

    [prompt] = [a for a in await chat.perform("@coord [Beantwoorden]") if a["text"]]
    assert "defibrillator" in prompt["text"]
    sent, relayed = await chat.perform("@coord Ja, met de kaart van de wachtpost.")
    assert sent["to"] == "coord" and "verstuurd" in sent["text"]
    assert relayed["to"] == "lotte" and "kaart van de wachtpost" in relayed["text"]

    # the coordinator teaches the bot the reply: the next member asking gets it at once
    assert sent["buttons"] == [["Toevoegen aan de kennisbank"]]
    [draft] = [a for a in await chat.perform("@coord [Toevoegen]") if a["text"]]
    assert "defibrillator" in draft["text"] and "kaart van de wachtpost" in draft["text"]
    confirmed = [a for a in await chat.perform("@coord [Bevestigen]") if a["text"]]
    assert "Toegevoegd aan de kennisbank" in confirmed[-1]["text"]
    [answer] = await chat.perform("@ann Waar kan ik een defibrillator huren?")
    assert "kaart van de wachtpost" in answer["text"] and answer["buttons"] == [["👍", "👎"]]


async def test_lotte_computes_a_contribution(chat: ChatSession) -> None:
    [question] = await chat.perform("@lotte /fee")
    assert ["Meer dan 6 maanden"] in question["buttons"]
    await chat.perform("@lotte [Meer dan 6]")
    await chat.perform("@lotte 8")
    await chat.perform("@lotte 2000")
    [result] = await chat.perform("@lotte 500")
    assert "€\u00a0187,50 voor deze maand" in result["text"]  # the document's 8-hour ceiling
    await chat.perform("@lotte [Onkostennota]")
    for answer in (
        "Dr. Bart Janssens",
        "Kerkstraat 1, 9000 Gent",
        "0123.456.749",
        "1-52301-86-004",
        "maart 2026",
        "Dorpsstraat 5, 2000 Antwerpen",
    ):
        await chat.perform(f"@lotte {answer}")
    [note] = await chat.perform("@lotte BE68 5390 0754 7034")
    assert (note["action"], note["filename"]) == ("document", "onkostennota.pdf")


async def test_the_last_day_reminder_arrives_when_the_clock_gets_there(chat: ChatSession) -> None:
    await chat.perform("@lotte /locum")
    await chat.perform("@lotte [Nieuwe vervanging]")
    for answer in ("Praktijk De Linde", "Dr. Bart Janssens", "1/12/2026", "31/12/2026"):
        await chat.perform(f"@lotte {answer}")
    assert not_about_shifts(await chat.perform("clock 2026-12-29 08:59")) == []
    [reminder] = not_about_shifts(await chat.perform("clock 2026-12-29 09:00"))
    assert reminder["to"] == "lotte" and "Praktijk De Linde" in reminder["text"]
    assert reminder["buttons"] == [["Checklist laatste dag"]]
    [checklist] = [a for a in await chat.perform("@lotte [Checklist laatste dag]") if a["text"]]
    assert "0 van 5 gedaan" in checklist["text"]
    assert not_about_shifts(await chat.perform("clock +3d")) == []  # sent once, never again


async def test_the_locum_board_from_need_to_match(chat: ChatSession) -> None:
    for handle, zones, languages in (
        ("lotte", "Noord", "nl"),
        ("tom", "Noord, Zuid", "English, Dutch"),
    ):
        await chat.perform(f"@{handle} /locum")
        await chat.perform(f"@{handle} [{'Vacatures volgen' if handle == 'lotte' else 'Follow'}]")
        for answer in (zones, "-", languages, "-"):
            await chat.perform(f"@{handle} {answer}")

    await chat.perform("@ann /locum")
    await chat.perform("@ann [Vervanger zoeken]")
    for answer in ("7/12/2026", "20/12/2026", "Noord", "CareConnect", "nl", "maandag en dinsdag"):
        actions = await chat.perform(f"@ann {answer}")
    published = next(a for a in actions if a["to"] == "ann")
    assert "2 vervangers met passende voorkeuren kregen een bericht" in published["text"]
    notified = {a["to"]: a for a in actions if a["to"] != "ann"}
    assert set(notified) == {"lotte", "tom"}
    assert notified["lotte"]["buttons"] == [["Interesse"]]
    assert notified["tom"]["buttons"] == [["Interested"]]

    interest = [a for a in await chat.perform("@lotte [Interesse]") if a["to"] == "ann"]
    assert "Lotte Maes" in interest[0]["text"] and interest[0]["buttons"] == [["Kies Lotte Maes"]]
    await chat.perform("@tom [Interested]")
    actions = await chat.perform("@ann [Kies Lotte]")
    told = {a["to"]: a["text"] for a in actions if a["action"] == "send"}
    assert "Lotte Maes" in told["ann"] and "1-71234-68-003" in told["ann"]
    assert "Ann Claes" in told["lotte"]
    assert "filled by someone else" in told["tom"]
    assert "Ann Claes" not in told["tom"]  # contact details go to the two parties only


def _sent_file(chat: ChatSession, filename: str) -> bytes:
    assert chat.emulator is not None
    [sent] = [a for a in chat.emulator.outbox() if a["filename"] == filename]
    return chat.emulator.file_bytes(sent["file_id"])


async def test_a_wachtwissel_from_request_to_approved_to_exported(chat: ChatSession) -> None:
    [shifts] = await chat.perform("@ann /shifts")
    first_night = shifts["text"].splitlines()[2].removeprefix("1. ")
    assert "19:00" in first_night and "Noord" in first_night
    await chat.perform("@ann [Ruil 1]")
    await chat.perform("@ann [Weggeven]")
    await chat.perform("@ann [Iedereen]")
    await chat.perform("@ann Trouwfeest van mijn zus")
    sent = await chat.perform("@ann [Verzenden]")
    offers = {a["to"]: a for a in sent if a["to"] != "ann"}
    assert set(offers) == {"lotte"}  # Noord, free around that night: bart has the next one
    assert "Trouwfeest van mijn zus" in offers["lotte"]["text"]
    assert offers["lotte"]["buttons"] == [["Overnemen"]]

    taken = await chat.perform("@lotte [Overnemen]")
    told = {a["to"]: a["text"] for a in taken}
    assert "blijft u verantwoordelijk" in told["ann"]
    assert "Wissel goed te keuren" in told["coord"]

    approved = await chat.perform("@coord [Goedkeuren]")
    assert {a["to"] for a in approved if "Wissel goedgekeurd" in (a["text"] or "")} == {
        "ann",
        "lotte",
    }
    [ann_now] = await chat.perform("@ann /shifts")
    [lotte_now] = await chat.perform("@lotte /shifts")
    assert first_night not in ann_now["text"] and first_night in lotte_now["text"]

    await chat.perform("@coord /export")
    [export] = [a for a in await chat.perform("@coord [december 2026]") if a["filename"]]
    assert export["filename"] == "wachtwissels-2026-12.csv"
    lines = _sent_file(chat, "wachtwissels-2026-12.csv").decode("utf-8-sig").splitlines()
    assert len(lines) == 2
    assert "Ann Claes;14562371004;Lotte Maes;17123468003;weggeven" in lines[1]

    reminders = await chat.perform("clock 2026-12-02 19:00")
    reminded = {a["to"] for a in reminders}
    assert "lotte" in reminded and "ann" not in reminded  # 24 h before, to the new assignee
    [confirmed] = [a for a in await chat.perform("@lotte [Wacht overgenomen]") if a["text"]]
    assert confirmed["action"] == "edit" and "hebt overgenomen" in confirmed["text"]


async def test_a_roster_file_is_imported_whole_or_not_at_all(
    chat: ChatSession, tmp_path: Path
) -> None:
    bad = tmp_path / "rooster.csv"
    bad.write_text("begin;einde;zone;riziv\n31/12/2026 19:00;1/1/2027 08:00;Noord;12345\n")
    await chat.perform("@coord /roster")
    [refused] = await chat.perform(f"@coord <file:{bad}>")
    assert "niet geïmporteerd" in refused["text"] and "regel 2" in refused["text"]
    good = tmp_path / "rooster2.csv"
    good.write_text("begin;einde;zone;riziv\n31/12/2026 08:00;31/12/2026 19:00;Noord;14562371004\n")
    [imported] = [a for a in await chat.perform(f"@coord <file:{good}>") if a["to"] == "coord"]
    assert "1 nieuw" in imported["text"]
    [shifts] = await chat.perform("@ann /shifts")
    assert "do 31 dec 2026, 08:00 – 19:00 · Noord" in shifts["text"]


LONG_CELL = "x" * 200_000  # over csv.field_size_limit(): 131,072 characters
IMPORTS = {  # how to open each import, its header, and a good row
    "roster": (
        ["@coord /roster"],
        "begin;einde;zone;riziv",
        "31/12/2026 08:00;31/12/2026 19:00;Noord;14562371004",
    ),
    "events": (
        ["@coord /events", "@coord [importeren]"],
        "title;kind;start;end",
        "Diabetes update;webinar;10/12/2026 20:00;22:00",
    ),
}


@pytest.mark.parametrize("kind", sorted(IMPORTS))
async def test_a_huge_cell_or_file_is_refused_with_a_clear_message(
    chat: ChatSession, tmp_path: Path, kind: str
) -> None:
    """A cell longer than the CSV reader takes (128 KB) and a file over the size limit: a clear
    message, nothing imported, and the coordinator can send a good file next."""
    opening, header, good_row = IMPORTS[kind]
    huge_cell = tmp_path / "lange-cel.csv"
    huge_cell.write_text(f"{header}\n{good_row}\n{LONG_CELL};{good_row}\n")
    huge_file = tmp_path / "groot.csv"
    huge_file.write_text(f"{header}\n" + f"{good_row}\n" * (MAX_FILE_BYTES // len(good_row)))
    good = tmp_path / "goed.csv"
    good.write_text(f"{header}\n{good_row}\n")

    for line in opening:
        await chat.perform(line)
    [cell] = await chat.perform(f"@coord <file:{huge_cell}>")
    assert "Een cel van het bestand is veel te lang" in cell["text"]
    assert "niets geïmporteerd" in cell["text"]
    [size] = await chat.perform(f"@coord <file:{huge_file}>")
    assert "Het bestand is te groot" in size["text"] and "niets geïmporteerd" in size["text"]
    [imported] = [a for a in await chat.perform(f"@coord <file:{good}>") if a["to"] == "coord"]
    assert "1 nieuw" in imported["text"] or "1 activiteit geïmporteerd" in imported["text"]
