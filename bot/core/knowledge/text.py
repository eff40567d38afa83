"""From a member's words to search terms.

Questions arrive in Dutch, French or English, often Flemish-colloquial, abbreviated or mistyped.
Text is folded (lower case, no accents), domain synonyms and abbreviations become one concept
term in every language (LOK = GLEM = local quality group), stop words go, and the rest is
stemmed. A query word may be in any of the three languages, so it gets the stems of all three
and the search keeps those that exist in the knowledge base.
"""

import re
import unicodedata
from functools import cache

import snowballstemmer  # type: ignore[import-untyped]

from bot.core.knowledge.durations import duration_bands

STEMMER_LANGUAGES = {"nl": "dutch", "fr": "french", "en": "english"}

_STOPWORDS_NL = """
de het een en of van in op te ten ter aan voor met bij als dat die dit deze is zijn was waren
ben bent wordt worden werd kan kunnen kun kunt moet moeten moete mag mogen ik je jij u uw ge gij
we wij ze zij hij haar hem mijn mij me ons onze er hier daar wat wie waar wanneer hoe welk welke
waarom om niet geen ook nog wel al dan toch maar dus zo heel veel meer mee naar over uit tot
door onder tussen tegen na iets iemand alles zich hebben heb heeft had hadden doe doet
ga gaat gaan wil wilt willen zal zullen zou zouden graag even eens wa da nen ne hoeveel
allemaal best precies juist eigenlijk welkom ok oke dag hallo goeiedag bedankt dank aub
nu echt weer net via gewoon steeds zie zit toe want zeker misschien niets eerst zelfs vooral
natuurlijk helemaal terwijl allez awel ni nie kik moetek
"""
_STOPWORDS_FR = """
le la les l un une des du de d et ou a au aux en dans sur pour par avec est sont suis es
etre ai as avons avez ont avoir je j tu il elle nous vous ils elles me m te t se s mon ma mes
ton ta tes son sa ses notre nos votre vos leur leurs ce cet cette ces c qui que qu quoi quel
quelle quels quelles comment combien quand pourquoi ne n pas plus y dois doit devons devez
doivent peux peut pouvons pouvez peuvent faut faire fais fait bonjour merci svp est-ce
comme si mais donc car aussi tres bien chez
ca tout meme lui moi toi encore alors rien toujours deja soit trop juste oui vraiment ainsi
beaucoup parce cela ici puis veut veux assez est ce voila
"""
_STOPWORDS_EN = """
the a an and or of in on at to for from with by as is are am was were be been being do does
did have has had i you he she it we they me my your our their this that these those what
which who whom where when how why can could should would will shall must may might need not
no yes there here if then than so also about into up out any some all just get got hello hi
thanks please much many but like now know think want because well very really still too ever
whether ve ll re let sure however actually anyway hey okay ok
"""
STOPWORDS = frozenset((_STOPWORDS_NL + _STOPWORDS_FR + _STOPWORDS_EN).split())

# Concept groups: every variant (folded, multi-word allowed) becomes the concept term, written
# in upper case so it never collides with a stemmed word.
CONCEPTS: dict[str, tuple[str, ...]] = {
    "LOK": (
        "lok",
        "loks",
        "glem",
        "glems",
        "lokale kwaliteitsgroep",
        "lokale kwaliteitsgroepen",
        "groupe local d evaluation medicale",
        "local quality group",
        "local quality groups",
        "peer review group",
        "peer group",
        "quality circle",
        "dodh",
    ),
    "GMD": (
        "gmd",
        "dmg",
        "globaal medisch dossier",
        "dossier medical global",
        "global medical record",
        "global medical file",
    ),
    "HAIO": (
        "haio",
        "haios",
        "huisarts in opleiding",
        "huisartsen in opleiding",
        "medecin en formation",
        "assistant en medecine generale",
        "gp trainee",
        "gp in training",
        "trainee gp",
        "trainee",
    ),
    "RIZIV": ("riziv", "inami", "nihdi", "rizivnummer", "riziv-nummer", "numero inami"),
    "MYRIZIV": ("myriziv", "my riziv", "myinami", "my inami", "mynihdi"),
    "EMD": (
        "emd",
        "dme",
        "ehr",
        "emr",
        "elektronisch medisch dossier",
        "dossier medical informatise",
        "dossier medical electronique",
        "electronic medical record",
        "electronic health record",
        "medisch dossier",
        "patient record",
        "medical record",
        "patientendossier",
    ),
    "SOFTWARE": (
        "software",
        "softwarepakket",
        "pakket",
        "programma",
        "logiciel",
        "logiciels",
        "licentie",
        "licenties",
        "licence",
        "licences",
        "license",
        "licenses",
    ),
    "KBO": (
        "kbo",
        "bce",
        "kruispuntbank",
        "kruispuntbank van ondernemingen",
        "ondernemingsnummer",
        "numero d entreprise",
        "banque carrefour des entreprises",
        "company number",
        "enterprise number",
        "business number",
        "kbo-nummer",
    ),
    "WDO": ("wdo", "wachtdienstonderdeel", "wachtzone", "zone de garde"),
    "LOCUM": (
        "vervangarts",
        "vervangartsen",
        "vervanger",
        "vervangers",
        "waarnemer",
        "invaller",
        "remplacant",
        "remplacants",
        "remplacante",
        "medecin remplacant",
        "locum",
        "locums",
        "locum tenens",
        "substitute doctor",
        "replacement doctor",
        "vervangende arts",
    ),
    "REPLACEMENT": (
        "vervanging",
        "vervangingen",
        "vervangen",
        "remplacement",
        "remplacements",
        "remplacer",
        "rempla",
        "remplas",
        "replacement",
        "replacements",
        "replace",
        "replacing",
        "invallen",
    ),
    "ONCALL": (
        "wachtdienst",
        "wachtdiensten",
        "wacht",
        "wachten",
        "garde",
        "gardes",
        "on call",
        "out of hours",
        "ooh",
        "permanentie",
        "duty rota",
        "night duty",
        "weekend duty",
        "wachtbeurt",
        "wachtbeurten",
    ),
    "FEECONTRIB": (
        "onkostenbijdrage",
        "onkostenbijdragen",
        "afdracht",
        "afdragen",
        "retrocessie",
        "retrocession",
        "cotisation aux frais",
        "contribution aux frais",
        "participation aux frais",
        "fee contribution",
        "expense contribution",
        "share of income",
        "share of my income",
        "percentage afgeven",
        "afgeven",
    ),
    "EXPENSENOTE": (
        "onkostennota",
        "onkostennotas",
        "note de frais",
        "expense note",
        "expense claim",
        "nota",
    ),
    "CONTRACT": (
        "contract",
        "contracten",
        "overeenkomst",
        "vervangingscontract",
        "contrat",
        "contrats",
        "agreement",
        "convention",
    ),
    "INSURANCE": (
        "verzekering",
        "verzekeringen",
        "verzekerd",
        "verzekeren",
        "assurance",
        "assurances",
        "assure",
        "insurance",
        "insurances",
        "insured",
        "insure",
        "beroepsaansprakelijkheid",
        "burgerlijke aansprakelijkheid",
        "rc pro",
        "responsabilite civile",
        "liability",
        "aansprakelijkheid",
    ),
    "SOCIALSTATUTE": (
        "sociaal statuut",
        "statut social",
        "social statute",
        "social status",
        "riziv-statuut",
        "statuut",
    ),
    "ORDER": (
        "orde der artsen",
        "orde van geneesheren",
        "orde",
        "ordre des medecins",
        "ordre",
        "medical council",
        "order of physicians",
        "medical board",
    ),
    "STAMP": ("stempel", "stempels", "cachet", "cachets", "stamp", "stamps"),
    "ACCREDITATION": (
        "accreditering",
        "accreditatie",
        "geaccrediteerd",
        "accreditation",
        "accredite",
        "accreditee",
        "accredited",
        "nascholingspunten",
        "accreditatiepunten",
        "credit points",
        "cme points",
        "punten",
    ),
    "RECOGNITION": (
        "erkenning",
        "erkend",
        "agrement",
        "agree",
        "agreee",
        "recognition",
        "recognised",
        "recognized",
        "accreditation as gp",
    ),
    "PRACTICEPREMIUM": (
        "praktijkpremie",
        "praktijkpremies",
        "geintegreerde praktijkpremie",
        "prime de pratique",
        "prime a la pratique",
        "prime de pratique integree",
        "practice premium",
        "practice bonus",
        "practice allowance",
    ),
    "FORFAIT": (
        "forfait",
        "forfaitair",
        "forfaitaire",
        "forfaitaire praktijk",
        "wgc",
        "wgc's",
        "wijkgezondheidscentrum",
        "wijkgezondheidscentra",
        "medisch huis",
        "medische huizen",
        "maison medicale",
        "maisons medicales",
        "capitation",
        "capitation practice",
        "flat-rate practice",
        "flat rate",
    ),
    "HOSPITAL": ("ziekenhuis", "ziekenhuizen", "hopital", "hopitaux", "hospital", "hospitals"),
    "CHECKLIST": (
        "checklist",
        "checklists",
        "check list",
        "controlelijst",
        "liste de controle",
        "to do",
        "todo",
        "stappenplan",
    ),
    "KRING": (
        "kring",
        "kringen",
        "huisartsenkring",
        "huisartsenkringen",
        "cercle",
        "cercles",
        "cercle de medecins generalistes",
        "gp association",
        "gp circle",
        "kringwerking",
    ),
    "COORDINATOR": (
        "coordinator",
        "kringcoordinator",
        "coordinateur",
        "coordinatrice",
        "coordinators",
        "coordinatoren",
    ),
    "NEWSLETTER": (
        "nieuwsbrief",
        "nieuwsbrieven",
        "newsletter",
        "newsletters",
        "lettre d information",
    ),
    "FLEXPOOL": ("flexpool", "flexpools", "pool", "invalpool"),
    "NOTIFY": (
        "verwittigen",
        "melden",
        "inlichten",
        "informeren",
        "laten weten",
        "prevenir",
        "informer",
        "avertir",
        "signaler",
        "notify",
        "inform",
        "tell",
        "let know",
    ),
    "INCOME": (
        "inkomen",
        "inkomsten",
        "honoraria",
        "erelonen",
        "ereloon",
        "verdienen",
        "revenu",
        "revenus",
        "honoraires",
        "income",
        "earnings",
        "earn",
        "fees",
    ),
    "COMBINE": (
        "combineren",
        "combinatie",
        "cumuleren",
        "cumul",
        "cumuler",
        "combiner",
        "combine",
        "combining",
        "bijberoep",
        "side job",
        "other job",
        "ander werk",
    ),
    "PRICE": (
        "prijs",
        "prijzen",
        "kost",
        "kosten",
        "kostprijs",
        "tarief",
        "prix",
        "cout",
        "couts",
        "tarif",
        "price",
        "prices",
        "cost",
        "costs",
    ),
    "HOURS": ("uur", "uren", "heure", "heures", "hour", "hours", "u/week", "uur per week"),
    "MONTH": ("maand", "maanden", "mois", "month", "months"),
    "WEEK": ("week", "weken", "semaine", "semaines", "weeks"),
    "ADMIN": (
        "secretariaat",
        "administratie",
        "administratief",
        "administratieve",
        "medewerker",
        "medewerkers",
        "bediende",
        "secretariat",
        "administration",
        "administrative",
        "staff",
        "personeel",
        "personnel",
    ),
    "CME": (
        "bijscholing",
        "nascholing",
        "navorming",
        "vorming",
        "formation continue",
        "continuing education",
        "cme",
        "training",
    ),
    "EHEALTH": (
        "ehealth",
        "e-health",
        "ehealth-certificaat",
        "certificaat",
        "certificat",
        "certificate",
    ),
    "SALARY": ("loon", "salaris", "salaire", "salary", "wage", "verloning", "remuneration"),
}

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
CONCEPT_TERMS = frozenset(CONCEPTS)
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
