"""The translated replies to this feature's domain errors."""

from bot.core.errors import (
    AlreadyRegistered,
    DomainError,
    EventNotAvailable,
    InvalidCheckIn,
    InvalidEvent,
    InvalidImport,
    NotRegistered,
)
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.cme import event_texts, texts
from handlers.feature import ErrorText


def _cme_refusal(t: Translator, error: DomainError, kring: Kring) -> str:
    return texts.cme_refusal(t, error)


def _invalid_event(t: Translator, error: InvalidEvent, kring: Kring) -> str:
    return event_texts.invalid_event(t, error)


def _invalid_import(t: Translator, error: InvalidImport, kring: Kring) -> str:
    problems = [event_texts.invalid_event(t, problem) for problem in error.problems[:10]]
    return "\n".join([*problems, t.gettext("Nothing was imported.")])


ERRORS: dict[type[DomainError], ErrorText] = {
    EventNotAvailable: _cme_refusal,
    AlreadyRegistered: _cme_refusal,
    NotRegistered: _cme_refusal,
    InvalidCheckIn: _cme_refusal,
    InvalidEvent: _invalid_event,
    InvalidImport: _invalid_import,
}
