"""The translated replies to domain errors every feature may raise."""

from bot.core.errors import (
    BadButton,
    DomainError,
    MemberNotFound,
    NotAllowed,
    NotAMember,
    StoreConflict,
    StoreUnavailable,
    UnreadableTable,
)
from bot.core.services import Kring
from bot.i18n import Translator
from handlers.feature import ErrorText
from handlers.membership import texts as membership_texts
from handlers.render import esc


def _unreadable_table(t: Translator, error: UnreadableTable, kring: Kring) -> str:
    problem = {
        "too_large": t.gettext("The file is too large."),
        "encoding": t.gettext("The file is not a text (CSV) file."),
        "empty": t.gettext("The file is empty."),
        "too_many_rows": t.gettext("The file has too many lines."),
        "cell_too_long": t.gettext("A cell of the file is far too long."),
        "columns": t.gettext("The file needs these columns: {columns}.").format(
            columns=esc(", ".join(error.columns))
        ),
    }[error.reason]
    return t.gettext("{problem} Nothing was imported.").format(problem=problem)


def _store_unavailable(t: Translator, error: StoreUnavailable, kring: Kring) -> str:
    return t.gettext(
        "The kring's database cannot be reached for a moment. Nothing was changed; please "
        "try again in a few minutes."
    )


def _store_conflict(t: Translator, error: StoreConflict, kring: Kring) -> str:
    return t.gettext(
        "Someone else changed the same thing at the same moment. Nothing was changed; please "
        "look again and try once more."
    )


def _bad_button(t: Translator, error: BadButton, kring: Kring) -> str:
    return t.gettext("This button no longer works. Please start again from the menu (/help).")


def _member_not_found(t: Translator, error: MemberNotFound, kring: Kring) -> str:
    return t.gettext(
        "No single member matches. Send the 11-digit RIZIV number or a more complete name."
    )


def _not_a_member(t: Translator, error: NotAMember, kring: Kring) -> str:
    return membership_texts.not_a_member(t, kring)


def _not_allowed(t: Translator, error: NotAllowed, kring: Kring) -> str:
    return membership_texts.not_allowed(t, coordinator_only=False)


ERRORS: dict[type[DomainError], ErrorText] = {
    UnreadableTable: _unreadable_table,
    StoreUnavailable: _store_unavailable,
    StoreConflict: _store_conflict,
    BadButton: _bad_button,
    MemberNotFound: _member_not_found,
    NotAMember: _not_a_member,
    NotAllowed: _not_allowed,
}
