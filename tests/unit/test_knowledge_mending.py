"""Reading a question as meant before its words are looked up (bot.core.knowledge.mending): a
slip that makes a stop word, a word or a number unknown costs the question nothing."""

from datetime import date

import pytest

from bot.core.knowledge.kinds import Asked
from bot.core.knowledge.mending import mend
from bot.core.knowledge.model import Entry, KnowledgeBase, Source
from bot.core.knowledge.service import Answerer
from bot.core.knowledge.speller import Speller
from bot.core.knowledge.stopwords import STOPWORD_SLIPS

ENTRIES = {
    "oncall-roster": ("Wie maakt het wachtrooster?", "De coördinator."),
    "fee-price": ("Hoeveel kost het lidmaatschap?", "Het lidgeld is 120 euro per jaar."),
    "fee-join": ("Hoe word ik lid van de kring?", "Via het formulier."),
    "domus-handbook": ("Waar bestel ik het handboek van Domus Medica?", "Via de website."),
    "flexpool": ("Wie is de werkgever bij de flexpool?", "De zorggroep."),
    "fee-hours": ("Welke onkostenbijdrage bij 16 uur per week?", "Een vast bedrag."),
    "locum-duty": ("Which duties does the locum have?", "The practice decides."),
}


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    kb = KnowledgeBase(sources={"001": Source("001", "Test", "Test", revised=date(2026, 1, 1))})
    for entry_id, (question, answer) in ENTRIES.items():
        language = "en" if question.startswith("Which") else "nl"
        kb.add(Entry(entry_id, language, (question,), answer, "001"))
    return Answerer(kb)


@pytest.mark.parametrize(
    ("question", "with_slip"),
    [
        ("wie maakt het wachtrooster?", "wie maakt het wachtrooster wnaneer?"),
        ("which duties does the locum have?", "whcih duties does the locum have?"),
        ("which duties does the locum have?", "which duties shoud the locum have?"),
        ("which duties does the locum have?", "which duties does teh locum have?"),
        ("wie maakt het wachtrooster?", "wie maakt eigelijk het wachtrooster?"),
        ("wie is de werkgever bij de flexpool?", "wie is de werkgever bij de flexpool, zyn?"),
    ],
)
def test_a_slip_of_a_stop_word_costs_the_question_nothing(
    answerer: Answerer, question: str, with_slip: str
) -> None:
    """A stop word mistyped ("wnaneer", "whcih", "shoud", "teh", "eigelijk"), Flemish "y" for
    "ij" ("zyn"): read as meant, not as words we lack."""
    plain, slipped = answerer.lookup(question, "nl"), answerer.lookup(with_slip, "nl")
    assert slipped.entry is not None and slipped.entry == plain.entry, (with_slip, slipped)
    assert slipped.score == pytest.approx(plain.score)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("waar bestel ik het handboek van do mus medica?", "domus-handbook"),
        ("wie is de werkgever bij de flex pool?", "flexpool"),
    ],
)
def test_a_word_typed_apart_is_read_whole(answerer: Answerer, question: str, expected: str) -> None:
    lookup = answerer.lookup(question, "nl")
    assert lookup.entry is not None and lookup.entry.id == expected, (question, lookup)


@pytest.mark.parametrize(
    "question",
    ["hoevel kost het lidmaatschap?", "hoeveeel kost het lidmaatschap?", "combein ca coute?"],
)
def test_the_amount_asked_is_read_through_the_typo(answerer: Answerer, question: str) -> None:
    assert Asked.AMOUNT in answerer.index.asked(question)


def test_a_split_compound_is_not_read_as_the_fact_asked(answerer: Answerer) -> None:
    """ "loonlijst" is mended into "loon lijst" for the search, but asks no pay."""
    assert Asked.AMOUNT not in answerer.index.asked("moet ik hem op mijn loonlijst zetten?")


def test_a_real_word_one_slip_from_a_stop_word_is_no_stop_word() -> None:
    """ "dose" is "does" swapped, "cold" "could" short of a letter, "three" "there" swapped: too
    short, or real words, to be read as the stop word."""
    assert {"dose", "cold", "ding", "three", "combine", "mening"}.isdisjoint(STOPWORD_SLIPS)
    assert STOPWORD_SLIPS["wnaneer"] == "wanneer" and STOPWORD_SLIPS["thier"] == "their"


def test_hours_and_ordinals_on_a_number_are_read_as_the_number() -> None:
    """ "16u", "32h", "5de": the number (left out of the search), unless the entries know the
    word so."""
    speller = Speller(["vervanging"])
    familiar = {"per", "week", "13u"}.__contains__
    assert mend("16u per week, 32h, de 5de", familiar, speller) == "16 per week, 32, de 5"
    assert mend("statuut 13u", familiar, speller) == "statuut 13u"
