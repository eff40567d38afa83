"""The schema, as typed SQLAlchemy 2 ORM classes. Changes go through an Alembic migration."""

from datetime import date, datetime, time
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Double,
    Enum,
    ForeignKey,
    Index,
    MetaData,
    PrimaryKeyConstraint,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.sql.expression import false, true

from bot.core.models import (
    BroadcastState,
    DigestFrequency,
    EventAudience,
    EventKind,
    EventStatus,
    JoinPath,
    MemberStatus,
    OutboxState,
    PostKind,
    PostStatus,
    RegistrationState,
    Role,
    Rubric,
    SwapKind,
    SwapStatus,
)
from store.types import CleanText, UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _enum(enum_type: type[StrEnum]) -> Enum:
    """Store enum values as plain strings (no native PostgreSQL enum to migrate)."""
    return Enum(
        enum_type,
        native_enum=False,
        create_constraint=False,
        length=20,
        values_callable=lambda members: [m.value for m in members],
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UtcDateTime()}


class MemberRow(Base):
    __tablename__ = "members"

    id: Mapped[int] = mapped_column(primary_key=True)
    telegram_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    name: Mapped[str | None] = mapped_column(CleanText(80))
    riziv: Mapped[str | None] = mapped_column(CleanText(11), unique=True)
    role: Mapped[Role] = mapped_column(_enum(Role))
    language: Mapped[str] = mapped_column(CleanText(2))
    zone: Mapped[str | None] = mapped_column(CleanText(40))
    status: Mapped[MemberStatus] = mapped_column(_enum(MemberStatus), index=True)
    reachable: Mapped[bool]
    joined_via: Mapped[JoinPath] = mapped_column(_enum(JoinPath))
    on_call_exempt: Mapped[bool] = mapped_column(server_default=false())
    shift_reminder_hours: Mapped[int] = mapped_column(server_default="24")
    digest: Mapped[DigestFrequency] = mapped_column(
        _enum(DigestFrequency), server_default=DigestFrequency.WEEKLY.value
    )
    quiet_from: Mapped[time | None]
    quiet_until: Mapped[time | None]
    cme_announcements: Mapped[bool] = mapped_column(server_default=true())
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class InviteRow(Base):
    __tablename__ = "invites"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(CleanText(32), unique=True)
    role: Mapped[Role] = mapped_column(_enum(Role))
    zone: Mapped[str | None] = mapped_column(CleanText(40))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    used_by: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))


class QuestionRow(Base):
    __tablename__ = "questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), index=True
    )
    text: Mapped[str] = mapped_column(CleanText())
    language: Mapped[str] = mapped_column(CleanText(2))
    verdict: Mapped[str] = mapped_column(CleanText(20))
    entry_id: Mapped[str | None] = mapped_column(CleanText(80))
    score: Mapped[float]
    alternatives: Mapped[list[str]] = mapped_column(JSON)
    rating: Mapped[int | None]
    forwarded_at: Mapped[datetime | None]
    reply: Mapped[str | None] = mapped_column(CleanText())
    replied_at: Mapped[datetime | None]
    replied_by: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(index=True)


class TaughtEntryRow(Base):
    """Knowledge base entries the coordinator added from Telegram (bot.core.models.TaughtEntry)."""

    __tablename__ = "kb_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    language: Mapped[str] = mapped_column(CleanText(2))
    questions: Mapped[list[str]] = mapped_column(JSON)
    answer: Mapped[str] = mapped_column(CleanText())
    reviewed: Mapped[date]
    created_at: Mapped[datetime]
    # One entry per question: a second tap on "add" finds the first.
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("questions.id", ondelete="SET NULL"), unique=True
    )
    created_by: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))


class ReplacementRow(Base):
    __tablename__ = "replacements"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    practice: Mapped[str] = mapped_column(CleanText(80))
    replaced_doctor: Mapped[str] = mapped_column(CleanText(80))
    start_on: Mapped[date]
    end_on: Mapped[date]
    done: Mapped[list[str]] = mapped_column(JSON)
    created_at: Mapped[datetime]


class ProcessedUpdateRow(Base):
    __tablename__ = "processed_updates"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    processed_at: Mapped[datetime] = mapped_column(index=True)


class BoardPostRow(Base):
    __tablename__ = "board_posts"
    __table_args__ = (Index("ix_board_posts_kind_status", "kind", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    kind: Mapped[PostKind] = mapped_column(_enum(PostKind))
    zone: Mapped[str] = mapped_column(CleanText(40))
    start_on: Mapped[date]
    end_on: Mapped[date]
    software: Mapped[str] = mapped_column(CleanText(40))
    languages: Mapped[list[str]] = mapped_column(JSON)
    details: Mapped[str] = mapped_column(CleanText())
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    status: Mapped[PostStatus] = mapped_column(_enum(PostStatus))
    chosen_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    interested: Mapped[list[int]] = mapped_column(JSON)


class SubscriptionRow(Base):
    __tablename__ = "board_subscriptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), unique=True
    )
    zones: Mapped[list[str]] = mapped_column(JSON)
    software: Mapped[list[str]] = mapped_column(JSON)
    languages: Mapped[list[str]] = mapped_column(JSON)
    available_from: Mapped[date | None]
    available_until: Mapped[date | None]


class ShiftRow(Base):
    __tablename__ = "shifts"
    __table_args__ = (UniqueConstraint("zone", "post", "start_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    zone: Mapped[str] = mapped_column(CleanText(40))
    post: Mapped[str] = mapped_column(CleanText(40))
    start_at: Mapped[datetime] = mapped_column(index=True)
    end_at: Mapped[datetime]
    assignee_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), index=True
    )
    reminded_at: Mapped[datetime | None]
    handover_confirmed_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class SwapRequestRow(Base):
    __tablename__ = "swap_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id", ondelete="CASCADE"), index=True)
    requester_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    kind: Mapped[SwapKind] = mapped_column(_enum(SwapKind))
    created_by: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    target_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(CleanText())
    status: Mapped[SwapStatus] = mapped_column(_enum(SwapStatus), index=True)
    taker_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    return_shift_id: Mapped[int | None] = mapped_column(
        ForeignKey("shifts.id", ondelete="SET NULL")
    )
    taken_at: Mapped[datetime | None]
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(CleanText())
    followed_up_at: Mapped[datetime | None]


class SwapEventRow(Base):
    __tablename__ = "swap_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("swap_requests.id", ondelete="CASCADE"), index=True
    )
    action: Mapped[str] = mapped_column(CleanText(20))
    at: Mapped[datetime]
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    detail: Mapped[str] = mapped_column(CleanText())


class AuditRow(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(CleanText(80))
    at: Mapped[datetime] = mapped_column(index=True)


class ErrorReportRow(Base):
    __tablename__ = "error_reports"

    signature: Mapped[str] = mapped_column(CleanText(200), primary_key=True)
    occurrences: Mapped[int]
    reported_at: Mapped[datetime]


class OutboxRow(Base):
    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_state_due_at", "state", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    language: Mapped[str] = mapped_column(CleanText(2))
    kind: Mapped[str] = mapped_column(CleanText(40))
    params: Mapped[dict[str, Any]] = mapped_column(JSON)
    due_at: Mapped[datetime]
    state: Mapped[OutboxState] = mapped_column(_enum(OutboxState))
    attempts: Mapped[int]
    claimed_at: Mapped[datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(CleanText(120))
    sent_at: Mapped[datetime | None]
    telegram_message_id: Mapped[int | None] = mapped_column(BigInteger)
    last_error: Mapped[str | None] = mapped_column(CleanText())
    broadcast_id: Mapped[int | None] = mapped_column(
        ForeignKey("broadcasts.id", ondelete="CASCADE"), index=True
    )


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(CleanText(120))
    kind: Mapped[EventKind] = mapped_column(_enum(EventKind))
    start_at: Mapped[datetime] = mapped_column(index=True)
    end_at: Mapped[datetime] = mapped_column(index=True)
    deadline_at: Mapped[datetime]
    location: Mapped[str] = mapped_column(CleanText())
    speaker: Mapped[str] = mapped_column(CleanText())
    description: Mapped[str] = mapped_column(CleanText())
    capacity: Mapped[int | None]
    points: Mapped[int]
    rubric: Mapped[Rubric] = mapped_column(_enum(Rubric))
    audience: Mapped[EventAudience] = mapped_column(_enum(EventAudience))
    lok_group_id: Mapped[int | None] = mapped_column(
        ForeignKey("lok_groups.id", ondelete="SET NULL")
    )
    status: Mapped[EventStatus] = mapped_column(_enum(EventStatus))
    checkin_token: Mapped[str] = mapped_column(CleanText(40), unique=True)
    created_at: Mapped[datetime]


class RegistrationRow(Base):
    __tablename__ = "event_registrations"
    __table_args__ = (Index("ix_event_registrations_state_offer", "state", "offer_expires_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    state: Mapped[RegistrationState] = mapped_column(_enum(RegistrationState))
    created_at: Mapped[datetime]
    offer_expires_at: Mapped[datetime | None]
    attended_at: Mapped[datetime | None]
    walk_in: Mapped[bool]
    remind_hour_before: Mapped[bool]
    reminder_ids: Mapped[list[int]] = mapped_column(JSON)


class ExternalCreditRow(Base):
    __tablename__ = "external_credits"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(CleanText(120))
    held_on: Mapped[date]
    points: Mapped[int]
    rubric: Mapped[Rubric] = mapped_column(_enum(Rubric))
    created_at: Mapped[datetime]


class LokGroupRow(Base):
    __tablename__ = "lok_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(CleanText(80), unique=True)


class LokGroupMemberRow(Base):
    """LOK group membership lives here, not on the members table."""

    __tablename__ = "lok_group_members"
    __table_args__ = (PrimaryKeyConstraint("group_id", "member_id"),)

    group_id: Mapped[int] = mapped_column(ForeignKey("lok_groups.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)


class BroadcastRow(Base):
    __tablename__ = "broadcasts"

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    audience: Mapped[str] = mapped_column(CleanText(60))
    text: Mapped[str] = mapped_column(CleanText())
    file_id: Mapped[str | None] = mapped_column(CleanText(200))
    urgent: Mapped[bool]
    state: Mapped[BroadcastState] = mapped_column(_enum(BroadcastState), index=True)
    created_at: Mapped[datetime]
    scheduled_at: Mapped[datetime]
    cancelled_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]


class DigestRunRow(Base):
    """One row per digest period ("weekly:2026-11-30"): the first process to insert it runs it."""

    __tablename__ = "digest_runs"

    period: Mapped[str] = mapped_column(CleanText(40), primary_key=True)
    ran_at: Mapped[datetime]


class ConversationRow(Base):
    """Where a person is in a multi-step flow (bot.core.conversations); Telegram ids, not member
    ids: the flows run before and besides membership."""

    __tablename__ = "conversations"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(CleanText(40), primary_key=True)
    state: Mapped[int]
    draft: Mapped[Any] = mapped_column(JSON, nullable=True)
    expires_at: Mapped[datetime] = mapped_column(index=True)


class CalendarFeedRow(Base):
    """A calendar subscription address (bot.core.feeds): a member's, or a zone's roster."""

    __tablename__ = "calendar_feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(CleanText(64), unique=True)
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), index=True
    )
    zone: Mapped[str | None] = mapped_column(CleanText(40))
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class RateBucketRow(Base):
    """A shared rate limit (bot.core.buckets): `next_slot` in seconds since the epoch, a plain
    number so one portable statement can do the arithmetic on it."""

    __tablename__ = "rate_buckets"

    name: Mapped[str] = mapped_column(CleanText(80), primary_key=True)
    next_slot: Mapped[float] = mapped_column(Double)
    refusals: Mapped[int]
