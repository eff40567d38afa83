"""Reading a question as meant: its typos and slips mended before its words are looked up.

Members type fast, on phones, in dialect or by dictation. Before synonyms and stems, a question
is read word by word against what the knowledge base knows (`familiar`: a stop word, a word of
a concept, or a word an entry has):

- a number with the unit or ordinal ending written on ("16u", "32h", "5de") as the number;
- letters dictated one by one ("s s f h", "g p") as the word they spell;
- a word split in two or three ("do mus", "pacs on web", "flex pool") as the word;
- a letter typed thrice as twice ("hoeveeel"), "y" as the Dutch "ij" ("zyn");
- a stop word mistyped ("whcih", "wnaneer") as the stop word (stopwords.py);
- any other word the speller can mend (speller.py).

Each is read so only where the result is familiar and the word as typed is not.
"""

import re
from collections.abc import Callable

from bot.core.knowledge.speller import Speller
from bot.core.knowledge.stopwords import STOPWORD_SLIPS, STOPWORDS
from bot.core.knowledge.text import fold

_LETTERS = re.compile(r"[a-z]{3,}")  # words the speller may mend
_SPELT = re.compile(r"\b[a-z](?: [a-z]\b)+")  # "s s f h", "g p": dictated letter by letter
_TRIPLED = re.compile(r"([a-z])\1\1+")
# A number with the unit of hours or the ending of an ordinal written on: "16u per week", "32h",
# "de 5de", "le 3eme". Read as the number alone (a word the knowledge base lacks would count
# against the question; a short number is left out of the search, and the durations read the
# question as typed).
_NUMBER_UNIT = re.compile(r"\b(\d+)(?:u|h|uur|hr|hrs|de|ste|e|eme|ieme|er|st|nd|rd|th)\b")
_WORD = re.compile(r"[a-z]+")


def mend(
    question: str, familiar: Callable[[str], bool], speller: Speller, compounds: bool = True
) -> str:
    """The question folded, with its typos mended; with `compounds`, an unknown compound is
    split by the speller ("loonlijst" into "loon lijst", which the rules on the kind of fact
    asked must not read as the pay asked)."""

    def unit(match: re.Match[str]) -> str:
        return match.group(0) if familiar(match.group(0)) else match.group(1)

    def spelt(match: re.Match[str]) -> str:
        word = match.group(0).replace(" ", "")
        return word if word not in STOPWORDS and familiar(word) else match.group(0)

    def word(match: re.Match[str]) -> str:
        typed = match.group(0)
        if familiar(typed):
            return typed
        for reading in _readings(typed):
            if familiar(reading):
                return reading
        typed = squeezed(typed)
        return STOPWORD_SLIPS.get(typed) or speller.correct(typed, compounds) or typed

    text = _SPELT.sub(spelt, _NUMBER_UNIT.sub(unit, fold(question)))
    return _LETTERS.sub(word, _joined(text, familiar))


def _joined(text: str, familiar: Callable[[str], bool]) -> str:
    """The text with a word typed apart in two or three pieces written as one, where the pieces
    are not all familiar and the word is: "do mus medica", "pacs on web", "flex pool", "medi
    wacht" (Flemish writes compounds apart; a dictating phone splits names)."""
    pieces = text.split(" ")
    # Each piece is looked up once: whether it is a word, and whether it is familiar.
    plain = [_WORD.fullmatch(piece) is not None for piece in pieces]
    known = [is_word and familiar(piece) for piece, is_word in zip(pieces, plain, strict=True)]
    i = 0
    found: list[str] = []
    while i < len(pieces):
        for size in (3, 2):
            window = range(i, i + size)
            if i + size > len(pieces) or not all(plain[j] for j in window):
                continue
            whole = "".join(pieces[i : i + size])
            if not all(known[j] for j in window) and _joins(whole, familiar):
                found.append(whole)
                i += size
                break
        else:
            found.append(pieces[i])
            i += 1
    return " ".join(found)


def _joins(whole: str, familiar: Callable[[str], bool]) -> bool:
    return len(whole) >= 5 and whole not in STOPWORDS and familiar(whole)


def squeezed(word: str) -> str:
    """A letter typed three times or more as twice: "hoeveeel", "kosssten" (no word of our
    languages has three alike in a row)."""
    return _TRIPLED.sub(r"\1\1", word)


def _readings(word: str) -> list[str]:
    """The ways of reading a word the knowledge base does not know before mending it: with its
    letters typed thrice as twice, and with "y" as the Dutch "ij" ("zyn", "myn", "blyft": Flemish
    keyboards and old spelling)."""
    found = [squeezed(word)]
    if "y" in found[0]:
        found.append(found[0].replace("y", "ij"))
    return [reading for reading in found if reading != word]
