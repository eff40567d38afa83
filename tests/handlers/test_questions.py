"""Questions for the knowledge base, from a member's message to the coordinator's reply."""

import re
from pathlib import Path

import pytest

from bot.core.knowledge.files import load_knowledge
from bot.i18n import translator
from bot.services import Wiring
from handlers.knowledge.texts import knowledge_answer
from handlers.render import plain
from tests.handlers.conftest import STRANGER, demo
from tests.handlers.harness import Harness, outbox_sender, replies

ROOT = Path(__file__).resolve().parent.parent.parent


async def test_a_question_gets_a_sourced_answer_with_rating_buttons(bot: Harness) -> None:
    [answer] = replies(await bot.send(demo("ann"), "Moet een vervangarts in een LOK zitten?"))
    assert "LOK" in answer.text
    assert "Bron:" in answer.text and "2023" in answer.text  # source and its revision date
    assert answer.buttons == ["👍", "👎"]


async def test_the_answer_follows_the_members_language(bot: Harness) -> None:
    [answer] = replies(await bot.send(demo("elise"), "Moet een vervangarts in een LOK zitten?"))
    assert "GLEM" in answer.text and "Source" in answer.text


async def test_ask_command_works_like_a_message(bot: Harness) -> None:
    [usage] = replies(await bot.send(demo("tom"), "/ask"))
    assert "/ask" in usage.text
    [answer] = replies(await bot.send(demo("tom"), "/ask do I need my own stamp as a locum?"))
    assert "👍" in answer.buttons


async def test_an_unknown_question_offers_forwarding_and_the_coordinator_replies(
    bot: Harness, wiring: Wiring
) -> None:
    [declined] = replies(await bot.send(demo("ann"), "Welke dosis ibuprofen voor een kind?"))
    assert "medisch advies" in declined.text
    assert declined.buttons == ["Doorsturen naar de coördinator"]

    calls = await bot.tap(demo("ann"), declined.button_data("Doorsturen"), declined)
    assert "doorgestuurd" in replies(calls)[-1].text
    before = len(bot.request.calls)
    assert await outbox_sender(bot, wiring.services).send_due() == 1
    [to_coordinator] = bot.request.calls[before:]
    assert to_coordinator.params["chat_id"] == demo("coord").id
    assert "ibuprofen" in to_coordinator.text and "Ann Claes" in to_coordinator.text

    [inbox] = replies(await bot.send(demo("coord"), "/inbox"))
    assert "ibuprofen" in inbox.text
    assert inbox.buttons == ["Beantwoorden 1", "Vaakst gevraagd zonder antwoord"]
    assert "Ann Claes" in inbox.text  # who asked
    [prompt] = replies(await bot.tap(demo("coord"), inbox.button_data("Beantwoorden"), inbox))
    assert "ibuprofen" in prompt.text
    [sent] = replies(await bot.send(demo("coord"), "Dat valt buiten de kring; bel de apotheek."))
    assert "verstuurd" in sent.text

    before = len(bot.request.calls)
    await outbox_sender(bot, wiring.services).send_due()
    [relayed] = bot.request.calls[before:]
    assert relayed.params["chat_id"] == demo("ann").id
    assert "bel de apotheek" in relayed.text

    [empty] = replies(await bot.send(demo("coord"), "/inbox"))
    assert "ibuprofen" not in empty.text


async def test_forwarding_twice_sends_once(bot: Harness, wiring: Wiring) -> None:
    [declined] = replies(await bot.send(demo("bart"), "Welke dosis paracetamol voor een baby?"))
    data = declined.button_data("Doorsturen")
    await bot.tap(demo("bart"), data, declined)
    await bot.tap(demo("bart"), data, declined)
    assert await outbox_sender(bot, wiring.services).send_due() == 1


async def test_thumbs_down_offers_forwarding_and_lands_in_the_inbox(bot: Harness) -> None:
    [answer] = replies(
        await bot.send(demo("ann"), "Moet ik als vervanger een eigen stempel hebben?")
    )
    calls = await bot.tap(demo("ann"), answer.button_data("👎"), answer)
    [markup] = [c for c in calls if c.method == "editMessageReplyMarkup"]
    assert [b["text"] for row in markup.params["reply_markup"]["inline_keyboard"] for b in row] == [
        "Doorsturen naar de coördinator"
    ]
    [inbox] = replies(await bot.send(demo("coord"), "/inbox"))
    assert "stempel" in inbox.text and "Ann Claes" in inbox.text


async def test_a_close_call_offers_candidates(bot: Harness) -> None:
    [question] = replies(await bot.send(demo("ann"), "onkostenbijdrage"))
    assert "Bedoelt u" in question.text
    assert 2 <= len(question.buttons) <= 4 and question.buttons[-1].startswith("Geen van deze")
    [answer] = replies(
        await bot.tap(demo("ann"), question.button_data(question.buttons[0]), question)
    )
    assert answer.method == "editMessageText" and "Bron:" in answer.text


async def test_buttons_of_someone_elses_question_are_refused(bot: Harness) -> None:
    [answer] = replies(await bot.send(demo("ann"), "Moet een vervangarts in een LOK zitten?"))
    [refused] = replies(await bot.tap(demo("bart"), answer.button_data("👎"), answer))
    assert refused.method == "answerCallbackQuery" and "niet meer beschikbaar" in refused.text


async def test_strangers_cannot_ask_and_members_cannot_read_the_inbox(bot: Harness) -> None:
    [refusal] = replies(await bot.send(STRANGER, "/ask LOK"))
    assert "geen lid" in refusal.text
    [refusal] = replies(await bot.send(demo("ann"), "/inbox"))
    assert "coördinator" in refusal.text


async def test_a_long_reply_with_its_quoted_question_reaches_the_member_whole(
    bot: Harness, wiring: Wiring
) -> None:
    """The reply (up to Telegram's 4,096 characters) and the quoted question (up to 1,000) do
    not fit in one message: the member gets them in parts, every line, each part valid HTML."""
    question = "Welke dosis ibuprofen voor een kind?\n" + "\n".join(
        f"Gewicht {n} kg & leeftijd <{n} jaar>?" for n in range(25)
    )
    reply = "\n".join(f"Regel {n}: bel de apotheek & lees de bijsluiter <EMA>." for n in range(75))
    assert len(reply) <= 4096  # what Telegram lets the coordinator type
    [declined] = replies(await bot.send(demo("ann"), question))
    await bot.tap(demo("ann"), declined.button_data("Doorsturen"), declined)
    await outbox_sender(bot, wiring.services).send_due()
    [inbox] = replies(await bot.send(demo("coord"), "/inbox"))
    await bot.tap(demo("coord"), inbox.button_data("Beantwoorden"), inbox)
    await bot.send(demo("coord"), reply)

    before = len(bot.request.calls)
    await outbox_sender(bot, wiring.services).send_due()
    parts = bot.request.calls[before:]
    assert len(parts) > 1 and {part.params["chat_id"] for part in parts} == {demo("ann").id}
    seen = "\n".join(plain(part.text) for part in parts)
    for line in [*question.splitlines(), *reply.splitlines()]:
        assert line in seen


async def test_an_answer_that_refers_to_another_opens_it_with_a_button(bot: Harness) -> None:
    question = "Hoeveel onkostenbijdrage bij een vervanging van 3 maanden?"
    [answer] = replies(await bot.send(demo("ann"), question))
    assert "factoren" in answer.text
    [factors] = [b for b in answer.buttons if "percentage" in b]  # the entry's first question
    [opened] = replies(await bot.tap(demo("ann"), answer.button_data(factors), answer))
    assert opened.method == "sendMessage" and "Beschikbaarheid" in opened.text
    assert "Bron:" in opened.text


async def test_a_related_button_for_a_removed_entry_is_refused_politely(bot: Harness) -> None:
    [answer] = replies(await bot.send(demo("ann"), "Moet ik als vervanger wachtdienst doen?"))
    forged = answer.button_data(answer.buttons[-1]).rsplit(":", 1)[0] + ":no-such-entry"
    [refused] = replies(await bot.tap(demo("ann"), forged, answer))
    assert "niet meer beschikbaar" in refused.text


@pytest.mark.parametrize(
    ("person", "question", "expected", "not_opening"),
    [
        ("ann", "wat is een LOK?", "LOK", "Ja"),
        ("tom", "how much do I pay the practice for a 2 week replacement?", "Nothing", "No."),
        ("ann", "Moet ik als huisarts eigenlijk verplicht meedoen aan de wachtdienst?", "21", "Ja"),
        ("ann", "hoeveel is het lidmaatschap van de kring?", "150 euro", "Ja"),
    ],
)
async def test_misfires_seen_in_the_chat_get_a_fitting_answer(
    bot: Harness, person: str, question: str, expected: str, not_opening: str
) -> None:
    [answer] = replies(await bot.send(demo(person), question))
    assert "👍" in answer.buttons  # answered, not declined nor "Bedoelt u"
    assert expected in answer.text and not answer.text.startswith(not_opening)


# A line that stops without punctuation (or a colon) and a next line that goes on in lowercase:
# a sentence broken in two, as Telegram would show it.
BROKEN_SENTENCE = re.compile(r"[^\s.!?:;)…]\n[a-zà-ÿ]")


async def test_answers_do_not_break_lines_in_the_middle_of_a_sentence(bot: Harness) -> None:
    [answer] = replies(await bot.send(demo("ann"), "Wat is een flexpool?"))
    assert "flexpool" in answer.text and not BROKEN_SENTENCE.search(answer.text)
    kb = load_knowledge(ROOT / "knowledge")
    broken = [
        f"{entry.id} ({language})"
        for versions in kb.entries.values()
        for language, entry in versions.items()
        if BROKEN_SENTENCE.search(knowledge_answer(translator(language), entry, None))
    ]
    assert broken == []


async def test_the_practice_checklist_links_its_other_parts_with_buttons(bot: Harness) -> None:
    question = "Waarop letten bij het kiezen van een praktijk om te vervangen?"
    [answer] = replies(await bot.send(demo("ann"), question))
    assert "bereikbaar" in answer.text and "Zie ook" not in answer.text
    assert len(answer.buttons) == 4  # 👍, 👎, and the checklist's two other parts
    [opened] = replies(await bot.tap(demo("ann"), answer.button_data(answer.buttons[2]), answer))
    assert "solo" in opened.text
