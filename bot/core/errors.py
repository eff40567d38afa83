"""Domain errors. Handlers map each one to a translated reply; none of them is a crash."""


class DomainError(Exception):
    """Base class for everything a user can do wrong or be refused."""


class NotAMember(DomainError):
    """The Telegram account is not linked to an active member."""


class NotAllowed(DomainError):
    """The member's role or status does not allow this action."""


class InvalidRiziv(DomainError):
    """A RIZIV/INAMI number with a wrong format or wrong check digits."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "format" or "check_digits"


class InvalidName(DomainError):
    """A name that is empty, too long or not a name."""


class InviteInvalid(DomainError):
    """An invite code that does not exist, was used already, or expired."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "unknown", "used" or "expired"


class AlreadyMember(DomainError):
    """The Telegram account is already linked to a member."""


class JoinRequestNotFound(DomainError):
    """The join request was decided already or never existed."""


class UnknownLanguage(DomainError):
    """A language code the bot has no catalog for."""


class QuestionNotFound(DomainError):
    """A question (or one of its offered answers) that is gone or is someone else's."""


class UnreadableTable(DomainError):
    """A CSV file that cannot be used at all (size, encoding, no header, missing columns)."""

    def __init__(self, reason: str, columns: tuple[str, ...] = ()) -> None:
        super().__init__(reason)
        self.reason = reason  # "too_large", "encoding", "empty", "too_many_rows", "columns"
        self.columns = columns  # the required columns, for the "columns" reason


class InvalidBroadcast(DomainError):
    """An announcement that cannot be sent as it is."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "empty", "too_long", "audience", "past" or "moment"


class BroadcastClosed(DomainError):
    """The broadcast was finished or cancelled already, or never existed."""
