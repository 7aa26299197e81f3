"""add timezone

Revision ID: 5c6d7e8f9a0b
Revises: 1a2b3c4d5e6f
Create Date: 2026-04-11 09:15:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = "5c6d7e8f9a0b"
down_revision: Union[str, Sequence[str], None] = "1a2b3c4d5e6f"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("accounts", sa.Column("timezone", sa.String(length=40), nullable=True))


def downgrade() -> None:
    op.drop_column("accounts", "timezone")
