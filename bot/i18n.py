"""Translations and locale formatting, per member.

A Translator is picked per update for the person it concerns (explicitly, never a global current
language). Message ids are English; the catalogs for nl (default), fr and en live in `locales/`.
"""

import datetime as dt
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Literal
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

DateStyle = Literal["short", "long", "full", "day", "month", "grid", "weekday"]
TimeStyle = Literal["short", "day", "weekday", "file"]
# One way to write each kind of date, the same in every feature and every language (the locale only
# supplies the names of days and months). Babel's own Belgian "short" differs per language
# (4/01/2027, 4/01/27, 04/01/27), so the short date is spelled out: 21/12/2026.
_DATE_PATTERNS: dict[DateStyle, str] = {
    "short": "dd/MM/y",  # lists, tables, periods: 21/12/2026
    "long": "d MMMM y",  # in sentences: 21 december 2026
    "full": "EEEE d MMMM y",  # a day on its own: maandag 21 december 2026
    "day": "EEE d MMM y",  # a day in a one-line item: ma 21 dec 2026
    "month": "MMMM y",  # december 2026
    "grid": "EEE d",  # a row of a month's grid (the console's roster): ma 21
    "weekday": "EEEEEE",  # a column of a month's calendar (the console's my shifts): ma
}
_DATETIME_PATTERNS: dict[TimeStyle, str] = {
    "short": "dd/MM/y HH:mm",
    "day": "EEE d MMM y, HH:mm",
    "weekday": "EEE HH:mm",  # the end of a shift that started the day before
    "file": "y-MM-dd HH:mm",  # CSV files that other tools read: sortable, any language
}


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

    def date(self, value: date | datetime, style: DateStyle) -> str:
        if isinstance(value, datetime):
            value = value.astimezone(self.tz).date()
        return format_date(value, format=_DATE_PATTERNS[style], locale=self.locale)

    def datetime(self, value: datetime, style: TimeStyle) -> str:
        pattern = _DATETIME_PATTERNS[style]
        return format_datetime(value, format=pattern, tzinfo=self.tz, locale=self.locale)

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
