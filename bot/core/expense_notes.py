"""The expense note (onkostennota) a locum addresses to the replaced doctor or practice, with
the amount paid and the period worked (seed 001), and what an expense note needs besides: both
addresses, the practice's company number (KBO), the locum's bank account, the basis of the
calculation. The flow checks each answer as it is typed; `expense_note` checks them all again.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from bot.core.fees import FeeInputReason, FeeResult, InvalidFeeInput, money
from bot.core.membership import clean_name
from bot.core.riziv import parse_riziv

ADDRESS_LENGTH = (8, 160)
PERIOD_LENGTH = (2, 80)
_IBAN = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}")
_IBAN_LENGTHS = {"BE": 16, "NL": 18, "FR": 27, "LU": 20, "DE": 22}  # the neighbours' fixed lengths


@dataclass(frozen=True)
class ExpenseNote:
    locum_name: str
    locum_riziv: str | None
    locum_address: str  # lines separated by "\n"
    locum_iban: str
    replaced_name: str
    replaced_riziv: str
    practice_address: str
    practice_kbo: str
    period: str
    amount: Decimal
    basis: FeeResult
    issued_on: date


def clean_address(text: str) -> str:
    """A postal address as typed on one or more lines; commas also start a new line."""
    text = unicodedata.normalize("NFC", text)
    lines = [" ".join(part.split()) for part in re.split(r"[\n,]", text)]
    address = "\n".join(line for line in lines if line)
    if (
        not ADDRESS_LENGTH[0] <= len(address) <= ADDRESS_LENGTH[1]
        or any(unicodedata.category(ch).startswith("C") for ch in address.replace("\n", ""))
        or not re.search(r"\d", address)
        or not re.search(r"[^\W\d_]", address)
    ):
        raise InvalidFeeInput(FeeInputReason.ADDRESS)
    return address


def parse_kbo(text: str) -> str:
    """A Belgian company number, "0123.456.749", from "BE 0123 456 749", "123456749" (the old
    nine-digit form) and the like: the last two digits are 97 minus the first eight mod 97."""
    digits = re.sub(r"[\s.\-]", "", text.strip().upper()).removeprefix("BE")
    if re.fullmatch(r"\d{9}", digits):
        digits = "0" + digits
    if not re.fullmatch(r"[01]\d{9}", digits) or int(digits[8:]) != 97 - int(digits[:8]) % 97:
        raise InvalidFeeInput(FeeInputReason.KBO)
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


def parse_iban(text: str) -> str:
    """An IBAN in groups of four, "BE68 5390 0754 7034": its check digits make the number,
    with the country and check moved to the end and letters as numbers, 1 mod 97."""
    iban = re.sub(r"[\s.\-]", "", text).upper()
    expected = _IBAN_LENGTHS.get(iban[:2], len(iban))
    if not _IBAN.fullmatch(iban) or len(iban) != expected:
        raise InvalidFeeInput(FeeInputReason.IBAN)
    rearranged = iban[4:] + iban[:4]
    if int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 != 1:
        raise InvalidFeeInput(FeeInputReason.IBAN)
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def clean_period(text: str) -> str:
    period = " ".join(text.split())
    if not PERIOD_LENGTH[0] <= len(period) <= PERIOD_LENGTH[1]:
        raise InvalidFeeInput(FeeInputReason.PERIOD)
    return period


@dataclass(frozen=True)
class Party:
    """One side of the note as typed: name, address, and its numbers."""

    name: str
    address: str
    riziv: str | None
    number: str  # the locum's IBAN, or the practice's KBO number


def expense_note(
    locum: Party, practice: Party, period: str, amount: Decimal, basis: FeeResult, issued_on: date
) -> ExpenseNote:
    """Checks everything the member typed: real RIZIV, KBO and IBAN numbers, addresses, a
    period, an amount."""
    return ExpenseNote(
        locum_name=locum.name,
        locum_riziv=parse_riziv(locum.riziv).formatted if locum.riziv else None,
        locum_address=clean_address(locum.address),
        locum_iban=parse_iban(locum.number),
        replaced_name=clean_name(practice.name),
        replaced_riziv=parse_riziv(practice.riziv or "").formatted,
        practice_address=clean_address(practice.address),
        practice_kbo=parse_kbo(practice.number),
        period=clean_period(period),
        amount=money(amount),
        basis=basis,
        issued_on=issued_on,
    )
