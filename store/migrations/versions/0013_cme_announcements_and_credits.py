"""cme: members choose whether new events are announced to them; CME followed elsewhere

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-05 21:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("cme_announcements", sa.Boolean(), server_default=sa.true(), nullable=False)
        )
    op.create_table(
        "external_credits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column(
            "rubric",
            sa.Enum("general", "ethics", name="rubric", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_external_credits_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_external_credits")),
    )
    with op.batch_alter_table("external_credits", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_external_credits_member_id"), ["member_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("external_credits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_external_credits_member_id"))
    op.drop_table("external_credits")
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_column("cme_announcements")
