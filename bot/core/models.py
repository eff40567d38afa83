"""Domain objects. Plain dataclasses: the store maps rows to these and back."""

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

from bot.core.notices import NORMAL, Envelope, Notice, decode, decode_envelope, encode

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
    FORGOTTEN = "forgotten"  # erased at their request; the row stays for the records kept


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
    on_call_exempt: bool = False  # exempt from wachtdienst (age, pregnancy): offered no shifts
    shift_reminder_hours: int = 24  # how long before a shift the reminder comes
    digest: DigestFrequency = DigestFrequency.WEEKLY
    cme_announcements: bool = True  # told of each new CME event open to them (/settings)
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
class TaughtEntry:
    """A knowledge base entry the coordinator added from Telegram, after replying to a member's
    question (bot.core.knowledge.teaching): kept in the database, searched like the files'
    entries, exported to them as TOML. Its source is the kring itself."""

    language: str
    questions: list[str]  # the phrasings; the member's question first
    answer: str
    reviewed: date
    created_at: datetime
    question_id: int | None = None  # the member's question it answers (None once that is gone)
    created_by: int | None = None
    id: int | None = None


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


@dataclass
class Shift:
    """One on-call shift (wachtdienst) of the roster, in a zone and optionally at a post."""

    zone: str
    start_at: datetime
    end_at: datetime
    assignee_id: int | None
    created_at: datetime
    updated_at: datetime
    post: str = ""  # "" when the zone has a single post
    reminded_at: datetime | None = None
    handover_confirmed_at: datetime | None = None  # the assignee tapped "Wacht overgenomen"
    id: int | None = None


class SwapKind(StrEnum):
    GIVEAWAY = "giveaway"  # someone takes the shift over
    SWAP = "swap"  # the taker gives one of their shifts back
    ASSIGN = "assign"  # the coordinator moved the shift directly


class SwapStatus(StrEnum):
    OPEN = "open"  # waiting for a taker
    TAKEN = "taken"  # taken, waiting for the coordinator's approval
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"
    CANCELLED = "cancelled"  # the roster changed underneath it


@dataclass
class SwapRequest:
    """A wachtwissel: from the request to the coordinator's decision."""

    shift_id: int
    requester_id: int
    kind: SwapKind
    created_by: int  # the requester, or the coordinator acting on their behalf
    created_at: datetime
    expires_at: datetime
    target_id: int | None = None  # one named colleague, or None: every eligible colleague
    note: str = ""
    status: SwapStatus = SwapStatus.OPEN
    taker_id: int | None = None
    return_shift_id: int | None = None  # for a swap: the shift the taker gives back
    taken_at: datetime | None = None
    decided_at: datetime | None = None
    decided_by: int | None = None
    reason: str = ""
    followed_up_at: datetime | None = None
    id: int | None = None

    @property
    def pending(self) -> bool:
        return self.status in (SwapStatus.OPEN, SwapStatus.TAKEN)


@dataclass
class SwapEvent:
    """One step of a swap request's audit trail: who did what, when."""

    request_id: int
    action: str
    at: datetime
    actor_id: int | None = None  # None: the bot itself (expiry, follow-up)
    detail: str = ""
    id: int | None = None


@dataclass
class AuditEntry:
    """A coordinator or staff action: who did what, when (ids only, no free text)."""

    actor_id: int | None
    action: str  # "/roster", "swok:12", ...
    at: datetime
    id: int | None = None


class OutboxState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNREACHABLE = "unreachable"
    CANCELLED = "cancelled"  # no longer relevant (a reminder after unregistering, a stopped
    # broadcast)
    EXPIRED = "expired"  # fell due too late to be useful (past its envelope's not_after)


@dataclass
class OutboxMessage:
    """Something the bot sends on its own initiative, rendered in the recipient's language at
    send time (so a language change before sending is honoured).

    `kind` and `params` are the stored form of a typed notice and its envelope
    (bot.core.notices): build a row with `to` or `for_chat`, read it with `notice` and
    `envelope`."""

    chat_id: int
    kind: str
    due_at: datetime
    language: str = DEFAULT_LANGUAGE
    params: dict[str, Any] = field(default_factory=dict)
    member_id: int | None = None
    state: OutboxState = OutboxState.PENDING
    attempts: int = 0
    claimed_at: datetime | None = None
    claimed_by: str | None = None  # the sender that claimed it (bot.sender.Sender.name)
    sent_at: datetime | None = None
    telegram_message_id: int | None = None
    last_error: str | None = None
    broadcast_id: int | None = None
    id: int | None = None

    @classmethod
    def to(
        cls, member: Member, notice: Notice, due_at: datetime, envelope: Envelope = NORMAL
    ) -> "OutboxMessage":
        """A message for a member, in their language, in their private chat."""
        if member.telegram_id is None:
            raise ValueError(f"member {member.id} has no Telegram account")
        message = cls.for_chat(member.telegram_id, notice, due_at, member.language, envelope)
        message.member_id = member.id
        return message

    @classmethod
    def for_chat(
        cls,
        chat_id: int,
        notice: Notice,
        due_at: datetime,
        language: str = DEFAULT_LANGUAGE,
        envelope: Envelope = NORMAL,
    ) -> "OutboxMessage":
        """A message for a chat that is not a member's (the ops chat)."""
        kind, params = encode(notice, envelope)
        return cls(chat_id=chat_id, kind=kind, due_at=due_at, language=language, params=params)

    @property
    def notice(self) -> Notice:
        """What the row says; UnreadableMessage if this version cannot read it."""
        return decode(self.kind, self.params)

    @property
    def envelope(self) -> Envelope:
        """How the row goes out, read without its notice (so also for a kind unknown here)."""
        return decode_envelope(self.params)


class EventKind(StrEnum):
    LOK = "lok"  # a session of a local quality group (LOK)
    LECTURE = "lecture"  # navorming: a lecture or course
    WEBINAR = "webinar"


class EventAudience(StrEnum):
    ALL = "all"
    GPS = "gps"
    LOCUMS = "locums"
    LOK_GROUP = "lok_group"  # the members of the event's LOK group


class Rubric(StrEnum):
    """Accreditation rubric; ethics & economics (ethiek en economie) is counted apart."""

    GENERAL = "general"
    ETHICS = "ethics"


class EventStatus(StrEnum):
    OPEN = "open"
    CANCELLED = "cancelled"


@dataclass
class Event:
    """A CME event (bijscholing): a LOK session, a lecture or a webinar."""

    title: str
    kind: EventKind
    start_at: datetime
    end_at: datetime
    deadline_at: datetime  # registration closes
    created_at: datetime
    checkin_token: str  # unguessable, for the check-in deep link
    location: str = ""
    speaker: str = ""
    description: str = ""
    capacity: int | None = None  # None: no limit
    points: int = 0  # accreditation points (CP)
    rubric: Rubric = Rubric.GENERAL
    audience: EventAudience = EventAudience.ALL
    lok_group_id: int | None = None
    status: EventStatus = EventStatus.OPEN
    id: int | None = None


class RegistrationState(StrEnum):
    REGISTERED = "registered"  # has a seat
    OFFERED = "offered"  # a freed seat is held for them until offer_expires_at
    WAITING = "waiting"
    CANCELLED = "cancelled"  # unregistered, declined, or the offer expired


@dataclass
class ExternalCredit:
    """CME the member followed elsewhere (a congress, another kring, online), added by them in
    /credits: it counts towards their yearly points like the kring's events."""

    member_id: int
    title: str
    held_on: date
    points: int
    rubric: Rubric
    created_at: datetime
    id: int | None = None


@dataclass
class Registration:
    """One registration attempt; the waiting list is in order of `id` (arrival)."""

    event_id: int
    member_id: int
    state: RegistrationState
    created_at: datetime
    offer_expires_at: datetime | None = None
    attended_at: datetime | None = None
    walk_in: bool = False
    remind_hour_before: bool = False  # the member asked for a second reminder
    reminder_ids: list[int] = field(default_factory=list)  # pending outbox rows
    id: int | None = None

    @property
    def has_seat(self) -> bool:
        return self.state in (RegistrationState.REGISTERED, RegistrationState.OFFERED)

    @property
    def active(self) -> bool:
        return self.state is not RegistrationState.CANCELLED


@dataclass
class LokGroup:
    """A local quality group (LOK) and its members (member ids)."""

    name: str
    member_ids: list[int] = field(default_factory=list)
    id: int | None = None


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


@dataclass(frozen=True)
class Conversation:
    """Where one person is in one multi-step flow, and what they answered so far: UI state kept
    in the database, so any process continues the flow (bot.core.conversations)."""

    chat_id: int
    user_id: int
    name: str  # the flow
    state: int  # the flow's step
    draft: Any  # the answers so far, JSON (bot.core.conversations.encode_draft)
    expires_at: datetime


@dataclass
class CalendarFeed:
    """A secret subscription address that calendar apps refresh on their own: a member's shifts
    and registered events, or (with `zone`) a zone's roster for the wachtpost. Revoking keeps
    the row, so an old address keeps answering "gone" instead of someone else's calendar."""

    token: str
    created_at: datetime
    member_id: int | None = None
    zone: str | None = None
    revoked_at: datetime | None = None
    id: int | None = None
