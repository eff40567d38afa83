"""The notices of the wachtdienst: shift reminders and every step of a swap request."""

from dataclasses import dataclass
from datetime import datetime
from typing import Self

from bot.core.models import Shift, SwapKind
from bot.core.notices import Flat, Notice


@dataclass(frozen=True, kw_only=True)
class ShiftSummary:
    """A shift as a notice shows it (in the recipient's language, at send time)."""

    shift_id: int
    start: datetime
    end: datetime
    zone: str
    post: str = ""  # "" when the zone has a single post
    # Its calendar entry's version and when it last changed (bot.core.ics: SEQUENCE, DTSTAMP).
    sequence: int = 0
    changed_at: datetime | None = None

    @classmethod
    def of(cls, shift: Shift) -> Self:
        return cls(
            shift_id=shift.id or 0,
            start=shift.start_at,
            end=shift.end_at,
            zone=shift.zone,
            post=shift.post,
            changed_at=shift.updated_at,
        )


@dataclass(frozen=True, kw_only=True)
class SwapSummary:
    """A swap request as a notice (or the digest) shows it."""

    shift: Flat[ShiftSummary]
    request_id: int
    swap_kind: SwapKind
    requester: str | None
    note: str


@dataclass(frozen=True, kw_only=True)
class ShiftReminder(Notice, kind="shift_reminder"):
    """To the assignee, before their shift: with a button to confirm the handover."""

    shift: Flat[ShiftSummary]


@dataclass(frozen=True, kw_only=True)
class ShiftCovered(Notice, kind="shift_covered"):
    """To the doctor the coordinator gave a shift that had none (with its calendar file)."""

    shift: Flat[ShiftSummary]


@dataclass(frozen=True, kw_only=True)
class SwapOffer(Notice, kind="swap_offer"):
    """To each colleague who could take the shift: with a button to take it over."""

    swap: Flat[SwapSummary]


@dataclass(frozen=True, kw_only=True)
class SwapFollowUp(Notice, kind="swap_follow_up"):
    """To the same colleagues, when nobody took it near the closing time."""

    swap: Flat[SwapSummary]


@dataclass(frozen=True, kw_only=True)
class SwapUrgent(Notice, kind="swap_urgent"):
    """To each colleague who could take the shift, at once and ringing: its doctor called in
    sick less than SWAP_MIN_NOTICE before it. With a button to take it over and the
    coordinator's phone."""

    swap: Flat[SwapSummary]


@dataclass(frozen=True, kw_only=True)
class SickReport(Notice, kind="swap_sick"):
    """To the coordinators, at once: a doctor called in sick shortly before their shift."""

    swap: Flat[SwapSummary]
    asked: int  # how many colleagues were asked to take it over


@dataclass(frozen=True, kw_only=True)
class SwapOutcome(Notice):
    """A step of a request once it is underway; each step is a kind of its own."""

    swap: Flat[SwapSummary]
    taker: str | None
    reason: str  # why the coordinator rejected it; "" otherwise
    return_shift: ShiftSummary | None = None  # a swap: the taker's shift the requester gets


class SwapTaken(SwapOutcome, kind="swap_taken"):
    """To the requester: a colleague took the shift, the coordinator still has to approve."""


class SwapApproval(SwapOutcome, kind="swap_approval"):
    """To the coordinators: a taken swap to approve, with the buttons to decide."""


@dataclass(frozen=True, kw_only=True)
class SwapApproved(SwapOutcome, kind="swap_approved"):
    """To requester and taker: the roster follows the swap."""

    holder: bool = False  # the recipient holds the shift now (the taker): its calendar gains it


@dataclass(frozen=True, kw_only=True)
class ReturnShiftMoved(SwapOutcome, kind="swap_return_moved"):
    """To requester and taker of an approved two-way swap, after SwapApproved: the shift given in
    return changed hands too, with the calendar file that follows it (one file per message)."""

    holder: bool = False  # the recipient (the requester) holds the shift in return now


class SwapRejected(SwapOutcome, kind="swap_rejected"):
    """To requester and taker: the coordinator refused, with the reason."""


class SwapWithdrawn(SwapOutcome, kind="swap_withdrawn"):
    """To the taker: the requester withdrew the request."""


class SwapExpired(SwapOutcome, kind="swap_expired"):
    """To requester and taker: the request closed before it was decided."""


class ShiftAssigned(SwapOutcome, kind="shift_assigned"):
    """To the new holder: the coordinator gave them the shift (nobody asked them first)."""


class ShiftReassigned(SwapOutcome, kind="shift_reassigned"):
    """To the previous holder: the coordinator gave their shift to a colleague."""


class SwapWarning(SwapOutcome, kind="swap_warning"):
    """To the requester, with the follow-up: nobody took the shift yet."""


@dataclass(frozen=True, kw_only=True)
class ShiftsUncovered(Notice, kind="shifts_uncovered"):
    """To the coordinators: future shifts left without a doctor, because the member on duty
    had their data erased (/forget)."""

    shifts: tuple[ShiftSummary, ...]


@dataclass(frozen=True, kw_only=True)
class RosterChanged(Notice, kind="roster_changed"):
    """To a member, once per roster import that changed their coming shifts."""

    added: tuple[ShiftSummary, ...] = ()  # new, or given to them
    changed: tuple[ShiftSummary, ...] = ()  # theirs still, with another end
    removed: tuple[ShiftSummary, ...] = ()  # given to someone else
