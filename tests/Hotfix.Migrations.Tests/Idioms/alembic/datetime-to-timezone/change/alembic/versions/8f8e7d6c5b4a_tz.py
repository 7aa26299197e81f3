"""timestamps with time zone

Revision ID: 8f8e7d6c5b4a
Revises: 1a2b3c4d5e6f
"""
from alembic import op
import sqlalchemy as sa

revision = "8f8e7d6c5b4a"
down_revision = "1a2b3c4d5e6f"


def upgrade():
    op.alter_column("users", "created_at", existing_type=sa.DateTime(), type_=sa.DateTime(timezone=True))
    op.alter_column("users", "seen_at", existing_type=sa.TIMESTAMP(timezone=True), type_=sa.DateTime(timezone=True), nullable=True)


def downgrade():
    op.alter_column("users", "seen_at", existing_type=sa.DateTime(timezone=True), type_=sa.TIMESTAMP(timezone=True), nullable=True)
    op.alter_column("users", "created_at", existing_type=sa.DateTime(timezone=True), type_=sa.DateTime())
