"""events

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22 17:34:12.279348
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "lok_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lok_groups")),
        sa.UniqueConstraint("name", name=op.f("uq_lok_groups_name")),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("lok", "lecture", "webinar", name="eventkind", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("start_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("end_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deadline_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("speaker", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column(
            "rubric",
            sa.Enum("general", "ethics", name="rubric", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column(
            "audience",
            sa.Enum(
                "all",
                "gps",
                "locums",
                "lok_group",
                name="eventaudience",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("lok_group_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum("open", "cancelled", name="eventstatus", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("checkin_token", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["lok_group_id"],
            ["lok_groups.id"],
            name=op.f("fk_events_lok_group_id_lok_groups"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("checkin_token", name=op.f("uq_events_checkin_token")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_end_at"), ["end_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_start_at"), ["start_at"], unique=False)

    op.create_table(
        "lok_group_members",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["lok_groups.id"],
            name=op.f("fk_lok_group_members_group_id_lok_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_lok_group_members_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("group_id", "member_id", name=op.f("pk_lok_group_members")),
    )
    with op.batch_alter_table("lok_group_members", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_lok_group_members_member_id"), ["member_id"], unique=False
        )

    op.create_table(
        "event_registrations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "registered",
                "offered",
                "waiting",
                "cancelled",
                name="registrationstate",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("offer_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("walk_in", sa.Boolean(), nullable=False),
        sa.Column("remind_hour_before", sa.Boolean(), nullable=False),
        sa.Column("reminder_ids", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_registrations_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_event_registrations_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_registrations")),
    )
    with op.batch_alter_table("event_registrations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_event_registrations_event_id"), ["event_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_event_registrations_member_id"), ["member_id"], unique=False
        )
        batch_op.create_index(
            "ix_event_registrations_state_offer", ["state", "offer_expires_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("event_registrations", schema=None) as batch_op:
        batch_op.drop_index("ix_event_registrations_state_offer")
        batch_op.drop_index(batch_op.f("ix_event_registrations_member_id"))
        batch_op.drop_index(batch_op.f("ix_event_registrations_event_id"))

    op.drop_table("event_registrations")
    with op.batch_alter_table("lok_group_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lok_group_members_member_id"))

    op.drop_table("lok_group_members")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_start_at"))
        batch_op.drop_index(batch_op.f("ix_events_end_at"))

    op.drop_table("events")
    op.drop_table("lok_groups")
