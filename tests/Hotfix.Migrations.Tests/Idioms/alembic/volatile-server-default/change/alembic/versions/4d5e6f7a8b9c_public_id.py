"""public id

Revision ID: 4d5e6f7a8b9c
Revises: 1a2b3c4d5e6f
"""
from alembic import op
import sqlalchemy as sa

revision = "4d5e6f7a8b9c"
down_revision = "1a2b3c4d5e6f"


def upgrade():
    op.add_column("orders", sa.Column("public_id", sa.Uuid(), server_default=sa.text("gen_random_uuid()"), nullable=False))
    op.add_column("orders", sa.Column("legacy_ref", sa.String(40), server_default="gen_random_uuid()", nullable=False))


def downgrade():
    op.drop_column("orders", "legacy_ref")
    op.drop_column("orders", "public_id")
