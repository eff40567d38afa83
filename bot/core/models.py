"""Domain objects. Plain dataclasses: the store maps rows to these and back."""

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

LANGUAGES: tuple[str, ...] = ("nl", "fr", "en")
DEFAULT_LANGUAGE = "nl"


class Role(StrEnum):
    GP = "gp"
    LOCUM = "locum"
    COORDINATOR = "coordinator"
    STAFF = "staff"


class MemberStatus(StrEnum):
    PENDING = "pending"
    ACTIVE = "active"
    SUSPENDED = "suspended"


class JoinPath(StrEnum):
    """How a pending member came in: with an invite, or by asking the coordinator."""

    INVITE = "invite"
    REQUEST = "request"


class DigestFrequency(StrEnum):
    WEEKLY = "weekly"
    DAILY = "daily"
    NONE = "none"


@dataclass
class Member:
    telegram_id: int | None
    role: Role
    language: str = DEFAULT_LANGUAGE
    status: MemberStatus = MemberStatus.PENDING
    name: str | None = None
    riziv: str | None = None
    zone: str | None = None
    reachable: bool = True
    joined_via: JoinPath = JoinPath.INVITE
    digest: DigestFrequency = DigestFrequency.WEEKLY
    quiet_from: time | None = None  # local time (the kring's time zone); both or neither
    quiet_until: time | None = None
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def is_active(self) -> bool:
        return self.status is MemberStatus.ACTIVE

    @property
    def is_coordinator(self) -> bool:
        return self.is_active and self.role is Role.COORDINATOR

    @property
    def needs_riziv(self) -> bool:
        """Administrative staff are not physicians and have no RIZIV number."""
        return self.role is not Role.STAFF


@dataclass
class Invite:
    code: str
    role: Role
    created_at: datetime
    expires_at: datetime
    created_by: int | None = None  # None: created on the command line
    zone: str | None = None
    used_at: datetime | None = None
    used_by: int | None = None
    id: int | None = None


@dataclass
class Question:
    """A member's question, what the knowledge base made of it, and what happened next."""

    member_id: int | None
    text: str
    language: str
    verdict: str  # bot.core.knowledge.search.Verdict
    created_at: datetime
    entry_id: str | None = None
    score: float = 0.0
    alternatives: list[str] = field(default_factory=list)  # entry ids offered ("Bedoelt u")
    rating: int | None = None  # +1 / -1
    forwarded_at: datetime | None = None
    reply: str | None = None
    replied_at: datetime | None = None
    replied_by: int | None = None
    id: int | None = None

    @property
    def open(self) -> bool:
        """Forwarded to the coordinator and not answered yet."""
        return self.forwarded_at is not None and self.replied_at is None


@dataclass
class Replacement:
    """A locum's replacement in a practice, with the checklist items ticked so far."""

    member_id: int
    practice: str
    replaced_doctor: str
    start_on: date
    end_on: date
    created_at: datetime
    done: list[str] = field(default_factory=list)
    id: int | None = None


class PostKind(StrEnum):
    NEED = "need"  # a GP looks for a locum
    AVAILABILITY = "availability"  # a locum offers their time


class PostStatus(StrEnum):
    OPEN = "open"
    FILLED = "filled"
    CLOSED = "closed"
    REMOVED = "removed"


@dataclass
class BoardPost:
    author_id: int
    kind: PostKind
    zone: str
    start_on: date
    end_on: date
    software: str
    languages: list[str]
    details: str
    created_at: datetime
    expires_at: datetime
    status: PostStatus = PostStatus.OPEN
    chosen_id: int | None = None
    interested: list[int] = field(default_factory=list)  # member ids, in order of arrival
    id: int | None = None


@dataclass
class Subscription:
    """A locum's preferences; empty lists accept everything."""

    member_id: int
    zones: list[str] = field(default_factory=list)
    software: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    available_from: date | None = None
    available_until: date | None = None
    id: int | None = None


class OutboxState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNREACHABLE = "unreachable"
    CANCELLED = "cancelled"


@dataclass
class OutboxMessage:
    """Something the bot sends on its own initiative, rendered in the recipient's language at
    send time from `kind` and `params` (so a language change before sending is honoured)."""

    chat_id: int
    kind: str
    due_at: datetime
    language: str = DEFAULT_LANGUAGE
    params: dict[str, Any] = field(default_factory=dict)
    member_id: int | None = None
    state: OutboxState = OutboxState.PENDING
    attempts: int = 0
    claimed_at: datetime | None = None
    sent_at: datetime | None = None
    telegram_message_id: int | None = None
    last_error: str | None = None
    broadcast_id: int | None = None
    id: int | None = None

    @classmethod
    def to(cls, member: Member, kind: str, due_at: datetime, **params: Any) -> "OutboxMessage":
        """A message for a member, in their language, in their private chat."""
        if member.telegram_id is None:
            raise ValueError(f"member {member.id} has no Telegram account")
        return cls(
            chat_id=member.telegram_id,
            member_id=member.id,
            language=member.language,
            kind=kind,
            due_at=due_at,
            params=params,
        )


class BroadcastState(StrEnum):
    SCHEDULED = "scheduled"
    SENDING = "sending"  # the recipients' outbox rows exist
    DONE = "done"  # every row is sent, unreachable or failed; the report went out
    CANCELLED = "cancelled"


@dataclass
class Broadcast:
    """An announcement by the coordinator: a text, or a document with the text as caption."""

    author_id: int
    audience: str  # see bot.core.broadcast.audience_from
    text: str
    created_at: datetime
    scheduled_at: datetime
    file_id: str | None = None
    urgent: bool = False
    state: BroadcastState = BroadcastState.SCHEDULED
    cancelled_at: datetime | None = None
    finished_at: datetime | None = None
    id: int | None = None
