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


class BadButton(DomainError):
    """A button whose payload does not fit what it should carry (old, or forged)."""


class EventNotAvailable(DomainError):
    """An event that cannot be registered for (or acted on) now."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "unknown", "cancelled", "closed", "started" or "audience"


class AlreadyRegistered(DomainError):
    """The member is already registered or on the waiting list."""


class NotRegistered(DomainError):
    """Nothing to unregister from, or an offer that is gone (expired, declined, moved on)."""


class InvalidCheckIn(DomainError):
    """A check-in link that is forged, for a cancelled event, or used outside the event."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "unknown" or "not_open"


class InvalidEvent(DomainError):
    """A value for an event that cannot be used; `line` is set for a CSV import."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason  # "title", "moment", "end_before_start", "number", "kind", …
        self.line = line


class InvalidImport(DomainError):
    """An events file with bad rows: nothing was imported."""

    def __init__(self, problems: list[InvalidEvent]) -> None:
        super().__init__(f"{len(problems)} bad rows")
        self.problems = problems


class MemberNotFound(DomainError):
    """No single active member matches the RIZIV number or name the coordinator typed."""


class StoreUnavailable(DomainError):
    """The database cannot be reached right now; nothing was changed, trying later will work."""


class InvalidBroadcast(DomainError):
    """An announcement that cannot be sent as it is."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "empty", "too_long", "audience", "past" or "moment"


class BroadcastClosed(DomainError):
    """The broadcast was finished or cancelled already, or never existed."""
