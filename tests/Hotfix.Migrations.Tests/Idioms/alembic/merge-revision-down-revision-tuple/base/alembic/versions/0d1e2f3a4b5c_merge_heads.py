"""merge heads

Revision ID: 0d1e2f3a4b5c
Revises: 9f8e7d6c5b4a, 5c6d7e8f9a0b
Create Date: 2026-04-12 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = "0d1e2f3a4b5c"
down_revision: Union[str, Sequence[str], None] = (
    "9f8e7d6c5b4a",
    "5c6d7e8f9a0b",
)
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
