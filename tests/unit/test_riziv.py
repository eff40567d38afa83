import pytest

from bot.core.errors import InvalidRiziv, RizivReason
from bot.core.riziv import parse_riziv


@pytest.mark.parametrize(
    "typed",
    ["1-48976-16-004", "14897616004", "1 48976 16 004", "1.48976.16.004", " 1-48976-16-004 "],
)
def test_the_example_number_is_valid_however_it_is_typed(typed: str) -> None:
    number = parse_riziv(typed)
    assert number.digits == "14897616004"
    assert number.formatted == "1-48976-16-004"


def test_numbers_with_the_mod_89_check_digits_are_valid() -> None:
    base = 171234
    check = 89 - base % 89
    assert check != 97 - base % 97  # a number only the newer scheme accepts
    assert parse_riziv(f"1-71234-{check:02d}-003").formatted == f"1-71234-{check:02d}-003"


@pytest.mark.parametrize("typed", ["1-48976-17-004", "1-48976-15-004", "1-48977-16-004"])
def test_wrong_check_digits_are_refused(typed: str) -> None:
    with pytest.raises(InvalidRiziv) as refused:
        parse_riziv(typed)
    assert refused.value.reason is RizivReason.CHECK_DIGITS


@pytest.mark.parametrize(
    "typed", ["", "abc", "1-48976-16-04", "1-48976-16-0044", "2-48976-16-004", "1-4897A-16-004"]
)
def test_malformed_numbers_are_refused(typed: str) -> None:
    with pytest.raises(InvalidRiziv) as refused:
        parse_riziv(typed)
    assert refused.value.reason is RizivReason.FORMAT
