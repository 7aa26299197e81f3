"""user column sizes

Revision ID: 0c1d2e3f4a5b
Revises: a9b8c7d6e5f4
Create Date: 2026-03-01 11:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "0c1d2e3f4a5b"
down_revision = "a9b8c7d6e5f4"
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("users", "name", type_=sa.String(length=200))
    op.alter_column("users", "email", type_=sa.String(length=20))


def downgrade():
    pass
