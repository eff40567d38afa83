"""Members' own words for what the entries say otherwise: each finds the entry that says it,
where without it the search could not tell that entry from its neighbour."""

from datetime import date

import pytest

from bot.core.knowledge.model import Entry, KnowledgeBase, Source
from bot.core.knowledge.search import Verdict
from bot.core.knowledge.service import Answerer

# Pairs of neighbours: each question below shares a word with both, and only the member's
# word for the thing tells them apart.
ENTRIES = {
    "fee-factors": ["Telt de pendelafstand mee bij de onkostenbijdrage?"],
    "fee-forfait": ["Onkostenbijdrage in een forfaitaire praktijk?"],
    "insured-replacing": ["Ben ik verzekerd tijdens een vervanging?"],
    "insured-building": ["Dekt mijn verzekering schade aan het gebouw?"],
    "fee-practice": ["Hoeveel onkostenbijdrage betaal ik aan de praktijk?"],
    "practice-profit": ["Mag de praktijk winst maken op de vervanger?"],
    "kring-website": ["Wie beheert de website van de kring?"],
    "bot-website": ["Staat de bot ook op de website?"],
    "kring-hiring": ["Wie zorgt voor de aanwerving van personeel?"],
    "kring-staff-tasks": ["Welke taken heeft het personeel?"],
    "recruitment-communication": ["Wat is wervingscommunicatie?"],
    "kring-communication": ["Hoe communiceert de kring met de leden?"],
    "handbook-order": ["Où commander le livret ?"],
    "stamp-order": ["Où commander un cachet ?"],
    "fee-cap": ["Wat is het plafond van de onkostenbijdrage?"],
    "fee-long": ["Welk percentage onkostenbijdrage bij een lange vervanging?"],
    "oncall-roster": ["Wie maakt het wachtrooster?"],
    "kring-posters": ["Wie maakt de affiches?"],
    "combine-job": ["Kan ik vervangen combineren met ander werk?"],
    "kring-hr": ["Wie doet de HR van de kring?"],
    "progress-communication": ["Wat is voortgangscommunicatie?"],
    "fee-telesecretary": ["Verhoogt een telesecretariaat de onkostenbijdrage?"],
    "ssfh-priorities": ["Wat zijn de speerpunten van SSFH?"],
    "ssfh-members": ["Wie zit er in SSFH?"],
    "flexpool-employer": ["Wie is de werkgever bij de flexpool?"],
    "flexpool-setup": ["Kruisbestuiving en vernieuwing van onderuit dankzij de flexpool"],
    "flexpool-outsourcing": ["Het werk uitbesteden aan de flexpool"],
    "flexpool-region": ["Wie zit achter de flexpool van de Zuid-Hollandse Eilanden?"],
    "his-skills": ["Is het huisartsinformatiesysteem moeilijk voor het personeel?"],
    "availability": ["Moet ik bereikbaar zijn tijdens de vervanging?"],
    "software-who-pays": ["Who has to pay for the locum's software?"],
    "software-access": ["How does the locum get access to the software?"],
    "kring-stimulate": ["Wie moet de kringwerking stimuleren?"],
    "innovation-stimulate": ["Wie moet de vernieuwing stimuleren?"],
    "video-calls": ["Is beeldbellen moeilijk voor de assistente?"],
    "kbo-number": ["Heb ik een KBO-nummer nodig?"],
    "riziv-number": ["Heb ik een RIZIV-nummer nodig?"],
    "assistant-drops-out": ["Wat als de assistente plots uitvalt?"],
    "assistant-leave": ["Wat als de assistente met verlof gaat?"],
    "groups-exceptional": ["Waarom is de samenwerking van de zorggroepen uitzonderlijk?"],
    "kring-visibility": ["Hoe zorgt de kring voor zichtbaarheid?"],
    "kring-say": ["Hoe zorgt de kring voor inspraak?"],
    "groups-useful": ["Waarom is de samenwerking van de zorggroepen nuttig?"],
    "groups-met": ["Hoe kennen de zorggroepen elkaar?"],
    "groups-working": ["Hoe werken de zorggroepen samen?"],
    "ubo-register": ["Wie houdt het UBO-register bij?"],
    "member-register": ["Wie houdt het ledenregister bij?"],
}


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    kb = KnowledgeBase(sources={"001": Source("001", "Test", "Test", revised=date(2026, 1, 1))})
    for entry_id, questions in ENTRIES.items():
        kb.add(Entry(entry_id, "nl", tuple(questions), "Antwoord.", "001"))
    return Answerer(kb)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("ik moet lang pendelen, telt dat mee voor de onkostenbijdrage?", "fee-factors"),
        ("mon temps de trajet compte pour la contribution aux frais ?", "fee-factors"),
        ("does my commute count for the fee contribution?", "fee-factors"),
        ("moet ik een deel afstaan aan de praktijk?", "fee-practice"),
        ("is het normaal dat de praktijk aan mij bijverdient?", "practice-profit"),
        ("ben ik verzekerd als ik moet inspringen?", "insured-replacing"),
        ("is hij verzekerd als hij invalt?", "insured-replacing"),
        ("who runs the circle website?", "kring-website"),
        ("wie rekruteert personeel?", "kring-hiring"),
        ("wat bedoelen ze met wervingscommunicatie?", "recruitment-communication"),
        ("où commander le bouquin ?", "handbook-order"),
        ("is er een maximum op de onkostenbijdrage?", "fee-cap"),
        ("is the fee contribution capped?", "fee-cap"),
        ("wie maakt de wachtdienstverdeling?", "oncall-roster"),
        ("wie maakt de wachtlijsten?", "oncall-roster"),
        ("qui fait le tableau de garde ?", "oncall-roster"),
        ("qui fait les rôles de garde ?", "oncall-roster"),
        ("qui fait le rôle de garde ?", "oncall-roster"),
        ("who does the on-call schedule?", "oncall-roster"),
        ("mag ik vervangen met een andere job ernaast?", "combine-job"),
        ("je peux faire des remplacements avec un autre boulot ?", "combine-job"),
        ("can I do replacements with a second job?", "combine-job"),
        ("wie doet het personeelsbeleid van de kring?", "kring-hr"),
        ("who handles human resources at the circle?", "kring-hr"),
        ("qui s'occupe des ressources humaines du cercle ?", "kring-hr"),
        ("what is recruitment communication?", "recruitment-communication"),
        ("c'est quoi la communication de recrutement ?", "recruitment-communication"),
        ("what is progress communication?", "progress-communication"),
        ("c'est quoi la communication de suivi ?", "progress-communication"),
        ("a phone secretary, does it count for the fee contribution?", "fee-telesecretary"),
        ("secrétariat téléphonique, plus de contribution aux frais ?", "fee-telesecretary"),
        ("who recruits the receptionists?", "kring-hiring"),
        ("quelles sont les priorités de SSFH ?", "ssfh-priorities"),
        ("what are the spearheads of SSFH?", "ssfh-priorities"),
        ("cross-pollination through the flexpool?", "flexpool-setup"),
        ("bottom-up change from the flexpool?", "flexpool-setup"),
        ("can I outsource it to the flexpool?", "flexpool-outsourcing"),
        ("who is behind flexpool ZHE?", "flexpool-region"),
        ("the GP information system is hard for the staff?", "his-skills"),
        ("où commander le petit livre ?", "handbook-order"),
        ("who does the on-call scheduling?", "oncall-roster"),
        ("dois-je être joignable pendant le remplacement ?", "availability"),
        ("je dois être dispo pendant le remplacement ?", "availability"),
        ("do I have to be available during the replacement?", "availability"),
        ("who foots the bill for the software?", "software-who-pays"),
        ("who picks up the tab for the software?", "software-who-pays"),
        ("wie moet kringwerkingen stimuleren?", "kring-stimulate"),
        ("wat is voortgang communicatie?", "progress-communication"),
        ("la communication sur l'avancement, c'est quoi ?", "progress-communication"),
        ("wat als de assistente uitviel?", "assistant-drops-out"),
        ("hoe zorgt de kring dat we gezien worden?", "kring-visibility"),
        ("le cercle nous rend-il visibles ?", "kring-visibility"),
        ("what if the assistant drops out?", "assistant-drops-out"),
        ("waarom is die samenwerking van de zorggroepen een unicum?", "groups-exceptional"),
        ("van waar kenden de zorggroepen mekaar?", "groups-met"),
    ],
)
def test_a_members_word_finds_the_entry_that_says_it_otherwise(
    answerer: Answerer, question: str, expected: str
) -> None:
    lookup = answerer.lookup(question, "nl")
    assert lookup.verdict is Verdict.CONFIDENT, (question, lookup)
    assert lookup.entry is not None and lookup.entry.id == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("je sais combiner avec un autre boulot ?", "combine-job"),
        ("moette de wachtlijst zelf maken?", "oncall-roster"),
        ("maak'k de wachtlijst zelf?", "oncall-roster"),
        ("sorry to bother, doing replacements with another job?", "combine-job"),
    ],
)
def test_a_word_of_belgian_speech_that_says_nothing_costs_no_answer(
    answerer: Answerer, question: str, expected: str
) -> None:
    """Belgian French 'je sais' (I can); Flemish 'moette' (must you) and 'k' (I, as in "kan'k");
    English 'bother' and 'doing' (as 'do' and 'did')."""
    lookup = answerer.lookup(question, "nl")
    assert lookup.entry is not None and lookup.entry.id == expected, (question, lookup)


@pytest.mark.parametrize(
    ("question", "with_filler"),
    [
        ("wie maakt de wachtlijsten?", "wie maakt jullie wachtlijsten?"),
        ("wie maakt de wachtlijst van de kring?", "wie maakt de wachtlijst vd kring?"),
        ("wie maakt de wachtlijsten?", "wie maakt zichzelf de wachtlijsten?"),
        ("who does the on-call schedule?", "who does the on-call schedule, maybe?"),
        ("wie maakt de wachtlijsten?", "wie maakt efkes de wachtlijsten?"),
        ("wie maakt de wachtlijsten?", "wie maakt daarvoor de wachtlijsten?"),
        ("wat is wervingscommunicatie?", "wat betekent wervingscommunicatie?"),
        ("what is recruitment communication?", "what does recruitment communication mean?"),
        (
            "c'est quoi la communication de recrutement ?",
            "que signifie la communication de recrutement ?",
        ),
    ],
)
def test_a_filler_word_leaves_the_answer_as_sure_as_without_it(
    answerer: Answerer, question: str, with_filler: str
) -> None:
    """Dutch 'jullie', 'zichzelf' and the shorthand 'vd' (van de), Flemish 'efkes' (even), the
    pronominal adverbs ('daarvoor'), English 'maybe' say nothing of what is asked; nor does asking
    what a word means ('betekent', 'mean', 'signifie') rather than what it is: the entry found
    covers the question with them as fully as without them."""
    plain, filled = answerer.lookup(question, "nl"), answerer.lookup(with_filler, "nl")
    assert filled.entry is not None and filled.entry == plain.entry, (with_filler, filled)
    assert filled.score == pytest.approx(plain.score)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("wie doet de h r van de kring?", "kring-hr"),
        ("heb ik een k b o nummer nodig?", "kbo-number"),
        ("heb ik een kaa bee oo nummer nodig?", "kbo-number"),
        ("is beeld bellen moeilijk voor de assistente?", "video-calls"),
        ("wat zijn de speerpunten van es es ef ha?", "ssfh-priorities"),
        ("wat zijn de speerpunten van s s f h?", "ssfh-priorities"),
        ("wie houdt het u b o register bij?", "ubo-register"),
        ("wie houdt het uu bee oo register bij?", "ubo-register"),
    ],
)
def test_initials_and_words_as_dictation_writes_them_find_the_entry(
    answerer: Answerer, question: str, expected: str
) -> None:
    """Dictation spells initials ("h r", "k b o", "u b o") or writes the letters as they sound in
    Dutch ("kaa bee oo", "es es ef ha"), and splits compounds ("beeld bellen")."""
    lookup = answerer.lookup(question, "nl")
    assert lookup.verdict is Verdict.CONFIDENT, (question, lookup)
    assert lookup.entry is not None and lookup.entry.id == expected


def test_a_short_real_word_the_entries_lack_is_not_mended_into_one_they_have() -> None:
    """'ring' is one letter from 'bring', 'kirng' two swapped letters from 'kring': only the
    typo is mended, so asking to ring the kring does not find what to bring to it."""
    kb = KnowledgeBase(sources={"001": Source("001", "Test", "Test", revised=date(2026, 1, 1))})
    kb.add(Entry("bring", "en", ("What do I bring to the kring meeting?",), "Answer.", "001"))
    answerer = Answerer(kb)
    assert answerer.lookup("what do i bring to the kirng meeting?", "en").entry is not None
    assert answerer.lookup("what do i ring to the kring meeting?", "en").entry is None
