"""add region

Revision ID: 9e3f1a2b4c5d
Revises: 1a2b3c4d5e6f
Create Date: 2026-11-02 09:14:00

"""
from alembic import op
import sqlalchemy as sa

revision = "9e3f1a2b4c5d"
down_revision = "1a2b3c4d5e6f"
branch_labels = None
depends_on = None


def upgrade():
    """Add the region, then give it its final type."""
    op.add_column("stores", sa.Column("region", sa.String(length=8), nullable=True))
    op.alter_column("stores", "region", existing_type=sa.String(length=8), type_=sa.String(length=16))


def downgrade():
    op.drop_column("stores", "region")
