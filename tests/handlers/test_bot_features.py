"""The bot explains itself: a question about one of its features gets a short answer with a
button that starts the feature, for whoever may use it (issue 15 item 6)."""

import pytest

from bot.config import PROJECT_ROOT
from bot.core.knowledge.files import load_knowledge
from handlers import ACCESS
from tests.handlers.conftest import demo
from tests.handlers.harness import Harness, replies


async def test_how_do_i_swap_a_shift_answers_with_a_button_that_starts_the_swap(
    bot: Harness,
) -> None:
    [answer] = replies(await bot.send(demo("ann"), "hoe ruil ik een wacht"))
    assert "/shifts" in answer.text and "Ruil" in answer.text
    assert answer.buttons == ["Starten: /shifts", "👍", "👎"]

    calls = await bot.tap(demo("ann"), answer.button_data("/shifts"), answer)
    assert any(call.method == "answerCallbackQuery" for call in calls)
    [shifts] = replies(calls)  # what /shifts shows: the coming shifts, each with "Ruil"
    assert shifts.buttons[0] == "Ruil 1"

    [kinds] = replies(await bot.tap(demo("ann"), shifts.button_data("Ruil 1"), shifts))
    assert "Wachtwissel" in kinds.text and "Weggeven" in kinds.buttons[0]


@pytest.mark.parametrize(
    ("person", "question", "label", "shown"),
    [
        ("ann", "ik kan mijn wacht op kerstavond niet doen", "Starten: /shifts", "Ruil 1"),
        ("bart", "hoe schrijf ik me in voor de LOK", "Starten: /cme", "Inschrijven"),
        ("ann", "wanneer komt de nieuwsbrief", "Starten: /settings", "Nieuwsbrief"),
        ("elise", "Comment échanger une garde ?", "Lancer : /shifts", ""),
        ("tom", "How do I register for the LOK?", "Start: /cme", "Register"),
        ("tom", "Can I put my shifts in my calendar?", "Start: /settings", "Calendar"),
        ("lotte", "Kan de bot mijn onkostenbijdrage uitrekenen?", "Starten: /fee", "Acuut"),
    ],
)
async def test_questions_about_the_bot_start_the_feature_in_the_members_language(
    bot: Harness, person: str, question: str, label: str, shown: str
) -> None:
    [answer] = replies(await bot.send(demo(person), question))
    assert answer.buttons[0] == label
    [started] = replies(await bot.tap(demo(person), answer.button_data(label), answer))
    assert shown in " ".join([started.text, *started.buttons])


async def test_a_locum_gets_the_answer_but_no_button_to_a_coordinator_flow(bot: Harness) -> None:
    question = "Hoe maak ik een bijscholing aan in de bot?"
    [answer] = replies(await bot.send(demo("lotte"), question))
    assert "/events" in answer.text and answer.buttons == ["👍", "👎"]
    # A forged button to the coordinator's flow is refused like the typed command.
    calls = await bot.tap(demo("lotte"), "run:events", answer)
    [refused] = [call for call in calls if call.method == "answerCallbackQuery"]
    assert "coördinator" in refused.params["text"]
    assert not [call for call in calls if call.method == "sendMessage"]

    [for_coordinator] = replies(await bot.send(demo("coord"), question))
    assert for_coordinator.buttons[0] == "Starten: /events"
    [overview] = replies(await bot.tap(demo("coord"), "run:events", for_coordinator))
    assert overview.text == replies(await bot.send(demo("coord"), "/events"))[0].text


def test_every_action_in_the_knowledge_base_is_a_declared_command() -> None:
    kb = load_knowledge(PROJECT_ROOT / "knowledge")
    actions = {e.action for versions in kb.entries.values() for e in versions.values()}
    assert len(actions - {None}) >= 8
    assert {action for action in actions if action} <= ACCESS.by_name.keys()
