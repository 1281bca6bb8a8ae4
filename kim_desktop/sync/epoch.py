"""The vault's sync epoch: which life of the vault speaks for this device.

The server knows a device by its token, and a token lives in the vault. A vault restored from a
backup has forgotten what it sent after the backup, and a vault folder copied to a second
machine is a second vault with the same token. Both are recognised by where the vault lives:
its *place*, a digest of the machine's id, the database file's path and file identity, and the
restore id that every restore writes beside it (``kim_desktop.core.backup.RESTORE_ID_NAME``).
A vault that finds itself in another place than the one it last synced from begins a new epoch,
a random id it shows the server in every handshake and push. Before its next push it asks the
server what was acknowledged for it (``GET /v1/acknowledged``), numbers its changes above it
and pulls again what it no longer has (:func:`kim_desktop.sync.push.renumber`).

The server sees two epochs of one device that alternate when a copy and its original both
sync; the one that began later is told ``device_copied``. That vault then keeps its pending
changes aside (:func:`set_aside_as_copy`: listed with the refused ones, to be sent again after
it enrolled anew, or exported) and destroys the token it shares with the original.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import sys
import uuid
from collections import defaultdict
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kim_desktop.core.backup import RESTORE_ID_NAME
from kim_desktop.core.db import RECORD_KINDS
from kim_desktop.sync import messages
from kim_desktop.sync.apply import OUTBOX_TABLE, chunks, known_versions
from kim_desktop.sync.http import DEVICE_COPIED
from kim_desktop.sync.payloads import payloads_of
from kim_desktop.sync.push import lock_for_write
from kim_desktop.sync.state import SyncInflight, SyncRejected, load_state
from kim_protocol.payload import payload_json

log = logging.getLogger(__name__)


def _machine_id() -> str:
    """The operating system's id of this machine (not its host name); the network card's
    address where there is none."""
    if sys.platform == "win32":
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r"SOFTWARE\Microsoft\Cryptography",
                                0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY) as key:
                return str(winreg.QueryValueEx(key, "MachineGuid")[0])
        except OSError:
            pass
    else:
        for name in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
            try:
                text = Path(name).read_text(encoding="ascii").strip()
            except (OSError, UnicodeDecodeError):
                continue
            if text:
                return text
    return f"node-{uuid.getnode():x}"


def place_of(session: Session) -> str:
    """Where the session's database lives: SHA-256 of machine, path, file identity and
    restore id. It changes with a restore, a copy, or a move to another folder."""
    # SQLite's own word for the file: the vault's engine is built from a connect function.
    database = next((row[2] for row in session.connection().exec_driver_sql(
        "PRAGMA database_list") if row[1] == "main"), "")
    if not database:
        return "memory"
    path = Path(database).resolve()
    try:
        stat = path.stat()
        identity = f"{stat.st_dev}:{stat.st_ino}"
    except OSError:
        identity = "missing"
    try:
        restore_id = (path.parent / RESTORE_ID_NAME).read_text(encoding="ascii").strip()
    except FileNotFoundError:
        restore_id = ""
    except (OSError, UnicodeDecodeError):
        restore_id = "unreadable"
    text = "|".join((_machine_id(), str(path), identity, restore_id))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def begin_epoch_if_moved(session: Session) -> None:
    """Draws a new epoch when the vault is no longer where it last synced, in a transaction of
    its own. The vault then asks the server what it acknowledged before it pushes
    (``SyncState.epoch_from_seq``); its first epoch (after enrolling, or after an update to
    epochs) asks nothing."""
    state = load_state(session)
    place = place_of(session)
    if state is None or (state.epoch is not None and state.epoch_place == place):
        session.rollback()
        return
    state = lock_for_write(session)
    if state.epoch is not None:
        # The vault's own numbers from here on may be ones the server had from its other life.
        state.epoch_from_seq = state.next_seq
        log.info("vault restored or moved: a new sync epoch begins")
    state.epoch = secrets.token_hex(16)
    state.epoch_place = place
    session.commit()


def set_aside_as_copy(session: Session) -> int:
    """This vault is a copy of another machine's: its pending changes go aside (to the refused
    changes, with the reason ``device_copied``), the token it shares with the original is
    destroyed, and the state says why. Returns how many changes went aside."""
    state = lock_for_write(session)
    connection = session.connection()
    reason = f"{DEVICE_COPIED}: {messages.REJECTED_COPIED}"
    rows: list[SyncRejected] = []
    for op in session.scalars(select(SyncInflight).order_by(SyncInflight.seq)):
        rows.append(SyncRejected(seq=op.seq, kind=op.kind, record_id=op.record_id,
                                 base_version=op.base_version, reason=reason,
                                 payload=op.payload))
    seen = {row.record_id for row in rows}
    pending: dict[str, list[str]] = defaultdict(list)
    for record_id, kind in connection.execute(
        select(OUTBOX_TABLE.c.record_id, OUTBOX_TABLE.c.kind).order_by(OUTBOX_TABLE.c.seq)
    ):
        if kind in RECORD_KINDS and record_id not in seen:
            seen.add(record_id)
            pending[kind].append(record_id)
    for kind, ids in pending.items():
        for part in chunks(ids):
            bases = known_versions(session, list(part))
            for record_id, payload in payloads_of(session, kind, part).items():
                rows.append(SyncRejected(seq=0, kind=kind, record_id=record_id,
                                         base_version=bases.get(record_id, 0), reason=reason,
                                         payload=payload_json(payload)))
    session.add_all(rows)
    connection.execute(delete(OUTBOX_TABLE))
    connection.execute(delete(SyncInflight))
    state.device_token = ""
    state.revoked = messages.COPIED
    session.commit()
    log.warning("this vault is a copy of another machine's: %d changes kept aside", len(rows))
    return len(rows)
