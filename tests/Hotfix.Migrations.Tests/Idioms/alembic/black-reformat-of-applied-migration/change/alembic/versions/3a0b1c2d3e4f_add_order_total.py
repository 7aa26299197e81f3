"""add order total

Revision ID: 3a0b1c2d3e4f
Revises: 29f0a1b2c3d4
Create Date: 2026-10-02 09:14:05.117310

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "3a0b1c2d3e4f"
down_revision = "29f0a1b2c3d4"
branch_labels = None
depends_on = None


def upgrade():
    # Totals are summed by the monthly report (REP-311).
    op.add_column(
        "orders",
        sa.Column(
            "total",
            sa.Numeric(precision=12, scale=2),
            server_default=sa.text("0"),
            nullable=False,
        ),
    )
    op.create_index(op.f("ix_orders_total"), "orders", ["total"], unique=False)


def downgrade():
    op.drop_index(op.f("ix_orders_total"), table_name="orders")
    op.drop_column("orders", "total")
