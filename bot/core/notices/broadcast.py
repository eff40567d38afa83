"""The notices of announcements: the announcement itself, its delivery report to the author, and
the newsletter digest."""

from dataclasses import dataclass
from datetime import datetime

from bot.core.models import OutboxState
from bot.core.notices import Notice
from bot.core.notices.cme import UpcomingEvent
from bot.core.notices.shifts import SwapSummary


@dataclass(frozen=True, kw_only=True)
class Announcement(Notice, kind="broadcast"):
    """The coordinator's text; a document and urgency travel in the row's envelope."""

    text: str


@dataclass(frozen=True, kw_only=True)
class BroadcastReport(Notice, kind="broadcast_report"):
    """To the author once every row is done: how many arrived, and who blocked the bot."""

    broadcast_id: int
    counts: dict[OutboxState, int]
    unreachable_names: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class AnnouncementItem:
    """A digest line: an announcement of the period (its start)."""

    at: datetime
    text: str


@dataclass(frozen=True, kw_only=True)
class KnowledgeItem:
    """A digest line: a knowledge base entry reviewed in the period."""

    id: str
    title: str


@dataclass(frozen=True, kw_only=True)
class DigestSections:
    """What a digest holds, section by section, in the order they are shown; an empty section
    is left out (and a digest with none is not sent). A field is a section's `name`."""

    announcements: tuple[AnnouncementItem, ...] = ()
    events: tuple[UpcomingEvent, ...] = ()
    swaps: tuple[SwapSummary, ...] = ()
    knowledge: tuple[KnowledgeItem, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Digest(Notice, kind="digest"):
    """The newsletter: per member, what the period brought."""

    sections: DigestSections
