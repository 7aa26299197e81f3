"""drop orders

Revision ID: 9f8e7d6c5b4a
Revises: 1a2b3c4d5e6f
"""
from alembic import op
import sqlalchemy as sa

revision = "9f8e7d6c5b4a"
down_revision = "1a2b3c4d5e6f"


def upgrade() -> None:
    op.drop_table("orders")


def downgrade() -> None:
    op.create_table("orders",
    sa.Column("id", sa.INTEGER(), autoincrement=True, nullable=False),
    sa.Column("user_id", sa.INTEGER(), autoincrement=False, nullable=False),
    sa.Column("code", sa.VARCHAR(length=40), autoincrement=False, nullable=True),
    sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="orders_user_id_fkey"),
    sa.PrimaryKeyConstraint("id", name="orders_pkey")
    )
    op.create_index("ix_orders_user_id", "orders", ["user_id"], unique=False)
    op.create_index("ix_users_email", "users", ["email"], unique=True)
