"""Finding the entry that answers a question, or saying honestly that none does.

Each entry is one document made of all its language versions: the question phrasings (weighted
high) and the answer (weighted low). A question is scored with BM25 over those terms, after typos
are mended against the knowledge base's own vocabulary. Two measures decide what the member gets:

- *coverage*: the share of the question's information (its words weighted by rarity) that the
  best entry explains. Words the knowledge base has never seen count against it, so
  "dosis amoxicilline kind" is not answered because an entry mentions "kind". So do brands and
  organisations the entry does not name ("Domus Medica membership" is not the kring's fee).
- the BM25 score itself, in units of the rarest term's weight: one matching word among unknown
  ones is no answer, however rare that word is.

Two rules come before them: a question that asks for a kind of fact (an amount, a phone number,
the date of the next meeting; see asks.py) is declined when the best entry holds none, and a
question with exactly the terms of one entry's own phrasing gets that entry.

The thresholds were set on our evaluation set (tests/kb_eval/, see bench/faq.py).
"""

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from bot.core.knowledge.asks import Asked, asked, offered
from bot.core.knowledge.concepts import CONCEPTS
from bot.core.knowledge.model import Entry, KnowledgeBase
from bot.core.knowledge.stopwords import STOPWORDS
from bot.core.knowledge.text import CONCEPT_WORDS, fold, query_variants, stem, words

QUESTION_WEIGHT = 1.0
ANSWER_WEIGHT = 0.35
BM25_K1, BM25_B = 1.6, 0.75
UNKNOWN_WORD_WEIGHT = 0.5  # an unknown word weighs half the rarest known term
MENDED_CERTAINTY = 0.5  # a mended typo counts half
CONFIDENT_COVERAGE = 0.6  # answer (or, with a weak score, even consider) only above this …
CLOSE_COVERAGE = 0.45  # … offer candidates ("Bedoelt u") only above this
MIN_SCORE_IN_RARE_TERMS = 2.65  # a weaker score needs CONFIDENT_COVERAGE
CLEAR_LEAD = 1.25  # the best entry's score over the runner-up for a confident answer
MAX_ALTERNATIVES = 3
SECOND_CHOICE_COVERAGE = 0.9  # a runner-up that holds the asked fact must explain this much
SPECIFIC_NUMBER_DIGITS = 5  # "code 101076": a number the knowledge base never mentions
_NEVER = "\0never\0"  # a term no entry has: its idf is the largest there is
_LETTERS = re.compile(r"[a-z]{4,}")  # words the speller may mend


class Verdict(StrEnum):
    CONFIDENT = "confident"
    CLOSE = "close"  # "Bedoelt u …?"
    NONE = "none"


class QueryTerm(NamedTuple):
    """A word of the question: the index terms it may stand for, what it weighs (its rarity),
    and how sure we are of it (a word that only a mended typo gave counts for less)."""

    variants: tuple[str, ...]
    weight: float
    certainty: float


@dataclass(frozen=True)
class Hit:
    entry_id: str
    score: float  # BM25
    coverage: float  # share of the question's weight that the entry explains


@dataclass(frozen=True)
class Result:
    verdict: Verdict
    hits: tuple[Hit, ...] = ()

    @property
    def best(self) -> Hit | None:
        return self.hits[0] if self.hits else None


@dataclass
class Index:
    """An inverted index over the knowledge base; build once, search often."""

    postings: dict[str, dict[str, float]] = field(default_factory=dict)
    lengths: dict[str, float] = field(default_factory=dict)
    average_length: float = 1.0
    spelling: "Speller" = field(default_factory=lambda: Speller(()))
    offers: dict[str, set[Asked]] = field(default_factory=dict)  # the kinds of fact each holds
    phrasings: dict[str, list[frozenset[str]]] = field(default_factory=dict)  # their terms

    @classmethod
    def build(cls, kb: KnowledgeBase) -> "Index":
        postings: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        lengths: dict[str, float] = {}
        vocabulary: set[str] = set()
        offers: dict[str, set[Asked]] = defaultdict(set)
        phrasings: dict[str, list[frozenset[str]]] = defaultdict(list)
        for entry_id, versions in kb.entries.items():
            length = 0.0
            for entry in versions.values():
                offers[entry_id] |= offered(entry.answer, entry.reviewed)
                texts = [(q, QUESTION_WEIGHT, True) for q in entry.questions]
                for text, weight, is_question in [*texts, (entry.answer, ANSWER_WEIGHT, False)]:
                    found = words(text)
                    vocabulary.update(w for w in found if not w.isupper())
                    terms = [stem(w, entry.language) for w in found]
                    if is_question:
                        phrasings[entry_id].append(frozenset(terms))
                    for term in terms:
                        postings[term][entry_id] += weight
                        length += weight
            lengths[entry_id] = length
        return cls(
            average_length=sum(lengths.values()) / max(len(lengths), 1) or 1.0,
            postings={term: dict(docs) for term, docs in postings.items()},
            lengths=lengths,
            spelling=Speller(vocabulary | _single_word_concept_variants()),
            offers=dict(offers),
            phrasings=dict(phrasings),
        )

    # --- entries added while the bot runs (bot.core.knowledge.teaching) ---------------------

    def add(self, entry_id: str, versions: Iterable[Entry]) -> None:
        """Take in one new entry (all its language versions) as `build` indexes it, without
        rebuilding the others: BM25's statistics (lengths, average length, document frequency)
        follow, so the scores are those of an index built with the entry in it."""
        part = Index.build(KnowledgeBase(entries={entry_id: {e.language: e for e in versions}}))
        for term, documents in part.postings.items():
            self.postings.setdefault(term, {}).update(documents)
        self.lengths.update(part.lengths)
        self.average_length = sum(self.lengths.values()) / len(self.lengths) or 1.0
        self.offers.update(part.offers)
        self.phrasings.update(part.phrasings)
        self.spelling.learn(part.spelling)

    def idf(self, term: str) -> float:
        n = len(self.lengths)
        df = len(self.postings.get(term, ()))
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    @property
    def unknown_word_idf(self) -> float:
        """What an unknown word weighs: a share of what the rarest known term weighs."""
        return UNKNOWN_WORD_WEIGHT * self.idf(_NEVER)

    def search(self, question: str) -> Result:
        query = self._query_terms(question)
        if not query:
            return Result(Verdict.NONE)
        total = sum(weight for _, weight, _ in query)
        scores: dict[str, float] = defaultdict(float)
        explained: dict[str, float] = defaultdict(float)
        for variants, weight, certainty in query:
            best_for_doc: dict[str, float] = {}
            for term in variants:
                idf = self.idf(term)
                for entry_id, tf in self.postings.get(term, {}).items():
                    length = self.lengths[entry_id] / self.average_length
                    norm = BM25_K1 * (1 - BM25_B + BM25_B * length)
                    score = idf * tf * (BM25_K1 + 1) / (tf + norm)
                    best_for_doc[entry_id] = max(best_for_doc.get(entry_id, 0.0), score)
            for entry_id, score in best_for_doc.items():
                scores[entry_id] += score * certainty
                explained[entry_id] += weight * certainty
        ranked = sorted(scores, key=lambda e: scores[e], reverse=True)
        hits = tuple(Hit(e, scores[e], explained[e] / total) for e in ranked[:10])
        holding = self._holding_the_asked_kind(question, hits)
        if holding is None:
            return Result(Verdict.NONE, hits)
        hits = (*holding, *(hit for hit in hits if hit not in holding))
        verbatim = [hit for hit in hits if self._asked_verbatim(query, hit.entry_id)]
        if len(verbatim) == 1:  # the member asked one of our own phrasings: that entry
            rest = tuple(hit for hit in hits if hit is not verbatim[0])
            return Result(Verdict.CONFIDENT, (verbatim[0], *rest))
        return Result(self._verdict(holding), hits)

    def _holding_the_asked_kind(
        self, question: str, hits: tuple[Hit, ...]
    ) -> tuple[Hit, ...] | None:
        """The hits that hold the kind of fact asked (an amount, a phone number …), best first:
        only they can answer, so only they compete. "How much is the membership" ranks the
        entry on joining a hair above the one with the fee. None when no close contender holds
        it: then we have no answer."""
        kinds = asked(question)
        holding = tuple(hit for hit in hits if kinds <= self.offers.get(hit.entry_id, set()))
        if not hits or holding[:1] == hits[:1]:
            return holding
        if not holding or holding[0].score * CLEAR_LEAD < hits[0].score:
            return None
        if holding[0].coverage < SECOND_CHOICE_COVERAGE:  # it must explain the whole question
            return None
        return holding

    def holds_asked(self, question: str, entry_id: str) -> bool:
        """Whether the entry holds the kind of fact the question asks for (if any)."""
        return asked(question) <= self.offers.get(entry_id, set())

    def _asked_verbatim(self, query: list["QueryTerm"], entry_id: str) -> bool:
        """Whether the question, as typed, has exactly the terms of one of the entry's
        phrasings. A short question like "what is a flexpool" ties on score with every entry
        about flexpools; the one that has it as its own phrasing is the one meant."""
        if any(term.certainty < 1.0 or not term.variants for term in query):
            return False
        return any(
            len(terms) == len(query) and all(not terms.isdisjoint(term.variants) for term in query)
            for terms in self.phrasings.get(entry_id, ())
        )

    def _verdict(self, hits: tuple[Hit, ...]) -> Verdict:
        if not hits or hits[0].coverage < CLOSE_COVERAGE:
            return Verdict.NONE
        best = hits[0]
        weak = best.score < MIN_SCORE_IN_RARE_TERMS * self.idf(_NEVER)
        if weak and best.coverage < CONFIDENT_COVERAGE:
            return Verdict.NONE
        runner_up = hits[1].score if len(hits) > 1 else 0.0
        if best.coverage >= CONFIDENT_COVERAGE and best.score >= CLEAR_LEAD * runner_up:
            return Verdict.CONFIDENT
        return Verdict.CLOSE

    def _query_terms(self, question: str) -> list["QueryTerm"]:
        """Each distinct query word: the index terms it may stand for, its weight (rarity), and
        how sure we are of it (a word that only a mended typo gave counts for less)."""
        query = []
        names = _names(question)
        brands = _brands(question)
        as_typed = set(words(question))
        for word in dict.fromkeys(words(self._mend(question))):
            variants = self._known(word)
            certainty = 1.0 if word in as_typed else MENDED_CERTAINTY
            if variants:
                # A brand or an organisation (HealthOne, Domus Medica) weighs what the rarest
                # term weighs: an entry that does not name it is about something else.
                weight = self.idf(_NEVER) if word in brands else max(map(self.idf, variants))
                query.append(QueryTerm(variants, weight, certainty))
            elif not word.isdigit() or len(word) >= SPECIFIC_NUMBER_DIGITS:
                # An unknown name (a company, a product, a place) or a specific number (a code,
                # an account) is a fact we surely lack.
                specific = word in names or word.isdigit()
                weight = self.idf(_NEVER) if specific else self.unknown_word_idf
                query.append(QueryTerm((), weight, 1.0))
        return query

    def _known(self, word: str) -> tuple[str, ...]:
        return tuple(t for t in query_variants(word) if t in self.postings)

    def _mend(self, question: str) -> str:
        """The question with typos mended, before synonyms are looked for: "fee contribuion"
        must still be the fee contribution."""

        def mend(match: re.Match[str]) -> str:
            word = match.group(0)
            if word in STOPWORDS or word in CONCEPT_WORDS or self._known(word):
                return word
            return self.spelling.correct(word) or word

        return _LETTERS.sub(mend, fold(question))


def _capitalised(question: str) -> list[str]:
    """The words written with a capital inside a sentence (names, brands, acronyms), in order,
    with an empty string wherever a word without one breaks the run."""
    tokens = question.replace("?", ". ").replace("!", ". ").split()
    return [
        token.strip(".,:;()'\"")
        if token[:1].isupper() and not previous.endswith((".", ":"))
        else ""
        for previous, token in zip([". ", *tokens], tokens, strict=False)
    ]


def _names(question: str) -> set[str]:
    """Folded names, brands and acronyms of the question."""
    return {fold(word) for word in _capitalised(question) if word}


def _brands(question: str) -> set[str]:
    """Folded words of brand-like names: with a capital inside the word (HealthOne, MyRiziv),
    or two or more capitalised words in a row (Domus Medica). A lone capital is too often a
    month, a town or a nationality ("in July", "in Gent", "Belgian")."""
    capitals = _capitalised(question)
    found = {fold(w) for w in capitals if any(ch.isupper() for ch in w[1:]) and not w.isupper()}
    for previous, word in itertools.pairwise(capitals):
        if previous and word:
            found |= {fold(previous), fold(word)}
    return found


def _single_word_concept_variants() -> set[str]:
    return {fold(v) for vs in CONCEPTS.values() for v in vs if " " not in fold(v)}


def alternatives(result: Result) -> list[Hit]:
    """Candidates worth offering for a close call."""
    return [hit for hit in result.hits[:MAX_ALTERNATIVES] if hit.coverage >= CLOSE_COVERAGE]


class Speller:
    """Mends typos against a vocabulary: the closest known word within edit distance 1 (2 for
    long words), found through a symmetric-delete index (each side with one letter dropped)."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self._words = Counter(vocabulary)
        self._deletes: dict[str, set[str]] = defaultdict(set)
        self._remember(self._words)

    def learn(self, other: "Speller") -> None:
        """Take in the words of another speller's vocabulary (an entry added by Index.add)."""
        new = other._words.keys() - self._words.keys()
        self._words.update(new)
        self._remember(new)

    def _remember(self, vocabulary: Iterable[str]) -> None:
        for word in vocabulary:
            if len(word) >= 4:
                for variant in _deletes(word):
                    self._deletes[variant].add(word)

    def correct(self, word: str) -> str | None:
        if word in self._words or len(word) < 4:
            return None
        limit = 1 if len(word) < 8 else 2
        candidates: set[str] = set()
        for variant in _deletes(word):
            candidates |= self._deletes.get(variant, set())
        scored = [
            (distance, -len(c), c)
            for c in candidates
            if (distance := _edit_distance(word, c)) <= limit
        ]
        return min(scored)[2] if scored else None


def _deletes(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]
