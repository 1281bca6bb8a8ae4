"""Every table of the desktop database: the records of ``core``, its stored secrets and the
sync client's own tables.

The revisions in ``kim_desktop/core/migrations`` create them all. ``core`` cannot list the
sync's tables itself, since it imports nothing of ``sync``; the test that compares the
migrated schema with the models reads :func:`metadata`.
"""

from __future__ import annotations

from sqlalchemy import MetaData


def metadata() -> MetaData:
    import kim_desktop.core.drafts
    import kim_desktop.core.models
    import kim_desktop.core.stored_secrets
    import kim_desktop.sync.state  # noqa: F401  (registers the sync client's tables)
    from kim_desktop.core.db import Base

    return Base.metadata
