"""invoices

Revision ID: 8d2e3f4a5b6c
Revises: 1a2b3c4d5e6f
"""
from alembic import op
import sqlalchemy as sa

revision = "8d2e3f4a5b6c"
down_revision = "1a2b3c4d5e6f"


def upgrade():
    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("issuer_id", sa.Integer(), sa.ForeignKey("users.id"), nullable=True, index=True),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_invoices_order_id"), "invoices", ["order_id"], unique=False)


def downgrade():
    op.drop_index(op.f("ix_invoices_order_id"), table_name="invoices")
    op.drop_table("invoices")
