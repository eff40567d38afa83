"""Concepts of the kring's own words, apart from those of care and the locum's work in
concepts.py: the kring and its people, its communication, and the texts it publishes (the
handbook, the flexpool and SSFH pages). Same rules as there: every variant becomes the concept
term, the same in every language."""

KRING_CONCEPTS: dict[str, tuple[str, ...]] = {
    "KRING": (
        "kring",
        "kringen",
        "huisartsenkring",
        "huisartsenkringen",
        "cercle",
        "cercles",
        "cercle de medecins generalistes",
        "circle",  # the English entries' own word for the kring
        "circles",
        "gp association",
        "gp circle",
        "kringwerking",
        "kringwerkingen",
        "kring werking",  # dictation splits the word
    ),
    "COORDINATOR": (
        "coordinator",
        "kringcoordinator",
        "kringcoordinatoren",
        "coordinateur",
        "coordinatrice",
        "coordinators",
        "coordinatoren",
    ),
    # The kring's person to turn to: members say the person, the answers the point (in French
    # and English "contact" stays a word of its own, which members ask with)
    "CONTACT": ("aanspreekpunt", "aanspreekpunten", "aanspreekpersoon", "contactpersoon"),
    # The Domus Medica handbook on the kringen's future, by whatever members call a printed guide
    "BOOKLET": (
        "boekje",
        "boekjes",
        "boekske",
        "boekskes",
        "handleiding",
        "handleidingen",
        "handboek",
        "handboeken",
        "brochure",
        "brochures",
        "bouquin",  # Belgian and French colloquial for a book
        "bouquins",
        "petit livre",
        "petits livres",
        "livret",
        "livrets",
        "manuel",
        "manuels",
        "booklet",
        "booklets",
        "handbook",
        "handbooks",
        "manual",
        "manuals",
    ),
    "NEWSLETTER": (
        "nieuwsbrief",
        "nieuwsbrieven",
        "newsletter",
        "newsletters",
        "lettre d information",
        "nieuws brief",  # dictation splits the word
        "nieuws brieven",
    ),
    # The kring's two kinds of communication, by their Dutch names too (which members who ask in
    # English or French have read in the Dutch texts)
    "RECRUITMENTCOMMS": (
        "wervingscommunicatie",
        "wervings communicatie",  # dictation splits the word
        "werving communicatie",  # and drops the linking s
        "communication de recrutement",
        "recruitment communication",
        "recruiting communication",
    ),
    "PROGRESSCOMMS": (
        "voortgangscommunicatie",
        "voortgangs communicatie",
        "voortgang communicatie",
        "communication de suivi",
        "communication sur l avancement",  # the French for "voortgang" a member reaches for
        "communication d avancement",
        "communication de progression",
        "progress communication",
        "follow up communication",
    ),
    "FLEXPOOL": (
        "flexpool",
        "flexpools",
        "pool",
        "invalpool",
        "flex pool",  # dictation splits the word
        "flexpoll",  # and mishears it
    ),
    # The Dutch region of that flexpool, also by its initials (ZHE) and in translation
    "ZHE": (
        "zhe",
        "zuid hollandse eilanden",
        "south holland islands",
        "iles de la hollande meridionale",
    ),
    # Where the entries say what an organisation works on first, by each language's word for it
    "PRIORITY": (
        "speerpunt",
        "speerpunten",
        "speer punt",  # dictation splits the word
        "speer punten",
        "prioriteit",
        "prioriteiten",
        "axe prioritaire",
        "axes prioritaires",
        "priorite",
        "priorites",
        "spearhead",
        "spearheads",
        "priority",
        "priorities",
    ),
    # Learning from each other by working in another practice
    "CROSSPOLLINATION": (
        "kruisbestuiving",
        "pollinisation croisee",
        "fertilisation croisee",
        "cross pollination",
        "cross polination",  # as often typed
    ),
    # Change that comes from the work floor, not from above
    "BOTTOMUP": (
        "bottom up",
        "van onderuit",
        "van onderop",
        "de la base",
        "d en bas",
        "par le bas",
        "from the ground up",
        "grassroots",
    ),
    # The Dutch organisation by its initials or by its name, as members write either
    "SSFH": (
        "ssfh",
        "stichting sociaal fonds huisartsenzorg",
        "sociaal fonds huisartsenzorg",
        "sociaal fonds",
        "fonds social",
        "fonds social neerlandais",
        "social fund",
        "dutch social fund",
    ),
    # The register of a non-profit's ultimate beneficial owners, by its initials
    "UBO": ("ubo",),
    # Human resources
    "HR": (
        "hr",
        "hrm",
        "human resources",
        "human resource management",
        "ressources humaines",
        "rh",
        "grh",
        "personeelsbeleid",
    ),
    # Being seen, as the kring makes the profession (the entries' word) and as members put it
    "VISIBLE": (
        "zichtbaar",
        "zichtbaarder",
        "zichtbaarheid",
        "gezien worden",
        "gezien wordt",
        "gezien te worden",
        "visible",
        "visibles",
        "visibilite",
        "etre vu",
        "etre vus",
        "visibility",
        "be seen",
        "being seen",
    ),
}
