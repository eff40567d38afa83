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
from functools import cache

import snowballstemmer  # type: ignore[import-untyped]

from bot.core.knowledge.concepts import CONCEPTS
from bot.core.knowledge.durations import duration_bands
from bot.core.knowledge.stopwords import STOPWORDS

STEMMER_LANGUAGES = {"nl": "dutch", "fr": "french", "en": "english"}

_FOLD = str.maketrans({"’": " ", "'": " ", "`": " ", "´": " ", "-": " ", "/": " ", "_": " "})
_WORD = re.compile(r"[a-z0-9]+|[A-Z]+")


def fold(text: str) -> str:
    """Lower case, accents removed, apostrophes and dashes as spaces."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.translate(_FOLD).split())


def _phrase_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    variants: dict[str, str] = {}
    for concept, words in CONCEPTS.items():
        for word in words:
            variants[fold(word)] = concept
    ordered = sorted(variants, key=len, reverse=True)  # longest phrase first
    pattern = re.compile(r"\b(" + "|".join(re.escape(v) for v in ordered) + r")\b")
    return pattern, variants


_PHRASES, _CONCEPT_OF = _phrase_pattern()
CONCEPT_WORDS = frozenset(
    w for variants in CONCEPTS.values() for v in variants for w in fold(v).split()
)
# Durations matter for the fee-contribution bands, and so only in a question about replacing.
DURATION_CONTEXT = frozenset(
    {"LOCUM", "REPLACEMENT", "FEECONTRIB", "CONTRACT", "SOFTWARE", "cotisation", "bijdrage"}
    | {"contribution", "percentage", "pourcentage", "procent"}
)


def words(text: str) -> list[str]:
    """Folded words, with concept phrases replaced by their concept term (upper case), and a
    band term for each duration (see durations.py)."""
    folded = fold(text)
    marked = _PHRASES.sub(lambda m: f" {_CONCEPT_OF[m.group(1)]} ", folded)
    found = [w for w in _WORD.findall(marked) if w.isupper() or w not in STOPWORDS]
    if DURATION_CONTEXT.isdisjoint(found):
        return found  # "20 semaines enceinte", "3 weken moederschapsrust": no band of a fee
    return found + duration_bands(folded)


@cache
def _stemmer(language: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(STEMMER_LANGUAGES[language])


@cache
def stem(word: str, language: str) -> str:
    if word.isupper() or word.isdigit() or len(word) <= 3:
        return word
    return str(_stemmer(language).stemWord(word))


def query_variants(word: str) -> tuple[str, ...]:
    """A query word in an unknown language: its stems in each of our languages."""
    if word.isupper() or word.isdigit():
        return (word,)
    return tuple(dict.fromkeys([stem(word, lang) for lang in STEMMER_LANGUAGES] + [word]))
