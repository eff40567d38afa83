"""Growing the search (Index.adding, used for the entries the coordinator adds from Telegram):
an entry added to a built index is found exactly as if the index had been built with it, and a
bot's answerer that learns leaves the process's shared one alone."""

from pathlib import Path

import pytest

from bot.core.knowledge.files import load_knowledge
from bot.core.knowledge.model import Entry, KnowledgeBase
from bot.core.knowledge.search import Document, Index
from bot.core.knowledge.service import Answerer

ROOT = Path(__file__).resolve().parent.parent.parent
ADDED = "locum-lok-membership"
QUESTIONS = [
    "Moet een vervangarts in een LOK zitten?",
    "LOK verplicht voor vervanger?",
    "do I need an LOK as a locum",
    "faut-il un GLEM pour un remplaçant",
    "lokk vervngarts",  # typos mended against the vocabulary, the new entry's included
    "hoeveel onkostenbijdrage bij een vervanging van 3 maanden?",
    "weerbericht",
]


@pytest.fixture(scope="module")
def knowledge() -> KnowledgeBase:
    return load_knowledge(ROOT / "knowledge")


def _without(kb: KnowledgeBase, entry_id: str) -> KnowledgeBase:
    return KnowledgeBase(
        sources=kb.sources, entries={k: v for k, v in kb.entries.items() if k != entry_id}
    )


def test_an_added_entry_scores_as_if_the_index_was_built_with_it(knowledge: KnowledgeBase) -> None:
    built = Index.build(knowledge)
    grown = Index.build(_without(knowledge, ADDED)).adding(
        [Document.of(ADDED, knowledge.entries[ADDED].values())]
    )
    for question in QUESTIONS:
        expected, found = built.search(question), grown.search(question)
        assert found.verdict == expected.verdict, question
        assert [hit.entry_id for hit in found.hits] == [hit.entry_id for hit in expected.hits]
        for hit, want in zip(found.hits, expected.hits, strict=True):
            assert hit.score == pytest.approx(want.score) and hit.coverage == pytest.approx(
                want.coverage
            )


def test_what_one_bot_learns_does_not_reach_another(knowledge: KnowledgeBase) -> None:
    shared = Answerer(_without(knowledge, ADDED))
    one, other = shared.fork(), shared.fork()
    one.learn([*knowledge.entries[ADDED].values()])
    question = "Moet een vervangarts in een LOK zitten?"
    assert one.lookup(question, "nl").entry == knowledge.entry(ADDED, "nl")
    for answerer in (shared, other):
        found = answerer.lookup(question, "nl")
        assert ADDED not in [e.id for e in (found.entry, *found.candidates) if e is not None]
    one.learn([Entry(ADDED, "nl", ("iets anders",), "Ander antwoord.", "kring")])
    assert one.kb.entry(ADDED, "nl") == knowledge.entry(ADDED, "nl")  # a known id is kept
    one.learn([Entry("kring-taught-1", "nl", ("Waar staat de bakfiets?",), "Achteraan.", "kring")])
    assert one.index.spelling.correct("bakfeits") == "bakfiets"  # typos mend to new words
    for answerer in (shared, other):
        assert answerer.index.spelling.correct("bakfeits") is None
