"""locum.fee_texts"""

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


def note_ask_replaced_riziv(t: Translator) -> str:
    return t.gettext("What is the RIZIV number of the replaced doctor?")


def note_ask_period(t: Translator) -> str:
    return t.gettext("For which period? For example: March 2026, or 1/3/2026 – 31/3/2026.")


def note_ask_agreed_amount(t: Translator) -> str:
    return t.gettext("What contribution did you agree on for this period, in euro?")


def note_ready(t: Translator) -> str:
    return t.gettext("Here is your expense note, addressed to the replaced doctor or practice.")


def expense_note_filename(t: Translator) -> str:
    return t.gettext("expense-note") + ".pdf"


def fee_cancelled(t: Translator) -> str:
    return t.gettext("The calculation was stopped.")
