"""locum.fee_texts"""

from bot.core.expense_notes import ExpenseNote
from bot.core.fees import (
    LONG_CEILING_FULL_TIME,
    LONG_RATE,
    MEDIUM_MAX_RATE,
    FeeResult,
    InvalidFeeInput,
    Rule,
)
from bot.core.knowledge.model import Source
from bot.i18n import Translator
from handlers.knowledge import texts as knowledge_texts


def fee_choose_kind(t: Translator) -> str:
    return t.gettext(
        "<b>Fee contribution calculator</b>\nWhat kind of replacement is it? (/cancel stops)"
    )


def fee_ask_monthly_income(t: Translator) -> str:
    return t.gettext("What is your gross income from this replacement per month, in euro?")


def fee_ask_hours(t: Translator) -> str:
    return t.gettext("How many hours a week do you replace?")


def fee_ask_free_booklets_income(t: Translator, free_booklets: int) -> str:
    return t.ngettext(
        "No contribution is due on the month's first performance booklets: {count} booklet "
        "for your hours. How much of that income comes from it, in euro?",
        "No contribution is due on the month's first performance booklets: {count} booklets "
        "for your hours. How much of that income comes from them, in euro?",
        free_booklets,
    ).format(count=free_booklets)


def fee_ask_consultation_fee(t: Translator) -> str:
    return t.gettext("What is the current fee of a GP consultation, in euro?")


def fee_not_a_number(t: Translator) -> str:
    return t.gettext("Please send an amount in figures, for example 2500 or 2.500,50.")


def fee_hours_not_a_number(t: Translator) -> str:
    return t.gettext("Please send the hours a week in figures, for example 16 or 24,5.")


def fee_which_reading(t: Translator) -> str:
    return t.gettext("Which number do you mean?")


def fee_invalid(t: Translator, error: InvalidFeeInput) -> str:
    if error.reason == "hours":
        return t.gettext("Please send the hours you work per week: more than 0 and at most 168.")
    if error.reason == "period":
        return t.gettext("Please describe the period in a few words, for example: March 2026.")
    if error.reason == "address":
        return t.gettext(
            "Please send a postal address with street, number, postcode and town, for example: "
            "Kerkstraat 1, 9000 Gent."
        )
    if error.reason == "kbo":
        return t.gettext(
            "That is not a valid KBO number: 10 digits such as 0123.456.749, the last two "
            "checking the others. Please check it and send it again."
        )
    if error.reason == "iban":
        return t.gettext(
            "That is not a valid bank account number (IBAN), for example BE68 5390 0754 7034. "
            "Please check it and send it again."
        )
    return t.gettext(
        "Please send an amount of 0 euro or more; the income of the free booklets cannot be "
        "more than the income of the month."
    )


def fee_result(t: Translator, result: FeeResult, source: Source | None) -> str:
    if result.rule is Rule.NONE_SHORT:
        text = t.gettext(
            "<b>No fee contribution.</b>\nFor a replacement of 4 weeks or less the guideline "
            "asks no contribution: a locum is hard to find at short notice."
        )
    elif result.rule is Rule.NONE_ACUTE:
        text = t.gettext(
            "<b>No fee contribution.</b>\nFor a replacement after an unexpected dropout "
            "(illness, accident …) the guideline asks no contribution."
        )
    elif result.rule is Rule.NEGOTIABLE:
        text = t.gettext(
            "<b>Between {low} and {high} per month.</b>\nFor 1 to 6 months the guideline "
            "suggests a fixed contribution of 0 to {rate} of your income, to agree with the "
            "practice, with a ceiling of {ceiling} per month. More patient contacts and more "
            "support from the practice raise it; full availability and a long commute lower it. "
            "Your experience as a GP is a factor too."
        ).format(
            low=t.money(result.low),
            high=t.money(result.high),
            ceiling=t.money(result.ceiling or 0),
            rate=t.percent(MEDIUM_MAX_RATE),
        )
    elif result.rule is Rule.BOOKLETS:
        free = result.free_booklets or 0
        text = t.gettext("<b>{amount} for this month.</b>").format(amount=t.money(result.amount))
        text += "\n" + t.ngettext(
            "For more than 6 months: no contribution on the month's first performance booklets "
            "({count} booklet for your hours), then {rate} of the income above it, at most "
            "{ceiling} per month for your hours (in proportion to 32 hours a week, never more "
            "than {maximum}).",
            "For more than 6 months: no contribution on the month's first performance booklets "
            "({count} booklets for your hours), then {rate} of the income above them, at most "
            "{ceiling} per month for your hours (in proportion to 32 hours a week, never more "
            "than {maximum}).",
            free,
        ).format(
            count=free,
            ceiling=t.money(result.ceiling or 0),
            rate=t.percent(LONG_RATE),
            maximum=t.money(LONG_CEILING_FULL_TIME),
        )
    else:
        text = t.gettext(
            "<b>{amount} per hour.</b>\nIn a forfait practice or a community health centre the "
            "guideline suggests, instead of a contribution, a gross hourly rate of two "
            "consultations."
        ).format(amount=t.money(result.amount))
    parts = [text, fee_basis(t, result), f"<i>{knowledge_texts.document_source(t, source)}</i>"]
    return "\n\n".join(part for part in parts if part)


def fee_basis(t: Translator, result: FeeResult) -> str:
    """The figures the result was computed from, as the bot understood them (none for the
    rules without figures)."""
    if result.rule is Rule.NEGOTIABLE:
        return t.gettext("Computed from a monthly income of {income}.").format(
            income=t.money(result.income or 0)
        )
    if result.rule is Rule.BOOKLETS:
        return t.gettext(
            "Computed from {hours} hours a week and a monthly income of {income}, of which "
            "{free_income} from the free booklets."
        ).format(
            hours=t.number(result.hours or 0),
            income=t.money(result.income or 0),
            free_income=t.money(result.free_income or 0),
        )
    if result.rule is Rule.FORFAIT_HOURLY:
        return t.gettext("Computed from a consultation fee of {fee}.").format(
            fee=t.money(result.consultation_fee or 0)
        )
    return ""


def note_ask_replaced_name(t: Translator) -> str:
    return t.gettext("Expense note: what is the name of the doctor or practice you replaced?")


def note_ask_practice_address(t: Translator) -> str:
    return t.gettext("What is the address of the practice? For example: Kerkstraat 1, 9000 Gent.")


def note_ask_practice_kbo(t: Translator) -> str:
    return t.gettext("What is the practice's KBO number (company number)?")


def note_ask_replaced_riziv(t: Translator) -> str:
    return t.gettext("What is the RIZIV number of the replaced doctor?")


def note_ask_period(t: Translator) -> str:
    return t.gettext("For which period? For example: March 2026, or 1/3/2026 – 31/3/2026.")


def note_ask_agreed_amount(t: Translator) -> str:
    return t.gettext("What contribution did you agree on for this period, in euro?")


def note_ask_my_address(t: Translator) -> str:
    return t.gettext("What is your own address, as it should appear on the note?")


def note_ask_iban(t: Translator) -> str:
    return t.gettext("What is your bank account number (IBAN)?")


def note_ready(t: Translator) -> str:
    return t.gettext("Here is your expense note, addressed to the replaced doctor or practice.")


def expense_note_filename(t: Translator) -> str:
    return t.gettext("expense-note") + ".pdf"


def note_title(t: Translator) -> str:
    return t.gettext("Expense note")


def note_from(t: Translator) -> str:
    return t.gettext("From (locum)")


def note_to(t: Translator) -> str:
    return t.gettext("To (replaced doctor or practice)")


def note_locum_lines(t: Translator, note: ExpenseNote) -> list[str]:
    return [
        note.locum_name,
        *note.locum_address.splitlines(),
        t.gettext("RIZIV number: {number}").format(number=note.locum_riziv or "-"),
        t.gettext("Bank account (IBAN): {iban}").format(iban=note.locum_iban),
    ]


def note_practice_lines(t: Translator, note: ExpenseNote) -> list[str]:
    return [
        note.replaced_name,
        *note.practice_address.splitlines(),
        t.gettext("KBO number: {number}").format(number=note.practice_kbo),
        t.gettext("RIZIV number of the replaced doctor: {number}").format(
            number=note.replaced_riziv
        ),
    ]


def note_rows(t: Translator, note: ExpenseNote) -> list[tuple[str, str]]:
    return [
        (t.gettext("Period of the replacement"), note.period),
        (t.gettext("Fee contribution paid"), t.money(note.amount)),
    ]


def note_basis(t: Translator, result: FeeResult) -> str:
    """How the amount on the note follows from the guideline and the member's figures."""
    if result.rule is Rule.BOOKLETS:
        return t.gettext(
            "Basis of the calculation (replacement of more than 6 months): {rate} of the "
            "month's income above that of the free booklets ({income} − {free_income}), at "
            "most {ceiling} a month for {hours} hours a week."
        ).format(
            rate=t.percent(LONG_RATE),
            income=t.money(result.income or 0),
            free_income=t.money(result.free_income or 0),
            ceiling=t.money(result.ceiling or 0),
            hours=t.number(result.hours or 0),
        )
    return t.gettext(
        "Basis of the calculation (replacement of 1 to 6 months): agreed with the practice, "
        "0 to {rate} of a monthly income of {income}, at most {ceiling} a month."
    ).format(
        rate=t.percent(MEDIUM_MAX_RATE),
        income=t.money(result.income or 0),
        ceiling=t.money(result.ceiling or 0),
    )


def note_signature(t: Translator, note: ExpenseNote) -> str:
    return t.gettext("Signature of the locum, {name}").format(name=note.locum_name)


def note_footer(t: Translator) -> str:
    return t.gettext(
        "Fee contribution of the locum to the replaced practice, after the guideline of "
        "Domus Medica (Vervangingen, revised 8 May 2023). Keep this note with your records."
    )


def fee_cancelled(t: Translator) -> str:
    return t.gettext("The calculation was stopped.")
