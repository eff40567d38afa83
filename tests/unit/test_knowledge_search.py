"""The search on a small knowledge base made for the test: what members type, what they get."""

from datetime import date
from pathlib import Path

import pytest

from bot.core.knowledge.asks import asked
from bot.core.knowledge.importer import drafts_as_toml, drafts_from_document
from bot.core.knowledge.kinds import Asked
from bot.core.knowledge.lint import lint
from bot.core.knowledge.model import Entry, KnowledgeBase, Source
from bot.core.knowledge.offers import offered
from bot.core.knowledge.search import Document, Index, Verdict
from bot.core.knowledge.service import Answerer
from bot.core.knowledge.speller import Speller

ENTRIES = {
    "lok": {
        "nl": (
            ["Moet een vervangarts in een LOK zitten?", "LOK verplicht voor vervanger"],
            "Ja, minstens twee LOK-vergaderingen per jaar voor uw accreditering (Domus Medica).",
        ),
        "fr": (
            ["Le médecin remplaçant doit-il être inscrit dans un GLEM ?"],
            "Oui, au moins deux réunions de GLEM par an pour l'accréditation.",
        ),
        "en": (
            ["Does a locum have to join an LOK?"],
            "Yes, at least two LOK meetings a year for accreditation.",
        ),
    },
    "insurance": {
        "nl": (
            ["Welke verzekeringen heb ik nodig als vervangarts?", "verzekering vervanger"],
            "Een beroepsaansprakelijkheidsverzekering is nodig.",
        ),
        "fr": (["Quelles assurances pour un médecin remplaçant ?"], "Une RC professionnelle."),
        "en": (["Which insurance does a locum need?"], "Professional liability insurance."),
    },
    "fee-short": {
        "nl": (
            ["Onkostenbijdrage bij een vervanging van minder dan 4 weken?"],
            "Geen onkostenbijdrage voor vervangingen tot 4 weken.",
        ),
        "fr": (
            ["Contribution aux frais pour un remplacement de moins de 4 semaines ?"],
            "Pas de contribution jusqu'à 4 semaines.",
        ),
        "en": (["Fee contribution for a replacement under 4 weeks?"], "None up to 4 weeks."),
    },
    "fee-long": {
        "nl": (
            ["Onkostenbijdrage bij een vervanging van meer dan 6 maanden?"],
            "30% boven de eerste prestatieboekjes, naar rato van de uren.",
        ),
        "fr": (
            ["Contribution aux frais pour un remplacement de plus de 6 mois ?"],
            "30 % au-delà des premiers carnets.",
        ),
        "en": (
            ["Fee contribution for a replacement of more than 6 months?"],
            "30% above the first booklets.",
        ),
    },
    "stamp": {
        "nl": (
            ["Onder wiens naam werk ik en welke stempel gebruik ik?"],
            "U werkt onder uw eigen naam met uw eigen stempel.",
        ),
        "fr": (
            ["Sous quel nom et avec quel cachet dois-je travailler ?"],
            "Sous votre propre nom avec votre cachet.",
        ),
        "en": (["Whose name and stamp do I use?"], "Your own name and your own stamp."),
    },
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    kb = KnowledgeBase(
        sources={"001": Source("001", "Vervangingen", "Domus Medica", revised=date(2023, 5, 8))}
    )
    for entry_id, versions in ENTRIES.items():
        for language, (questions, answer) in versions.items():
            kb.add(Entry(entry_id, language, tuple(questions), answer, "001"))
    return kb


@pytest.fixture(scope="module")
def answerer(kb: KnowledgeBase) -> Answerer:
    return Answerer(kb)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("moet ik als vervanger in nen LOK?", "lok"),  # colloquial Flemish
        ("GLEM obligatoire pour remplaçant", "lok"),  # the French name of an LOK
        ("local quality group locum", "lok"),  # spelled out, in English
        ("lock verplicht?", "lok"),  # dictation's spelling of "LOK"
        ("verzekring vervangarts", "insurance"),  # typo
        ("insurance", "insurance"),  # one word
        ("stempel", "stamp"),
        ("welk cachet moet ik gebruiken", "stamp"),  # French word in a Dutch question
        ("onkostenbijdrage meer dan 6 maanden", "fee-long"),
        ("quote-part plus de 6 mois", "fee-long"),  # the Belgian French word for the share
        ("fee contribuion for a replacement under 4 weeks", "fee-short"),  # typo in a phrase
    ],
)
def test_members_words_find_the_right_entry(
    answerer: Answerer, question: str, expected: str
) -> None:
    lookup = answerer.lookup(question, "nl")
    assert lookup.verdict is Verdict.CONFIDENT, (question, lookup)
    assert lookup.entry is not None and lookup.entry.id == expected


def test_the_answer_comes_in_the_members_language(answerer: Answerer) -> None:
    lookup = answerer.lookup("Moet een vervangarts in een LOK zitten?", "fr")
    assert lookup.entry is not None and lookup.entry.language == "fr"
    assert "GLEM" in lookup.entry.answer


@pytest.mark.parametrize(
    "question",
    [
        "Welke dosis amoxicilline geef ik aan een kind van 3 jaar?",
        "Wat is het weer morgen in Gent?",
        "hoe laat is het",
        "???",
        "",
        "Quelle est la posologie du paracétamol?",
    ],
)
def test_questions_outside_the_knowledge_base_are_declined(
    answerer: Answerer, question: str
) -> None:
    assert answerer.lookup(question, "nl").verdict is Verdict.NONE


def test_an_ambiguous_question_offers_candidates(answerer: Answerer) -> None:
    lookup = answerer.lookup("onkostenbijdrage vervanging", "nl")
    assert lookup.verdict is Verdict.CLOSE
    assert {entry.id for entry in lookup.candidates} >= {"fee-short", "fee-long"}


def test_very_long_questions_are_cut_not_refused(answerer: Answerer) -> None:
    assert answerer.lookup("stempel " + "x" * 5000, "nl").verdict in set(Verdict)


def test_the_speller_mends_typos_within_reach() -> None:
    speller = Speller(["onkostenbijdrage", "verzekering", "stempel"])
    assert speller.correct("onkostenbijdarge") == "onkostenbijdrage"  # swapped letters
    assert speller.correct("stempl") == "stempel"
    assert speller.correct("stempel") is None  # already right
    assert speller.correct("zebra") is None


def test_an_index_of_nothing_declines(kb: KnowledgeBase) -> None:
    assert Index.build(KnowledgeBase()).search("LOK").verdict is Verdict.NONE


def test_an_entry_added_to_an_index_is_found_as_if_built_with_it(kb: KnowledgeBase) -> None:
    """Entries added later (from the coordinator's inbox) join the index without a rebuild of
    the others, and rank exactly as in an index built with them from the start."""
    without = KnowledgeBase(entries={k: v for k, v in kb.entries.items() if k != "insurance"})
    index = Index.build(without)
    assert index.search("verzekring vervangarts").verdict is Verdict.NONE
    grown = index.adding([Document.of("insurance", kb.entries["insurance"].values())])
    found = grown.search("verzekring vervangarts")  # the typo is mended with the new words
    assert found.verdict is Verdict.CONFIDENT and found.hits[0].entry_id == "insurance"
    whole = Index.build(kb)
    for question in ("verzekring vervangarts", "onkostenbijdrage vervanging", "stempel"):
        assert {h.entry_id: h.score for h in grown.search(question).hits} == {
            h.entry_id: h.score for h in whole.search(question).hits
        }


def _write(folder: Path, language: str, text: str) -> None:
    (folder / language).mkdir(parents=True, exist_ok=True)
    (folder / language / "topic.toml").write_text(text, encoding="utf-8")


def test_lint_names_every_problem(tmp_path: Path) -> None:
    (tmp_path / "sources.toml").write_text('["001"]\ntitle = "x"\nrevised = 2023-05-08\n')
    entry = (
        '[[entries]]\nid = "{id}"\nsource = "{source}"\n{reviewed}questions = {q}\nanswer = "{a}"\n'
    )
    _write(
        tmp_path,
        "nl",
        "\n".join(
            [
                entry.format(
                    id="a", source="001", reviewed="reviewed = 2026-11-01\n", q='["x?"]', a="y"
                ),
                entry.format(id="a", source="002", reviewed="", q="[]", a=""),
                entry.format(
                    id="old", source="001", reviewed="reviewed = 2020-01-01\n", q='["x"]', a="y"
                ),
                entry.format(
                    id="x" * 51,
                    source="001",
                    reviewed="reviewed = 2026-11-01\n",
                    q='["x"]',
                    a="y",
                ),
                entry.format(
                    id="nope",
                    source="001",
                    reviewed="reviewed = 2026-11-01\n",
                    q='["moet ik iets afdragen?", "hoeveel betaal ik de praktijk?"]',
                    a="Nee. Niets bij een korte vervanging.",
                ),
                entry.format(
                    id="linked",
                    source="001",
                    reviewed='reviewed = 2026-11-01\nrelated = ["a", "gone"]\n',
                    q='["x"]',
                    a="y",
                ),
            ]
        ),
    )
    _write(
        tmp_path,
        "fr",
        entry.format(
            id="extra", source="001", reviewed="reviewed = 2026-11-01\n", q='["x"]', a="y"
        ),
    )
    problems = lint(tmp_path, date(2026, 11, 22))
    text = "\n".join(problems)
    for expected in [
        "duplicate id",
        "empty answer",
        "no questions",
        "unknown source '002'",
        "no review date",
        "more than a year old",
        "fr: a: no fr translation",
        "en: a: no en translation",
        "fr: extra: not in the nl files",
        "linked: related entry 'gone' does not exist",
        "nope: opens with yes or no, but is asked how much",
        "id longer than 50 characters",
    ]:
        assert expected in text, expected


def _phrasings_asking_beyond(tmp_path: Path, phrasings: str, answers: dict[str, str]) -> list[str]:
    """What the lint says of entries sharing these phrasings (a TOML array), one per answer,
    whose phrasings ask what their answer does not hold."""
    (tmp_path / "sources.toml").write_text('["001"]\ntitle = "x"\nrevised = 2023-05-08\n')
    entry = (
        '[[entries]]\nid = "{id}"\nsource = "001"\nreviewed = 2026-11-01\n'
        'questions = {phrasings}\nanswer = "{answer}"\n'
    )
    _write(
        tmp_path,
        "nl",
        "".join(
            entry.format(id=entry_id, phrasings=phrasings, answer=answer)
            for entry_id, answer in answers.items()
        ),
    )
    return [p for p in lint(tmp_path, date(2026, 11, 22)) if "does not hold" in p]


def test_lint_names_a_phrasing_that_asks_what_its_answer_does_not_hold(tmp_path: Path) -> None:
    answers = {
        "healthone": "Maak uw eigen gebruiker aan.",
        "careconnect": "De licentie kost 30 euro per maand.",
    }
    phrasings = '["Hoe krijg ik HealthOne?", "Wat kost HealthOne per maand?"]'
    assert _phrasings_asking_beyond(tmp_path, phrasings, answers) == [
        "nl/topic.toml: healthone: phrasing 'Wat kost HealthOne per maand?' asks for amount,"
        " monthly, which the answer does not hold"
    ]


def test_lint_names_a_phrasing_asking_euros_of_a_rate_in_consultations(tmp_path: Path) -> None:
    """ "Wat is het uurloon in euro?" is not answered by a rate worth two consultations per hour:
    such a phrasing draws the questions for an amount in euros to an answer without one."""
    answers = {
        "forfait": "Een uurloon van twee consultaties per uur.",
        "salaried": "Een uurloon van 60 euro per uur.",
    }
    assert _phrasings_asking_beyond(tmp_path, '["Wat is het uurloon in euro?"]', answers) == [
        "nl/topic.toml: forfait: phrasing 'Wat is het uurloon in euro?' asks for euros,"
        " which the answer does not hold"
    ]


def test_lint_reports_a_broken_file_instead_of_crashing(tmp_path: Path) -> None:
    (tmp_path / "sources.toml").write_text("")
    _write(tmp_path, "nl", "[[entries]\nid = ")
    [problem] = lint(tmp_path, date(2026, 11, 22))
    assert "topic.toml" in problem


def test_the_real_knowledge_base_is_clean() -> None:
    folder = Path(__file__).resolve().parent.parent.parent / "knowledge"
    assert lint(folder, date(2026, 11, 22)) == []


def test_a_markdown_document_becomes_draft_entries() -> None:
    document = (
        "# Praktische info\n\n## Waar is de wachtpost?\nKerkstraat 1.\n\n"
        "## Hoeveel is het lidgeld?\nHonderd euro.\nPer jaar.\n"
        "Wie is de voorzitter?\nDr. Peeters.\n"
    )
    drafts = drafts_from_document(document)
    assert [d.question for d in drafts] == [
        "Praktische info",
        "Waar is de wachtpost?",
        "Hoeveel is het lidgeld?",
        "Wie is de voorzitter?",
    ]
    assert (
        drafts[2].answer == "Honderd euro.\nPer jaar."
        and drafts[2].id == "kring-hoeveel-is-het-lidgeld"
    )
    import tomllib

    parsed = tomllib.loads(drafts_as_toml(drafts))["entries"]
    assert parsed[1] == {
        "id": "kring-waar-is-de-wachtpost",
        "source": "kring",
        "questions": ["Waar is de wachtpost?"],
        "answer": "Kerkstraat 1.",
    }


@pytest.mark.parametrize(
    "question",
    [
        "Hoeveel kost een verzekering voor een vervanger?",  # the entry names no amount
        "prijs verzekering vervanger",  # … however it is asked
        "telefoonnummer verzekering vervanger",  # … nor a phone number
        "wanneer is de volgende LOK-vergadering?",  # … nor a date
        "volgende LOK-vergadering",  # … the next meeting's, however it is asked
        "verzekering vervanger bedrag",  # an amount named last
        "welke stempel gebruik ik voor code 101476?",  # a number we never mention
        "Welke verzekering heb ik nodig als vervangarts volgens Domus Medica?",  # not named
        "Hoeveel wordt een vervanger betaald voor die verzekering?",  # a pay asked, none named
        "what does a locum pay for professional liability insurance?",  # … nor what one pays
        "Moet een vervangarts volgens de SSMG in een LOK zitten?",  # an organisation not named
        "Welke verzekering en welke uitkering bij moederschapsrust heb ik als vervangarts?",
    ],
)
def test_questions_for_a_fact_the_entry_lacks_are_declined(
    answerer: Answerer, question: str
) -> None:
    assert answerer.lookup(question, "nl").verdict is Verdict.NONE, question


def test_a_question_for_an_amount_the_entry_holds_is_answered(answerer: Answerer) -> None:
    lookup = answerer.lookup(
        "hoeveel bedraagt de onkostenbijdrage bij een vervanging van 9 maanden?", "nl"
    )
    assert lookup.entry is not None and lookup.entry.id == "fee-long"


def test_a_phone_number_asked_is_answered_by_the_service_number_an_answer_names() -> None:
    kb = KnowledgeBase()
    answer = "The out-of-hours post is at Kerkstraat 1. At weekends, call the number 1733."
    questions = ("Where is the out-of-hours post?", "phone number of the out-of-hours post")
    kb.add(Entry("post", "en", questions, answer, "001"))
    lookup = Answerer(kb).lookup("What is the phone number of the out-of-hours post?", "en")
    assert lookup.entry is not None and lookup.entry.id == "post"


def test_a_duration_is_a_fee_band_only_when_the_question_is_about_replacing(
    answerer: Answerer,
) -> None:
    assert answerer.lookup("vervanging van 8 maanden, onkostenbijdrage?", "nl").entry is not None
    assert answerer.lookup("zwanger van 8 maanden, wat nu?", "nl").verdict is Verdict.NONE


def test_a_question_worded_as_one_entrys_own_phrasing_gets_that_entry() -> None:
    kb = KnowledgeBase()
    kb.add(
        Entry("what", "nl", ("Wat is een flexpool?",), "Een gedeelde reserve van invallers.", "001")
    )
    kb.add(
        Entry(
            "employer",
            "nl",
            ("Wie is de werkgever in een flexpool?",),
            "In een flexpool is de pool zelf de werkgever van de invallers.",
            "001",
        )
    )
    lookup = Answerer(kb).lookup("wat is een flexpool", "nl")  # both entries are about flexpools
    assert lookup.verdict is Verdict.CONFIDENT
    assert lookup.entry is not None and lookup.entry.id == "what"


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("Hoeveel kost de licentie?", {Asked.AMOUNT}),
        ("combien coûte une assurance chez AXA ?", {Asked.AMOUNT}),
        ("IBAN van de kring?", {Asked.ACCOUNT}),
        ("what's the wifi password?", {Asked.PASSWORD}),
        ("date de la prochaine formation", {Asked.DATE}),
        ("ik heb een nieuw IBAN, aan wie geef ik dat door?", set()),  # brings it, not asks
        ("Moet ik een verzekering hebben?", set()),
        ("prijs licentie daktari", {Asked.AMOUNT}),  # a price named outright
        ("le tarif de la licence CareConnect svp", {Asked.AMOUNT}),
        ("wa verdient ne kringcoördinator?", {Asked.AMOUNT}),
        ("bedrag wachtgeld", {Asked.AMOUNT}),
        ("joignable toute la journée, sans consultation ni tarif horaire ?", set()),  # without
        ("hoeveel uren voor het volledige bedrag van het sociaal statuut?", {Asked.COUNT}),
        ("wanneer is dat overleg volgend jaar?", {Asked.DATE}),
        # The next meeting, however it is asked; when a meeting is held, its schedule says.
        ("wanneer is het volgend kringcoördinatorenoverleg", {Asked.DATE}),
        ("prochaine réunion des coordinateurs", {Asked.DATE}),
        ("next LOK meeting", {Asked.DATE}),
        ("wanneer is het overleg van de kringcoördinatoren?", set()),
        # An amount named last in a short question, as first.
        ("Impulseo subsidie bedrag", {Asked.AMOUNT}),
        ("prime télématique montant ?", {Asked.AMOUNT}),
        ("Who's the chair of our kring these days?", {Asked.PERSON}),
        ("qui est le président du cercle ?", {Asked.PERSON}),
        ("voorzitter kring naam?", {Asked.PERSON}),
        ("gsm-nummer voorzitter", {Asked.PERSON, Asked.PHONE}),
        ("wie is de werkgever van de invaller?", set()),  # a role, not an office's holder
        ("Un kiné remplaçant doit-il aussi faire des gardes ?", {Asked.PHYSIOTHERAPIST}),
        ("Do pharmacists have the same on-call duties?", {Asked.PHARMACIST}),
        (
            "Quelle est la cotisation annuelle à l'Ordre des médecins ?",
            {Asked.MEDICAL_ORDER, Asked.AMOUNT, Asked.YEARLY},
        ),
        ("La SSMG a aussi un modèle de contrat ?", {Asked.SSMG}),
        ("Recht op moederschapsrust als vervangster?", {Asked.MATERNITY}),
        ("ik vervang tijdens haar zwangerschapsverlof, welke bijdrage?", set()),  # the reason
        ("Moet ik btw aanrekenen als vervanger?", {Asked.VAT}),
        ("Je peux facturer la TVA sur mes remplacements ?", {Asked.VAT}),
        ("Hoe vraag ik een eHealth-certificaat aan?", {Asked.APPLICATION}),
        ("RIZIV nummer aanvragen", {Asked.NUMBER}),  # how to apply for a number
        ("comment obtenir mon numéro INAMI ?", {Asked.NUMBER}),
        ("How do I apply for a RIZIV number?", {Asked.NUMBER}),
        ("How do I apply for membership with my RIZIV number?", {Asked.APPLICATION}),
        ("How do I apply for membership?", {Asked.APPLICATION}),
        ("How do I renew my eHealth certificate?", {Asked.APPLICATION}),
        ("Comment demander mon agrément ?", {Asked.APPLICATION}),
        ("moet ik telkens een nieuw KBO-nummer aanvragen?", set()),  # whether, not how
        ("Combien de points d'accréditation faut-il par an ?", {Asked.COUNT, Asked.POINTS}),
        ("hoeveel LOK-sessies moet een vervanger volgen?", {Asked.COUNT}),  # sessions, no points
        ("hoeveel leden moet een kring hebben?", {Asked.COUNT, Asked.HEADCOUNT}),
        ("Combien de généralistes sont affiliés ?", {Asked.COUNT, Asked.HEADCOUNT}),
        ("La licence HealthOne, ça coûte combien pour un remplaçant ?", {Asked.AMOUNT}),
        ("est ce que la cotisation au cercle est déductible des impôts", {Asked.DEDUCTION}),
        ("kan ik die autokosten fiscaal aftrekken?", {Asked.DEDUCTION}),
        ("Wordt de bijdrage afgetrokken van mijn honorarium?", set()),  # no taxes
        ("how many GPs are in the flexpool?", {Asked.COUNT, Asked.HEADCOUNT}),
        ("How much GPs are connected with this flexpool?", {Asked.COUNT, Asked.HEADCOUNT}),
        ("how much are the fees?", {Asked.AMOUNT}),
        ("C'est combien le DMG par patient ?", {Asked.AMOUNT}),
        ("c'est combien de points par séance ?", {Asked.COUNT, Asked.POINTS}),
        ("I want to know the exact amount of the practice premium.", {Asked.AMOUNT, Asked.EUROS}),
        ("je voudrais savoir le montant exact de la prime", {Asked.AMOUNT, Asked.EUROS}),
        # Who sees to a fact named outright: a role or an organisation, not the fact.
        ("loon secretaresse kring paritair comite wie regelt dat", set()),
        ("Our kring wants to hire a secretary, who fixes the salary?", set()),
        ("Qui m'aide à encoder mon numéro de compte ?", set()),
        ("the circle's wifi is broken again, whose job is that", set()),
        ("What salary does a locum who works full time earn?", {Asked.AMOUNT}),  # a relative
        ("Hoeveel kost die verzekering en bij wie neem ik ze?", {Asked.AMOUNT}),  # asked outright
        # "waar" of another clause: whether to apply, not how.
        ("De praktijk waar ik invalt werkt met Medispring, moet ik iets aanvragen?", set()),
        ("waar kan ik een eHealth-certificaat aanvragen?", {Asked.APPLICATION}),
        ("hoeveel kost Medispring voor een vervanger?", {Asked.AMOUNT}),  # maybe "free"
        ("Wa kost zo'n verzekering voor ne vervanger?", {Asked.AMOUNT}),  # dialect
        ("Hoeveel krijgde op de wachtpost?", {Asked.AMOUNT}),
        ("what is the yearly GMD fee per patient", {Asked.AMOUNT, Asked.YEARLY}),
        ("Je suis infirmière à domicile, le cercle m'aide-t-il ?", {Asked.NURSE}),
        ("Can a home nurse stand in for me?", {Asked.NURSE}),
        ("Can my partner, she is nurse, register as a locum?", {Asked.NURSE}),  # what one is
        ("De praktijk heeft een verpleegkundige, telt dat mee?", set()),  # a practice's staff
        ("pool de remplacement pour infirmiers de pratique", set()),  # a practice's staff
        (
            "What is the hourly rate for a nurse who does locums?",
            {Asked.AMOUNT, Asked.NURSE, Asked.HOURLY},
        ),
        ("Une infirmière remplaçante, combien?", {Asked.NURSE}),
        ("hoe lang duurt de erkenningsprocedure?", {Asked.DURATION}),
        ("Welke opzegtermijn staat in het modelcontract?", {Asked.DURATION}),
        ("What are the opening hours of the on-call post?", {Asked.OPENING_HOURS}),
        ("wachtpost openingsuren weekend", {Asked.OPENING_HOURS}),
        ("what is the address and the opening hours of the wachtpost?", set()),  # where, too
        ("healthone prijs per maand vervanger", {Asked.AMOUNT, Asked.MONTHLY}),
        ("combien coûte une licence healthone par mois", {Asked.AMOUNT, Asked.MONTHLY}),
        ("is er een maximum bedrag per maand?", set()),  # whether, not how much
        ("Combien je paie au maximum par mois ?", {Asked.AMOUNT}),  # the cap, not a price
        ("Welk paritair comité geldt voor het kringpersoneel?", {Asked.COMMITTEE}),
        ("what is the number of the joint committee for kring staff", {Asked.COMMITTEE}),
        ("accreditatiepunten per LOK-sessie", {Asked.POINTS}),
        ("aantal accrediteringspunten per jaar", {Asked.POINTS}),
        ("careconnect licentieprijs per maand", {Asked.AMOUNT, Asked.MONTHLY}),  # a compound
        ("what is the amount of the social statute premium this year", {Asked.AMOUNT}),
        ("Comment devenir membre et quel en est le coût ?", {Asked.AMOUNT}),
        ("c'est quand la réunion des coordinateurs de cercle", {Asked.DATE}),
        # An amount asked by another period than the month, or in money.
        ("sociale bijdragen per kwartaal, hoeveel kost dat?", {Asked.AMOUNT, Asked.QUARTERLY}),
        ("Hoeveel wachtgeld moet ik dit jaar aan de kring betalen?", {Asked.AMOUNT}),
        ("combien rapporte une heure de garde", {Asked.AMOUNT, Asked.HOURLY}),
        ("wat is het uurloon in euro?", {Asked.AMOUNT, Asked.EUROS, Asked.HOURLY}),
        ("Hoeveel kost een vervanger voor een jaar?", {Asked.AMOUNT}),  # a length, no period
        # A price asked around its subject, or as a bargain.
        ("weet iemand wat een aansluiting bij de flexpool kost?", {Asked.AMOUNT}),
        ("hoeveel premie krijg ik als starter?", {Asked.AMOUNT}),
        ("what do they charge for a licence?", {Asked.AMOUNT}),
        ("la licence, ça fait combien ?", {Asked.AMOUNT}),
        ("Ce logiciel est payant ?", {Asked.AMOUNT}),
        ("on-call hourly pay", {Asked.AMOUNT, Asked.HOURLY}),
        ("the locum fee, how much then?", {Asked.AMOUNT}),
        ("licentie HealthOne kostprijs", {Asked.AMOUNT}),
        ("welke verzekeraar is het goedkoopst?", {Asked.AMOUNT, Asked.INSURER}),
        ("trainee software licence extra cost", set()),  # whether it costs more
        ("mag de praktijk meer vragen dan wat ik kost?", set()),  # what a locum costs it
        # How long, in one word or as a term.
        ("hoelang duurt de erkenning?", {Asked.DURATION}),
        ("dans quel délai reçoit-on la réponse ?", {Asked.DURATION}),
        ("binnen welke termijn moet ik reageren?", {Asked.DURATION}),
        ("how soon is my application approved?", {Asked.DURATION}),
        ("welke apotheek heeft wacht?", {Asked.PHARMACIST}),
        # A city places the question in its region.
        ("Ik vervang in Luik, moet ik daar wacht doen?", {Asked.WALLONIA}),
        ("Is there a flexpool in Antwerp?", {Asked.FLANDERS}),
    ],
)
def test_what_a_question_asks_for(question: str, kinds: set[Asked]) -> None:
    assert asked(question) == kinds


def test_only_a_date_still_to_come_answers_when_the_next_one_is() -> None:
    reviewed = date(2026, 11, 22)
    assert Asked.DATE in offered("De volgende vergadering is op 15 maart 2027.", reviewed)
    assert Asked.DATE in offered("Elk jaar op 15 maart.", reviewed)
    assert Asked.DATE not in offered("Herzien op 15 maart 2021.", reviewed)
    assert offered("Het lidgeld is 150 euro; bel 03 123 45 67.", reviewed) >= {
        Asked.AMOUNT,
        Asked.PHONE,
    }


OTHER_PROFESSIONS = {
    *(Asked.DENTIST, Asked.PHARMACIST, Asked.PHYSIOTHERAPIST, Asked.MIDWIFE),
    *(Asked.PSYCHOLOGIST, Asked.SPEECH_THERAPIST, Asked.NURSE),
}


@pytest.mark.parametrize(
    ("answer", "kinds"),
    [
        ("Mail naar secretariaat@kring.be.", {Asked.EMAIL}),
        ("Bel +32 3 123 45 67.", {Asked.PHONE, Asked.COUNT}),  # no 0 in it
        # A short service number, named as a number (the GP out-of-hours line, 1733)
        ("Buiten de uren belt u het nummer\n1733.", {Asked.PHONE, Asked.COUNT}),
        ("Passe par le numéro 1733.", {Asked.PHONE, Asked.COUNT}),
        ("Room number 12 on the left.", {Asked.COUNT}),  # too short for one
        ("Stort op BE68 5391 1754 7134.", {Asked.ACCOUNT, Asked.COUNT}),
        ("Het wachtwoord: kring2026", {Asked.PASSWORD, Asked.COUNT}),
        ("Het wachtwoord krijgt u van de secretaris.", set()),  # no password in it
        ("De nascholing is gratis voor leden.", {Asked.AMOUNT}),
        ("Reken op 12,5 % van de erelonen.", {Asked.AMOUNT, Asked.COUNT}),
        ("Vraag het aan de secretaris.", set()),
        (
            "Een bruto-uurloon van twee consultaties per uur.",
            {Asked.AMOUNT, Asked.COUNT, Asked.HOURLY},
        ),
        ("Medispring kost u niets als vervanger.", {Asked.AMOUNT}),
        (
            "Daktari: 125 euro per maand, excl. btw.",
            {Asked.AMOUNT, Asked.VAT, Asked.COUNT, Asked.MONTHLY, Asked.EUROS},
        ),
        ("Er is geen maximum aantal vervangers.", {Asked.COUNT}),  # a count denied
        ("De aanvraag doet u bij eHealth.", {Asked.APPLICATION}),
        ("Er zijn er twee, of drie.", {Asked.COUNT}),  # a number written out
        ("Laat uw eHealth-certificaat verwijderen na de vervanging.", set()),
        # Each found through the one word holding what its pattern needs (`offers._word_clues`).
        ("Free of charge for members.", {Asked.AMOUNT}),
        ("Il reçoit 10 pour cent.", {Asked.AMOUNT, Asked.COUNT}),
        (
            "Paid as two consultations an hour.",
            {Asked.AMOUNT, Asked.COUNT, Asked.DURATION, Asked.HOURLY, Asked.UNTIL},
        ),
        ("Gerben Welling, trésorier, signe.", {Asked.PERSON}),
        ("De voorzitter is Petra Portengen.", {Asked.PERSON}),
        ("Bel 03 123 45 67.", {Asked.PHONE, Asked.COUNT}),
        ("Open to all care providers.", OTHER_PROFESSIONS),
        ("Aux Pays-Bas, une garde néerlandaise.", {Asked.NETHERLANDS}),
        ("Voor logopedisten en kinés.", {Asked.SPEECH_THERAPIST, Asked.PHYSIOTHERAPIST}),
        ("Ook thuisverpleegkundigen vervangen elkaar.", {Asked.NURSE}),
        ("Ingeschreven bij de Orde der artsen en de BVAS.", {Asked.MEDICAL_ORDER, Asked.ABSYM}),
        ("Congé de maternité: voyez la SSMG.", {Asked.MATERNITY, Asked.SSMG}),
        ("Een demopost in Antwerpen.", {Asked.FLANDERS, Asked.BELGIUM}),  # a Flemish city
        ("Le poste de Liège.", {Asked.WALLONIA, Asked.BELGIUM}),
        ("Vergadering op 3 mars 2999.", {Asked.DATE, Asked.COUNT, Asked.DURATION, Asked.UNTIL}),
        ("Artikel 21 van de kwaliteitswet verplicht het.", set()),  # an article counts nothing
        ("Twintig punten per jaar.", {Asked.COUNT, Asked.POINTS}),
        ("Minstens twee LOK-sessies.", {Asked.COUNT}),  # sessions, not points
        ("That obligation applies to you too.", set()),  # a rule that applies, no application
        ("Apply for it at eHealth.", {Asked.APPLICATION}),
        ("Demand for assistants grows.", set()),
        ("Vraag uw KBO-nummer aan bij een ondernemingsloket.", {Asked.NUMBER}),
        ("Een kring van 150 leden.", {Asked.COUNT, Asked.HEADCOUNT}),
        ("Een kring van ١٥٠ leden.", {Asked.HEADCOUNT}),  # digits of another script
        ("Among a thousand respondents.", {Asked.HEADCOUNT}),
        ("Voor de huisartsen in de regio, zo'n 150.", {Asked.COUNT, Asked.HEADCOUNT}),
        ("Vier opdrachten; ten tweede ondersteunt ze haar leden.", {Asked.COUNT}),  # no headcount
        ("Article 21 requires doctors to do it.", set()),
        ("Apply for a KBO number online.", {Asked.APPLICATION, Asked.NUMBER}),
        ("Obtenir un numéro BCE au guichet.", {Asked.NUMBER}),
        ("Geef uw RIZIV-nummer aan de coördinator.", set()),  # given, not applied for
        ("La cotisation est déductible fiscalement.", {Asked.DEDUCTION}),
        # The number is given with the request, not applied for.
        ("After your name and RIZIV number, we approve your request.", {Asked.APPLICATION}),
        ("Bewaar het bewijs zeven jaar.", {Asked.DURATION, Asked.COUNT, Asked.UNTIL}),
        # counted from it:
        ("Has existed since January 2014.", {Asked.DURATION, Asked.COUNT, Asked.UNTIL}),
        ("By default a day before.", {Asked.DURATION, Asked.UNTIL}),
        ("Par mois, selon le contrat.", set()),  # a unit, no number of them
        ("Open van 19u tot 8u.", {Asked.OPENING_HOURS, Asked.COUNT, Asked.UNTIL}),
        ("Een maandlicentie kan; de prijs staat er niet bij.", set()),
        ("Le personnel relève de la commission paritaire 330.", {Asked.COMMITTEE, Asked.COUNT}),
        ("Afspraken over de verloning (paritair comité).", set()),  # not which one
    ],
)
def test_the_kinds_of_fact_an_answer_holds(answer: str, kinds: set[Asked]) -> None:
    assert offered(answer) == kinds


@pytest.mark.parametrize(
    ("answer", "answered"),
    [
        ("Sinds 2031 draagt u 30% af boven de eerste prestatieboekjes.", True),  # names it
        ("U draagt 30% af boven de eerste prestatieboekjes.", False),  # no year: not its fact
        ("In 2023 droeg u 30% af boven de eerste prestatieboekjes.", False),  # another year
    ],
)
def test_a_question_naming_a_year_gets_only_an_entry_that_names_it(
    answer: str, answered: bool
) -> None:
    """The facts of another year (an indexed amount, a past meeting) are not the ones asked:
    the member is offered to forward the question rather than last year's answer."""
    kb = KnowledgeBase()
    kb.add(Entry("fee-long", "nl", ("Onkostenbijdrage bij een lange vervanging?",), answer, "001"))
    lookup = Answerer(kb).lookup("onkostenbijdrage bij een lange vervanging in 2031", "nl")
    assert (lookup.entry is not None and lookup.entry.id == "fee-long") is answered
    assert (lookup.verdict is Verdict.NONE) is not answered


def test_who_holds_an_office_is_answered_only_by_an_entry_naming_the_holder() -> None:
    """ "Who is the chair?" matches an entry on the board in words, but only an entry that
    names the chair answers it; otherwise the member is offered to forward the question."""
    kb = KnowledgeBase()
    kb.add(
        Entry(
            "board",
            "nl",
            ("Wie zit in het bestuur van de kring?", "voorzitter en bestuur kring"),
            "De kring heeft een Raad van Bestuur en een voorzitter, gekozen door de leden.",
            "001",
        )
    )
    kb.add(
        Entry(
            "fund",
            "nl",
            ("Wat doet het sociaal fonds?",),
            "Het fonds steunt de huisartsenzorg. Voorzitter is Petra Portengen.",
            "001",
        )
    )
    answerer = Answerer(kb)
    assert answerer.lookup("wie is de voorzitter van de kring?", "nl").verdict is Verdict.NONE
    assert answerer.lookup("voorzitter kring naam?", "nl").verdict is Verdict.NONE
    lookup = answerer.lookup("wie is de voorzitter van het sociaal fonds?", "nl")
    assert lookup.entry is not None and lookup.entry.id == "fund"
    lookup = answerer.lookup("wie zit in het bestuur van de kring?", "nl")  # no office asked
    assert lookup.entry is not None and lookup.entry.id == "board"


@pytest.mark.parametrize(
    ("question", "phrasing", "answer", "answered"),
    [
        (
            "Moet ik als vervanger btw aanrekenen op mijn factuur?",
            "Wat moet een vervanger aanrekenen op zijn factuur?",
            "Uw erelonen en uw KBO-nummer; u factureert aan de praktijk.",
            False,  # on the invoice, not on VAT
        ),
        (
            "Moet ik als vervanger btw aanrekenen op mijn factuur?",
            "Wat moet een vervanger aanrekenen op zijn factuur?",
            "Uw erelonen, zonder btw; u factureert aan de praktijk.",
            True,
        ),
        (
            "Hoe vraag ik als vervanger een eHealth-certificaat aan?",
            "Het eHealth-certificaat van een vervanger?",
            "Laat na de vervanging uw eHealth-certificaat verwijderen.",
            False,  # removing it, not applying for one
        ),
        (
            "How do I request an eHealth certificate as a locum?",
            "The eHealth certificate of a locum?",
            "You request the certificate from eHealth before your first replacement.",
            True,
        ),
        (
            "Hoeveel accrediteringspunten heeft een vervanger nodig?",
            "Accrediteringspunten nodig als vervanger?",
            "Het secretariaat stuurt de aanwezigheidslijsten door naar het RIZIV.",
            False,  # who sends the lists, not how many points
        ),
        (
            "Hoeveel accrediteringspunten heeft een vervanger nodig?",
            "Accrediteringspunten nodig als vervanger?",
            "Twintig punten per jaar; het secretariaat stuurt de lijsten door.",
            True,
        ),
        (
            "Hoeveel accrediteringspunten levert een LOK-sessie op?",
            "Hoeveel LOK-sessies volgt een vervanger?",
            "Een vervanger volgt minstens twee LOK-sessies per jaar.",
            False,  # how many sessions, not how many points
        ),
        (
            "Hoeveel wachtdiensten moet een vervanger doen?",
            "Moet een vervanger wachtdiensten doen?",
            "Ja: artikel 21 van de kwaliteitswet verplicht elke arts tot de wachtdienst.",
            False,  # an article of a law, no count
        ),
        (
            "How do I apply for on-call duty as a locum?",
            "On-call duty as a locum?",
            "In principle yes: that obligation applies to every GP, locums too.",
            False,  # a rule that applies, not how to apply
        ),
        (
            "loon secretaresse kring paritair comite wie regelt dat",
            "Wie regelt het loon van het kringpersoneel?",
            "De HR-verantwoordelijke maakt met het sociaal secretariaat afspraken over de "
            "verloning (paritair comité).",
            True,  # who sees to the pay: the HR manager, no amount
        ),
        (
            "Wat is het loon van een secretaresse van de kring?",
            "Wie regelt het loon van het kringpersoneel?",
            "De HR-verantwoordelijke maakt met het sociaal secretariaat afspraken over de "
            "verloning (paritair comité).",
            False,  # the pay itself, which it does not name
        ),
        (
            "De praktijk waar ik invalt werkt met Medispring, moet ik iets aanvragen?",
            "Moet ik iets aanvragen als de praktijk met Medispring werkt?",
            "Medispring kost u niets; de arts die vervangt mailt naar facture@medispring.be.",
            True,  # whether to apply: it says what to do
        ),
        (
            "Hoe vraag ik een RIZIV-nummer aan als nieuwe arts?",
            "Hoe vraag ik lidmaatschap van de kring aan als nieuwe arts?",
            'Tik op "Lidmaatschap aanvragen"; na uw naam en RIZIV-nummer keurt de coördinator uw '
            "aanvraag goed.",
            False,  # how to apply for membership, giving one's number: not how to get one
        ),
        (
            "Hoe vraag ik een KBO-nummer aan als vervanger?",
            "KBO-nummer als vervanger?",
            "Vraag uw KBO-nummer aan bij een erkend ondernemingsloket.",
            True,  # how to get the number
        ),
        (
            "Hoeveel leden moet een kring minimaal hebben om erkend te worden?",
            "Hoeveel opdrachten moet een kring minimaal hebben om erkend te worden?",
            "Een kring heeft vier minimale opdrachten; ten tweede ondersteunt ze haar leden.",
            False,  # it counts tasks, not members
        ),
        (
            "La licence HealthOne au mois, ça coûte combien pour un remplaçant ?",
            "La licence HealthOne au mois pour un remplaçant ?",
            "Une licence au mois est possible ; Domus Medica n'en indique pas le prix.",
            False,  # no amount
        ),
        (
            "Is de bijdrage aan de kring fiscaal aftrekbaar?",
            "Is de bijdrage aan de kring fiscaal aftrekbaar?",
            "De bijdrage aan de kring bedraagt 150 euro per jaar.",
            False,  # the fee, not whether one may deduct it
        ),
        (
            "Is de bijdrage aan de kring fiscaal aftrekbaar?",
            "Is de bijdrage aan de kring fiscaal aftrekbaar?",
            "De bijdrage aan de kring is fiscaal aftrekbaar.",
            True,
        ),
        (
            "Hoeveel huisartsen zijn aangesloten bij de flexpool?",
            "Wat is de flexpool?",
            "De flexpool is er voor alle aangesloten huisartsen in de regio, zo'n 150.",
            True,
        ),
        (
            "Hoe lang duurt de erkenningsprocedure?",
            "Hoe lang duurt de erkenningsprocedure?",
            "Voor uw erkenning verwijst Domus Medica naar zijn checklist voor starters.",
            False,  # no duration
        ),
        (
            "Hoe lang duurt de erkenningsprocedure?",
            "Hoe lang duurt de erkenningsprocedure?",
            "De erkenning duurt doorgaans drie maanden.",
            True,
        ),
        (
            "Wat zijn de openingsuren van de wachtpost?",
            "Adres en openingsuren van de wachtpost?",
            "De wachtpost is in de Kerkstraat 1, 2000 Antwerpen; bel 1733.",
            False,  # an address and a number, no time of day
        ),
        (
            "Wat zijn de openingsuren van de wachtpost?",
            "Adres en openingsuren van de wachtpost?",
            "De wachtpost is open van 19u tot 8u.",
            True,
        ),
        (
            "Hoeveel kost HealthOne per maand?",
            "Hoeveel kost HealthOne?",
            "Een licentie per maand is mogelijk; een eigen gebruiker aanmaken kost 50 euro.",
            False,  # an amount, but not per month
        ),
        (
            "Hoeveel kost HealthOne per maand?",
            "Hoeveel kost HealthOne?",
            "Een licentie kost 50 euro per maand.",
            True,
        ),
        (
            "Hoeveel sociale bijdragen betaal ik per kwartaal?",
            "Moet ik sociale bijdragen betalen?",
            "Onder 1.341,95 euro per jaar betaalt u geen sociale bijdragen.",
            False,  # a threshold per year, not what one pays per quarter
        ),
        (
            "Hoeveel sociale bijdragen betaal ik per kwartaal?",
            "Moet ik sociale bijdragen betalen?",
            "U betaalt 850 euro per kwartaal aan sociale bijdragen.",
            True,
        ),
        (
            "Wat is het uurloon van een vervanger in euro?",
            "Hoeveel verdient een vervanger per uur?",
            "Een vervanger vraagt een uurloon ter waarde van twee consultaties per uur.",
            False,  # a rate in consultations, not in euros
        ),
        (
            "Wat is het uurloon van een vervanger in euro?",
            "Hoeveel verdient een vervanger per uur?",
            "Een vervanger vraagt een uurloon van 60 euro per uur.",
            True,
        ),
        (
            "Welk paritair comité geldt voor het kringpersoneel?",
            "Wie regelt het loon van het kringpersoneel?",
            "De HR-verantwoordelijke maakt met het sociaal secretariaat afspraken over de "
            "verloning (paritair comité).",
            False,  # names the committee, not which
        ),
        (
            "Welk paritair comité geldt voor het kringpersoneel?",
            "Wie regelt het loon van het kringpersoneel?",
            "Het kringpersoneel valt onder paritair comité 330.",
            True,
        ),
        (
            "accreditatiepunten per LOK-sessie",
            "Hoeveel LOK-sessies moet een vervanger volgen?",
            "Een vervanger volgt minstens twee LOK-sessies per jaar.",
            False,  # sessions, not points
        ),
        (
            "accreditatiepunten nodig per jaar",
            "accreditatiepunten nodig per jaar",
            "Een vervanger volgt minstens twee LOK-sessies per jaar.",
            False,
        ),
        (
            "Wat is het bedrag van de zorgzwaartepremie?",
            "Wat is het bedrag van de zorgzwaartepremie?",
            "De zorgzwaartepremie steunt praktijken met veel kwetsbare patiënten.",
            False,  # what it is, not how much
        ),
        (
            "Wat is het bedrag van de zorgzwaartepremie?",
            "Wat is het bedrag van de zorgzwaartepremie?",
            "De zorgzwaartepremie bedraagt 2.000 euro per praktijk.",
            True,
        ),
        (
            "Welke vergoeding krijgt een zorgzwaartecoach?",
            "Wat doet een zorgzwaartecoach?",
            "Een zorgzwaartecoach begeleidt praktijken met veel kwetsbare patiënten.",
            False,
        ),
        (
            "voorzitter zorgzwaartefonds",
            "Wat doet het zorgzwaartefonds?",
            "Het zorgzwaartefonds steunt praktijken; zijn raad van bestuur kiest een voorzitter.",
            False,  # the office, not who holds it
        ),
        (
            "wie is de huidige voorzitter van het zorgzwaartefonds",
            "Wat doet het zorgzwaartefonds?",
            "Het zorgzwaartefonds steunt praktijken; zijn raad van bestuur kiest een voorzitter.",
            False,
        ),
        (
            "voorzitter zorgzwaartefonds",
            "Wat doet het zorgzwaartefonds?",
            "Het zorgzwaartefonds steunt praktijken. Voorzitter is Petra Portengen.",
            True,
        ),
        (
            "Tegen wanneer moet het zorgzwaarte-attest opgeladen zijn?",
            "Tegen wanneer moet het zorgzwaarte-attest opgeladen zijn?",
            "Het zorgzwaarte-attest laadt u op in ProGezondheid.",
            False,  # where, not by when
        ),
        (
            "Tegen wanneer moet het zorgzwaarte-attest opgeladen zijn?",
            "Tegen wanneer moet het zorgzwaarte-attest opgeladen zijn?",
            "Het zorgzwaarte-attest laadt u uiterlijk op 31 maart op in ProGezondheid.",
            True,
        ),
        (
            "Bij welke verzekeraar kan ik best mijn beroepsaansprakelijkheid verzekeren?",
            "Bij welke verzekeraar kan ik best mijn beroepsaansprakelijkheid verzekeren?",
            "Als vervanger verzekert u zich voor beroepsaansprakelijkheid en gewaarborgd inkomen.",
            False,  # which insurances, not which insurer
        ),
        (
            "Bij welke verzekeraar kan ik best mijn beroepsaansprakelijkheid verzekeren?",
            "Bij welke verzekeraar kan ik best mijn beroepsaansprakelijkheid verzekeren?",
            "Voor uw beroepsaansprakelijkheid kunt u terecht bij AMMA.",
            True,
        ),
        (
            "moet ik b t w aanrekenen op mijn factuur als vervanger",
            "moet ik b t w aanrekenen op mijn factuur als vervanger",
            "Een vervanger factureert zijn prestaties aan de praktijk.",
            False,  # VAT, dictated letter by letter
        ),
        (
            "moederschapsrust zelfstandige vervangster duur",
            "moederschapsrust zelfstandige vervangster duur",
            "Een zelfstandige vervangster betaalt elk kwartaal sociale bijdragen.",
            False,  # maternity leave asked for oneself, which the answer does not name
        ),
        (
            "Hoe geraak ik aan een RIZIV-nummer als pas afgestudeerde vervanger?",
            "Hoe geraak ik aan een RIZIV-nummer als pas afgestudeerde vervanger?",
            "Als vervanger registreert u uw prestaties in MyRIZIV met uw RIZIV-nummer.",
            False,  # using one's number, not obtaining it
        ),
        (
            "Is er een modelcontract voor vervangers in het Engels?",
            "Is er een modelcontract voor vervangers in het Engels?",
            "Domus Medica heeft een modelcontract voor vervangers.",
            False,  # a contract, not one in English
        ),
        (
            "Hoeveel vakantiedagen heeft een vervanger?",
            "Hoeveel vakantiedagen heeft een vervanger?",
            "Een vervanger werkt vier weken en factureert zijn prestaties.",
            False,  # a number of weeks worked, not of paid leave
        ),
        (
            "doet de zorgzwaartecoach ook de loon administratie?",
            "Doet de zorgzwaartecoach ook de loon administratie?",
            "Een zorgzwaartecoach doet de loonadministratie van de praktijk.",
            True,  # who does the payroll, not how much one earns
        ),
        (
            "Tot wanneer loopt het beleidsplan van de kring?",
            "Wat staat er in het beleidsplan van de kring?",
            "Het beleidsplan van de kring loopt van 2021 tot 2025.",
            True,  # an end, which a period gives: no deadline still to come
        ),
        (
            "Wanneer is het volgende kringoverleg?",
            "Is er een kringoverleg?",
            "Er is een kringoverleg. (Bron zonder datum, geraadpleegd op 22 november 2099.)",
            False,  # when the source was read, not when the meeting is
        ),
        (
            "Welke factoren bepalen hoeveel procent ik afsta?",
            "Welke factoren bepalen hoeveel procent ik afsta?",
            "De duur van de vervanging en de praktijk bepalen de onkostenbijdrage.",
            True,  # what decides the share, not the share
        ),
    ],
)
def test_an_entry_on_the_topic_answers_only_if_it_holds_what_is_asked(
    kb: KnowledgeBase, question: str, phrasing: str, answer: str, answered: bool
) -> None:
    """On topic is not enough: an entry on a locum's invoice that does not name VAT does not
    say whether it is due, one on removing the eHealth certificate does not say how to apply
    for one, one without a number does not say how many. The member is then offered to
    forward the question, not an answer lacking it."""
    with_topic = KnowledgeBase(sources=kb.sources, entries=dict(kb.entries))
    with_topic.add(Entry("topic", "nl", (phrasing,), answer, "001"))
    lookup = Answerer(with_topic).lookup(question, "nl")
    assert (lookup.entry is not None and lookup.entry.id == "topic") is answered, lookup
    assert (lookup.verdict is Verdict.NONE) is not answered, lookup


_FUND_QUESTIONS = (
    ("Le fonds de garde, c'est quoi?", "fr", True),
    ("Le fonds de garde, on reçoit combien par heure?", "fr", False),
    ("Quelle est la cotisation annuelle au fonds de garde?", "fr", False),
    ("The guard fund, how much money it gives this year?", "en", False),
    ("Welke vergoeding krijgt een huisarts van het wachtfonds?", "nl", False),
    ("Is the guard fund also for doctors with salary?", "en", True),  # employed, not paid
)


@pytest.mark.parametrize(("question", "language", "answered"), _FUND_QUESTIONS)
def test_an_amount_asked_in_members_words_needs_an_answer_giving_one(
    question: str, language: str, answered: bool
) -> None:
    """A member asking "on reçoit combien", "quelle est la cotisation", "how much money",
    "welke vergoeding krijgt" asks an amount, which an entry on the topic that names none
    does not give, even asked in its own words; a doctor "with salary" asks who may join, not
    what anyone earns."""
    kb = KnowledgeBase()
    answers = {
        "nl": "Het wachtfonds steunt huisartsen die wachtdiensten doen, in loondienst of niet.",
        "fr": "Le fonds de garde soutient les médecins qui font des gardes, salariés ou non.",
        "en": "The guard fund supports doctors on call, with salary or self-employed.",
    }
    for entry_language, answer in answers.items():
        phrasings = tuple(q for q, lang, _ in _FUND_QUESTIONS if lang == entry_language)
        kb.add(Entry("fund", entry_language, phrasings, answer, "001"))
    lookup = Answerer(kb).lookup(question, language)
    assert (lookup.entry is not None and lookup.entry.id == "fund") is answered, lookup
    assert (lookup.verdict is Verdict.NONE) is not answered, lookup


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("Kan de kring mij helpen een vervanger te vinden?", True),
        ("Ik ben thuisverpleegkundige, kan de kring mij helpen een vervanger te vinden?", False),
        ("Ik ben verpleegkundige, kan de kring mij helpen een vervanger te vinden?", False),
    ],
)
def test_a_home_nurse_gets_no_rule_written_for_gps(question: str, answered: bool) -> None:
    """A home nurse asking on an entry's topic asks another profession's rule: an entry that
    names no nurse does not answer it, and the member is offered to forward the question."""
    kb = KnowledgeBase()
    kb.add(
        Entry(
            "find",
            "nl",
            ("Kan de kring mij helpen een vervanger te vinden?",),
            "De kring helpt huisartsen een vervanger te vinden via de vacaturelijst.",
            "001",
        )
    )
    lookup = Answerer(kb).lookup(question, "nl")
    assert (lookup.entry is not None and lookup.entry.id == "find") is answered
    assert (lookup.verdict is Verdict.NONE) is not answered


@pytest.fixture(scope="module")
def subjects() -> Answerer:
    kb = KnowledgeBase()
    for entry_id, question, answer in (
        ("fee", "Hoeveel is het lidgeld van de kring?", "Het lidgeld van de kring is 150 euro."),
        ("order", "Wat doet de Orde der artsen?", "De Orde der artsen waakt over de plichtenleer."),
        ("ssmg", "Wat is de SSMG?", "De SSMG is de Franstalige vereniging van huisartsen."),
        (
            "contract",
            "Is er een modelcontract voor vervangers?",
            "Domus Medica heeft een modelcontract voor vervangers.",
        ),
        (
            "post",
            "Op welke wachtpost doe ik weekendwachten?",
            "U doet weekendwachten op de wachtpost in Antwerpen.",
        ),
        (
            "brussels",
            "Wat doet de kring van Brussel?",
            "De kring van Brussel verenigt de huisartsen van Brussel.",
        ),
        (
            "status",
            "Heb ik als vervanger recht op het sociaal statuut?",
            "Ja, het sociaal statuut is een jaarlijkse RIZIV-tegemoetkoming voor uw pensioen.",
        ),
    ):
        kb.add(Entry(entry_id, "nl", (question,), answer, "001"))
    return Answerer(kb)


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("Is er een modelcontract voor vervangers?", "contract"),
        ("Heeft de SSMG een modelcontract voor vervangers?", None),  # not Domus Medica's
        ("Heb ik als vervanger recht op het sociaal statuut?", "status"),
        ("Op welke wachtpost doe ik weekendwachten?", "post"),
        ("Op welke wachtpost doe ik weekendwachten in Brussel?", None),  # a post in Antwerp
        ("Op welke wachtpost doe ik weekendwachten in Luik?", None),  # a Walloon city
        ("Op welke wachtpost in Antwerpen doe ik weekendwachten?", "post"),  # its own city
        ("Heb ik als vervanger recht op moederschapsrust via het sociaal statuut?", None),
    ],
)
def test_an_organisation_benefit_or_region_asked_must_be_named_by_the_answer(
    subjects: Answerer, question: str, entry_id: str | None
) -> None:
    lookup = subjects.lookup(question, "nl")
    assert (lookup.entry.id if lookup.entry else None) == entry_id, question


def test_a_question_in_the_words_of_an_entry_lacking_the_fact_asked_gets_one_holding_it() -> None:
    """A member typing exactly an entry's phrasing ("prijs licentie HealthOne") asks the price:
    the entry whose phrasing it is but that gives none does not win on the phrasing; the search
    is sure of the one giving the price."""
    kb = KnowledgeBase()
    kb.add(
        Entry(
            "licence",
            "nl",
            ("prijs licentie HealthOne",),
            "HealthOne heeft licenties voor vervangers.",
            "1",
        )
    )
    kb.add(
        Entry(
            "prices",
            "nl",
            ("prijs licentie HealthOne maand",),
            "Een licentie HealthOne kost 25 euro per maand.",
            "1",
        )
    )
    kb.add(Entry("swap", "nl", ("wachtdienst ruilen",), "Ruil uw wachtdienst via de kring.", "1"))
    result = Index.build(kb).search("prijs licentie HealthOne")
    assert result.verdict is Verdict.CONFIDENT and result.best is not None, result
    assert result.best.entry_id == "prices", result
