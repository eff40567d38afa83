"""Domain errors. Handlers map each one to a translated reply; none of them is a crash.

An error that can happen in several ways carries a `reason`, a member of the StrEnum defined
next to it. The values are the names the handlers' renderers key their replies by."""

from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.core.models import Shift


class DomainError(Exception):
    """Base class for everything a user can do wrong or be refused."""


class NotAMember(DomainError):
    """The Telegram account is not linked to an active member."""


class NotAllowed(DomainError):
    """The member's role or status does not allow this action."""


class RizivReason(StrEnum):
    """Why a RIZIV/INAMI number is refused."""

    FORMAT = "format"
    """Not 11 digits starting with 1 (dashes, dots and spaces aside)."""
    CHECK_DIGITS = "check_digits"
    """The last two digits do not check the first nine: a typing error."""
    TAKEN = "taken"
    """Valid, but another member has it already."""


class InvalidRiziv(DomainError):
    """A RIZIV/INAMI number that cannot be used."""

    def __init__(self, reason: RizivReason) -> None:
        super().__init__(reason)
        self.reason = reason


class InvalidName(DomainError):
    """A name that is empty, too long or not a name."""


class InviteReason(StrEnum):
    """Why an invite code does not work."""

    UNKNOWN = "unknown"
    """No such code (mistyped, or made up)."""
    USED = "used"
    """Someone joined with it already; a code works once."""
    EXPIRED = "expired"
    """Its validity ended before it was used."""


class InviteInvalid(DomainError):
    """An invite code that does not exist, was used already, or expired."""

    def __init__(self, reason: InviteReason) -> None:
        super().__init__(reason)
        self.reason = reason


class AlreadyMember(DomainError):
    """The Telegram account is already linked to a member."""


class JoinRequestNotFound(DomainError):
    """The join request was decided already or never existed."""


class UnknownZone(DomainError):
    """A zone the kring does not have (a typing error would split a zone in two)."""

    def __init__(self, zone: str, zones: list[str]) -> None:
        super().__init__(zone)
        self.zone = zone
        self.zones = zones


class UnknownLanguage(DomainError):
    """A language code the bot has no catalog for."""


class QuestionNotFound(DomainError):
    """A question (or one of its offered answers) that is gone or is someone else's."""


class TableReason(StrEnum):
    """Why a CSV file cannot be used at all."""

    TOO_LARGE = "too_large"
    """More bytes than a file may have."""
    ENCODING = "encoding"
    """Not text in UTF-8 or the Windows encoding Excel writes: not a CSV file."""
    EMPTY = "empty"
    """Not a single line with a value, so not even a header."""
    TOO_MANY_ROWS = "too_many_rows"
    """More lines than a file may have."""
    CELL_TOO_LONG = "cell_too_long"
    """A single cell longer than the CSV reader accepts (131,072 characters)."""
    COLUMNS = "columns"
    """A required column is missing; the error's `columns` lists the required ones."""


class UnreadableTable(DomainError):
    """A CSV file that cannot be used at all (size, encoding, no header, missing columns)."""

    def __init__(self, reason: TableReason, columns: tuple[str, ...] = ()) -> None:
        super().__init__(reason)
        self.reason = reason
        self.columns = columns  # the required columns, for TableReason.COLUMNS


class BadButton(DomainError):
    """A button whose payload does not fit what it should carry (old, or forged)."""


class UnavailableReason(StrEnum):
    """Why an event cannot be registered for (or acted on) now."""

    UNKNOWN = "unknown"
    """No such event (an old or forged button)."""
    CANCELLED = "cancelled"
    """The coordinator cancelled it."""
    CLOSED = "closed"
    """Its registration deadline has passed."""
    STARTED = "started"
    """It has started: too late to unregister."""
    AUDIENCE = "audience"
    """It is for another audience (GPs, locums, or a LOK group the member is not in)."""


class EventNotAvailable(DomainError):
    """An event that cannot be registered for (or acted on) now."""

    def __init__(self, reason: UnavailableReason) -> None:
        super().__init__(reason)
        self.reason = reason


class AlreadyRegistered(DomainError):
    """The member is already registered or on the waiting list."""


class ShiftClash(DomainError):
    """The member is on duty (wachtdienst) during the event: they are asked to confirm before
    registering."""

    def __init__(self, event_title: str, shifts: Sequence["Shift"]) -> None:
        super().__init__(event_title)
        self.event_title = event_title
        self.shifts = list(shifts)


class NotRegistered(DomainError):
    """Nothing to unregister from, or an offer that is gone (expired, declined, moved on)."""


class CheckInReason(StrEnum):
    """Why a check-in link does not check the member in."""

    UNKNOWN = "unknown"
    """No event has this token: forged, or mistyped."""
    NOT_OPEN = "not_open"
    """The event is cancelled, or it is before check-in opens or after the end."""


class InvalidCheckIn(DomainError):
    """A check-in link that is forged, for a cancelled event, or used outside the event."""

    def __init__(self, reason: CheckInReason) -> None:
        super().__init__(reason)
        self.reason = reason


class EventReason(StrEnum):
    """Which value of an event (typed, or in an imported file) cannot be used."""

    TITLE = "title"
    """A title shorter than 3 or longer than 120 characters."""
    MOMENT = "moment"
    """Not a date and time the bot reads (10/12/2026 20:00 or 2026-12-10 20:00)."""
    END_BEFORE_START = "end_before_start"
    """The end is not after the start."""
    NUMBER = "number"
    """Not a whole number from 0 to 9999 (capacity, points)."""
    KIND = "kind"
    """Not a kind of event (lok, lecture, webinar, or a translation)."""
    RUBRIC = "rubric"
    """Not an accreditation rubric (general or ethics)."""
    AUDIENCE = "audience"
    """Not an audience (all, gps, locums or lok)."""
    LOK_GROUP = "lok_group"
    """A LOK group that does not exist, or none for an event for a LOK group."""
    DEADLINE = "deadline"
    """A registration deadline after the start."""
    EMPTY = "empty"
    """An imported file without events."""
    FIELD = "field"
    """A field that cannot be edited."""
    DAY = "day"
    """Not a date the bot reads (10/12/2026), or one in the future (CME followed elsewhere)."""


class InvalidEvent(DomainError):
    """A value for an event that cannot be used; `line` is set for a CSV import."""

    def __init__(self, reason: EventReason, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
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


class StoreConflict(DomainError):
    """Another transaction stored the same unique value first (two replicas, one RIZIV number):
    nothing of ours was changed. A service that can say what clashed turns it into its own
    error."""


class StoreRefused(Exception):
    """The database refused a value (too long, out of range …): a bug, not the member's doing.
    It names the statement only; the driver's message, which quotes the values (a member's text,
    a RIZIV number), stays out of the logs."""


class BroadcastReason(StrEnum):
    """Why an announcement cannot be sent as it is."""

    EMPTY = "empty"
    """Neither a text nor a document."""
    TOO_LONG = "too_long"
    """Longer than one message (or one caption, with a document) may be."""
    AUDIENCE = "audience"
    """An audience that does not exist (any more)."""
    PAST = "past"
    """Planned for a moment that has passed."""
    MOMENT = "moment"
    """Not a date and time the bot reads."""


class InvalidBroadcast(DomainError):
    """An announcement that cannot be sent as it is."""

    def __init__(self, reason: BroadcastReason) -> None:
        super().__init__(reason)
        self.reason = reason


class BroadcastClosed(DomainError):
    """The broadcast was finished or cancelled already, or never existed."""


class SwapReason(StrEnum):
    """Why a swap step cannot be done."""

    NOT_YOUR_SHIFT = "not_your_shift"
    """The shift is not the member's (any more), or not one a manager can give away."""
    TOO_LATE = "too_late"
    """The shift starts within the minimum notice: too soon to ask for a swap."""
    ALREADY_REQUESTED = "already_requested"
    """The shift has a pending swap request already."""
    GONE = "gone"
    """Someone else took the shift first."""
    CLOSED = "closed"
    """The request is no longer open: withdrawn, expired, cancelled or decided, or the roster
    changed underneath it."""
    YOURS = "yours"
    """The member has taken this shift over already (a double tap)."""
    NOT_ELIGIBLE = "not_eligible"
    """The member may not take the shift: another zone or colleague, or on duty around it."""
    RETURN_SHIFT = "return_shift"
    """The shift offered in return is not the taker's, or does not fit the requester."""
    NO_COLLEAGUE = "no_colleague"
    """The chosen colleague cannot take the shift."""
    STARTED = "started"
    """The shift has started: too late even to call in sick through the bot."""


class SwapError(DomainError):
    """A swap step that cannot be done; nothing was changed."""

    def __init__(self, reason: SwapReason) -> None:
        super().__init__(reason)
        self.reason = reason
