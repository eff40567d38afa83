"""The fee-contribution guideline of seed 001, band by band, boundary by boundary, and the
document's own figures."""

from decimal import Decimal

import pytest

from bot.core.fees import (
    AmbiguousNumber,
    FeeInputReason,
    InvalidFeeInput,
    Rule,
    booklets,
    ceiling_for,
    forfait_hourly_rate,
    free_booklets_for,
    negotiable,
    no_contribution,
    parse_number,
)


def test_short_and_acute_replacements_pay_nothing() -> None:
    assert no_contribution(acute=False).rule is Rule.NONE_SHORT
    assert no_contribution(acute=True).rule is Rule.NONE_ACUTE
    assert no_contribution(acute=True).amount == 0


@pytest.mark.parametrize(
    ("income", "high"),
    [(0, "0.00"), (1000, "150.00"), (3333.33, "500.00"), (3300, "495.00"), (10000, "500")],
)
def test_one_to_six_months_is_up_to_15_percent_with_a_500_euro_ceiling(
    income: float, high: str
) -> None:
    result = negotiable(income)
    assert result.rule is Rule.NEGOTIABLE
    assert (result.low, result.high, result.ceiling) == (0, Decimal(high), 500)


@pytest.mark.parametrize(
    ("hours", "free", "ceiling"),
    [
        (8, "1", "187.50"),
        (16, "2", "375.00"),
        (32, "4", "750.00"),
        (24, "3", "562.50"),
        (40, "5", "750.00"),
        (48, "6", "750.00"),
        (8.5, "1", "199.22"),
        (14, "2", "328.13"),
        (2, "1", "46.88"),
    ],  # the document's examples; above full time more free booklets, the same ceiling
)
def test_the_documents_booklets_and_ceilings(hours: int, free: str, ceiling: str) -> None:
    assert free_booklets_for(hours) == Decimal(free)
    assert ceiling_for(hours) == Decimal(ceiling)


def test_more_than_six_months_is_30_percent_above_the_free_booklets() -> None:
    result = booklets(hours_per_week=32, monthly_income=6000, income_of_free_booklets=4500)
    assert result.rule is Rule.BOOKLETS and result.amount == Decimal("450.00")
    assert booklets(32, 9000, 4000).amount == Decimal("750.00")  # 1500 capped at 750
    assert booklets(8, 2000, 500).amount == Decimal("187.50")  # 450 capped at 187.50
    assert booklets(16, 3000, 3000).amount == 0  # little work: nothing to pay


def test_forfait_practices_pay_two_consultations_an_hour() -> None:
    result = forfait_hourly_rate(Decimal("30.15"))
    assert result.rule is Rule.FORFAIT_HOURLY and result.amount == Decimal("60.30")


@pytest.mark.parametrize("hours", [0, -8, 169, float("nan")])
def test_impossible_hours_are_refused(hours: float) -> None:
    with pytest.raises(InvalidFeeInput) as refused:
        ceiling_for(hours)
    assert refused.value.reason is FeeInputReason.HOURS


@pytest.mark.parametrize(
    "call",
    [lambda: negotiable(-1), lambda: booklets(16, 1000, 2000), lambda: forfait_hourly_rate(-5)],
)
def test_impossible_amounts_are_refused(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidFeeInput):
        call()


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("2500", "2500"),
        ("2.500", "2500"),
        ("2.500,50", "2500.50"),
        ("2,500.50", "2500.50"),
        ("€ 2 500", "2500"),
        ("16u", "16"),
        ("30,15", "30.15"),
        ("7.5", "7.5"),
        ("3.000,50", "3000.50"),
        ("3000,50", "3000.50"),
        ("3,000.50", "3000.50"),
        ("1.250.000", "1250000"),
        ("1,250,000", "1250000"),
        ("3000,500", "3000.5"),  # no thousands group has four digits before it
        ("0,500", "0.5"),
        ("24,5 uur", "24.5"),
    ],
)
def test_numbers_are_read_as_members_type_them(typed: str, number: str) -> None:
    assert parse_number(typed) == Decimal(number)


@pytest.mark.parametrize(
    ("typed", "small", "large"), [("3,000", "3", "3000"), ("12,500", "12.5", "12500")]
)
def test_a_comma_before_three_digits_reads_two_ways(typed: str, small: str, large: str) -> None:
    with pytest.raises(AmbiguousNumber) as ambiguous:
        parse_number(typed)
    assert ambiguous.value.readings == (Decimal(small), Decimal(large))


@pytest.mark.parametrize("typed", ["", "veel", "--", "3.00,50", "1/3/2026", "2000 tot 3000"])
def test_text_that_is_no_number_is_refused(typed: str) -> None:
    with pytest.raises(InvalidFeeInput):
        parse_number(typed)
