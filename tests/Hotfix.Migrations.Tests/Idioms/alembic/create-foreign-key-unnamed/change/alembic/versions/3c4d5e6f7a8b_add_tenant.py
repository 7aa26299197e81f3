"""add tenant

Revision ID: 3c4d5e6f7a8b
Revises: 1a2b3c4d5e6f
"""
from alembic import op
import sqlalchemy as sa

revision = "3c4d5e6f7a8b"
down_revision = "1a2b3c4d5e6f"


def upgrade():
    op.add_column("orders", sa.Column("tenant_id", sa.Integer(), nullable=True))
    op.create_foreign_key(None, "orders", "tenants", ["tenant_id"], ["id"])
    op.create_index(op.f("ix_orders_tenant_id"), "orders", ["tenant_id"], unique=False)


def downgrade():
    op.drop_index(op.f("ix_orders_tenant_id"), table_name="orders")
    op.drop_constraint(None, "orders", type_="foreignkey")
    op.drop_column("orders", "tenant_id")
