"""The notices of continuing education: reminders, seats offered from the waiting list,
cancelled events."""

from dataclasses import dataclass
from datetime import datetime
from typing import Self

from bot.core.models import Event
from bot.core.notices import Flat, Notice


@dataclass(frozen=True, kw_only=True)
class EventSummary:
    """An event as a notice (or the digest) shows it."""

    event_id: int
    title: str
    start_at: datetime
    location: str = ""

    @classmethod
    def of(cls, event: Event) -> Self:
        return cls(
            event_id=event.id or 0,
            title=event.title,
            start_at=event.start_at,
            location=event.location,
        )


@dataclass(frozen=True, kw_only=True)
class UpcomingEvent:
    """A digest line: an event the member could still register for."""

    event: Flat[EventSummary]
    seats_left: int | None  # None: no limit


@dataclass(frozen=True, kw_only=True)
class CmeReminder(Notice, kind="cme_reminder"):
    """The day (or hour) before an event the member has a seat for; it expires at the start."""

    event: Flat[EventSummary]


@dataclass(frozen=True, kw_only=True)
class CmeOffer(Notice, kind="cme_offer"):
    """A freed seat, held for the first on the waiting list until `expires_at`."""

    event: Flat[EventSummary]
    registration_id: int
    expires_at: datetime


@dataclass(frozen=True, kw_only=True)
class CmeOfferExpired(Notice, kind="cme_offer_expired"):
    """The offered seat was not confirmed in time and went to the next person."""

    event: Flat[EventSummary]


@dataclass(frozen=True, kw_only=True)
class CmeAnnounced(Notice, kind="cme_announced"):
    """A new event open to the member (unless they turned these off in /settings); it expires
    when registration closes."""

    event: Flat[EventSummary]
    end_at: datetime
    speaker: str = ""
    points: int = 0

    @classmethod
    def of(cls, event: Event) -> Self:
        return cls(
            event=EventSummary.of(event),
            end_at=event.end_at,
            speaker=event.speaker,
            points=event.points,
        )


@dataclass(frozen=True, kw_only=True)
class CmeCancelled(Notice, kind="cme_cancelled"):
    """To everyone registered: the event does not take place. With its end and the moment of
    the cancellation (rows written before they were added have neither), the message comes with
    the file that removes the event from the member's calendar."""

    event: Flat[EventSummary]
    end_at: datetime | None = None
    cancelled_at: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class CmeRegistered(Notice, kind="cme_registered"):
    """Registered in the console: what /cme answers in the chat, the calendar file with it for a
    seat, or the place on the waiting list."""

    event: Flat[EventSummary]
    end_at: datetime
    registration_id: int
    at: datetime  # when, the calendar file's stamp
    description: str = ""
    position: int | None = None  # on the waiting list

    @classmethod
    def of(cls, event: Event, registration_id: int, position: int | None, at: datetime) -> Self:
        return cls(
            event=EventSummary.of(event),
            end_at=event.end_at,
            registration_id=registration_id,
            at=at,
            description=event.description,
            position=position,
        )


@dataclass(frozen=True, kw_only=True)
class CmeUnregistered(Notice, kind="cme_unregistered"):
    """Unregistered in the console: as in the chat, with the file that takes the event out of
    the member's calendar."""

    event: Flat[EventSummary]
    end_at: datetime
    at: datetime
