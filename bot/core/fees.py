"""The locum's fee contribution (onkostenbijdrage) to the replaced practice, after the guideline
of seed 001 (Domus Medica, "Vervangingen", revised 8 May 2023).

- Up to 4 weeks, or an acute replacement (illness, accident): no contribution.
- More than 4 weeks up to 6 months: a fixed percentage between 0 and 15%, to negotiate; the
  suggested ceiling is 500 euro a month.
- More than 6 months: no contribution on the first four performance booklets of the month for
  32 hours a week (proportionally fewer for fewer hours), then 30% of the income above them, with
  a monthly ceiling of 750 euro for 32 hours a week, also proportional (8 h: 187.50, 16 h: 375).
- Forfait practices and community health centres: no contribution but an hourly rate of two
  consultations.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from bot.core.errors import DomainError
from bot.core.membership import clean_name
from bot.core.riziv import parse_riziv

SOURCE = "001"  # the knowledge base's key for the guideline's document
CENT = Decimal("0.01")
FULL_TIME_HOURS = Decimal(32)
FREE_BOOKLETS_FULL_TIME = Decimal(4)
LONG_RATE = Decimal("0.30")
LONG_CEILING_FULL_TIME = Decimal(750)
MEDIUM_MAX_RATE = Decimal("0.15")
MEDIUM_CEILING = Decimal(500)
CONSULTATIONS_PER_HOUR = 2
HOURS_IN_A_WEEK = 168


class FeeInputReason(StrEnum):
    """Which input no replacement can have."""

    HOURS = "hours"
    """Hours a week that are not more than 0 and at most 168."""
    AMOUNT = "amount"
    """Not an amount of 0 euro or more, or free booklets bringing in more than the month."""
    PERIOD = "period"
    """A period not described in 2 to 80 characters."""


class InvalidFeeInput(DomainError):
    """Input no replacement can have; `reason` names it for the member."""

    def __init__(self, reason: FeeInputReason) -> None:
        super().__init__(reason)
        self.reason = reason


class Rule(StrEnum):
    NONE_SHORT = "none_short"
    NONE_ACUTE = "none_acute"
    NEGOTIABLE = "negotiable"
    BOOKLETS = "booklets"
    FORFAIT_HOURLY = "forfait_hourly"


@dataclass(frozen=True)
class FeeResult:
    rule: Rule
    amount: Decimal = Decimal(0)  # per month; for a forfait practice: the hourly rate
    low: Decimal = Decimal(0)  # negotiable band: the range per month
    high: Decimal = Decimal(0)
    ceiling: Decimal | None = None  # per month
    free_booklets: Decimal | None = None


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _amount(value: Decimal | float | int) -> Decimal:
    amount = Decimal(str(value))
    if not amount.is_finite() or amount < 0:
        raise InvalidFeeInput(FeeInputReason.AMOUNT)
    return amount


def _hours(value: Decimal | float | int) -> Decimal:
    hours = Decimal(str(value))
    if not hours.is_finite() or hours <= 0 or hours > HOURS_IN_A_WEEK:
        raise InvalidFeeInput(FeeInputReason.HOURS)
    return hours


def no_contribution(acute: bool) -> FeeResult:
    return FeeResult(Rule.NONE_ACUTE if acute else Rule.NONE_SHORT)


def negotiable(monthly_income: Decimal | float | int) -> FeeResult:
    """1 to 6 months: 0–15% of the income, at most 500 euro a month."""
    income = _amount(monthly_income)
    high = min(_money(income * MEDIUM_MAX_RATE), MEDIUM_CEILING)
    return FeeResult(
        Rule.NEGOTIABLE, amount=high, low=Decimal(0), high=high, ceiling=MEDIUM_CEILING
    )


def ceiling_for(hours_per_week: Decimal | float | int) -> Decimal:
    """750 euro a month at 32 hours a week, proportionally less for fewer hours, never more."""
    hours = min(_hours(hours_per_week), FULL_TIME_HOURS)
    return _money(LONG_CEILING_FULL_TIME * hours / FULL_TIME_HOURS)


def free_booklets_for(hours_per_week: Decimal | float | int) -> Decimal:
    hours = min(_hours(hours_per_week), FULL_TIME_HOURS)
    return (FREE_BOOKLETS_FULL_TIME * hours / FULL_TIME_HOURS).normalize()


def booklets(
    hours_per_week: Decimal | float | int,
    monthly_income: Decimal | float | int,
    income_of_free_booklets: Decimal | float | int,
) -> FeeResult:
    """More than 6 months: 30% of the month's income above that of the free booklets, capped."""
    income, free_income = _amount(monthly_income), _amount(income_of_free_booklets)
    if free_income > income:
        raise InvalidFeeInput(FeeInputReason.AMOUNT)
    ceiling = ceiling_for(hours_per_week)
    amount = min(_money((income - free_income) * LONG_RATE), ceiling)
    return FeeResult(
        Rule.BOOKLETS,
        amount=amount,
        ceiling=ceiling,
        free_booklets=free_booklets_for(hours_per_week),
    )


def forfait_hourly_rate(consultation_fee: Decimal | float | int) -> FeeResult:
    """Forfait practice or community health centre: the gross pay per hour is two consultations."""
    rate = _money(_amount(consultation_fee) * CONSULTATIONS_PER_HOUR)
    return FeeResult(Rule.FORFAIT_HOURLY, amount=rate)


def parse_number(text: str) -> Decimal:
    """A number as members type it: "2.500,50", "2500.50", "€ 2 500", "16u"."""
    cleaned = "".join(ch for ch in text if ch.isdigit() or ch in ".,-")
    if "," in cleaned and "." in cleaned:  # the last separator is the decimal one
        decimal_mark = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        cleaned = cleaned.replace("." if decimal_mark == "," else ",", "")
    elif cleaned.count(".") > 1 or (cleaned.count(".") == 1 and len(cleaned.split(".")[1]) == 3):
        cleaned = cleaned.replace(".", "")  # dots as thousands separators
    cleaned = cleaned.replace(",", ".")
    try:
        number = Decimal(cleaned)
    except ArithmeticError:
        raise InvalidFeeInput(FeeInputReason.AMOUNT) from None
    if not number.is_finite():
        raise InvalidFeeInput(FeeInputReason.AMOUNT)
    return number


@dataclass(frozen=True)
class ExpenseNote:
    """The onkostennota: the locum addresses it to the replaced doctor or practice, with the
    amount paid and the period worked (seed 001)."""

    locum_name: str
    locum_riziv: str | None
    replaced_name: str
    replaced_riziv: str
    period: str
    amount: Decimal
    issued_on: date


def expense_note(
    locum_name: str,
    locum_riziv: str | None,
    replaced_name: str,
    replaced_riziv_text: str,
    period: str,
    amount: Decimal | float | int,
    issued_on: date,
) -> ExpenseNote:
    """Checks what the member typed: a real RIZIV number, a period, an amount."""
    replaced_riziv = parse_riziv(replaced_riziv_text).formatted
    period = " ".join(period.split())
    if not 2 <= len(period) <= 80:
        raise InvalidFeeInput(FeeInputReason.PERIOD)
    return ExpenseNote(
        locum_name=locum_name,
        locum_riziv=parse_riziv(locum_riziv).formatted if locum_riziv else None,
        replaced_name=clean_name(replaced_name),
        replaced_riziv=replaced_riziv,
        period=period,
        amount=_money(_amount(amount)),
        issued_on=issued_on,
    )
