"""order customer

Revision ID: 7c1d2e3f4a5b
Revises: 1a2b3c4d5e6f
"""
from alembic import op
import sqlalchemy as sa

revision = "7c1d2e3f4a5b"
down_revision = "1a2b3c4d5e6f"


def upgrade():
    op.add_column("orders", sa.Column("customer_id", sa.Integer(), nullable=True))
    op.create_foreign_key("fk_orders_customer_id", "orders", "customers", ["customer_id"], ["id"])


def downgrade():
    op.drop_constraint("fk_orders_customer_id", "orders", type_="foreignkey")
    op.drop_column("orders", "customer_id")
