"""The translated replies to this feature's domain errors."""

from bot.core.board import PostNotAvailable
from bot.core.errors import (
    DomainError,
)
from bot.core.fees import InvalidFeeInput
from bot.core.locum import InvalidReplacement, ReplacementNotFound
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.feature import ErrorText
from handlers.locum import fee_texts


def _invalid_fee_input(t: Translator, error: InvalidFeeInput, kring: Kring) -> str:
    return fee_texts.fee_invalid(t, error)


def _post_not_available(t: Translator, error: PostNotAvailable, kring: Kring) -> str:
    return t.gettext("This post is no longer open.")


def _replacement_not_found(t: Translator, error: ReplacementNotFound, kring: Kring) -> str:
    return t.gettext("This replacement is no longer available.")


def _invalid_replacement(t: Translator, error: InvalidReplacement, kring: Kring) -> str:
    return {
        "date": t.gettext("Please send a date like 3/3/2026."),
        "end_before_start": t.gettext(
            "The last day is before the first day. Please send the last day again."
        ),
        "practice": t.gettext("Please send the name of the practice (2 to 80 characters)."),
    }[error.reason]


ERRORS: dict[type[DomainError], ErrorText] = {
    InvalidFeeInput: _invalid_fee_input,
    PostNotAvailable: _post_not_available,
    ReplacementNotFound: _replacement_not_found,
    InvalidReplacement: _invalid_replacement,
}
