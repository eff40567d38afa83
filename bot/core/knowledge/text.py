"""From a member's words to search terms.

Questions arrive in Dutch, French or English, often Flemish-colloquial, abbreviated or mistyped.
Text is folded (lower case, no accents), domain synonyms and abbreviations become one concept
term in every language (LOK = GLEM = local quality group), stop words go, and the rest is
stemmed. A query word may be in any of the three languages, so it gets the stems of all three
and the search keeps those that exist in the knowledge base.

The concept groups are in concepts.py, the stop words in stopwords.py.
"""

import re
import unicodedata
from collections.abc import Callable
from functools import cache
from itertools import chain, filterfalse, pairwise
from typing import TypeVar

import snowballstemmer  # type: ignore[import-untyped]

from bot.core.knowledge.concepts import CONCEPTS
from bot.core.knowledge.durations import duration_bands
from bot.core.knowledge.patterns import alternation
from bot.core.knowledge.stopwords import STOPWORDS

STEMMER_LANGUAGES = {"nl": "dutch", "fr": "french", "en": "english"}
_T = TypeVar("_T")


class _Folding(dict[int, str | None]):
    """The translation table of `fold`: apostrophes and dashes become spaces, combining marks
    (the accents NFKD splits off) go. Each other character is looked at once, on first sight:
    a table of all of Unicode would be large, a test per character slow."""

    def __missing__(self, code: int) -> str | None:
        kept = None if unicodedata.combining(chr(code)) else chr(code)
        self[code] = kept
        return kept


_FOLD = _Folding({ord(ch): " " for ch in "’'`´-/_"})
_WORD = re.compile(r"[a-z0-9]+|[A-Z]+")


_REMEMBERED = 1 << 16


class Remembered(dict[str, _T]):
    """What a function gives for each word, computed on first sight and then looked up (in C,
    through `__getitem__`): a build reads millions of words, from a vocabulary of thousands.
    Forgets all when full (questions bring new words for as long as the bot runs)."""

    def __init__(self, compute: Callable[[str], _T]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, word: str) -> _T:
        if len(self) >= _REMEMBERED:
            self.clear()
        value = self[word] = self._compute(word)
        return value


def fold(text: str) -> str:
    """Lower case, accents removed, apostrophes and dashes as spaces."""
    return fold_tokens(text.split())


def fold_tokens(tokens: list[str]) -> str:
    """`fold` of a text split at whitespace."""
    return " ".join(filter(None, map(_FOLDED_WORDS.__getitem__, tokens)))


def _fold_word(word: str) -> str:
    """A word folded (maybe into several, or none). Folding a text word by word is folding it
    whole: lower case, the decomposition and the table change no whitespace and act on each
    word alone (whitespace is no letter, no accent, and starts a character of its own)."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return " ".join(decomposed.translate(_FOLD).split())


_FOLDED_WORDS = Remembered(_fold_word)


def _phrase_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    variants: dict[str, str] = {}
    for concept, words in CONCEPTS.items():
        for word in words:
            variants[fold(word)] = concept
    return re.compile(r"\b(" + alternation(variants) + r")\b"), variants


_PHRASES, _CONCEPT_OF = _phrase_pattern()
CONCEPT_WORDS = frozenset(
    w for variants in CONCEPTS.values() for v in variants for w in fold(v).split()
)
# Durations matter for the fee-contribution bands, and so only in a question about replacing.
DURATION_CONTEXT = frozenset(
    {"LOCUM", "REPLACEMENT", "FEECONTRIB", "CONTRACT", "SOFTWARE", "cotisation", "bijdrage"}
    | {"contribution", "percentage", "pourcentage", "procent"}
)


# The stop words a word is dropped for: a concept term (upper case) never is.
_DROPPED = frozenset(word for word in STOPWORDS if not word.isupper())


def _kept_words(chunk: str) -> tuple[str, ...]:
    """The words of a chunk of marked text (no whitespace in it) that are no stop words. A
    word never holds whitespace, so the words of a text are those of its chunks in turn."""
    return tuple(filterfalse(_DROPPED.__contains__, _WORD.findall(chunk)))


_KEPT_WORDS = Remembered(_kept_words)


def words(text: str) -> list[str]:
    """Folded words, with concept phrases replaced by their concept term (upper case), and a
    band term for each duration (see durations.py)."""
    return token_words(text.split())


def token_words(tokens: list[str], folded: str | None = None) -> list[str]:
    """The `words` of a text split at whitespace (`folded` is the text folded, where the caller
    has it): `folded_words(fold_tokens(tokens))`, read token by token where it can be (see
    `_TOKEN_WORDS`)."""
    if _CROSSING.search("".join(map(_TOKEN_CODES.__getitem__, tokens))):
        return folded_words(fold_tokens(tokens) if folded is None else folded)
    found = list(chain.from_iterable(map(_TOKEN_WORDS.__getitem__, tokens)))
    if DURATION_CONTEXT.isdisjoint(found):
        return found
    return found + duration_bands(fold_tokens(tokens) if folded is None else folded)


# A build reads millions of words, from a vocabulary of thousands: each word as written (a
# whitespace-separated token) is analysed once, on first sight, alone: folded, its concept
# phrases replaced, its stop words dropped. The words of a text are then those of its tokens in
# turn, unless a concept phrase of several words spans two tokens ("medisch dossier"): its
# words are the last run of letters of one token and the first of the next. Each token has a
# code of one character per end where such a phrase may pass (one from `_LEADING` for its first
# run, one from `_TRAILING` for its last, "." for a token with neither; none for a token that
# folds to nothing, as fold drops it), so a text whose codes hold no pair that a phrase has
# (`_CROSSING`) is read token by token; the others are read whole.
_PHRASE_PAIRS = {pair for variant in _CONCEPT_OF for pair in pairwise(variant.split(" "))}
_TRAILING = {word: chr(0xE000 + n) for n, word in enumerate(sorted({a for a, _ in _PHRASE_PAIRS}))}
_LEADING = {word: chr(0xF000 + n) for n, word in enumerate(sorted({b for _, b in _PHRASE_PAIRS}))}
_CROSSING = re.compile("|".join(sorted(_TRAILING[a] + _LEADING[b] for a, b in _PHRASE_PAIRS)))
_FIRST_RUN = re.compile(r"\w+")
_LAST_RUN = re.compile(r"\w+\Z")


def _token_code(token: str) -> str:
    folded = _FOLDED_WORDS[token]
    if not folded:
        return ""
    first = _FIRST_RUN.match(folded)
    last = _LAST_RUN.search(folded)
    leading = _LEADING.get(first.group(0), "") if first else ""
    trailing = _TRAILING.get(last.group(0), "") if last else ""
    return leading + trailing or "."


def _token_words(token: str) -> tuple[str, ...]:
    marked = _PHRASES.sub(lambda m: f" {_CONCEPT_OF[m.group(1)]} ", _FOLDED_WORDS[token])
    return tuple(chain.from_iterable(map(_KEPT_WORDS.__getitem__, marked.split())))


_TOKEN_CODES = Remembered(_token_code)
_TOKEN_WORDS = Remembered(_token_words)


def folded_words(folded: str) -> list[str]:
    """The `words` of a text already folded (the index folds an answer once, for its words
    and for its dates)."""
    marked = _PHRASES.sub(lambda m: f" {_CONCEPT_OF[m.group(1)]} ", folded)
    found = list(chain.from_iterable(map(_KEPT_WORDS.__getitem__, marked.split())))
    if DURATION_CONTEXT.isdisjoint(found):
        return found  # "20 semaines enceinte", "3 weken moederschapsrust": no band of a fee
    return found + duration_bands(folded)


@cache
def stemmer(language: str) -> Callable[[str], str]:
    """The stem of a word in `language`, remembered (a build stems millions of words: looked
    up through a dictionary's own `__getitem__`, twice as fast as through `functools.cache`)."""
    snowball = snowballstemmer.stemmer(STEMMER_LANGUAGES[language])

    def stem_word(word: str) -> str:
        if word.isupper() or word.isdigit() or len(word) <= 3:
            return word
        return str(snowball.stemWord(word))

    return Remembered(stem_word).__getitem__


def stem(word: str, language: str) -> str:
    return stemmer(language)(word)


def query_variants(word: str) -> tuple[str, ...]:
    """A query word in an unknown language: its stems in each of our languages."""
    if word.isupper() or word.isdigit():
        return (word,)
    return tuple(dict.fromkeys([stem(word, lang) for lang in STEMMER_LANGUAGES] + [word]))
