"""The catalogs as the desktop's services use them: with the office's overrides, and with a
:class:`~kim_desktop.core.errors.DomainError` for a code no catalog knows.

The catalogs themselves, their files and data classes are shared with the server:
:mod:`kim_protocol.catalogs`.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from kim_desktop.core.errors import DomainError
from kim_protocol.catalogs import Catalog, CatalogEntry, Catalogs, default_catalogs


def catalogs_for(session: Session) -> Catalogs:
    """The catalogs a session works with: ``session.info["catalogs"]`` or the packaged ones."""
    catalogs = session.info.get("catalogs")
    return catalogs if isinstance(catalogs, Catalogs) else default_catalogs()


def require(catalog: Catalog, code: str | None) -> CatalogEntry:
    """The entry for ``code``; a :class:`DomainError` ``unknown_code`` otherwise."""
    entry = catalog.get(code) if code else None
    if entry is None:
        raise DomainError("unknown_code", value=code or "", catalog=catalog.name)
    return entry
