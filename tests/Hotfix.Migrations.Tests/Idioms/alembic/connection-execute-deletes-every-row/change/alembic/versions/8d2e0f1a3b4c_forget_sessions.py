"""forget sessions

Revision ID: 8d2e0f1a3b4c
Revises: 1a2b3c4d5e6f
Create Date: 2026-11-02 09:14:00

"""
from alembic import op
import sqlalchemy as sa

revision = "8d2e0f1a3b4c"
down_revision = "1a2b3c4d5e6f"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    conn.execute(sa.text(f"""
        DELETE FROM user_sessions
    """))


def downgrade():
    pass
