"""retire legacy plan

Revision ID: 7c1d9e0f2a3b
Revises: 1a2b3c4d5e6f
Create Date: 2026-11-02 09:14:00

"""
from alembic import op
import sqlalchemy as sa

revision = "7c1d9e0f2a3b"
down_revision = "1a2b3c4d5e6f"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
UPDATE accounts
SET plan = legacy_plan
WHERE plan IS NULL
"""
    )
    op.drop_column("accounts", "legacy_plan")


def downgrade():
    op.add_column("accounts", sa.Column("legacy_plan", sa.String(length=20), nullable=True))
