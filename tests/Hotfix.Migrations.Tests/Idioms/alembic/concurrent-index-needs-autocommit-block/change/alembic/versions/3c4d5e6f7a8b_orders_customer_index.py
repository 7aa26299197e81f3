"""orders customer index

Revision ID: 3c4d5e6f7a8b
Revises: 1a2b3c4d5e6f
"""
from alembic import op

revision = "3c4d5e6f7a8b"
down_revision = "1a2b3c4d5e6f"


def upgrade():
    op.create_index("ix_orders_customer_id", "orders", ["customer_id"], postgresql_concurrently=True)


def downgrade():
    op.drop_index("ix_orders_customer_id", table_name="orders", postgresql_concurrently=True)
