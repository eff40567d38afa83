"""Mending typos against the knowledge base's own vocabulary."""

from collections import defaultdict
from collections.abc import Iterable

from bot.core.knowledge.text import CONCEPT_WORDS

SHORT_WORD = 6  # letters; a shorter word is mended for a dropped or swapped letter only
COMPOUND_PART = 4  # letters: the shortest part a compound is split into


class Speller:
    """Mends typos against a vocabulary: the closest known word within edit distance 1 (2 for
    long words), found through a symmetric-delete index (each side with one letter dropped)."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self._words: set[str] = set()
        self._deletes: dict[str, set[str]] = defaultdict(set)
        self.add(vocabulary)

    def add(self, vocabulary: Iterable[str]) -> None:
        """Learn more words (an entry added to the knowledge base)."""
        for word in set(vocabulary) - self._words:
            self._words.add(word)
            if len(word) >= 4:
                for variant in _deletes(word):
                    self._deletes[variant].add(word)

    def correct(self, word: str, compounds: bool = True) -> str | None:
        """The known word meant, or (`compounds`) the two a compound is made of; None if none."""
        if word in self._words or len(word) < 4:
            return None
        limit = 1 if len(word) < 8 else 2
        candidates: set[str] = set()
        for variant in _deletes(word):
            candidates |= self._deletes.get(variant, set())
        scored = [
            (distance, -len(c), c)
            for c in candidates
            if (distance := _edit_distance(word, c)) <= limit and _plausible_typo(word, c)
        ]
        if scored:
            return min(scored)[2]
        return self._split(word) if compounds else None

    def _split(self, word: str) -> str | None:
        """An unknown compound of one of our concepts' words and a known word, as the two
        words, the longest first part first: "kringvoorzitter", "kringdraaiboek", "loonadmin"
        (members join words the entries write apart). Not any two known words: a compound the
        entries lack ("zorginnovatie") then weighs as both its parts, each half sure, and costs
        the question more than one unknown word does. None if it splits into no such words."""
        for cut in range(len(word) - COMPOUND_PART, COMPOUND_PART - 1, -1):
            head, tail = word[:cut], word[cut:]
            if head in CONCEPT_WORDS and head in self._words and tail in self._words:
                return f"{head} {tail}"
        return None


def _plausible_typo(word: str, known: str) -> bool:
    """A short word is mended only for a letter dropped after its first ("chek", "atest") or two
    letters swapped ("kirng", "emial"): a short word one letter away from a known one is as often
    a real word we do not know ("ring", "dose", "erop", "avond" are not "bring", "done", "drop",
    "avoid")."""
    if len(word) >= SHORT_WORD:
        return True
    dropped = len(known) == len(word) + 1 and known[0] == word[0]
    swapped = len(known) == len(word) and sorted(known) == sorted(word)
    return dropped or swapped


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
