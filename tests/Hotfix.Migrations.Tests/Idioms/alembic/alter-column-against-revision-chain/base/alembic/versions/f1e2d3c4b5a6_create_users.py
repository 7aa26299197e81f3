"""create users

Revision ID: f1e2d3c4b5a6
Revises:
Create Date: 2026-01-05 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "f1e2d3c4b5a6"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("bio", sa.Text(), nullable=True),
    )


def downgrade():
    op.drop_table("users")
