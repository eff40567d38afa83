"""Translations and locale formatting, per member.

A Translator is picked per update for the person it concerns (explicitly, never a global current
language). Message ids are English; the catalogs for nl (default), fr and en live in `locales/`.
"""

import datetime as dt
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_datetime, format_time
from babel.numbers import format_currency, format_decimal, format_percent
from babel.support import NullTranslations, Translations

from bot.core.models import DEFAULT_LANGUAGE, LANGUAGES

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "bot"
BRUSSELS = ZoneInfo("Europe/Brussels")
# Formatting locales: Belgian conventions for every language we speak.
_FORMAT_LOCALES = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_BE"}
# Numbers and money in English as English readers write them: Babel's Belgian English uses the
# Belgian decimal comma ("187,50 €"), so English figures follow Ireland's, in euro too.
_NUMBER_LOCALES = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_IE"}
LANGUAGE_NAMES = {"nl": "Nederlands", "fr": "Français", "en": "English"}


class Translator:
    def __init__(self, language: str, tz: ZoneInfo = BRUSSELS) -> None:
        self.language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        self.locale = Locale.parse(_FORMAT_LOCALES[self.language])
        self.number_locale = Locale.parse(_NUMBER_LOCALES[self.language])
        self.tz = tz
        self._catalog = _catalog(self.language)

    def gettext(self, message: str) -> str:
        return self._catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._catalog.ngettext(singular, plural, n)

    def date(self, value: date | datetime, fmt: str = "full") -> str:
        if isinstance(value, datetime):
            value = value.astimezone(self.tz).date()
        return format_date(value, format=fmt, locale=self.locale)

    def datetime(self, value: datetime, fmt: str = "medium") -> str:
        return format_datetime(value, format=fmt, tzinfo=self.tz, locale=self.locale)

    def time(self, value: dt.datetime) -> str:  # `datetime` is the method above here
        return format_time(value, format="short", tzinfo=self.tz, locale=self.locale)

    def number(self, value: Decimal | float) -> str:
        return format_decimal(value, locale=self.number_locale)

    def percent(self, value: Decimal | float) -> str:
        return format_percent(value, locale=self.number_locale)

    def money(self, amount: Decimal | float) -> str:
        return format_currency(amount, "EUR", locale=self.number_locale)


@cache
def _catalog(language: str) -> NullTranslations:
    """The compiled catalog; a missing `.mo` (translations not compiled) is a set-up error."""
    mo = LOCALES_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not mo.exists():
        raise FileNotFoundError(f"{mo} is missing: run `make locales` to compile translations")
    with mo.open("rb") as handle:
        return Translations(handle, domain=DOMAIN)


@cache
def translator(language: str, timezone: str = "Europe/Brussels") -> Translator:
    return Translator(language, ZoneInfo(timezone))
