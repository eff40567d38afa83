"""The catalogs: complete, not fuzzy, placeholders intact, and in step with the code."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from bot.core.models import LANGUAGES
from bot.i18n import LOCALES_DIR, translator

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{(\w*)\}")
TAG = re.compile(r"</?\w+[^>]*>")


def _catalog(language: str):  # type: ignore[no-untyped-def]
    with (LOCALES_DIR / language / "LC_MESSAGES" / "bot.po").open("rb") as handle:
        return read_po(handle, locale=language)


def _key(message_id: str | tuple[str, ...]) -> str:
    """A message's singular id (plural entries have a tuple of ids)."""
    return message_id if isinstance(message_id, str) else message_id[0]


def _messages(language: str):  # type: ignore[no-untyped-def]
    return [message for message in _catalog(language) if message.id]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_not_fuzzy(language: str) -> None:
    untranslated = [
        message.id
        for message in _messages(language)
        if message.fuzzy
        or not all(message.string if isinstance(message.string, tuple) else [message.string])
    ]
    assert untranslated == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_and_tags_are_kept(language: str) -> None:
    broken = []
    for message in _messages(language):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[0]))
        tags = sorted(TAG.findall(ids[0]))
        for string in strings:
            if set(PLACEHOLDER.findall(string)) != wanted or sorted(TAG.findall(string)) != tags:
                broken.append((ids[0], string))
    assert broken == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalog_matches_the_po_file(language: str) -> None:
    with (LOCALES_DIR / language / "LC_MESSAGES" / "bot.mo").open("rb") as handle:
        compiled = read_mo(handle)

    assert {_key(m.id) for m in compiled if m.id} == {_key(m.id) for m in _messages(language)}


def test_the_catalogs_hold_exactly_the_messages_of_the_code() -> None:
    with (ROOT / "babel.cfg").open() as config:  # what `make extract` reads, templates too
        method_map, options_map = parse_mapping_cfg(config)
    in_code = {_key(message[2]) for message in extract_from_dir(ROOT, method_map, options_map)}
    for language in LANGUAGES:
        in_catalog = {_key(m.id) for m in _messages(language)}
        assert in_code - in_catalog == set(), f"{language}: run `make update-locales`"
        assert in_catalog - in_code == set(), f"{language}: obsolete entries"


def test_catalogs_compile(tmp_path: Path) -> None:
    for language in LANGUAGES:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "babel.messages.frontend",
                "compile",
                "-D",
                "bot",
                "-l",
                language,
                "-i",
                str(LOCALES_DIR / language / "LC_MESSAGES" / "bot.po"),
                "-o",
                str(tmp_path / f"{language}.mo"),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr


def test_dates_and_money_follow_the_members_locale() -> None:
    from datetime import UTC, datetime
    from decimal import Decimal

    moment = datetime(2026, 12, 24, 7, 30, tzinfo=UTC)
    assert translator("nl").date(moment, "long") == "24 december 2026"
    assert translator("fr").date(moment, "long") == "24 décembre 2026"
    assert translator("nl").time(moment) == "08:30"  # Brussels time
    assert translator("nl").money(Decimal("1234.5")) == "€\u00a01.234,50"
    assert translator("fr").money(Decimal("1234.5")) == "1\u202f234,50\u00a0€"
    assert translator("en").money(Decimal("1234.5")) == "€1,234.50"  # as English writes it


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_short_and_one_long_date_per_language(language: str) -> None:
    from datetime import date

    t = translator(language)
    assert t.date(date(2027, 1, 4), "short") == "04/01/2027"  # not 4/01/27 nor 04/01/27
    assert t.date(date(2026, 12, 21), "short") == "21/12/2026"
    long = t.date(date(2027, 1, 4), "long")
    assert long.startswith("4 ") and long.endswith(" 2027") and "/" not in long


# Dates are written through bot.i18n only: a pattern of its own in a feature is how formats drifted
# (a month as a key, such as 2026-12 in button data, is no date a member reads).
OWN_DATE_FORMAT = re.compile(
    r"strftime\(|babel\.dates|format_date\(|format_datetime\(|%d[/.-]|[/.-]%d"
)


def test_features_write_dates_through_the_translator_only() -> None:
    own = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "handlers").rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if OWN_DATE_FORMAT.search(line)
    ]
    assert own == []


RIZIV_EXAMPLE = re.compile(r"\b1-\d{5}-\d{2}-\d{3}\b")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_example_riziv_number_passes_our_own_check(language: str) -> None:
    """A member who types the example from a prompt must not be told its check digits are wrong."""
    from bot.core.riziv import parse_riziv

    texts = [
        text
        for message in _messages(language)
        for part in (message.id, message.string)
        for text in (part if isinstance(part, tuple) else (part,))
    ]
    examples = {number for text in texts for number in RIZIV_EXAMPLE.findall(text)}
    assert examples, "the sign-up prompt shows an example"
    for number in sorted(examples):
        assert parse_riziv(number).formatted == number


CANCEL_IN = {"nl": "/annuleren", "fr": "/annuler", "en": "/cancel"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_prompts_name_one_cancel_command_per_language(language: str) -> None:
    """All three work everywhere (handlers.conversation); a prompt names the member's own."""
    from handlers.conversation import CANCEL_COMMAND

    named = re.compile("|".join(rf"/{name}\b" for name in CANCEL_COMMAND.names))
    strings = [
        string
        for message in _messages(language)
        for string in (message.string if isinstance(message.string, tuple) else (message.string,))
    ]
    used = {found for string in strings for found in named.findall(string)}
    assert used == {CANCEL_IN[language]}


DUTCH_WORDS = re.compile(
    r"wacht|wissel|huisarts|dringend|bijscholing|inschrijv|afmeld|overnem|overgenom|\bruil"
    r"|goedkeur|weiger|annuleer|verzend|iedereen|\buw\b",
    re.IGNORECASE,
)
# Column names the roster import accepts: the member types them as they are, so they stay Dutch.
DUTCH_ON_PURPOSE = ("begin, einde, wachtpost",)


def test_english_texts_hold_no_dutch_words() -> None:
    dutch = []
    for message in _messages("en"):
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in (text or _key(message.id) for text in texts):  # empty: the msgid is shown
            shown = text
            for literal in DUTCH_ON_PURPOSE:
                shown = shown.replace(literal, "")
            if DUTCH_WORDS.search(shown):
                dutch.append(text)
    assert dutch == []
