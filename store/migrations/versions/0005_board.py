"""board

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 16:47:15.994140
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "board_posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("need", "availability", name="postkind", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("zone", sa.String(length=40), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=False),
        sa.Column("software", sa.String(length=40), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "filled",
                "closed",
                "removed",
                name="poststatus",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("chosen_id", sa.Integer(), nullable=True),
        sa.Column("interested", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["members.id"],
            name=op.f("fk_board_posts_author_id_members"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["chosen_id"],
            ["members.id"],
            name=op.f("fk_board_posts_chosen_id_members"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_board_posts")),
    )
    with op.batch_alter_table("board_posts", schema=None) as batch_op:
        batch_op.create_index("ix_board_posts_kind_status", ["kind", "status"], unique=False)

    op.create_table(
        "board_subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("zones", sa.JSON(), nullable=False),
        sa.Column("software", sa.JSON(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("available_from", sa.Date(), nullable=True),
        sa.Column("available_until", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_board_subscriptions_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_board_subscriptions")),
        sa.UniqueConstraint("member_id", name=op.f("uq_board_subscriptions_member_id")),
    )


def downgrade() -> None:
    op.drop_table("board_subscriptions")
    with op.batch_alter_table("board_posts", schema=None) as batch_op:
        batch_op.drop_index("ix_board_posts_kind_status")

    op.drop_table("board_posts")
