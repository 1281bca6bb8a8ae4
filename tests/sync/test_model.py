"""The sync's promise as a model (issue 14): three devices of one office and a real
``kim-server serve`` do what offices do, in any order Hypothesis picks, while the network and
the server fail; once every device that may still sync has synced to rest, they hold the same
records, every acknowledged change is there, none was applied twice, and the quarantine holds
exactly the records that cannot be applied.

Rules: clients, consultations and attachments (some across a chunk) are created, edited and
deleted through the program's services; a sync runs to its end, is cut at a random step, loses
a push's answer after the server committed (:class:`DroppingProxy`), or sees the server killed
midway (SIGKILL, then started again); a device takes a backup and is later restored from it; a
peer of a newer version sends records with fields this version does not know and records
without a required field; IT revokes a device and orders its wipe.

Each record is edited only by the device that created it (two devices editing one record make a
conflict, which tests/sync/test_convergence_property.py covers), so the model knows each
record's value: the owner's last write, or, where the owner lost writes that were never
acknowledged (a restore, a revocation), any write from the last acknowledged one on.

``bench/soak.py`` runs this machine for minutes with random seeds; here it runs a few derandomized
examples within about a minute and a half.
"""

from __future__ import annotations

import hashlib
import itertools
import random
import shutil
import threading
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx
import pytest
import requests
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule, run_state_machine_as_test
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from kim_desktop.core.models import Attachment, Client, Consultation
from kim_desktop.core.services import ClientData, add_attachment, create_client
from kim_desktop.core.services.clients import update_client
from kim_desktop.core.services.contacts import record_consultation, update_consultation
from kim_desktop.core.services.records import remove_record
from kim_desktop.sync.client import Progress, SyncClient
from kim_desktop.sync.conflicts import list_conflicts
from kim_desktop.sync.crypto import open_sealed, seal
from kim_desktop.sync.http import RevokedError
from kim_desktop.sync.state import SyncQuarantine, load_office_key, load_state
from kim_protocol.wire import BLOB_CHUNK_BYTES, b64decode, b64encode
from sync_server.db import transaction
from sync_server.models import Device as ServerDevice
from sync_server.services.devices import device_state
from tests.server.conftest import Admin, ServerProcess, enroll_with
from tests.sync.conftest import FAST_RETRY, local_engine, session_factory
from tests.sync.helpers import START, Sessions, server_counts, settled, snapshot
from tests.sync.proxy import DroppingProxy

pytestmark = pytest.mark.slow

DEVICES = 3
#: What the peer of a newer version adds to its records.
NEWER_FIELDS = {"mood": "zuversichtlich", "follow_up": {"in_days": 14}}


class Violation(AssertionError):
    """The sync broke its promise."""


@dataclass
class World:
    """What every example shares: the server, the relay the devices reach it by, a folder."""

    server: ServerProcess
    admin: Admin
    proxy: DroppingProxy
    folder: Path
    faults: Counter[str] = field(default_factory=Counter)
    steps: int = 0

    @classmethod
    def open(cls, db_url: str, folder: Path) -> World:
        server = ServerProcess(db_url)
        server.start()
        return cls(server, Admin(db_url), DroppingProxy(server.port), folder)

    def close(self) -> None:
        self.proxy.close()
        self.server.stop()
        self.admin.engine.dispose()


#: Set by the fixture below or by bench/soak.py before the machine runs.
WORLD: World | None = None
_examples = itertools.count()


@dataclass
class Written:
    """A record the model made, with every value its owner wrote (index 0: the creation)."""

    kind: str
    owner: str
    values: list[str]
    #: The last write the server acknowledged (-1: none yet).
    acked: int = -1
    #: The owner still holds all its writes; False after it lost some that may not have gone
    #: (a restore, a revocation): then any write from ``acked`` on may be the one that holds.
    exact: bool = True


@dataclass
class Device:
    name: str
    engine: Engine
    sessions: Sessions
    client: SyncClient
    device_id: str
    revoked: bool = False
    wipe_ordered: bool = False
    wiped: bool = False
    #: Restored and not yet synced to rest: it writes nothing until then, as its records may
    #: be older than what it acknowledged before.
    restored: bool = False
    backup: Path | None = None
    generation: int = 0

    @property
    def active(self) -> bool:
        return not (self.revoked or self.wiped)


DELETED = "<gelöscht>"


def value_of(kind: str, payload: dict[str, Any]) -> str:
    if payload.get("deleted_at"):
        return DELETED
    return str(payload[{"client": "last_name", "consultation": "notes",
                        "attachment": "sha256"}[kind]])


def pdf(seed: int, size: int) -> bytes:
    return b"%PDF-1.7\n" + random.Random(seed).randbytes(size - 9)


class SyncModel(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        assert WORLD is not None, "WORLD is set before the machine runs"
        self.world = WORLD
        self.run = next(_examples)
        self.folder = self.world.folder / f"run{self.run}"
        self.folder.mkdir()
        if self.world.server.process is None or self.world.server.process.poll() is not None:
            self.world.server.start()
        self.office_id = self.world.admin.office()
        self.recovery_key: str | None = None
        self.devices = [self._enroll(f"d{index}") for index in range(DEVICES)]
        self.records: dict[str, Written] = {}
        #: Records of the newer peer that this version cannot apply (a required field missing).
        self.unapplicable: set[str] = set()
        self.newer: set[str] = set()
        self.peer_token, self.peer_seq = "", itertools.count(1)
        self.names = itertools.count()

    # -- devices -------------------------------------------------------------------------

    def _enroll(self, name: str) -> Device:
        from kim_desktop.sync.enroll import enroll

        engine = local_engine(self.folder / f"{name}.db")
        sessions = session_factory(engine)
        with sessions() as session:
            result = enroll(session, server_url=self.world.proxy.url,
                            code=self.world.admin.code(self.office_id),
                            office_recovery_key=self.recovery_key, device_name=name)
            self.recovery_key = result.office_recovery_key or self.recovery_key
            state = load_state(session)
            assert state is not None and result.key_ready
            device_id = state.device_id
        device = Device(name, engine, sessions, SyncClient(sessions, retry=FAST_RETRY),
                        device_id)
        self._callbacks(device)
        return device

    def _callbacks(self, device: Device) -> None:
        def destroy() -> None:
            device.wiped = True

        device.client.on_wipe = lambda _message: None
        device.client.destroy = destroy
        device.client.batch_size, device.client.page_size = 4, 3

    def _device(self, index: int) -> Device:
        return self.devices[index % DEVICES]

    def _sync(self, device: Device, progress: Callable[[Progress], None] | None = None,
              cancel: threading.Event | None = None) -> bool:
        """One sync; True when it ran to its end and left nothing waiting."""
        self.world.steps += 1
        try:
            result = device.client.run(progress=progress, cancel=cancel)
        except RevokedError as error:
            if not device.revoked:
                raise Violation(f"{device.name} refused though not revoked: {error}") from error
            return False
        if device.revoked and not device.wiped:
            raise Violation(f"{device.name} synced though revoked")
        done = not (result.cancelled or result.offline) and settled(device.sessions)
        if done:
            device.restored = False
            for written in self.records.values():
                if written.owner == device.name and written.exact:
                    written.acked = len(written.values) - 1
        return done

    def _owned(self, device: Device, kinds: tuple[str, ...]) -> list[str]:
        return sorted(rid for rid, written in self.records.items()
                      if written.owner == device.name and written.kind in kinds
                      and written.values[-1] != DELETED)

    def _write(self, device: Device, record_id: str, value: str) -> None:
        written = self.records[record_id]
        written.values.append(value)
        written.exact = True

    def _live_here(self, session: Session, record_id: str) -> bool:
        """The owner holds the record live, as the model says; where the owner may have lost
        writes (a restore), it may hold none or a deleted one: then it does not write."""
        written = self.records[record_id]
        model = {"client": Client, "consultation": Consultation, "attachment": Attachment}
        row = session.get(model[written.kind], record_id)
        if row is not None and row.deleted_at is None:
            return True
        if written.exact and not (row is None and record_id in self.newer):  # not pulled yet
            raise Violation(f"{written.kind} {record_id} of {written.owner} is "
                            f"{'gone' if row is None else 'deleted'} on its own device")
        return False

    def _writable(self, device: Device) -> bool:
        return device.active and not device.restored

    # -- rules: work ---------------------------------------------------------------------

    @rule(index=st.integers(0, DEVICES - 1))
    def add_client(self, index: int) -> None:
        device = self._device(index)
        if not self._writable(device):
            return
        name = f"Muster{next(self.names)}"
        with device.sessions() as session:
            [client_id] = create_client(session, data=ClientData(
                last_name=name, first_name="Test", municipality_code="minden")).ids
            session.commit()
        self.records[client_id] = Written("client", device.name, [name])

    @rule(index=st.integers(0, DEVICES - 1), pick=st.integers(0, 50))
    def add_consultation(self, index: int, pick: int) -> None:
        device = self._device(index)
        clients = self._owned(device, ("client",))
        if not self._writable(device) or not clients:
            return
        notes = f"Notiz {next(self.names)}"
        with device.sessions() as session:
            [consultation_id] = record_consultation(
                session, client_id=clients[pick % len(clients)], held_at=START,
                duration_minutes=30, mode_code="phone", fields_of_action=["work"],
                notes=notes).ids
            session.commit()
        self.records[consultation_id] = Written("consultation", device.name, [notes])

    @rule(index=st.integers(0, DEVICES - 1), pick=st.integers(0, 50), seed=st.integers(0, 99),
          size=st.one_of(st.integers(10, 30_000),
                         st.integers(BLOB_CHUNK_BYTES - 50, BLOB_CHUNK_BYTES + 20_000)))
    def attach(self, index: int, pick: int, seed: int, size: int) -> None:
        device = self._device(index)
        clients = self._owned(device, ("client",))
        if not self._writable(device) or not clients:
            return
        content = pdf(seed + 1000 * next(self.names), size)
        with device.sessions() as session:
            [attachment_id] = add_attachment(session, client_id=clients[pick % len(clients)],
                                             filename="scan.pdf", content=content).ids
            session.commit()
        self.records[attachment_id] = Written("attachment", device.name,
                                              [hashlib.sha256(content).hexdigest()])

    @rule(index=st.integers(0, DEVICES - 1), pick=st.integers(0, 50))
    def edit(self, index: int, pick: int) -> None:
        device = self._device(index)
        ids = self._owned(device, ("client", "consultation"))
        if not self._writable(device) or not ids:
            return
        record_id = ids[pick % len(ids)]
        value = f"{self.records[record_id].kind}-{next(self.names)}"
        with device.sessions() as session:
            if not self._live_here(session, record_id):
                return
            if self.records[record_id].kind == "client":
                row = session.get_one(Client, record_id)
                update_client(session, client_id=record_id,
                              data=replace(ClientData.of(row), last_name=value))
            else:
                consultation = session.get_one(Consultation, record_id)
                update_consultation(
                    session, consultation_id=record_id, held_at=consultation.held_at,
                    duration_minutes=consultation.duration_minutes,
                    mode_code=consultation.mode_code,
                    fields_of_action=list(consultation.fields_of_action), notes=value)
            session.commit()
        self._write(device, record_id, value)

    @rule(index=st.integers(0, DEVICES - 1), pick=st.integers(0, 50))
    def delete(self, index: int, pick: int) -> None:
        device = self._device(index)
        ids = self._owned(device, ("consultation", "attachment"))
        if not self._writable(device) or not ids:
            return
        record_id = ids[pick % len(ids)]
        with device.sessions() as session:
            if not self._live_here(session, record_id):
                return
            remove_record(session, kind=self.records[record_id].kind, record_id=record_id)
            session.commit()
        self._write(device, record_id, DELETED)

    # -- rules: syncs and faults ---------------------------------------------------------

    @rule(index=st.integers(0, DEVICES - 1))
    def sync(self, index: int) -> None:
        device = self._device(index)
        if device.active or device.wipe_ordered:
            self._sync(device)

    @rule(index=st.integers(0, DEVICES - 1), steps=st.integers(1, 6))
    def cut_sync(self, index: int, steps: int) -> None:
        """A sync cancelled after some batches, pages or chunks (the user, a lock, a crash)."""
        device = self._device(index)
        if not device.active:
            return
        cancel, seen = threading.Event(), itertools.count(1)

        def progress(_step: Progress) -> None:
            if next(seen) >= steps:
                cancel.set()

        self.world.faults["cut"] += 1
        self._sync(device, progress, cancel)

    @rule(index=st.integers(0, DEVICES - 1))
    def lose_push_answer(self, index: int) -> None:
        """The server committed a push, its answer is lost on the way back."""
        device = self._device(index)
        if not device.active:
            return
        self.world.faults["lost_answer"] += 1
        self.world.proxy.drop_responses(path=b"/v1/push", count=1)
        self._sync(device)
        self.world.proxy.drop_responses(path=b"/v1/push", count=0)

    @rule(index=st.integers(0, DEVICES - 1), steps=st.integers(0, 4))
    def kill_server(self, index: int, steps: int) -> None:
        """SIGKILL of the server after some steps of a sync (0: before it), then a restart."""
        device = self._device(index)
        if not device.active:
            return
        self.world.faults["server_killed"] += 1
        server, seen = self.world.server, itertools.count(1)

        def progress(_step: Progress) -> None:
            if next(seen) == steps:
                server.kill()

        if steps == 0:
            server.kill()
        self._sync(device, progress)
        if server.process is not None and server.process.poll() is None:
            server.kill()
        server.start()

    # -- rules: backups and restores -----------------------------------------------------

    @rule(index=st.integers(0, DEVICES - 1))
    def take_backup(self, index: int) -> None:
        device = self._device(index)
        if not device.active:
            return
        with device.sessions() as session:
            session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        device.backup = self.folder / f"{device.name}-backup-{next(self.names)}.db"
        shutil.copyfile(self.folder / f"{device.name}.db" if device.generation == 0 else
                        self.folder / f"{device.name}-{device.generation}.db", device.backup)

    @precondition(lambda self: any(d.active and d.backup for d in self.devices))
    @rule(index=st.integers(0, DEVICES - 1))
    def restore_backup(self, index: int) -> None:
        """A device's vault replaced by its earlier backup (a new file where the old was)."""
        candidates = [d for d in self.devices if d.active and d.backup]
        device = candidates[index % len(candidates)]
        assert device.backup is not None
        self.world.faults["restored"] += 1
        device.engine.dispose()
        device.generation += 1
        path = self.folder / f"{device.name}-{device.generation}.db"
        shutil.copyfile(device.backup, path)
        device.engine = local_engine(path)
        device.sessions = session_factory(device.engine)
        device.client = SyncClient(device.sessions, retry=FAST_RETRY)
        self._callbacks(device)
        device.restored = True
        for written in self.records.values():
            if written.owner == device.name:
                written.exact = False

    # -- rules: the newer peer -----------------------------------------------------------

    def _peer(self) -> tuple[str, str, bytes]:
        with self.devices[0].sessions() as session:
            state, key = load_state(session), load_office_key(session)
            assert state is not None and key is not None
            office_key = bytes(key)
        if not self.peer_token:
            with httpx.Client(base_url=self.world.server.url, timeout=30) as http:
                self.peer_token = enroll_with(http, self.world.admin.code(self.office_id),
                                              name="neuere Version").token
        return self.peer_token, state.office_id, office_key

    @rule(pick=st.integers(0, 50), complete=st.booleans())
    def newer_peer_sends(self, pick: int, complete: bool) -> None:
        """A newer version's consultation: with fields this one does not know, or without a
        required one (this version cannot apply it; it goes to the quarantine)."""
        clients = sorted(rid for rid, w in self.records.items()
                         if w.kind == "client" and w.acked >= 0 and w.values[-1] != DELETED)
        if not self.devices[0].active or not clients:
            return
        token, office_id, office_key = self._peer()
        record_id = str(uuid.uuid4())
        notes = f"neuer {next(self.names)}"
        stamp = START.isoformat()
        payload: dict[str, Any] = {
            "id": record_id, "client_id": clients[pick % len(clients)], "case_id": None,
            "held_at": stamp, "duration_minutes": 45, "mode_code": "video",
            "fields_of_action": ["housing"], "notes": notes, "interpreter_used": False,
            "interpreter_language": None, "created_at": stamp, "updated_at": stamp,
            "deleted_at": None, **NEWER_FIELDS}
        if not complete:
            del payload["held_at"]
        sealed = seal(office_key, office_id=office_id, kind="consultation",
                      record_id=record_id, version=1, payload=payload)
        response = requests.post(
            f"{self.world.server.url}/v1/push", headers={"Authorization": f"Bearer {token}"},
            json={"operations": [{"seq": next(self.peer_seq), "kind": "consultation",
                                  "record_id": record_id, "base_version": 0,
                                  "ciphertext": b64encode(sealed)}]}, timeout=30)
        assert response.status_code == 200, response.text
        assert [r["status"] for r in response.json()["results"]] == ["applied"]
        self.world.faults["newer_complete" if complete else "newer_unapplicable"] += 1
        if complete:
            # Device d0 takes it over: its edits must send the newer fields back unchanged.
            self.records[record_id] = Written("consultation", "d0", [notes], acked=0)
            self.newer.add(record_id)
        else:
            self.unapplicable.add(record_id)

    # -- rules: revocation and wipe ------------------------------------------------------

    @rule(index=st.integers(1, DEVICES - 1), wipe=st.booleans())
    def revoke(self, index: int, wipe: bool) -> None:
        """IT revokes a device (never d0: one device always stays), with or without a wipe
        order; a wipe ordered for a device revoked earlier must reach it too."""
        device = self._device(index)
        if device.wiped or (device.revoked and (device.wipe_ordered or not wipe)):
            return
        self.world.faults["revoked_wipe" if wipe else "revoked"] += 1
        self.world.admin.revoke(device.device_id, wipe=wipe)
        device.revoked, device.wipe_ordered = True, device.wipe_ordered or wipe
        for written in self.records.values():
            if written.owner == device.name:
                written.exact = False

    # -- the invariants, once everyone synced to rest ------------------------------------

    @rule()
    def settle(self) -> None:
        active = [device for device in self.devices if device.active]
        for _round in range(8):
            done = [self._sync(device) for device in self.devices
                    if device.active or (device.wipe_ordered and not device.wiped)]
            if all(done) and len({self._cursor(d) for d in active}) == 1:
                break
        for device in self.devices:
            if device.wipe_ordered and not device.wiped:
                raise Violation(f"{device.name}: the wipe order did not reach it")
        self.check(active)

    @staticmethod
    def _cursor(device: Device) -> int:
        with device.sessions() as session:
            state = load_state(session)
            assert state is not None
            return state.pull_cursor

    def check(self, active: list[Device]) -> None:
        snapshots = {device.name: snapshot(device.sessions) for device in active}
        first = active[0].name
        for name, records in snapshots.items():
            if not settled(active[[d.name for d in active].index(name)].sessions):
                raise Violation(f"{name}: changes still wait after syncing to rest")
            if records != snapshots[first]:
                differ = sorted(rid for rid in set(records) | set(snapshots[first])
                                if records.get(rid) != snapshots[first].get(rid))
                raise Violation(f"{name} and {first} differ in {differ[:5]}")
        records = snapshots[first]
        for record_id, written in self.records.items():
            held = records.get(record_id)
            value = None if held is None else value_of(written.kind, held)
            if written.exact:
                allowed = written.values[-1:]
            else:
                allowed = written.values[max(written.acked, 0):]
            if value not in allowed and not (value is None and written.acked < 0):
                raise Violation(f"{written.kind} {record_id} holds {value!r}, acknowledged "
                                f"{written.values[written.acked] if written.acked >= 0 else None!r}"
                                f", written {written.values!r}")
        for device in active:
            with device.sessions() as session:
                quarantined = set(session.scalars(select(SyncQuarantine.record_id)))
                if quarantined != self.unapplicable:
                    raise Violation(f"{device.name} quarantines {sorted(quarantined)}, "
                                    f"expected {sorted(self.unapplicable)}")
                if list_conflicts(session):
                    raise Violation(f"{device.name}: conflicts though each record has one "
                                    f"writer")
                for attachment in session.scalars(select(Attachment).where(
                        Attachment.deleted_at.is_(None))):
                    if attachment.content is None or hashlib.sha256(
                            attachment.content).hexdigest() != attachment.sha256:
                        raise Violation(f"{device.name}: attachment {attachment.id} content "
                                        f"{'missing' if attachment.content is None else 'wrong'}")
        server_records, versions, ops = server_counts(self.world.admin, self.office_id)
        if versions != ops:
            raise Violation(f"server: {ops} operations applied, {versions} versions")
        if server_records != len(records) + len(self.unapplicable):
            raise Violation(f"server holds {server_records} records, devices "
                            f"{len(records)} and {len(self.unapplicable)} unapplicable")
        if self.newer:
            self._check_newer_fields()
        for device in self.devices:
            if device.wipe_ordered:
                with transaction(self.world.admin.sessions) as session:
                    state = device_state(session.get_one(ServerDevice, device.device_id))
                if not state.startswith("gesperrt, gelöscht am "):
                    raise Violation(f"{device.name}: the server says {state!r} after the wipe")

    def _check_newer_fields(self) -> None:
        token, office_id, office_key = self._peer()
        since, latest = 0, {}
        while True:
            page = requests.get(f"{self.world.server.url}/v1/pull", params={"since": since},
                                headers={"Authorization": f"Bearer {token}"}, timeout=30).json()
            latest.update({r["record_id"]: r for r in page["records"]
                           if r["record_id"] in self.newer})
            since = page["next_cursor"]
            if not page["more"]:
                break
        for record_id, record in latest.items():
            payload = open_sealed(office_key, office_id=office_id, kind="consultation",
                                  record_id=record_id, version=record["version"],
                                  sealed=b64decode(record["ciphertext"]))
            if {k: payload.get(k) for k in NEWER_FIELDS} != NEWER_FIELDS:
                raise Violation(f"consultation {record_id} lost the newer version's fields "
                                f"at version {record['version']}")

    def teardown(self) -> None:
        try:
            if not self.world.server.process or self.world.server.process.poll() is not None:
                self.world.server.start()
            self.settle()
        finally:
            for device in self.devices:
                device.engine.dispose()


#: Bounded for CI: a few examples of a few steps, the same ones every run.
CI_SETTINGS = settings(max_examples=8, stateful_step_count=20, deadline=None, derandomize=True,
                       database=None, suppress_health_check=list(HealthCheck))


@pytest.fixture
def world(pg_url: str, tmp_path: Path) -> Iterator[World]:
    from tests.server.conftest import _truncate_postgres

    global WORLD
    _truncate_postgres(pg_url)
    WORLD = World.open(pg_url, tmp_path)
    try:
        yield WORLD
    finally:
        WORLD.close()
        WORLD = None


def test_the_sync_keeps_its_promise(world: World) -> None:
    run_state_machine_as_test(SyncModel, settings=CI_SETTINGS)
