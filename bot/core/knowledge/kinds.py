"""The kinds of fact a question may ask for and an answer may hold: what asks.py reads in a
question, and offers.py and named.py in an answer. An entry whose answer holds none of the kinds
asked cannot answer, however well its words match."""

from enum import StrEnum


class Asked(StrEnum):
    AMOUNT = "amount"  # a price, a fee, a percentage
    PHONE = "phone"
    EMAIL = "email"
    ACCOUNT = "account"  # a bank account (IBAN)
    PASSWORD = "password"
    DATE = "date"  # of the next meeting, course, assembly …
    PERSON = "person"  # who holds an office: the chair, the treasurer …
    # Whether VAT is due, or a price with or without it: "moet ik btw aanrekenen als vervanger"
    # is on topic for every entry on locum fees, but only one that names VAT answers it.
    VAT = "vat"
    # How many (points, hours, members …): an answer without a number in it does not say.
    COUNT = "count"
    # How many points (accreditation points, the practice premium's): "two LOK sessions" is a
    # count, but not of the points a session brings.
    POINTS = "points"
    # How many people (members, GPs): "how many members must a kring have" is on topic for an
    # entry counting a kring's tasks, but only an answer counting people says.
    HEADCOUNT = "headcount"
    # Whether, or how much, one may deduct from one's taxes: no entry on the membership fee or a
    # locum's costs says so unless it names deducting.
    DEDUCTION = "deduction"
    # How to apply for, request or renew something ("hoe vraag ik een eHealth-certificaat aan",
    # "RIZIV nummer aanvragen"): an entry on what to do with it once one has it does not say.
    APPLICATION = "application"
    # How to obtain a number ("comment obtenir mon numéro INAMI", "apply for a RIZIV number"): an
    # entry on applying for membership, which asks for one's RIZIV number, does not say.
    NUMBER = "number"
    # A rule for another profession than ours (general practice): only an entry that names it
    # can answer "does a physiotherapist who stands in also hand over a share?".
    DENTIST = "dentist"
    PHARMACIST = "pharmacist"
    PHYSIOTHERAPIST = "physiotherapist"
    MIDWIFE = "midwife"
    PSYCHOLOGIST = "psychologist"
    SPEECH_THERAPIST = "speech therapist"
    NURSE = "nurse"
    # A rule of another region: an entry on the Dutch flexpools does not say whether there is one
    # in Flanders. An entry naming no region states Belgian rules.
    FLANDERS = "flanders"
    WALLONIA = "wallonia"
    BRUSSELS = "brussels"
    BELGIUM = "belgium"
    NETHERLANDS = "netherlands"
    # How long (a period, a notice, a procedure): an answer without a number of days, weeks,
    # months or years, or a date to count to or from, does not say. "hoe lang duurt de
    # erkenningsprocedure" is on topic for the entry on recognition, which gives no duration.
    DURATION = "duration"
    # Until when something runs ("tot wanneer loopt het beleidsplan", "jusqu'à quand"): an
    # end, which a period ("2021-2025"), a time it ends ("tot 14u"), a date or a number of
    # days … gives; not only a date still to come, as a deadline asked (DATE) needs.
    UNTIL = "until"
    # Opening hours: only an answer giving a time of day says when the out-of-hours post is open.
    OPENING_HOURS = "opening hours"
    # A price per month ("HealthOne prijs per maand"): an answer saying "a monthly licence is
    # possible" but no amount per month does not say.
    MONTHLY = "monthly"
    # An amount per quarter, per year or per hour ("cotisations sociales par trimestre, c'est
    # combien", "hoeveel is het lidgeld per jaar", "combien rapporte une heure de garde"): an
    # answer giving a threshold per year does not give what one pays per quarter, nor one
    # giving an address what an hour on call brings.
    QUARTERLY = "quarterly"
    YEARLY = "yearly"
    HOURLY = "hourly"
    # An amount in money ("in euro", "hoeveel euro", "the exact amount"): an answer giving a
    # rate "worth two consultations per hour", or a share in per cent, does not say.
    EUROS = "euros"
    # Which joint committee (paritair comité) applies: an answer that names the committee but not
    # its number does not say ("paritair comité kringpersoneel, wie regelt dat" asks who sees
    # to it, which it does say).
    COMMITTEE = "committee"
    # An organisation or a benefit named in the question: an entry on the kring's membership fee
    # does not give the Order's, a Domus Medica contract is not the SSMG's, and an entry on a
    # locum's social status that does not name maternity rest does not say whether it is due.
    MEDICAL_ORDER = "medical order"
    SSMG = "ssmg"
    ABSYM = "absym"
    MATERNITY = "maternity"
    # Which insurer to take or the kring recommends ("bij welke verzekeraar kan ik best mijn
    # gewaarborgd inkomen nemen"): an entry on which insurances a locum needs names none.
    INSURER = "insurer"
    # A document in English ("is there a model contract in English"): an entry on the model
    # contract that does not say it has an English version does not answer it.
    ENGLISH = "english"
    # Paid leave, holidays as a right ("hoeveel vakantiedagen heb ik als vervanger", "droit à
    # des congés payés"): an entry on a locum's fee or status that names none does not say.
    PAID_LEAVE = "paid leave"
