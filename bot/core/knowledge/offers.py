"""What kinds of fact an entry's answer holds (what a question asks for: asks.py).

A build reads every answer once; the index keeps the kinds each entry offers, and a question
asking a kind of fact only gets entries that offer it (`Index.holds_asked`).
"""

import functools
import operator
import re
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from bot.core.knowledge.asks import PEOPLE
from bot.core.knowledge.kinds import Asked
from bot.core.knowledge.named import (
    DUTCH_STEMS,
    PROFESSION_STEMS,
    REGION_STEMS,
    SUBJECT_STEMS,
    professions,
    regions,
    subjects,
)
from bot.core.knowledge.patterns import any_of
from bot.core.knowledge.text import Remembered, fold

# How answers write an office (raw text, any case): the questions' patterns for the same
# (asks.py) are on folded text, without the accents.
_OFFICE_WRITTEN = (
    r"(?:vice-?|onder)?(?:voorzitter|voorzitster|chair(?:man|woman|person)?|pr[eé]sident(?:e)?)"
    r"|penningmeester|treasurer|tr[eé]sori[eè]re?"
)

# Words (folded) that count without a digit: a number written out, a count denied or bounded
# ("geen maximum", "unlimited"), or what to count in a checklist ("hoeveel huisbezoeken?").
_COUNTING_WORDS = frozenset(
    {
        *("twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf"),
        *("twaalf", "twintig", "honderd", "two", "three", "four", "five", "six", "seven"),
        *("eight", "nine", "ten", "eleven", "twelve", "twenty", "hundred", "deux", "trois"),
        *("quatre", "cinq", "sept", "huit", "neuf", "dix", "onze", "douze", "vingt", "cent"),
        *("beide", "both", "dozen", "tientallen", "dozens", "dizaine", "dizaines"),
        *("maximum", "minimum", "onbeperkt", "unlimited", "illimite", "illimitee"),
        *("hoeveel", "combien"),
    }
)
_COUNTING = any_of(*sorted(_COUNTING_WORDS))
# A number of points (folded): "15 punten", "four focus points".
_NUMBERS = r"\d+|" + "|".join(sorted(_COUNTING_WORDS - {"hoeveel", "combien"}))
_POINTS = re.compile(r"\b(?:" + _NUMBERS + r") (?:\w+ )?(?:\w*punten|points|credits)\b")
_POINTS_NEEDS = ("punt", "point", "credit")
# A number of people: right before them ("200 leden", "among a thousand respondents", at most one
# word between) or an approximate one after them in the same sentence ("all affiliated GPs in
# the region, about 150"); not "Article 21 requires doctors", nor a date after them. A build
# reads every answer, and most name people: the numbers before them are looked up word by word.
_PEOPLE_NAMED = re.compile(rf"\b(?:{PEOPLE})\b")
_HEADCOUNT_WORDS = (_COUNTING_WORDS - {"hoeveel", "combien"}) | {"duizend", "thousand", "mille"}
_APPROXIMATELY = re.compile(
    r"(?: \w+){0,4},? (?:zo n|ongeveer|bijna|about|around|almost|some|environ|presque|quelque)"
    rf" (?:\d+|{'|'.join(sorted(_HEADCOUNT_WORDS))})\b"
)
_ARTICLE = frozenset({"artikel", "article", "art"})


def _counts_people(folded: str) -> bool:
    """Whether a folded answer gives a number of people."""
    for named in _PEOPLE_NAMED.finditer(folded):
        words = folded[max(0, named.start() - 40) : named.start()].split()[-3:]
        for at in (-1, -2):  # right before them, or one word before
            if len(words) < -at or not (words[at].isdigit() or words[at] in _HEADCOUNT_WORDS):
                continue
            if len(words) < 1 - at or words[at - 1] not in _ARTICLE:
                return True
        if _APPROXIMATELY.match(folded, named.end()):
            return True
    return False


_PEOPLE_NEEDS = (
    *("leden", "member", "membre", "artsen", "medecin", "generaliste", "gp", "doctor"),
    *("deelnemer", "participant", "person", "people", "respondent", "zorgverlener", "prestataire"),
)
_DIGITS = tuple("0123456789")


# A number of days, weeks, months or years (lower case): "within 3 months", "zeven jaar", "a day
# before", "quelques semaines". A build reads every answer: the units are found first, then the
# few words before each are read for a number.
_TIME_UNIT = re.compile(
    r" (?:dag(?:en)?|weken|week|maand(?:en)?|jaar|jaren|uur|uren|minuten|days?|weeks?|months?"
    r"|years?|hours?|minutes?|jours?|semaines?|mois|ans|années?|heures?)\b"
)
_HOW_MANY_BEFORE = re.compile(
    rf"(?:\d|\b(?:{_NUMBERS}|een|one|an?|une?|sept|enkele|few|quelques|half|halve))(?: \w+)?$"
)
_TIME_NEEDS = (
    *("dag", "week", "weken", "maand", "jaar", "jaren", "uur", "uren", "minut"),
    *("day", "month", "year", "hour", "jour", "semaine", "mois", "anné", "heure"),
)


def _lasts(lowered: str) -> bool:
    """Whether an answer (in lower case) gives a number of days, weeks, months or years."""
    return any(
        _HOW_MANY_BEFORE.search(lowered, max(0, unit.start() - 24), unit.start())
        for unit in _TIME_UNIT.finditer(lowered)
    )


# An amount (lower case) and the period it is paid by, for amounts per month, quarter …
_AN_AMOUNT = r"\d[\d.,]*\s*(?:€|euro|eur\b)|€\s*\d"
_A_MONTH = (
    r"per maand|/ ?maand|per month|a month|/ ?month|par mois|/ ?mois|maandelijks|monthly|mensuel"
)
_A_QUARTER = r"per kwartaal|per quarter|par trimestre|quarterly|trimestriel\w*|driemaandelijks"
_A_YEAR = r"per jaar|/ ?jaar|per year|a year|/ ?year|par an\b|/ ?an\b|jaarlijks|yearly|annu\w+"
_AN_HOUR = r"per uur|/ ?uur|per hour|an hour|par heure|/ ?heure|hourly|horaire"


def _per(kind: Asked, period: str, along: tuple[str, ...]) -> "_Fact":
    """An amount paid by a period: "€ 50 per maand", "a monthly fee of €40", "750 euros par
    mois" (the period before or after the amount, in the same clause)."""
    return _Fact(
        kind,
        re.compile(
            rf"(?:{_AN_AMOUNT})[^;\n]{{0,40}}?(?:{period})|(?:{period})[^;\n]{{0,40}}?(?:{_AN_AMOUNT})"
        ),
        needs=("€", "euro"),
        along=along,
    )


# A rate in other units: "an hourly rate worth two consultations per hour".
_RATE_IN_CONSULTATIONS = re.compile(
    r"\b(?:een|twee|drie|one|two|three|une?|deux|trois) \w+"
    r" (?:per uur|per hour|an hour|par heure)\b"
)


# What one of an answer's words holds where it names an insurer (`_FACTS`).
_INSURER_NEEDS = (
    *("amma", "ethias", "axa", "insurance", "allianz", "baloise", "vivium", "p&v", "dkv"),
    *("federale", "kbc", "medirisk"),
)


class _Fact(NamedTuple):
    """A pattern of a kind of fact, on the raw text (IBANs keep their capitals) or in lower
    case. Most answers hold no such fact, and a build of 10,000 entries reads every answer: a
    pattern with `needs` is tried only on an answer one of whose words (in lower case or
    folded) holds one of them: it cannot match without (see `_word_clues`)."""

    kind: Asked
    pattern: re.Pattern[str]
    needs: tuple[str, ...] = ()
    raw: bool = False
    along: tuple[str, ...] = ()  # and one of these too, where it needs two things
    # What every match of the pattern holds, found faster (it begins with a letter or a set of
    # them, which the engine skips to): where it is not found, the pattern is not tried.
    quick: re.Pattern[str] | None = None


_FACTS = (
    # A number, but not an article of a law ("Artikel 21 van de kwaliteitswet" counts nothing);
    # see also `_COUNTING`.
    _Fact(
        Asked.COUNT,
        # (Written digit first, the lookbehinds after it: the engine skips to the digits.)
        re.compile(r"\d(?<!\d\d)(?<!artikel \d)(?<!article \d)(?<!art\. \d)"),
        needs=_DIGITS,
    ),
    # Since when: "since January 2014" (a number of days … or a date to count to: `offered`).
    _Fact(
        Asked.DURATION,
        re.compile(r"\b(?:sinds|since|depuis) (?:\w+ )?\d"),
        needs=("sinds", "since", "depuis"),
        along=_DIGITS,
    ),
    _Fact(
        Asked.AMOUNT,
        re.compile(r"\d[\d.,]*\s*(?:€|euro|eur\b|%|procent|pour ?cent|percent)"),
        needs=("€", "eur", "%", "cent"),
    ),
    _Fact(Asked.AMOUNT, re.compile(r"€\s*\d"), needs=("€",)),
    # (An amount as well: see `offered`.)
    _Fact(
        Asked.HOURLY,
        _RATE_IN_CONSULTATIONS,
        needs=("uur", "hour", "heure"),
        quick=re.compile("per uur|per hour|an hour|par heure"),
    ),
    _Fact(Asked.EUROS, re.compile(_AN_AMOUNT), needs=("€", "euro"), along=_DIGITS),
    _Fact(
        Asked.AMOUNT,
        re.compile(
            r"\b(?:gratis|kosteloos|gratuit|gratuite|free of charge|for free|no charge)\b"
            r"|\bgeen (?:onkosten)?bijdrage|\bno (?:fee )?contribution"
            r"|\b(?:pas de|aucune) (?:contribution|cotisation)"
            r"|\b(?:costs? you nothing|betaalt u niets|kost u niets|ne vous co[uû]te rien)\b"
        ),
        needs=(
            "gratis",
            "kosteloos",
            "gratuit",
            "free",
            "charge",
            "bijdrage",
            "contribution",
            "cotisation",
            "niets",
            "nothing",
            "rien",
        ),
    ),
    # A subscriber's number, or a short one named as a number ("via het nummer 1733": Belgian
    # service numbers such as the GP out-of-hours line have three or four digits, from 1).
    _Fact(
        Asked.PHONE,
        re.compile(
            r"\b0\d{1,3}[ ./]?\d{2,3}[ ./]?\d{2}[ ./]?\d{2}\b|\+32"
            r"|\bnum(?:mer|éro|ero|ber)\s+1\d{2,3}\b"
        ),
        needs=("0", "+32", "num"),
        quick=re.compile(r"0\d|\+32|num"),
    ),
    # An office and its holder's name: "Voorzitter is Petra Portengen", "the vice-chair Gerben
    # Welling", "Gerben Welling, vice-président".
    _Fact(
        Asked.PERSON,
        re.compile(
            r"(?i:"
            + _OFFICE_WRITTEN
            + r")\s*(?:is |est |:\s*)?[A-Z][a-z\u00e0-\u00ff]+ [A-Z][a-z\u00e0-\u00ff]+"
            r"|[A-Z][a-z\u00e0-\u00ff]+ [A-Z][a-z\u00e0-\u00ff]+,? (?:is |est )?"
            r"(?:de |la |le |the )?(?i:" + _OFFICE_WRITTEN + r")"
        ),
        needs=("oorzit", "hair", "sident", "enningmeester", "reasurer", "sori"),
        raw=True,
        quick=re.compile(r"[A-Z][a-z\u00e0-\u00ff]+ [A-Z][a-z\u00e0-\u00ff]+"),
    ),
    _Fact(Asked.VAT, re.compile(r"\b(?:btw|tva|vat)\b"), needs=("btw", "tva", "vat")),
    _per(Asked.MONTHLY, _A_MONTH, ("maand", "month", "mois", "mensuel")),
    _per(Asked.QUARTERLY, _A_QUARTER, ("kwartaal", "quarter", "trimest", "driemaand")),
    _per(Asked.YEARLY, _A_YEAR, ("jaar", "year", "annu")),
    _per(Asked.HOURLY, _AN_HOUR, ("uur", "hour", "heure", "horaire")),
    # An end (lower case): a period of years ("beleidsplan 2021-2025"), or a time or a year
    # something runs until ("van 11u tot 14u", "until 2027"); or a date or a duration: `offered`.
    _Fact(
        Asked.UNTIL,
        re.compile(
            r"\b(?:19|20)\d\d ?[-–/] ?(?:19|20)?\d\d\b"
            r"|\b(?:tot|until|till|to|jusqu['’]?(?:à|a|en)?|à) (?:en met |eind |fin |end of )?"
            r"(?:\d{1,2}(?:[.:h]\d{2}|[uh])\b|(?:19|20)\d\d\b)"
        ),
        needs=_DIGITS,
    ),
    # A time of day, where an answer says when something is open or reachable: "open van 19u
    # tot 8u", "reachable from 7 pm", "ouvert de 19h00 à 8h00".
    _Fact(
        Asked.OPENING_HOURS,
        re.compile(r"\d{1,2}(?:[.:h]\d{2}|[uh]|\s?(?:uur|am|pm|heures?))\b"),
        needs=_DIGITS,
        along=("open", "ouvert", "bereikbaar", "reachable", "joignable"),
    ),
    # A joint committee's number: "paritair comité 330", "commission paritaire (CP) 330".
    _Fact(
        Asked.COMMITTEE,
        re.compile(
            r"(?:paritair comit[eé]|commission paritaire|joint committee)\W{0,3}"
            r"(?:(?:pc|cp|nr|no|n°)\W{0,3})?\d{3}"
        ),
        needs=("paritair", "paritaire", "committee"),
    ),
    # Applying, requesting or renewing, in any of its forms ("de aanvraag", "apply for", "une
    # demande", "renouveler"); not a rule that applies to someone, nor the demand for staff.
    _Fact(
        Asked.APPLICATION,
        re.compile(
            r"aanvra|aangevraag|\bappl(?:y|ies|ied|ying) for\b|\bapplication|\bdemand(?!s?\b)"
            r"|\brequest|\brenew|hernieuw|renouvel"
        ),
        needs=("aanvra", "aangevraag", "appl", "demand", "request", "renew", "hernieuw", "renouv"),
    ),
    # Applying for a number, the number named with the applying: "RIZIV-nummer aanvragen",
    # "apply for a KBO number", "obtenir un numéro INAMI"; not "after your name and RIZIV number,
    # the coordinator approves your request".
    _Fact(
        Asked.NUMBER,
        re.compile(
            r"nummer (?:aan te vragen|aanvra|aan(?: bij\b|[.,;:!?)]|$))"
            r"|aanvraag (?:van |voor )?(?:een |uw |je )?\S*nummer"
            r"|\b(?:apply|applies|applied|applying|request|requests|requested|requesting|obtain)"
            r" (?:for )?(?:a |an |your |the )?(?:\S+ )?number"
            r"|\b(?:demander|obtenir|demande de|demande d['’]un) (?:un |votre |le |son )?num[eé]ro"
        ),
        needs=("nummer", "number", "numéro", "numero"),
    ),
    # Deducting, in any of its forms (accents kept): "fiscaal aftrekbaar", "déductible".
    _Fact(
        Asked.DEDUCTION,
        re.compile(r"\b(?:aftrek\w*|afgetrokken|d[eé]du\w*)"),
        needs=("aftrek", "afgetrokken", "dedu", "dédu"),
    ),
    # An insurer by name (no answer names one yet: a member asking which to take is declined).
    _Fact(
        Asked.INSURER,
        re.compile(
            r"\b(?:amma|ethias|axa|ag insurance|allianz|baloise|vivium|p&v|dkv|federale"
            r" verzekering\w*|kbc verzekering\w*|belfius insurance|medirisk)\b"
        ),
        needs=_INSURER_NEEDS,
    ),
    # English named as a language: a document or a course in English (no answer names it yet).
    _Fact(
        Asked.ENGLISH,
        re.compile(r"\b(?:english|anglais|engels\w*)\b"),
        needs=("english", "anglais", "engels"),
    ),
    # Paid leave named (lower case; no answer names it yet).
    _Fact(
        Asked.PAID_LEAVE,
        re.compile(
            r"\b(?:vakantiedag\w*|verlofdag\w*|vakantiegeld|betaald verlof"
            r"|(?:des|aux|les|de) cong[ée]s pay[ée]s|jours de cong[ée]s?|p[ée]cule de vacances"
            r"|paid (?:leave|holidays?)|annual leave|(?:holiday|vacation) days"
            r"|(?:days|weeks) of (?:paid )?(?:holidays?|leave|vacation))\b"
        ),
        needs=("vakantie", "verlof", "cong", "cule", "paid", "annual", "holiday", "vacation"),
    ),
    _Fact(Asked.EMAIL, re.compile(r"(?<=[\w.+-])@[\w-]+\.[\w.]+"), needs=("@",)),
    _Fact(
        Asked.ACCOUNT,
        re.compile(r"\b[A-Z]{2}\d{2}(?: ?\d{4}){3}\b"),
        needs=_DIGITS,
        raw=True,
        quick=re.compile(r"[A-Z][A-Z]\d\d"),
    ),
    _Fact(
        Asked.PASSWORD,
        re.compile(r"\b(?:wachtwoord|paswoord|password|mot de passe)\b\s*:"),
        needs=(":",),
    ),
)


def offered(
    answer: str,
    reviewed: date | None = None,
    folded: str | None = None,
    words: list[str] | None = None,
) -> set[Asked]:
    """The kinds of fact an answer holds (on the raw text: amounts keep their €, IBANs their
    capitals). A date counts only when it was still to come when the entry was reviewed: "the
    next meeting" is not answered by the revision date of a source. `folded` is the answer
    folded and `words` the answer split at whitespace, where the caller has them."""
    clues_of_words = map(_WORD_CLUES.__getitem__, answer.split() if words is None else words)
    clues = functools.reduce(operator.or_, filter(None, clues_of_words), 0)  # (most have none)
    lowered = answer.lower()
    kinds = set()
    for fact, needed, along in _FACTS_NEEDING:
        if (needed and not clues & needed) or (along and not clues & along) or fact.kind in kinds:
            continue
        text = answer if fact.raw else lowered
        if (fact.quick is None or fact.quick.search(text)) and fact.pattern.search(text):
            kinds.add(fact.kind)
    if Asked.HOURLY in kinds:  # "two consultations per hour": a rate, in other units
        kinds.add(Asked.AMOUNT)
    if clues & _PROFESSION_CLUES:
        kinds |= professions(lowered)
    if Asked.DURATION not in kinds and clues & _TIME_CLUES and _lasts(lowered):
        kinds.add(Asked.DURATION)
    folded = fold(answer) if folded is None else folded
    if Asked.COUNT not in kinds and clues & _COUNTING_CLUES and _COUNTING.search(folded):
        kinds.add(Asked.COUNT)
    if clues & _POINTS_CLUES and _POINTS.search(folded):
        kinds.add(Asked.POINTS)
    if (
        clues & _PEOPLE_CLUES
        and (clues & _HEADCOUNT_CLUES or not folded.isascii())  # (digits of other scripts)
        and _counts_people(folded)
    ):
        kinds.add(Asked.HEADCOUNT)
    kinds |= regions(
        folded, may_name_one=bool(clues & _REGION_CLUES), may_say_dutch=bool(clues & _DUTCH_CLUES)
    )
    if clues & _SUBJECT_CLUES:
        kinds |= subjects(folded)
    moments = _dates(folded, clues)
    if moments:  # a date to count to: how long one has
        kinds.add(Asked.DURATION)
    if moments and (reviewed is None or max(moments) >= reviewed):
        kinds.add(Asked.DATE)
    if Asked.DURATION in kinds:  # a date or a number of days … says until when too
        kinds.add(Asked.UNTIL)
    return kinds


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "janvier", "january"),
            ("februari", "fevrier", "february"),
            ("maart", "mars", "march"),
            ("april", "avril"),
            ("mei", "mai", "may"),
            ("juni", "juin", "june"),
            ("juli", "juillet", "july"),
            ("augustus", "aout", "august"),
            ("september", "septembre"),
            ("oktober", "octobre", "october"),
            ("november", "novembre"),
            ("december", "decembre"),
        ),
        start=1,
    )
    for name in names
}
_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(_MONTHS) + r")\b(?: (\d{4})\b)?")
# What every date holds; most answers have none, and this pattern (beginning with a digit)
# the engine rules out faster than the whole one.
_DAY_AND_MONTH = re.compile(r"\d (?:" + "|".join(_MONTHS) + ")")


# When a source was consulted, revised or published (folded, right before the date): "(Bron
# zonder datum, geraadpleegd op 22 november 2026.)", "la page (révisée le 15 mars 2021)". A fact
# of the source, not one the answer gives: no date to come, nor one to count to.
_OF_THE_SOURCE = re.compile(
    r"\b(?:geraadpleegd|consulted|consultee|herzien|revised?|revisee|verschenen|verscheen"
    r"|published|publiee|bijgewerkt|updated|mise a jour|bron|source) (?:\w+ ){0,2}\(?$"
)


def _dates(folded: str, clues: int) -> list[date]:
    """The dates written out in a text ("15 maart 2021"; `clues` those of its words). One
    without a year comes back every year, so it is always still to come."""
    moments: list[date] = []
    if not clues & _MONTH_CLUES or _DAY_AND_MONTH.search(folded) is None:
        return moments
    for found in _DATE.finditer(folded):
        if _OF_THE_SOURCE.search(folded, max(0, found.start() - 32), found.start()):
            continue
        day, month, year = found.groups()
        if not year:
            moments.append(date.max)
            continue
        try:
            moments.append(date(int(year), _MONTHS[month], int(day)))
        except ValueError:
            continue
    return moments


# Which of the fragments the patterns above need each written word holds, as bits: a build of
# 10,000 entries reads every answer, and most hold no fact of any kind. An answer's clues are
# those of its words together (in C: a lookup per word, the word's bits computed on first
# sight); a pattern is tried only on an answer holding one of the fragments it needs.
_FRAGMENTS = sorted(
    {needle for fact in _FACTS for needle in (*fact.needs, *fact.along)}
    | {*PROFESSION_STEMS, *REGION_STEMS, *DUTCH_STEMS, *SUBJECT_STEMS, *_MONTHS}
    | {*_POINTS_NEEDS, *_PEOPLE_NEEDS, *_TIME_NEEDS}
    | _COUNTING_WORDS
    | _HEADCOUNT_WORDS
)
_BIT = {fragment: 1 << number for number, fragment in enumerate(_FRAGMENTS)}


def _clues_of(fragments: Iterable[str]) -> int:
    """The bits of these fragments (none for a pattern that needs nothing: it is tried on every
    answer)."""
    return sum({_BIT[fragment] for fragment in fragments})


def _word_clues(word: str) -> int:
    """The bits of the fragments a written word holds, in lower case or folded."""
    lowered, folded = word.lower(), fold(word)
    return sum(bit for fragment, bit in _BIT.items() if fragment in lowered or fragment in folded)


_WORD_CLUES = Remembered(_word_clues)
_FACTS_NEEDING = tuple((fact, _clues_of(fact.needs), _clues_of(fact.along)) for fact in _FACTS)
_PROFESSION_CLUES = _clues_of(PROFESSION_STEMS)
_REGION_CLUES = _clues_of(REGION_STEMS)
_DUTCH_CLUES = _clues_of(DUTCH_STEMS)
_SUBJECT_CLUES = _clues_of(SUBJECT_STEMS)
_MONTH_CLUES = _clues_of(set(_MONTHS))
_COUNTING_CLUES = _clues_of(_COUNTING_WORDS)
_POINTS_CLUES = _clues_of(_POINTS_NEEDS)
_TIME_CLUES = _clues_of(_TIME_NEEDS)
_PEOPLE_CLUES = _clues_of(_PEOPLE_NEEDS)
# A number of people needs a number: digits, or one of `_HEADCOUNT_WORDS` (see `_counts_people`).
_HEADCOUNT_CLUES = _clues_of((*_DIGITS, *_HEADCOUNT_WORDS))
