"""The words the knowledge base search finds in a text, whatever it remembers from earlier texts.

The expected words are those the search found before the build was made faster (words and
their parts remembered, number words and units matched through a tree); bench/kb_same.py
compares whole indexes.
"""

import pytest

from bot.core.knowledge import text
from bot.core.knowledge.concepts import CONCEPTS
from bot.core.knowledge.durations import duration_bands
from bot.core.knowledge.text import fold, words

TEXTS = {
    "Wat kost de LOK-groep?\tHealthOne\n3 weken vervanging, bijdrage!": [
        "PRICE",
        "LOK",
        "groep",
        "healthone",
        "3",
        "WEEK",
        "REPLACEMENT",
        "bijdrage",
        "DURSHORT",
    ],
    "E-mail van de kring: (GLEM) 2de wacht…  straße ø×ß": [
        "e",
        "mail",
        "KRING",
        "LOK",
        "2de",
        "ONCALL",
        "stra",
        "e",
    ],
    "Ma cotisation pour un remplacement de 1 à 6 mois": [
        "cotisation",
        "REPLACEMENT",
        "1",
        "6",
        "MONTH",
        "DURMEDIUM",
    ],
    "How much for a 3-week locum, more than 6 months?": [
        "3",
        "WEEK",
        "LOCUM",
        "more",
        "6",
        "MONTH",
        "DURSHORT",
        "DURLONG",
    ],
}


@pytest.mark.parametrize("question", TEXTS)
def test_the_words_of_a_question_come_out_the_same_every_time(question: str) -> None:
    assert words(question) == TEXTS[question]
    assert words(question) == TEXTS[question]  # now from what was remembered


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Staat het in mijn elektronisch medisch dossier?", ["staat", "EMD"]),
        ("Is een huisarts in opleiding verzekerd?", ["HAIO", "INSURANCE"]),
        ("Wie is de trainee gp, of de gp trainee?", ["HAIO", "HAIO"]),  # the longest first
        # A comma breaks a phrase; three words make one.
        (
            "Het medisch, dossier van de kruispuntbank van ondernemingen",
            ["medisch", "dossier", "KBO"],
        ),
        ("Mijn RIZIV-nummer en zone de garde, out of hours", ["RIZIV", "WDO", "ONCALL"]),
    ],
)
def test_a_concept_written_in_several_words_is_one_term(question: str, expected: list[str]) -> None:
    assert words(question) == expected
    assert words(question) == expected  # now from what was remembered


def test_the_words_are_the_same_when_what_was_remembered_is_forgotten(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(text, "_REMEMBERED", 3)  # forget every few words
    for question, expected in TEXTS.items():
        assert words(question) == expected


@pytest.mark.parametrize(
    ("duration", "band"),
    [
        ("1 tot 6 maanden", "DURMEDIUM"),  # the upper end
        ("une semaine", "DURSHORT"),  # "une", not "un"
        ("3 annees", "DURLONG"),  # "annees", not "an"
        ("twee dagen", "DURSHORT"),
        ("dertien weken", "DURMEDIUM"),  # "tien" at the end of the word
        ("meer dan 6 maanden", "DURLONG"),
        ("een half jaar", "DURMEDIUM"),
        ("plus de 4 semaines", "DURMEDIUM"),
        ("26 weken", "DURMEDIUM"),
        ("nonante jours", "DURMEDIUM"),  # Belgian French
        ("quatre-vingt-dix jours", "DURMEDIUM"),  # not "dix jours"
        ("septante jours", "DURMEDIUM"),
        ("dix-huit mois", "DURLONG"),  # not "huit mois"
        ("twintig weken", "DURMEDIUM"),
    ],
)
def test_a_duration_falls_in_its_fee_band(duration: str, band: str) -> None:
    assert duration_bands(fold(duration)) == [band]


@pytest.mark.parametrize(
    ("variants", "concept"),
    [
        (("het AZ", "l'hosto", "the hospital"), "HOSPITAL"),  # Flemish, Brussels colloquial
        (("aanwerven", "recruter", "embaucher", "hire"), "HIRE"),
        (("de secretaresse", "the secretary"), "ADMIN"),
        (("gedrukt", "laten drukken", "printen", "version papier", "hard copy"), "PRINTED"),
        (("beeldbellen", "téléconsultation", "video call"), "VIDEOCALL"),
        (("winst", "bénéfice", "make money"), "PROFIT"),
        (("meldingen", "notifications"), "NOTIFICATIONS"),
        (("waarnemen", "covering for"), "REPLACEMENT"),
        (("het ziekenfonds", "la mutuelle", "the sickness fund"), "SICKNESSFUND"),
        (("de sociale kas", "la caisse sociale", "social insurance fund"), "SOCIALFUND"),
        (("de aanspreekpersoon", "het aanspreekpunt", "de contactpersoon"), "CONTACT"),
        (("de handleiding", "die boekskes", "le livret", "la brochure", "the handbook"), "BOOKLET"),
        (("s s f h", "het sociaal fonds"), "SSFH"),  # initials as dictation spells them
        (("medi spring", "Medispring"), "MEDISPRING"),
        (("vaccin net", "Vaccinnet"), "VACCINNET"),
        (("de bij scholingen", "nascholingen"), "CME"),
        (("zei", "zeiden", "zegt", "gezegd"), "SAY"),  # the Dutch past tense
        (("gaven", "geeft"), "GIVE"),
        (("mekaar", "elkaar"), "EACHOTHER"),  # Flemish speech
        (("onze POH", "de praktijkondersteuner", "p o h", "pee oo ha"), "POH"),
        (("g m d", "gee em dee", "het GMD"), "GMD"),  # every dictated acronym
    ],
)
def test_a_members_word_for_a_thing_is_the_same_concept_in_every_language(
    variants: tuple[str, ...], concept: str
) -> None:
    for variant in variants:
        assert concept in words(variant), variant


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("kunde gij da zeggen, zijt ge zeker", "zeggen"),  # Flemish colloquial
        ("jai une question stp", "question"),  # French typed on a phone
        ("pls thx bc idk", ""),  # English texting
        ("hoe deden ze dat vroeger", "hoe ze dat vroeger"),  # "doe", "doet" are too
    ],
)
def test_texting_and_colloquial_filler_words_are_no_search_terms(typed: str, meant: str) -> None:
    assert words(typed) == words(meant)


def test_a_social_insurance_fund_is_no_insurance_policy() -> None:
    assert "INSURANCE" not in words("which address for my social insurance fund?")


def test_no_written_word_belongs_to_two_concepts() -> None:
    """A word of two concepts would be read as whichever was written last: the groups, split
    over concepts.py and everyday.py, must not overlap."""
    concepts_of: dict[str, set[str]] = {}
    for concept, variants in CONCEPTS.items():
        for variant in variants:
            concepts_of.setdefault(fold(variant), set()).add(concept)
    assert {word: found for word, found in concepts_of.items() if len(found) > 1} == {}
