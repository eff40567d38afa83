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
the date of the next meeting; see asks.py and offers.py) is declined when the best entry holds
none, and a question with exactly the terms of one entry's own phrasing gets that entry.

The thresholds were set on our evaluation set (tests/kb_eval/, see bench/faq.py).
"""

import functools
import gc
import itertools
import math
import operator
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

import numpy as np

from bot.core.knowledge.asks import asked
from bot.core.knowledge.concepts import CONCEPTS
from bot.core.knowledge.kinds import Asked
from bot.core.knowledge.mending import mend
from bot.core.knowledge.model import Entry, KnowledgeBase
from bot.core.knowledge.named import stated_where
from bot.core.knowledge.offers import offered
from bot.core.knowledge.speller import Speller
from bot.core.knowledge.stopwords import STOPWORDS
from bot.core.knowledge.text import (
    CONCEPT_WORDS,
    fold,
    fold_tokens,
    query_variants,
    stemmer,
    token_words,
    words,
)

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
RANKED = 10  # the entries a search ranks
FAMILIAR_WORDS = 16_384  # the words whose familiarity an index remembers
_UNSEEN = np.iinfo(np.int64).max  # an entry no query word matched


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

    @property
    def lead(self) -> float:
        """How many times the runner-up's score the best entry scores (1.0 without a runner-up:
        one entry alone sharing a word with the question is not singled out among others)."""
        best = self.best
        others = [hit.score for hit in self.hits if hit is not best]
        if best is None or not others or max(others) <= 0:
            return 1.0
        return best.score / max(others)


@dataclass(frozen=True)
class Document:
    """An entry as the index sees it, all its language versions together: the weighted count of
    each term (a phrasing's terms weigh QUESTION_WEIGHT, the answer's ANSWER_WEIGHT), the terms of
    each phrasing, the kinds of fact its answers hold, and its words (for the speller).
    Analysing the text is the costly part of a build, so it is done once per entry: adding an
    entry to an index (`Index.adding`) analyses only that entry."""

    entry_id: str
    counts: dict[str, float]
    length: float
    phrasings: tuple[frozenset[str], ...]
    offers: frozenset[Asked]
    vocabulary: frozenset[str]

    @classmethod
    def of(cls, entry_id: str, versions: Iterable[Entry]) -> "Document":
        terms: list[str] = []  # the terms of every text in turn …
        weights: list[Iterable[float]] = []  # … and, text by text, the weight of each
        phrasings: list[frozenset[str]] = []
        offers: set[Asked] = set()
        vocabulary: set[str] = set()
        for entry in versions:
            stem_word = stemmer(entry.language)
            tokens = entry.answer.split()
            answer = fold_tokens(tokens)
            offers |= offered(entry.answer, entry.reviewed, answer, tokens)
            for question in entry.questions:
                found = token_words(question.split())
                vocabulary.update(found)
                phrasing = list(map(stem_word, found))
                phrasings.append(frozenset(phrasing))
                terms += phrasing
                weights.append(itertools.repeat(QUESTION_WEIGHT, len(phrasing)))
            found = token_words(tokens, answer)
            vocabulary.update(found)
            terms += map(stem_word, found)
            weights.append(itertools.repeat(ANSWER_WEIGHT, len(found)))
        # Each term's count is its weights added one by one, in the order of the texts: in C,
        # `update` takes a pair only once it has stored the one before, so a term met twice adds
        # twice. The length is every weight added in that order, float rounding included.
        counts: dict[str, float] = {}
        weight_of_each_term = list(itertools.chain.from_iterable(weights))
        earlier = map(counts.get, terms, itertools.repeat(0.0))
        sums = map(operator.add, earlier, weight_of_each_term)
        counts.update(zip(terms, sums, strict=True))
        return cls(
            entry_id,
            counts,
            functools.reduce(operator.add, weight_of_each_term, 0.0),
            tuple(phrasings),
            frozenset(stated_where(offers)),
            frozenset(itertools.filterfalse(str.isupper, vocabulary)),  # no concepts to mend to
        )


def analyse(entries: Iterable[tuple[str, Iterable[Entry]]]) -> list[Document]:
    """The documents of entries (id and language versions), in their order."""
    with without_cycle_collection():
        return [Document.of(entry_id, versions) for entry_id, versions in entries]


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """The cycle collector paused. Analysing (and assembling) makes millions of objects and no
    reference cycle (reference counting frees them all): the collector, set off by their
    number, would only walk the whole heap again and again (a tenth of a build of 10,000
    entries)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Numbering(dict[str, int]):
    """Each key numbered on first sight, 0, 1, 2 …: one pass (in C but for new keys) where
    collecting the keys and then looking each up took two."""

    def __missing__(self, key: str) -> int:
        number = self[key] = len(self)
        return number


class Index:
    """BM25 over the knowledge base, as a sparse term-by-entry matrix of precomputed term scores
    (one column per term: the entries that have it and what it scores in each), so a question
    costs a few vector operations per word whatever the number of entries. Build once, search
    often; `adding` gives a new index with more entries."""

    def __init__(self, documents: Sequence[Document], spelling: Speller | None = None) -> None:
        self.documents = tuple(documents)
        self.ids = [document.entry_id for document in self.documents]
        self.offers = {document.entry_id: document.offers for document in self.documents}
        self.phrasings = {document.entry_id: document.phrasings for document in self.documents}
        self._phrasings_by_length: dict[str, dict[int, list[frozenset[str]]]] = {}
        self._last_asked: tuple[str | None, frozenset[Asked]] = (None, frozenset())
        # Mending asks of each word whether we know it, twice per question (see `asked`).
        self._familiar = functools.lru_cache(maxsize=FAMILIAR_WORDS)(self._is_familiar)
        with without_cycle_collection():
            if spelling is None:
                spelling = Speller(_concept_words())
                spelling.add(_vocabulary(self.documents))
            self.spelling = spelling
            self._assemble()

    @classmethod
    def build(cls, kb: KnowledgeBase) -> "Index":
        # One pause for both steps: the collection that resuming sets off walks the heap once.
        with without_cycle_collection():
            return cls(analyse((entry_id, v.values()) for entry_id, v in kb.entries.items()))

    def adding(self, documents: Sequence[Document]) -> "Index":
        """A new index with these documents too (replacing those with the same entry id). Only
        the matrix is assembled again: every entry changes the rarity of the terms it has and
        the average length. The speller learns the new words (it keeps the replaced ones)."""
        new = {document.entry_id for document in documents}
        self.spelling.add(_vocabulary(documents))
        kept = [document for document in self.documents if document.entry_id not in new]
        return Index([*kept, *documents], self.spelling)

    def _assemble(self) -> None:
        """The matrix in compressed columns: column c holds the entries
        `_rows[_starts[c]:_starts[c + 1]]` (in knowledge base order) and their scores."""
        self._size = n = len(self.documents)
        lengths = [document.length for document in self.documents]
        self.average_length = sum(lengths) / max(n, 1) or 1.0
        terms = [document.counts for document in self.documents]
        total = sum(map(len, terms))
        numbering = _Numbering()  # the terms numbered in order of first appearance
        column_of = np.fromiter(
            map(numbering.__getitem__, itertools.chain(*terms)), dtype=np.intp, count=total
        )
        self._columns = dict(numbering)
        counts = np.fromiter(
            itertools.chain.from_iterable(t.values() for t in terms), dtype=np.float64, count=total
        )
        rows = np.repeat(np.arange(n), [len(document.counts) for document in self.documents])
        # By column, then by row (knowledge base order): the cells come in row order, so a
        # stable sort by column keeps it within each column. numpy sorts 16-bit keys by radix,
        # ten times faster (the same order: a stable sort has but one).
        keys = column_of.astype(np.uint16) if len(self._columns) <= 1 << 16 else column_of
        order = np.argsort(keys, kind="stable")
        frequency = np.bincount(column_of, minlength=len(self._columns))
        self._starts = np.concatenate(([0], np.cumsum(frequency))).astype(np.intp)
        self._idf = [self._idf_of(int(df)) for df in frequency]
        self._rows = rows[order].astype(np.intp)
        tf = counts[order]
        idf = np.repeat(np.array(self._idf, dtype=np.float64), frequency)
        length = np.array(lengths, dtype=np.float64)[self._rows] / self.average_length
        norm = BM25_K1 * (1 - BM25_B + BM25_B * length)
        self._scores = idf * tf * (BM25_K1 + 1) / (tf + norm)

    def _idf_of(self, df: int) -> float:
        n = self._size
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def idf(self, term: str) -> float:
        column = self._columns.get(term)
        return self._idf_of(0) if column is None else self._idf[column]

    def _phrasings_of_length(self, entry_id: str, length: int) -> list[frozenset[str]]:
        """The entry's phrasings of `length` terms: grouped by length on the entry's first
        match, so a question is compared with the phrasings of its own length only."""
        by_length = self._phrasings_by_length.get(entry_id)
        if by_length is None:
            by_length = self._phrasings_by_length[entry_id] = defaultdict(list)
            for terms in self.phrasings.get(entry_id, ()):
                by_length[len(terms)].append(terms)
        return by_length.get(length, [])

    @property
    def unknown_word_idf(self) -> float:
        """What an unknown word weighs: a share of what the rarest known term weighs."""
        return UNKNOWN_WORD_WEIGHT * self.idf(_NEVER)

    def search(self, question: str) -> Result:
        query = self._query_terms(question)
        if not query:
            return Result(Verdict.NONE)
        hits = self._ranked(query)
        holding = self._holding_the_asked_kind(question, hits)
        if holding is None:
            return Result(Verdict.NONE, hits)
        hits = (*holding, *(hit for hit in hits if hit not in holding))
        # Among the entries holding the kind of fact asked only: "HealthOne prijs" is one of our
        # phrasings only if the entry it belongs to gives the price.
        verbatim = [hit for hit in holding if self._asked_verbatim(query, hit.entry_id)]
        if len(verbatim) == 1:  # the member asked one of our own phrasings: that entry
            rest = tuple(hit for hit in hits if hit is not verbatim[0])
            return Result(Verdict.CONFIDENT, (verbatim[0], *rest))
        return Result(self._verdict(holding), hits)

    def _ranked(self, query: list["QueryTerm"]) -> tuple[Hit, ...]:
        """The best-scoring entries. A query word scores in an entry by the best of its
        variants; equal scores keep the order in which the entries were first matched (query
        word, variant, knowledge base order)."""
        n = self._size
        scores = np.zeros(n)
        explained = np.zeros(n)
        first = np.full(n, _UNSEEN, dtype=np.int64)
        matched = 0
        for variants, weight, certainty in query:
            best = np.zeros(n)
            for term in variants:
                column = self._columns[term]
                span = slice(self._starts[column], self._starts[column + 1])
                rows = self._rows[span]
                best[rows] = np.maximum(best[rows], self._scores[span])
                first[rows] = np.minimum(first[rows], matched * n + rows)
                matched += 1
            scores += best * certainty
            explained[best > 0] += weight * certainty
        seen = np.flatnonzero(first < _UNSEEN)
        if len(seen) > RANKED:
            cutoff = np.partition(scores[seen], len(seen) - RANKED)[len(seen) - RANKED]
            seen = seen[scores[seen] >= cutoff]
        top = seen[np.lexsort((first[seen], -scores[seen]))][:RANKED]
        total = sum(weight for _, weight, _ in query)
        return tuple(
            Hit(self.ids[row], float(scores[row]), float(explained[row]) / total) for row in top
        )

    def _holding_the_asked_kind(
        self, question: str, hits: tuple[Hit, ...]
    ) -> tuple[Hit, ...] | None:
        """The hits that hold the kind of fact asked (an amount, a phone number …), best first:
        only they can answer, so only they compete. "How much is the membership" ranks the
        entry on joining a hair above the one with the fee. None when no close contender holds
        it: then we have no answer."""
        kinds = self.asked(question)
        holding = tuple(hit for hit in hits if kinds <= self.offers.get(hit.entry_id, frozenset()))
        if not hits or holding[:1] == hits[:1]:
            return holding
        if not holding or holding[0].score * CLEAR_LEAD < hits[0].score:
            return None
        if holding[0].coverage < SECOND_CHOICE_COVERAGE:  # it must explain the whole question
            return None
        return holding

    def holds_asked(self, question: str, entry_id: str) -> bool:
        """Whether the entry holds the kind of fact the question asks for (if any)."""
        return self.asked(question) <= self.offers.get(entry_id, frozenset())

    def asked(self, question: str) -> frozenset[Asked]:
        """The kinds of fact the question asks for, read as typed and with its typos mended
        ("hoevel kost", "hoeveeel", "combein"). The last question's are kept: each is asked of
        many entries."""
        last_question, kinds = self._last_asked
        if question != last_question:
            mended = self._mend(question, compounds=False)
            kinds = asked(question)
            if mended != fold(question):  # asked() reads the question folded
                kinds |= asked(mended)
            self._last_asked = (question, kinds)
        return kinds

    def passed_over(self, question: str, result: Result) -> str | None:
        """The best-scoring entry of the question's `result`, where the search put another first
        because only that one holds the kind of fact asked (an amount …)."""
        top = max(result.hits, key=lambda hit: hit.score)
        if top is result.best or self.holds_asked(question, top.entry_id):
            return None
        return top.entry_id

    def _asked_verbatim(self, query: list["QueryTerm"], entry_id: str) -> bool:
        """Whether the question, as typed, has exactly the terms of one of the entry's
        phrasings. A short question like "what is a flexpool" ties on score with every entry
        about flexpools; the one that has it as its own phrasing is the one meant."""
        if any(term.certainty < 1.0 or not term.variants for term in query):
            return False
        return any(
            all(not terms.isdisjoint(term.variants) for term in query)
            for terms in self._phrasings_of_length(entry_id, len(query))
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

    def knows(self, term: str) -> bool:
        return term in self._columns

    def _known(self, word: str) -> tuple[str, ...]:
        return tuple(t for t in query_variants(word) if self.knows(t))

    def _is_familiar(self, word: str) -> bool:
        return word in STOPWORDS or word in CONCEPT_WORDS or bool(self._known(word))

    def _mend(self, question: str, compounds: bool = True) -> str:
        """The question with typos mended, before synonyms are looked for: "fee contribuion"
        must still be the fee contribution (see mending.py)."""
        return mend(question, self._familiar, self.spelling, compounds)


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


def _vocabulary(documents: Iterable[Document]) -> frozenset[str]:
    """The words of these documents, for the speller (one set union, not a word at a time)."""
    return frozenset().union(*(document.vocabulary for document in documents))


def _concept_words() -> set[str]:
    """The concepts' words, those of their phrases too ("verzekeringsfons" is the fund of
    "sociaal verzekeringsfonds")."""
    return {fold(v) for vs in CONCEPTS.values() for v in vs if " " not in fold(v)} | {
        word for word in CONCEPT_WORDS if word.isalpha() and word not in STOPWORDS
    }


def alternatives(result: Result) -> list[Hit]:
    """Candidates worth offering for a close call."""
    return [hit for hit in result.hits[:MAX_ALTERNATIVES] if hit.coverage >= CLOSE_COVERAGE]
