"""longer phone and timezone

Revision ID: 7e8f9a0b1c2d
Revises: 0d1e2f3a4b5c
Create Date: 2026-05-03 16:45:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = "7e8f9a0b1c2d"
down_revision: Union[str, Sequence[str], None] = "0d1e2f3a4b5c"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.alter_column("accounts", "phone", type_=sa.String(length=32))
    op.alter_column("accounts", "timezone", type_=sa.String(length=64))


def downgrade() -> None:
    # Widening only: the longer values stay valid, nothing to undo.
    pass
