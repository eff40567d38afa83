"""An entry as the index sees it: what a plain reading of its texts gives, one word at a time.

A build of 10,000 entries reads its texts in bulk (see `Document.of`); it must find and rank
exactly what this reading finds and ranks, to the last bit of every score: the weight of a term
is the weights of its occurrences added one by one, in the order of the texts (float addition
depends on the order), on the real knowledge base and on generated entries whose words repeat
across texts and languages.
"""

import random
from collections.abc import Iterable
from pathlib import Path

import pytest

from bot.core.knowledge.files import load_knowledge
from bot.core.knowledge.model import Entry, KnowledgeBase
from bot.core.knowledge.named import stated_where
from bot.core.knowledge.offers import offered
from bot.core.knowledge.search import ANSWER_WEIGHT, QUESTION_WEIGHT, Document, Index
from bot.core.knowledge.text import stem, words

ROOT = Path(__file__).resolve().parents[2]
# Written words that read differently together: a concept phrase across two words, durations
# in a question about replacing, a word that folds to nothing, accents, an amount.
TRICKY = ["medisch", "dossier", "3", "maanden", "vervanging", "LOK-vergadering", "-", "€"]
TRICKY += ["cotisation", "6", "mois", "zone", "de", "garde", "Élève", "15", "maart", "2030"]


def plainly(entry_id: str, versions: Iterable[Entry]) -> Document:
    """The document of an entry, read one word at a time."""
    counts: dict[str, float] = {}
    length = 0.0
    phrasings = []
    kinds = set()
    vocabulary: set[str] = set()
    for entry in versions:
        kinds |= offered(entry.answer, entry.reviewed)
        texts = [(question, QUESTION_WEIGHT) for question in entry.questions]
        for text, weight in [*texts, (entry.answer, ANSWER_WEIGHT)]:
            found = words(text)
            vocabulary.update(word for word in found if not word.isupper())
            terms = [stem(word, entry.language) for word in found]
            if weight == QUESTION_WEIGHT:
                phrasings.append(frozenset(terms))
            for term in terms:
                counts[term] = counts.get(term, 0.0) + weight
                length += weight
    return Document(
        entry_id,
        counts,
        length,
        tuple(phrasings),
        frozenset(stated_where(kinds)),
        frozenset(vocabulary),
    )


def generated(kb: KnowledgeBase, size: int, seed: int) -> KnowledgeBase:
    """Entries in three languages made of a few dozen of the real words and the tricky ones,
    so that terms come back in the questions and answers of every language."""
    rng = random.Random(seed)
    written = sorted({w for v in kb.entries.values() for e in v.values() for w in e.answer.split()})
    pool = [*rng.sample(written, 40), *TRICKY]
    made = KnowledgeBase(sources=kb.sources)
    for number in range(size):
        for language in ("nl", "fr", "en"):
            questions = tuple(" ".join(rng.choices(pool, k=7)) + "?" for _ in range(3))
            answer = " ".join(rng.choices(pool, k=30))
            made.add(Entry(f"made-{number}", language, questions, answer, "001"))
    return made


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge(ROOT / "knowledge")


@pytest.mark.parametrize("source", ["real", "generated"])
def test_the_index_finds_and_ranks_what_a_plain_reading_of_the_entries_gives(
    kb: KnowledgeBase, source: str
) -> None:
    entries = kb if source == "real" else generated(kb, 60, seed=11)
    built = Index.build(entries)
    plain = Index([plainly(entry_id, v.values()) for entry_id, v in entries.entries.items()])
    for document, expected in zip(built.documents, plain.documents, strict=True):
        assert document == expected
        assert list(document.counts) == list(expected.counts)  # the terms in the same order
    questions = {q for v in entries.entries.values() for e in v.values() for q in e.questions}
    questions |= {"onkostenbijdrage vervanging 3 maanden", "medisch dosier", "lidgeld LOK"}
    for question in sorted(questions):
        assert built.search(question) == plain.search(question)
