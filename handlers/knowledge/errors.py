"""The translated replies to this feature's domain errors."""

from bot.core.errors import (
    DomainError,
    QuestionNotFound,
)
from bot.core.knowledge.teaching import InvalidTaughtEntry
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.feature import ErrorText
from handlers.knowledge import texts


def _invalid_entry(t: Translator, error: InvalidTaughtEntry, kring: Kring) -> str:
    return texts.invalid_entry(t)


def _question_not_found(t: Translator, error: QuestionNotFound, kring: Kring) -> str:
    return t.gettext("This question is no longer available.")


ERRORS: dict[type[DomainError], ErrorText] = {
    QuestionNotFound: _question_not_found,
    InvalidTaughtEntry: _invalid_entry,
}
