"""What an expense note checks: company numbers, bank accounts, addresses."""

import pytest

from bot.core.expense_notes import clean_address, parse_iban, parse_kbo
from bot.core.fees import FeeInputReason, InvalidFeeInput


@pytest.mark.parametrize(
    ("typed", "kbo"),
    [
        ("0123.456.749", "0123.456.749"),
        ("BE 0403 170 701", "0403.170.701"),
        ("403170701", "0403.170.701"),  # the old nine-digit form
    ],
)
def test_kbo_numbers_are_read_as_typed(typed: str, kbo: str) -> None:
    assert parse_kbo(typed) == kbo


@pytest.mark.parametrize("typed", ["0123.456.748", "2123.456.749", "12345", "BE"])
def test_a_kbo_number_that_does_not_check_is_refused(typed: str) -> None:
    with pytest.raises(InvalidFeeInput) as refused:
        parse_kbo(typed)
    assert refused.value.reason is FeeInputReason.KBO


@pytest.mark.parametrize(
    ("typed", "iban"),
    [
        ("be68 5390 0754 7034", "BE68 5390 0754 7034"),
        ("NL91ABNA0417164300", "NL91 ABNA 0417 1643 00"),
    ],
)
def test_ibans_are_read_as_typed(typed: str, iban: str) -> None:
    assert parse_iban(typed) == iban


@pytest.mark.parametrize(
    "typed", ["BE68 5390 0754 7035", "BE68 5390 0754 703", "BE6853900754703400", "68539007547034"]
)
def test_an_iban_that_does_not_check_is_refused(typed: str) -> None:
    with pytest.raises(InvalidFeeInput) as refused:
        parse_iban(typed)
    assert refused.value.reason is FeeInputReason.IBAN


def test_an_address_keeps_its_lines() -> None:
    assert clean_address(" Rue de l’Église 1 ,  1060 Saint‑Gilles ") == (
        "Rue de l’Église 1\n1060 Saint‑Gilles"
    )


@pytest.mark.parametrize("typed", ["Gent", "Kerkstraat", "12345678", "x" * 200 + " 1"])
def test_what_is_no_address_is_refused(typed: str) -> None:
    with pytest.raises(InvalidFeeInput) as refused:
        clean_address(typed)
    assert refused.value.reason is FeeInputReason.ADDRESS
