"""The locum's fee contribution (onkostenbijdrage) to the replaced practice, after the guideline
of seed 001 (Domus Medica, "Vervangingen", revised 8 May 2023).

- Up to 4 weeks, or an acute replacement (illness, accident): no contribution.
- More than 4 weeks up to 6 months: a fixed percentage between 0 and 15%, to negotiate; the
  suggested ceiling is 500 euro a month.
- More than 6 months: no contribution on the first four performance booklets of the month for
  32 hours a week, proportionally more or fewer for other hours, then 30% of the income above
  them, with a monthly ceiling proportional to the hours (8 h: 187.50, 16 h: 375) and never
  above 750 euro.
- Forfait practices and community health centres: no contribution but an hourly rate of two
  consultations.
"""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from bot.core.errors import DomainError

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
    ADDRESS = "address"
    """Not a postal address: 8 to 160 characters with a letter and a number."""
    KBO = "kbo"
    """Not a company number (KBO): 10 digits starting with 0 or 1, the last two checking the
    first eight."""
    IBAN = "iban"
    """Not a bank account number (IBAN) whose check digits are right."""


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
    """The outcome, with the figures it was computed from (the member sees what was understood,
    and the expense note shows its basis)."""

    rule: Rule
    amount: Decimal = Decimal(0)  # per month; for a forfait practice: the hourly rate
    low: Decimal = Decimal(0)  # negotiable band: the range per month
    high: Decimal = Decimal(0)
    ceiling: Decimal | None = None  # per month
    free_booklets: int | None = None
    hours: Decimal | None = None  # per week
    income: Decimal | None = None  # per month
    free_income: Decimal | None = None  # of the free booklets, per month
    consultation_fee: Decimal | None = None


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _amount(value: Decimal | float | int) -> Decimal:
    amount = Decimal(str(value))
    if not amount.is_finite() or amount < 0:
        raise InvalidFeeInput(FeeInputReason.AMOUNT)
    return amount


def money(value: Decimal | float | int) -> Decimal:
    """An amount of 0 euro or more, to the cent."""
    return _money(_amount(value))


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
        Rule.NEGOTIABLE,
        amount=high,
        low=Decimal(0),
        high=high,
        ceiling=MEDIUM_CEILING,
        income=income,
    )


def ceiling_for(hours_per_week: Decimal | float | int) -> Decimal:
    """750 euro a month at 32 hours a week, proportionally less for fewer hours, never more."""
    hours = min(_hours(hours_per_week), FULL_TIME_HOURS)
    return _money(LONG_CEILING_FULL_TIME * hours / FULL_TIME_HOURS)


def free_booklets_for(hours_per_week: Decimal | float | int) -> int:
    """Four booklets at 32 hours a week, in proportion to the hours, also above 32 hours. A
    booklet is used whole, so the share is rounded to the nearest whole booklet (which keeps
    the guideline's examples: 8 h one, 16 h two), and the first one is always free: with
    little work the guideline asks no contribution."""
    share = FREE_BOOKLETS_FULL_TIME * _hours(hours_per_week) / FULL_TIME_HOURS
    return max(1, int(share.quantize(Decimal(1), rounding=ROUND_HALF_UP)))


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
        hours=_hours(hours_per_week),
        income=income,
        free_income=free_income,
    )


def forfait_hourly_rate(consultation_fee: Decimal | float | int) -> FeeResult:
    """Forfait practice or community health centre: the gross pay per hour is two consultations."""
    fee = _amount(consultation_fee)
    rate = _money(fee * CONSULTATIONS_PER_HOUR)
    return FeeResult(Rule.FORFAIT_HOURLY, amount=rate, consultation_fee=fee)


class AmbiguousNumber(DomainError):
    """A number that reads two ways: "3,000" is 3 (a Belgian decimal comma) or 3000 (an
    English thousands comma). The member chooses between `readings`, smaller one first."""

    def __init__(self, readings: tuple[Decimal, Decimal]) -> None:
        super().__init__(readings)
        self.readings = readings


_SPACED_THOUSANDS = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))")
_NUMBER = re.compile(r"-?\d(?:[\d.,]*\d)?")


def parse_number(text: str) -> Decimal:
    """The one number in what a member typed, in Belgian or English notation: "2.500,50",
    "2,500.50", "2500,5", "€ 2 500", "16u".

    With both marks, the last one is the decimal mark and the other groups thousands by three.
    With one mark used several times, it groups thousands. A single dot followed by exactly
    three digits groups thousands ("4.000": nobody writes euros or hours with three decimals).
    A single comma followed by exactly three digits is the Belgian decimal comma or the English
    thousands comma, so "3,000" raises AmbiguousNumber; any other single mark is decimal.
    """
    tokens = _NUMBER.findall(_SPACED_THOUSANDS.sub("", text))
    if len(tokens) != 1:  # no number, or several ("1/3/2026", "2000 to 3000")
        raise InvalidFeeInput(FeeInputReason.AMOUNT)
    token = tokens[0]
    if token.startswith("-"):  # a negative amount: the rules refuse it with their own reason
        return -_unsigned(token[1:])
    return _unsigned(token)


def _unsigned(token: str) -> Decimal:
    marks = {mark for mark in ".," if mark in token}
    if len(marks) == 2:
        decimal_mark = max(marks, key=token.rfind)
        whole, _, fraction = token.rpartition(decimal_mark)
        return _grouped(whole, "," if decimal_mark == "." else ".") + _fraction(fraction)
    if not marks:
        return Decimal(token)
    (mark,) = marks
    if token.count(mark) > 1:
        return _grouped(token, mark)
    whole, _, fraction = token.partition(mark)
    if len(fraction) != 3 or len(whole) > 3 or whole == "0":
        return Decimal(whole) + _fraction(fraction)
    if mark == ".":
        return Decimal(whole + fraction)
    raise AmbiguousNumber((Decimal(f"{whole}.{fraction}"), Decimal(whole + fraction)))


def _grouped(whole: str, mark: str) -> Decimal:
    """Digits grouped by three with `mark` ("1.250.000"); any other grouping is no number."""
    if not re.fullmatch(rf"\d{{1,3}}(?:{re.escape(mark)}\d{{3}})*", whole):
        raise InvalidFeeInput(FeeInputReason.AMOUNT)
    return Decimal(whole.replace(mark, ""))


def _fraction(digits: str) -> Decimal:
    if not digits.isdigit():
        raise InvalidFeeInput(FeeInputReason.AMOUNT)
    return Decimal(f"0.{digits}")
