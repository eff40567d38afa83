"""RIZIV/INAMI numbers: `1-DDDDD-CC-QQQ`.

The first digit is the profession (1 = physician), then a five-digit sequence, two check digits and
a three-digit qualification code. The check digits are `97 - (first six digits mod 97)` for older
numbers; numbers issued since 2019 use the same construction modulo 89. We accept both.
"""

import re
from dataclasses import dataclass

from bot.core.errors import InvalidRiziv, RizivReason

_DIGITS_ONLY = re.compile(r"[\s.\-/]")


@dataclass(frozen=True)
class RizivNumber:
    digits: str  # exactly 11 digits

    @property
    def formatted(self) -> str:
        d = self.digits
        return f"{d[0]}-{d[1:6]}-{d[6:8]}-{d[8:]}"

    def __str__(self) -> str:
        return self.formatted


def check_digits_valid(digits: str) -> bool:
    base = int(digits[:6])
    check = int(digits[6:8])
    return check in (97 - base % 97, 89 - base % 89)


def parse_riziv(text: str) -> RizivNumber:
    """Parse a RIZIV number typed in any usual way (dashes, dots, spaces or none)."""
    digits = _DIGITS_ONLY.sub("", text.strip())
    if not re.fullmatch(r"1\d{10}", digits):
        raise InvalidRiziv(RizivReason.FORMAT)
    if not check_digits_valid(digits):
        raise InvalidRiziv(RizivReason.CHECK_DIGITS)
    return RizivNumber(digits)
