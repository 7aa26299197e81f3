"""orders status index

Revision ID: 4d5e6f7a8b9c
Revises: 3c4d5e6f7a8b
"""
from alembic import op

revision = "4d5e6f7a8b9c"
down_revision = "3c4d5e6f7a8b"


def upgrade():
    with op.get_context().autocommit_block():
        op.create_index("ix_orders_status", "orders", ["status"], postgresql_concurrently=True)
    op.execute("CREATE INDEX CONCURRENTLY ix_orders_region ON orders (region)")


def downgrade():
    op.execute("DROP INDEX ix_orders_region")
    with op.get_context().autocommit_block():
        op.drop_index("ix_orders_status", table_name="orders", postgresql_concurrently=True)
