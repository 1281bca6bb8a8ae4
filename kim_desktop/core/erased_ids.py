"""The ids of erased persons, kept beside the vault so that a restore cannot bring them back.

A backup taken before an erasure holds the person in full, their open erasure request too, and
not the erase event of the audit log. An office without a sync server would get them back for
good with the restore, and nothing would remember the Art. 17 erasure. The ids are no personal
data (random UUIDs that say nothing about anyone), so the data folder keeps them in a file of
their own (:data:`ERASED_IDS_NAME`, mode 0600, one id a line), which backups do not hold and a
restore leaves alone. Every erasure adds its person once its transaction is committed (an
erasure here, or one arriving by sync); each unlock adds those the database holds as erased,
and erases again anyone the file names whom the database holds unerased
(:meth:`kim_desktop.core.vault.Vault.unlock`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from kim_desktop.core.storage import write_private_file

ERASED_IDS_NAME = "erased-ids"
#: ``Session.info`` key of the file a vault's sessions add erased persons to.
FILE_KEY = "erased_ids_file"
#: ``Session.info`` key of the persons erased in the current transaction.
_PENDING = "erased_ids_pending"
_ID = re.compile(r"^[0-9a-f-]{36}$")


def note_erased(session: Session, client_id: str) -> None:
    """Marks ``client_id`` to be added to the file once the transaction is committed."""
    session.info.setdefault(_PENDING, set()).add(client_id)


def read(path: Path) -> set[str]:
    """The ids in the file (none if there is no file); lines that are no id are skipped."""
    try:
        lines = path.read_text(encoding="ascii", errors="replace").splitlines()
    except FileNotFoundError:
        return set()
    return {line.strip() for line in lines if _ID.match(line.strip())}


def remember(path: Path, ids: Iterable[str]) -> None:
    """Adds ``ids`` to the file; replaces it whole, so that a crash leaves the old or the new."""
    known = read(path)
    new = known | set(ids)
    if new == known:
        return
    scratch = path.with_name(f".{path.name}.new")
    write_private_file(scratch, "".join(f"{item}\n" for item in sorted(new)).encode("ascii"))
    os.replace(scratch, path)


@event.listens_for(Session, "after_commit")
def _write_committed(session: Session) -> None:
    ids = session.info.pop(_PENDING, None)
    path = session.info.get(FILE_KEY)
    if ids and path is not None:
        remember(path, ids)


@event.listens_for(Session, "after_rollback")
def _forget_rolled_back(session: Session, *_args: Any) -> None:
    session.info.pop(_PENDING, None)
