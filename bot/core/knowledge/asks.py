"""What kind of fact a question asks for (whether an entry's answer holds one: offers.py).

"Hoeveel kost een polis bij Amma?", "IBAN du cercle", "telefoonnummer helpdesk Daktari": the
words match an entry about insurance, the membership fee or a software package, but what the
member wants is an amount, an account number or a phone number. When the best entry's answer
holds no fact of that kind, it cannot answer however well its words match, and the question is
declined (and can go to the coordinator).
"""

import functools
import re

from bot.core.knowledge.kinds import Asked
from bot.core.knowledge.patterns import any_of
from bot.core.knowledge.text import fold

# An office whose holder a member may ask for by name (folded).
_OFFICE = (
    r"(?:vice ?|onder)?(?:voorzitter|voorzitster|chair(?:man|woman|person)?|president(?:e)?)"
    r"|penningmeester|treasurer|tresorier(?:e)?"
)
# The board and its roles (folded), among which a member may name an office.
_ROLES = r"rvb|av|ag|ca|raad|bestuur|board|conseil|bureau|taak|taken|tasks?|taches?|rol|roles?"
# A joint committee (folded), which sets the pay of a kring's staff.
_COMMITTEE = r"(?:paritair comite|joint committee|commission paritaire)"
# The regions (folded, so for questions and answers alike) whose rules a member may ask.
REGIONS: dict[Asked, str] = {
    Asked.FLANDERS: r"vlaanderen|flanders|flandre",
    Asked.WALLONIA: r"wallonie|wallonia|wallonne",
    Asked.BRUSSELS: r"brussel|bruxelles|brussels",
    Asked.BELGIUM: r"belgie|belgique|belgium|belge|belgisch\w*|belgian",
    Asked.NETHERLANDS: r"nederland|netherlands|pays bas|holland",
}
# The cities (folded) whose names place a question or an answer in its region: "ik vervang in
# Luik" asks Walloon rules, and an entry on a post in Antwerp does not say where the Brussels
# kring organises its weekend shifts.
CITIES = {
    Asked.FLANDERS: r"antwerpen|antwerp|anvers|gent|gand|ghent|leuven|brugge|bruges|hasselt"
    r"|mechelen|malines|kortrijk|courtrai|limburg|limbourg",
    Asked.WALLONIA: r"liege|luik|namur|charleroi|mons|arlon|tournai|doornik",
}
REGION_PATTERNS = {
    kind: any_of(pattern, CITIES[kind]) if kind in CITIES else any_of(pattern)
    for kind, pattern in REGIONS.items()
}

# The organisations and benefits (folded) a member may ask about by name, as questions and
# answers name them.
_MATERNITY = r"moederschap\w*|zwangerschap\w*|bevallingsrust|maternit\w*"
SUBJECTS: dict[Asked, str] = {
    Asked.MEDICAL_ORDER: r"orde (?:der |van (?:de )?)(?:artsen|geneesheren)|ordre des medecins"
    r"|order of (?:physicians|doctors)",
    Asked.SSMG: r"ssmg",
    Asked.ABSYM: r"absym|bvas",
    Asked.MATERNITY: _MATERNITY,
}
SUBJECT_PATTERNS = {kind: any_of(pattern) for kind, pattern in SUBJECTS.items()}
# Maternity leave asked as a right or a benefit ("recht op moederschapsrust", "droit au congé
# de maternité", "maternity benefit"), not as the reason for a locum ("ik vervang tijdens haar
# zwangerschapsverlof"), which entries on locums answer without naming it.
_BENEFIT = (
    r"recht|rechten|droit|droits|entitled|right|rights|uitkering\w*|allocation\w*|indemnit\w*"
    r"|benefits?|allowances?|pay"
)
_MATERNITY_BENEFIT = any_of(
    rf"(?:{_BENEFIT}) (?:\w+ ){{0,4}}(?:{_MATERNITY})",
    rf"(?:{_MATERNITY}) (?:\w+ ){{0,2}}(?:{_BENEFIT})",
    # What one gets, and for how long: "how do I get maternity leave", "j'ai droit à quoi
    # comme congé de maternité", "congé maternité indépendante durée".
    rf"(?:how (?:do|can) i get|comment (?:obtenir|avoir)) (?:\w+ ){{0,2}}(?:{_MATERNITY})",
    rf"droit a quoi comme (?:\w+ ){{0,2}}(?:{_MATERNITY})",
    rf"(?:{_MATERNITY}) (?:\w+ ){{0,3}}(?:duree|duur|length)",
)

# Whom a member may count (folded; an answer's count of them: offers.py).
PEOPLE = (
    r"leden|members?|membres?|\w*artsen|medecins?|generalistes?|gps?|doctors?|deelnemers"
    r"|participants?|personen|people|personnes|respondent\w*|zorgverleners|prestataires"
)

# The professions (folded) a member may ask another rule for (how answers name them: named.py).
_PROFESSIONS: dict[Asked, str] = {
    Asked.DENTIST: r"tandart\w*|dentist\w*",
    Asked.PHARMACIST: r"apothe\w*|pharmacie\w*|pharmacist\w*",
    Asked.PHYSIOTHERAPIST: r"kine\w*|physio\w*",
    Asked.MIDWIFE: r"vroedvrouw\w*|sages? femmes?|midwi\w*",
    Asked.PSYCHOLOGIST: r"psycholo\w*",
    Asked.SPEECH_THERAPIST: r"logoped\w*|logopede\w*|speech therap\w*",
    # A home nurse, self-employed like us (a practice nurse is a practice's staff), or a nurse
    # standing in ("hourly rate for a nurse who does locums").
    Asked.NURSE: r"thuisverpleeg\w*|infirmier(?:e|s|es)? (?:a domicile|independant\w*)"
    r"|(?:home|community|district) (?:care )?nurses?"
    # A member saying what they are: "je suis infirmier", "my partner, she is nurse".
    r"|(?:ik ben|je suis|i am|i m|she is|he is|elle est|il est|zij is|hij is)"
    r" (?:een |a |an |une? )?(?:verpleegkundige\w*|infirmier\w*|infirmiere\w*|nurse)"
    r"|(?:verpleegkundigen?|nurses?|infirmier\w*|infirmiere\w*) (?:\w+ ){0,2}"
    r"(?:locums?|vervang\w*|invall\w*|invalt|remplac\w*)",
}


# On folded text (lower case, no accents, dashes and apostrophes as spaces).
_QUESTIONS: dict[Asked, re.Pattern[str]] = {
    Asked.AMOUNT: any_of(
        r"hoeveel (?:kost|kosten|bedraagt|bedragen|betaal|betaalt|betalen|is het|is de prijs)",
        r"wat? kost(?:en)?",
        r"(?:kost|prijs|tarief) (?:van )?(?:een|de|het)? ?\w+ ?hoeveel",
        r"combien (?:coute|coutent|ca coute|faut il payer|je paie|dois je payer)",
        r"quel(?:le)? (?:en )?est (?:le|la) (?:prix|tarif|montant|cout|cotisation)",
        # "wat is het bedrag van de premie", "welk bedrag", "quel montant", "how much money".
        r"wat is het bedrag",
        r"welke? bedrag",
        r"quel montant",
        r"hoeveel geld",
        r"how much money",
        r"(?:what|which) amount",
        # The verb first: "on reçoit combien par heure", "je paie combien par an".
        r"(?:recoi[st]|touche[s]?|gagne[s]?|paie[s]?|paye[s]?|rapporte)(?: \w+)? combien",
        r"how much (?!\w+s (?:are|do|have)\b)(?:\w+ ){0,2}(?:does|do|is|are|will|would|should)",
        r"c est combien(?! d)",
        r"coute(?:nt)? combien",
        r"(?:exact|exacte|precise|precies) (?:amount|bedrag|montant)",
        r"montant exact",
        # Expats' English keeps the verb last, without "does": "how much the internship scheme
        # pays per placement", "how much subsidy a region gets", "how much can I deduct".
        r"how much (?!time\b|notice\b)(?:\w+ ){0,6}(?:cost|costs|pay|pays|paid|charges?|earn"
        r"|earns|make|makes|get|gets|receive|receives|bring|brings|give|gives|deduct)",
        r"goedkoopste?",
        r"duurste?",
        r"cheapest",
        r"most expensive",
        r"(?:le|la|les) moins cher(?:e|es|s)?",
        r"what (?:does|do) \w+(?: \w+)? cost",
        r"what is the (?:\w+ ){0,2}(?:price|cost|fee|amount)s?",
        r"hoeveel verdien(?:t|en)?",
        r"combien (?:gagne|gagnent|touche)",
        r"quel est le (?:taux|salaire)",
        r"wat is het (?:tarief|loon|salaris)",
        r"rate per hour",
        r"what rate",
        r"wat? verdien(?:t|en)?",
        r"hoeveel (?:\w+ ){0,3}krijg(?:t|en|de)?",
        r"combien (?:\w+ ){0,3}(?:recoit|recois|touche|touches|gagne|gagnes)",
        r"combien (?:\w+ ){0,3}(?:paye|payes|payee|payees|payer|verser|cotiser)",
        r"hoeveel (?:\w+ ){0,3}betaald",
        r"what (?:does|do) \w+(?: \w+)? pay",
        r"wat betaalt",
        r"combien (?:\w+ ){0,3}(?:paie|paient)",
        # "hoeveel wachtgeld moet ik dit jaar betalen", "combien rapporte une heure de garde".
        r"hoeveel (?:\w+ ){1,8}(?:betalen|betaal|betaalt|kost|kosten)",
        r"combien (?:\w+ ){0,3}rapporte\w*",
        # "welke vergoeding krijgt een huisarts per uur wachtdienst", "welke vergoeding krijgt
        # een stagemeester": how much, not how it is paid.
        r"welke (?:\w+ )?vergoeding (?:\w+ )?(?:krijg|ontvang|bedraag)\w*",
        # The price asked around its subject: "wat een verzekering gewaarborgd inkomen kost",
        # "hoeveel subsidie geeft de regeling", "what do they charge for it", "ça fait combien
        # par mois", "il est payant?", "on-call hourly pay", "How much then?".
        r"wat (?!(?:ik|je|ge|gij|u|we|wij) )(?:\w+ ){1,8}kost",
        r"hoeveel (?:\w+ )?(?:subsidie\w*|premie\w*|\w*bijdrage\w*|lidgeld|vergoeding\w*)",
        r"what (?:do|does|did|will|would) (?:\w+ ){0,3}(?:charge|get paid|earn)",
        r"how much(?: then| exactly)?(?= ?\??$)",
        r"(?:ca|cela) fait combien",
        r"(?:est|sont)(?: \w+)? payante?s?",
        r"hourly (?:pay|wage|fee)s?",
        r"pay per hour",
        r"voordeligste?",
    ),
    Asked.PHONE: any_of(
        r"telefoonnummer",
        r"telefoon nummer",
        r"gsm nummer",
        r"gsmnummer",
        r"(?:tele)?phone number",
        r"numero de (?:telephone|tel|gsm|portable)",
    ),
    Asked.EMAIL: any_of(
        r"e ?mail ?adres", r"mailadres", r"e ?mail address", r"adresse (?:e )?mail"
    ),
    Asked.DATE: any_of(
        r"(?:wanneer|datum|when|date|quand)\b.*\b(?:volgende?|eerstvolgende?|next|prochaine?|upcoming)",
        r"(?:volgende?|eerstvolgende?|next|prochaine?|upcoming)\b.*\b(?:wanneer|datum|when|date|quand)",
        # "volgende LOK-vergadering", "prochaine réunion des coordinateurs": the next meeting's.
        r"(?:volgende?|eerstvolgende?|next|prochaine?|upcoming) (?:\w+ ){0,2}"
        r"(?:\w*overleg|\w*vergadering\w*|meetings?|reunions?|assemblee\w*|webinar\w*)",
        # "wanneer is dat overleg volgend jaar"
        r"(?:wanneer|when|quand)\b.*\b(?:volgend|next|prochain)e? (?:jaar|year|annee)",
        # "c'est quand la réunion": in the present, the one to come.
        r"c est quand",
        # A deadline: "tegen wanneer moet het attest opgeladen zijn", "date limite": a day to
        # meet, which an answer on the same form without one does not give.
        r"deadline",
        r"(?:tegen|uiterlijk) wanneer",
        r"dates? limites?",
        r"by when",
    ),
    # "tot wanneer loopt het plan", "jusqu'à quand": an end, not necessarily a day to come.
    Asked.UNTIL: any_of(r"tot wanneer", r"jusqu a quand", r"until when", r"till when"),
    # "wie is de voorzitter", "who's the current chair", "c'est qui le président", "naam
    # voorzitter", "gsm-nummer voorzitter"; or the office and whose it is alone ("voorzitter
    # Domus Medica", "SSFH vice chair"): who holds it, unless the office is named among the
    # board's roles ("RvB AV chair", "voorzitter taken").
    Asked.PERSON: re.compile(
        r"\b(?:wie (?:is|zijn)|who (?:is|s|are)|qui (?:est|sont)|c est qui)"
        r"(?: (?:nu|daar|now|actuellement))?"
        r" (?:de |het |onze |the |our |le |la |l )?(?:huidi?ge |current |actuel(?:le)? )?"
        r"(?:" + _OFFICE + r")\b"
        r"|^(?=(?:\S+ ?){1,3}$)(?!.*\b(?:" + _ROLES + r")\b)(?:\S+ )*(?:" + _OFFICE + r")\b"
        r"|\b(?:" + _OFFICE + r")\b.*\b(?:naam|name|nom|telefoonnummer|gsm nummer|gsmnummer"
        r"|phone number|numero|e ?mail ?adres|mailadres|e ?mail address)\b"
        r"|\b(?:naam|name|nom|telefoonnummer|gsm nummer|gsmnummer|phone number|numero"
        r"|e ?mail ?adres|mailadres|e ?mail address)\b.*\b(?:" + _OFFICE + r")\b"
    ),
    **{kind: any_of(pattern) for kind, pattern in _PROFESSIONS.items()},
    **REGION_PATTERNS,
    **SUBJECT_PATTERNS,
    Asked.MATERNITY: _MATERNITY_BENEFIT,  # asked more narrowly than answers name it
    # "how much GPs are connected": how many, in a learner's English.
    Asked.COUNT: any_of(
        r"hoeveel", r"how many", r"combien d(?:e|es)?", r"how much \w+s (?:are|do|have)"
    ),
    Asked.POINTS: any_of(
        r"hoeveel (?:\w+ )?\w*punt(?:en)?",
        # "accreditatiepunten per LOK-sessie", "aantal accrediteringspunten per jaar"
        r"(?:aantal|number of|nombre de) (?:\w+ )?(?:\w*punten|points|credits)",
        r"\w*punten per",
        r"(?:points?|credits?) (?:per|par)",
        # "accreditation points needed per year", "accrediteringspunten lok sessie".
        r"(?:\w*punten|points|credits) (?:nodig|needed|required)",
        r"\w*punten (?:per |voor |van )?(?:een |de )?(?:lok|glem)\w*",
        r"combien de (?:\w+ )?points?",
        r"how many (?:\w+ )?(?:points?|credits?)",
    ),
    Asked.HEADCOUNT: any_of(
        r"(?:hoeveel|combien d(?:e|es)?|how many|how much) (?:\w+ )?(?:" + PEOPLE + ")"
    ),
    Asked.DURATION: any_of(
        r"hoe lang",
        r"how long",
        r"combien de temps",
        r"opzegtermijn",
        r"notice period",
        r"preavis",
        # "hoelang duurt het", "quel est le délai pour", "dans quel délai", "how soon".
        r"hoelang",
        r"(?:quel(?:le)?s? (?:est |sont )?(?:le |les )?|dans quel )delais?",
        r"binnen welke (?:termijn|tijd)",
        r"how soon",
        r"how much time",
    ),
    Asked.OPENING_HOURS: any_of(
        r"openingsu(?:u)?ren",
        r"openingstijden",
        r"open(?:ing)? (?:hours|times)",
        r"(?:heures|horaires?) d ouverture",
    ),
    # "welk paritair comité", "joint committee number": which one, not who agrees it.
    Asked.COMMITTEE: re.compile(
        r"\b(?:welke?|which|quelle?) (?:\w+ )?"
        + _COMMITTEE
        + r"|\b(?:"
        + _COMMITTEE
        + r")\b.*\b(?:nummer|number|numero|nr)\b"
        r"|\b(?:nummer|number|numero|nr)\b.*\b(?:" + _COMMITTEE + r")"
    ),
    Asked.ENGLISH: any_of(
        r"in english",
        r"en anglais",
        r"in het engels",
        r"(?:an )?english version",
        r"version anglaise",
        r"engelse versie",
        r"engelstalig\w*",
    ),
    Asked.PAID_LEAVE: any_of(
        r"vakantiedag\w*",
        r"verlofdag\w*",
        r"vakantiegeld",
        r"betaald verlof",
        r"conges? payes?",
        r"jours de conges?",
        r"pecule de vacances",
        r"paid (?:leave|holidays?)",
        r"annual leave",
        r"(?:days|weeks) of (?:paid )?(?:holidays?|leave|vacation)",
        r"(?:holiday|vacation) days",
    ),
    # Obtaining a number, in the members' words: "comment j'obtiens mon numéro INAMI", "how do i
    # get a riziv number", "hoe geraakte aan een RIZIV-nummer" (applying for one: `_A_NUMBER`).
    Asked.NUMBER: re.compile(
        r"\b(?:comment|how|hoe|waar|where|ou)\b[^.,;:!?]{0,40}"
        r"\b(?:get|krijg\w*|geraak\w*|obtiens|obtient|obtenir|avoir|recevoir)"
        r" (?:\w+ ){0,4}(?:\w*nummer|numbers?|numeros?)\b"
    ),
    Asked.VAT: any_of(
        r"btw", r"b t w", r"tva", r"vat", r"belasting over de toegevoegde waarde"
    ),  # ("b t w": dictated letter by letter)
    # An insurer to choose, not which insurances one needs ("welke verzekeraar en welke dekking
    # als vervangarts" asks the latter).
    Asked.INSURER: any_of(
        r"bij welke verzekeraar",
        r"welke (?:verzekeraar|verzekeringsmaatschappij) (?:\w+ ){0,3}"
        r"(?:aan|best|aanbevolen|biedt|voordelig\w*|goedkoop\w*)",
        r"(?:chez )?quel(?:le)? (?:assureur|compagnie d assurance) (?:\w+ ){0,2}"
        r"(?:prendre|choisir|conseill\w*|recommand\w*)",
        r"chez quel assureur",
        r"(?:which|what) (?:insurer|insurance company) (?:\w+ ){0,3}(?:recommend\w*|best|should)",
        r"(?:recommended|best) (?:insurer|insurance company)",
    ),
    # How, not whether: "moet ik telkens een KBO-nummer aanvragen?" asks if one must apply, and
    # an entry on the KBO number answers that without saying how.
    Asked.APPLICATION: any_of(
        r"hoe (?:vraag|vraagt) (?:ik|je|u|men|een \w+) (?:\w+ ){0,5}aan",
        # In one clause: "de praktijk waar ik invalt werkt met X, moet ik iets aanvragen?"
        # asks whether, not how.
        r"(?:hoe|waar)\b[^.,;:!?]*\b(?:aanvragen|hernieuwen)",
        r"^(?:\w+ ){1,3}(?:aanvragen|hernieuwen|apply|request|renew|demander|renouveler)$",
        r"(?:how|where) (?:do|can|should) (?:i|you|we|one) (?:apply|obtain|request|renew)",
        r"how to (?:apply|obtain|request|renew)",
        r"(?:comment|ou) (?:\w+ )?(?:demander|obtenir|renouveler)",
    ),
}

# A fact named outright rather than asked for: "prijs daktari", "salaris coördinator", "le
# tarif de la licence", "IBAN du cercle", "wifi kringlokaal" (unless it is what the member goes
# without: "sans tarif horaire").
_NAMED: dict[Asked, re.Pattern[str]] = {
    Asked.AMOUNT: re.compile(
        r"\b(?<!sans )(?<!zonder )(?<!without )(?<!geen )(?<!ni )(?<!no )"
        r"(?:\w*prijs|\w*prijzen|prix|price|prices|tarief|tarieven|tarif|tarifs|uurtarief|uurloon"
        r"|hourly rate|salaris|salary|salaire|bareme|loon|wedde)\b"
        # … but not a salary one works "in" or "with" (employed, not self-employed), nor the
        # payroll ("loon administratie"), which the kring's staff or a secretariat see to.
        r"(?<!in salary)(?<!with salary)(?<!on salary)(?! administrati)"
        r"(?<!administration des salaires)(?<!gestion des salaires)"
    ),
    Asked.ACCOUNT: any_of(
        r"iban",
        r"rekeningnummer",
        r"rekening nummer",
        r"bankrekening",
        r"(?:bank )?account number",
        r"numero de compte",
        r"compte bancaire",
    ),
    Asked.PASSWORD: any_of(
        r"wachtwoord", r"paswoord", r"password", r"mot de passe", r"wifi", r"wi fi", r"code wifi"
    ),
}

# "loon secretaresse kring, wie regelt dat", "who decides the salary of kring staff", "qui m'aide
# à encoder mon numéro de compte": a question asking who sees to a fact named outright asks for
# whoever handles it (a role, an office, an organisation), not for the fact. English and French
# only where "who" or "qui" opens a clause: "a locum who earns …" is no such question.
_WHO = re.compile(r"\bwie\b|(?:^|[.,;:!?] ?)who(?:se)?\b|(?:^|[.,;:!?] ?|\bc est |\best ce )qui\b")


# "nieuw IBAN doorgeven", "update my phone number": the member brings the fact, not asks for it.
_GIVING = any_of(
    r"nieuwe?",
    r"new",
    r"nouvel(?:le)?",
    r"nouveau",
    r"update",
    r"change",
    r"changer",
    r"modifier",
    r"wijzig(?:en)?",
    r"veranderd?",
    r"aanpassen",
    r"doorgeven",
)


# Deducting (folded), and the taxes one deducts from: "cotisation déductible des impôts",
# "fiscaal aftrekbaar", "deduct from my taxes"; not a contribution deducted from one's fees, nor an
# insurance's deductible.
_DEDUCTING = any_of(r"aftrek\w*", r"afgetrokken", r"dedu\w*")
_TAXES = any_of(r"belasting\w*", r"fiscaa?l\w*", r"impots?", r"tax\w*")

# A number (RIZIV, INAMI, KBO …) as what is applied for (folded), not one applied with: "how do I
# apply for membership with my RIZIV number" asks how to join.
_A_NUMBER = any_of(
    r"\w*nummer (?:\w+ )?(?:aanvragen|aan te vragen|aan|hernieuwen|krijgen)",
    r"(?:apply for|request|obtain|get|renew) (?:a |an |my |your |the )?(?:\w+ ){0,2}number",
    r"(?:demander|obtenir|renouveler|demande) (?:un |mon |votre |le |son )?numero",
)


# "bedrag wachtgeld", "montant prime Impulseo": a short question that opens with the amount;
# or one of a few words that ends with it, "Impulseo subsidie bedrag" (in a longer one, "the
# full social statute amount" is what one gets for the hours asked, "state period and amount"
# what an expense note mentions).
_OPENS_WITH_AMOUNT = re.compile(r"(?:het |le |the )?(?:bedrag|montant|amount)\b")
# "cotisations sociales remplaçant débutant montant" ends with it too. ("HealthOne locum cost"
# does not: such a query asks what a locum pays, which an entry answers with who pays it.)
_ENDS_WITH_AMOUNT = re.compile(r"^(?:\S+ ){1,4}(?:bedrag|montant|amount|kostprijs) ?\??$")

# "adres en openingsuren van de wachtpost": a question asking where as well, which an entry giving
# the address answers in part.
_WHERE = any_of(r"adres\w*", r"address", r"waar", r"where")

# "per maand", "par mois", "monthly": with the price of something asked ("healthone prijs per
# maand", "ça coûte combien par mois"), a price per month. How much one pays at most per month
# is asked of entries on the fee contribution, whose cap a neighbour without it may share.
_MONTHLY = any_of(
    r"per maand", r"par mois", r"per month", r"a month", r"monthly", r"maandelijks?e?"
)
_PRICED = any_of(r"\w*kost\w*", r"\w*prijs\w*", r"prix", r"prices?", r"costs?", r"coute\w*")
# The other periods an amount asked may be counted by (folded): per quarter, per year, per hour.
PERIODS: dict[Asked, str] = {
    Asked.QUARTERLY: r"per kwartaal|par trimestre|per quarter|quarterly|trimestriel\w*"
    r"|driemaandelijks\w*|(?:elk|ieder) kwartaal|chaque trimestre|(?:each|every|a) quarter",
    Asked.YEARLY: r"per jaar|par an|par annee|per year|yearly|annual\w*|annuel\w*"
    r"|jaarlijks\w*",
    Asked.HOURLY: r"per uur|par heure|per hour|(?<!for )an hour|hourly|horaire|uurloon|uurtarief"
    r"|uurprijs|une heure de|de l heure",
}
_PERIOD_PATTERNS = {kind: any_of(pattern) for kind, pattern in PERIODS.items()}
# An amount asked in money: "in euro", "hoeveel euro", "le montant exact".
_IN_EUROS = any_of(
    r"in euros?",
    r"en euros?",
    r"hoeveel euro",
    r"combien d euros?",
    r"how many euros?",
    r"(?:exact|exacte|precise|precies) (?:amount|bedrag|montant)",
    r"montant exact",
)


# "welke factoren bepalen hoeveel procent ik afsta", "what decides how many hours": what the
# amount or the number depends on, not what it is (folded).
_WHAT_DECIDES = any_of(
    r"(?:bepal\w*|bepaalt|beinvloed\w*|afhang\w*|af van|determin\w*|depend\w*|decide\w*"
    r"|influenc\w*) (?:\w+ ){0,2}(?:hoeveel|combien|how much|how many)"
)


@functools.lru_cache(maxsize=256)
def asked(question: str) -> frozenset[Asked]:
    """The kinds of fact the question explicitly asks for (usually none). Kept for the last
    questions: each is asked of many entries (see `Index.holds_asked`)."""
    folded = fold(question)
    kinds = {kind for kind, pattern in _QUESTIONS.items() if pattern.search(folded)}
    if not _WHO.search(folded):
        kinds |= {kind for kind, pattern in _NAMED.items() if pattern.search(folded)}
    if _DEDUCTING.search(folded) and _TAXES.search(folded):
        kinds.add(Asked.DEDUCTION)
    if _OPENS_WITH_AMOUNT.match(folded) or _ENDS_WITH_AMOUNT.search(folded):
        kinds.add(Asked.AMOUNT)
    if _IN_EUROS.search(folded):
        kinds |= {Asked.AMOUNT, Asked.EUROS}
    if _WHAT_DECIDES.search(folded):
        kinds -= {Asked.AMOUNT, Asked.COUNT, Asked.HEADCOUNT, Asked.POINTS}
    if Asked.AMOUNT in kinds:  # "hoeveel kost": an amount, which may be "free"
        kinds.discard(Asked.COUNT)
        if _MONTHLY.search(folded) and _PRICED.search(folded):
            kinds.add(Asked.MONTHLY)
        kinds |= {kind for kind, pattern in _PERIOD_PATTERNS.items() if pattern.search(folded)}
    if Asked.APPLICATION in kinds and _A_NUMBER.search(folded):  # the narrower application
        kinds = kinds - {Asked.APPLICATION} | {Asked.NUMBER}
    if Asked.OPENING_HOURS in kinds and _WHERE.search(folded):  # the address answers in part
        kinds.discard(Asked.OPENING_HOURS)
    if _GIVING.search(folded):
        kinds -= {Asked.PHONE, Asked.EMAIL, Asked.ACCOUNT, Asked.PASSWORD}
    return frozenset(kinds)
