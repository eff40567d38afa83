"""Whom and where an answer speaks of: the regions whose rules it states, the professions and
the organisations or benefits it names (what a question names of them: asks.py). The kinds of
fact an answer holds are read in offers.py, which calls these.
"""

import re

from bot.core.knowledge.asks import CITIES, REGIONS, SUBJECTS
from bot.core.knowledge.kinds import Asked

_BELGIAN = frozenset({Asked.FLANDERS, Asked.WALLONIA, Asked.BRUSSELS, Asked.BELGIUM})
_ALL_REGIONS = frozenset(REGIONS)
# "not a Belgian rule", "geen Belgische regeling": a region an answer sets its facts apart from.
_DENIED = re.compile(r"\b(?:geen|niet|not|pas|non)\b")
# One pass for all regions, each match named by its region.
_REGION_NAMED = re.compile(
    r"\b(?:"
    + "|".join(
        f"(?P<{kind.name}>{pattern}|{CITIES[kind]})"
        if kind in CITIES
        else f"(?P<{kind.name}>{pattern})"
        for kind, pattern in REGIONS.items()
    )
    + r")\b"
)
# What one of an answer's words (folded) holds where a region's or city's name matches; where
# "Dutch" does.
REGION_STEMS = (
    *("vlaander", "flander", "flandre", "wallon", "brussel", "bruxelles", "belg"),
    *("antwerp", "anvers", "gent", "ghent", "gand", "leuven", "brugge", "bruges", "hasselt"),
    *("mechelen", "malines", "kortrijk", "courtrai", "limburg", "limbourg", "liege", "luik"),
    *("namur", "charleroi", "mons", "arlon", "tournai", "doornik"),
    *("nederland", "netherland", "pays", "holland"),
)
DUTCH_STEMS = ("nederland", "dutch", "neerland")
# What one of an answer's words (folded) holds where an organisation or benefit is named.
# One pass for all of them, each match named by its kind.
_SUBJECT_NAMED = re.compile(
    r"\b(?:"
    + "|".join(f"(?P<{kind.name}>{pattern})" for kind, pattern in SUBJECTS.items())
    + r")\b"
)
SUBJECT_STEMS = (
    *("orde", "ordre", "order", "ssmg", "absym", "bvas"),
    *("moederschap", "zwangerschap", "bevalling", "maternit"),
)
# What answers on the Netherlands say of it besides its name ("Dutch GP care"); a member asking
# about "Nederlands" or "Dutch" may mean the language, so questions must name the country.
_DUTCH = re.compile(
    r"(?<!\bin )(?<!\ben )\b(?:nederlandse|dutch|neerlandaise?s?)\b"
    r"(?! (?:taal|language|speaking|langue|course|les))"
)


# How answers (lower case, accents kept) name each profession; then the fragments those names
# hold (PROFESSION_STEMS). The questions' patterns for the same (asks.py) are on folded text.
_PROFESSIONS_WRITTEN: dict[Asked, str] = {
    Asked.DENTIST: r"tandart|dentist",
    Asked.PHARMACIST: r"apothe[ck]|pharmacie|pharmacist",
    Asked.PHYSIOTHERAPIST: r"kin[eé]|physio",
    Asked.MIDWIFE: r"vroedvrouw|sages?-femmes?|midwi",
    Asked.PSYCHOLOGIST: r"psycholo",
    Asked.SPEECH_THERAPIST: r"logop[eè]d|speech therap",
    Asked.NURSE: r"\w*verpleeg|infirmi|nurs",
}
_PROFESSION_NEEDS = (
    *("tandart", "dentist", "apothe", "pharmac", "kine", "physio", "vroedvrouw", "femme"),
    *("midwi", "psycholo", "logop", "therap", "verpleeg", "infirmi", "nurs"),
)
# An answer about care providers of every discipline (networking, starting a circle) answers for
# any one profession.
_PROFESSIONS_AT_LARGE = (
    r"(?:andere |other |autres )?disciplines|beroepsgroep\w*|zorgverleners|care providers"
    r"|professions\b|prestataires|groupes professionnels"
)
_AT_LARGE_NEEDS = (
    *("disciplines", "beroepsgroep", "zorgverleners", "providers", "professions"),
    *("prestataires", "professionnels"),
)
# What one of an answer's words holds where a profession or care providers at large are named.
PROFESSION_STEMS = (*_PROFESSION_NEEDS, *_AT_LARGE_NEEDS)
# One pass for all professions: each match names its profession by its group's name.
_PROFESSION_NAMED = re.compile(
    r"\b(?:"
    + "|".join(f"(?P<{kind.name}>{pattern})" for kind, pattern in _PROFESSIONS_WRITTEN.items())
    + r"|(?P<AT_LARGE>"
    + _PROFESSIONS_AT_LARGE
    + "))"
)


def professions(lowered: str) -> set[Asked]:
    """The professions an answer (in lower case) names: all of them where it speaks of care
    providers at large."""
    named = {found.lastgroup for found in _PROFESSION_NAMED.finditer(lowered)}
    if "AT_LARGE" in named:
        return set(_PROFESSIONS_WRITTEN)
    return {Asked[name] for name in named if name}


def subjects(folded: str) -> set[Asked]:
    """The organisations and benefits an answer (folded) names."""
    return {Asked[found.lastgroup] for found in _SUBJECT_NAMED.finditer(folded) if found.lastgroup}


def regions(folded: str, *, may_name_one: bool, may_say_dutch: bool) -> set[Asked]:
    """The regions whose rules an answer states: those it names (Belgium with any of its
    regions, each of them with Belgium), not those it sets its facts apart from ("a Dutch
    example, not a Belgian rule"). "Dutch GP care" names the Netherlands; "Dutch-speaking",
    "in Dutch" do not. An entry none of whose versions names a region states Belgian rules
    (see `stated_where`). A build reads every answer: the flags say whether one of its words
    holds a stem of `REGION_STEMS`, of `DUTCH_STEMS`; without, the patterns are not tried."""
    named = (
        {
            Asked[found.lastgroup]
            for found in _REGION_NAMED.finditer(folded)
            if found.lastgroup
            and not _DENIED.search(folded, max(0, found.start() - 20), found.start())
        }
        if may_name_one
        else set()
    )
    if may_say_dutch and _DUTCH.search(folded):
        named.add(Asked.NETHERLANDS)
    if Asked.BELGIUM in named:
        named |= _BELGIAN
    elif named & _BELGIAN:
        named.add(Asked.BELGIUM)
    return named


def stated_where(kinds: set[Asked]) -> set[Asked]:
    """The kinds of fact of all of an entry's versions, with every Belgian region where none
    of them names a region."""
    if kinds & _ALL_REGIONS:
        return kinds
    return kinds | _BELGIAN
