"""Durations in questions, as the fee-contribution bands of seed 001 see them.

"vervanging van 10 dagen", "remplacement de 5 mois", "a 3-week locum", "meer dan 6 maanden":
the number alone matches nothing, so a duration becomes a band term. Bands: up to 4 weeks,
more than 4 weeks up to 6 months, more than 6 months.
"""

import re

from bot.core.knowledge.patterns import alternation

SHORT, MEDIUM, LONG = "DURSHORT", "DURMEDIUM", "DURLONG"

_NUMBER_WORDS = {
    "een": 1,
    "één": 1,
    "eén": 1,
    "one": 1,
    "un": 1,
    "une": 1,
    "twee": 2,
    "two": 2,
    "deux": 2,
    "drie": 3,
    "three": 3,
    "trois": 3,
    "vier": 4,
    "four": 4,
    "quatre": 4,
    "vijf": 5,
    "five": 5,
    "cinq": 5,
    "zes": 6,
    "six": 6,
    "zeven": 7,
    "seven": 7,
    "sept": 7,
    "acht": 8,
    "eight": 8,
    "huit": 8,
    "negen": 9,
    "nine": 9,
    "neuf": 9,
    "tien": 10,
    "ten": 10,
    "dix": 10,
    "elf": 11,
    "eleven": 11,
    "onze": 11,
    "twaalf": 12,
    "twelve": 12,
    "douze": 12,
    # Belgian French counts "septante", "huitante", "nonante"; members write them out too
    "dertien": 13,
    "thirteen": 13,
    "treize": 13,
    "veertien": 14,
    "fourteen": 14,
    "quatorze": 14,
    "vijftien": 15,
    "fifteen": 15,
    "quinze": 15,
    "zestien": 16,
    "sixteen": 16,
    "seize": 16,
    "zeventien": 17,
    "seventeen": 17,
    "dix sept": 17,
    "achttien": 18,
    "eighteen": 18,
    "dix huit": 18,
    "negentien": 19,
    "nineteen": 19,
    "dix neuf": 19,
    "twintig": 20,
    "twenty": 20,
    "vingt": 20,
    "dertig": 30,
    "thirty": 30,
    "trente": 30,
    "veertig": 40,
    "forty": 40,
    "quarante": 40,
    "vijftig": 50,
    "fifty": 50,
    "cinquante": 50,
    "zestig": 60,
    "sixty": 60,
    "soixante": 60,
    "zeventig": 70,
    "seventy": 70,
    "septante": 70,
    "soixante dix": 70,
    "tachtig": 80,
    "eighty": 80,
    "huitante": 80,
    "quatre vingt": 80,
    "quatre vingts": 80,
    "negentig": 90,
    "ninety": 90,
    "nonante": 90,
    "quatre vingt dix": 90,
    "half": 0.5,
    "halve": 0.5,
}
_WEEKS_PER_UNIT = {
    "dag": 1 / 7,
    "dagen": 1 / 7,
    "jour": 1 / 7,
    "jours": 1 / 7,
    "day": 1 / 7,
    "days": 1 / 7,
    "week": 1,
    "weken": 1,
    "semaine": 1,
    "semaines": 1,
    "weeks": 1,
    "wk": 1,
    "weekskes": 1,  # Flemish speech
    "weekjes": 1,
    "maand": 4.35,
    "maanden": 4.35,
    "mois": 4.35,
    "month": 4.35,
    "months": 4.35,
    "mnd": 4.35,
    "jaar": 52,
    "jaren": 52,
    "an": 52,
    "ans": 52,
    "année": 52,
    "années": 52,
    "annee": 52,
    "annees": 52,
    "year": 52,
    "years": 52,
}
_MORE = r"(?:meer dan|langer dan|plus de|more than|longer than|over|>|boven)"
# The number words and the units as trees (the longest first where several match, as before).
_NUMBER = r"(\d+(?:[.,]\d+)?|" + alternation(_NUMBER_WORDS) + ")"
_UNIT = r"(" + alternation(_WEEKS_PER_UNIT) + r")\b"
_DURATION = re.compile(
    rf"(?P<more>{_MORE}\s+)?{_NUMBER}(?:\s*(?:tot|à|a|to|-)\s*{_NUMBER})?[\s-]*{_UNIT}"
)
# What every duration holds: the end of a number (a digit, the last letter of a number word)
# right before its unit. Most texts have none; the engine finds that out faster with this
# pattern (it begins with one character of a set) than with the whole one.
_NUMBER_ENDS = "".join(sorted({word[-1] for word in _NUMBER_WORDS}))
_UNIT_AFTER_NUMBER = re.compile(rf"[\d{_NUMBER_ENDS}][\s-]*{_UNIT}")


def _value(text: str) -> float:
    text = text.lower().replace(",", ".")
    return float(_NUMBER_WORDS.get(text, 0)) if text in _NUMBER_WORDS else float(text)


def duration_bands(text: str) -> list[str]:
    """A band term for every duration in the text, folded (see text.fold): in lower case, so
    the pattern need not ignore case (which made it three times slower)."""
    bands: list[str] = []
    if _UNIT_AFTER_NUMBER.search(text) is None:
        return bands
    for match in _DURATION.finditer(text):
        amount = _value(match.group(3) or match.group(2))  # the upper end of "1 tot 6"
        weeks = amount * _WEEKS_PER_UNIT[match.group(4)]
        more = match.group("more") is not None
        if weeks < 4 or (weeks <= 4.01 and not more):
            bands.append(SHORT)
        elif weeks < 26 or (weeks <= 26.2 and not more):
            bands.append(MEDIUM)
        else:
            bands.append(LONG)
    return bands
