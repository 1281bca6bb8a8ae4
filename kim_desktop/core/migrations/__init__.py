"""Alembic migrations of the desktop database (see env.py)."""
