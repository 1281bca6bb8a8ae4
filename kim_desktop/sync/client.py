"""The sync run: handshake, push the outbox, pull and apply, and once a day at a random time
the report facts (docs/reporting.md §1), for the UI task runner or the CLI.

:meth:`SyncClient.run` does blocking network and database work; call it off the UI thread.
Each of its transactions is handed to ``database``, which runs it on the thread that owns the
vault's connection: in the desktop program the task runner's database thread, so a case
manager's edits take turns with the sync's transactions instead of waiting for the whole run
(the outbox keeps an edit made meanwhile for the next push). The requests run on a worker
thread of their own, so the next group is sealed, or the last one applied, while one travels.
The run reports progress and checks ``cancel`` between groups of batches and of pages, so
stopping it leaves nothing half done: every group is one transaction, and the next run resumes
where this one stopped.

No network is a normal state: the run ends with ``offline=True`` and the status says so. A
revoked device raises :class:`~kim_desktop.sync.http.RevokedError` and exchanges no data any
more, but every later run still makes the handshake, so that a wipe order given after the
revocation reaches it. Under a wipe order it first tells the user through ``on_wipe``, tells the
server that the wipe begins, destroys the office key and the device token in the database,
calls ``destroy`` to delete the database files, and tells the server that it is done, with the
token it still holds in memory (docs/server.md, "Remote wipe").
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import Protocol, TypeVar

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

import kim_desktop.core.models  # noqa: F401  (registers every synced kind)
from kim_desktop.core.db import utcnow
from kim_desktop.core.key_memory import wipe
from kim_desktop.core.precheck.bridge import precheck_statuses
from kim_desktop.core.report_pseudonyms import ReportUpload
from kim_desktop.sync import messages
from kim_desktop.sync.apply import ApplyOutcome, chunks
from kim_desktop.sync.blobs import BlobTransfer, renew_unchecked_blob_ids, waiting_for_blob
from kim_desktop.sync.crypto import OfficeKey
from kim_desktop.sync.enroll import (
    needs_key_check_renewal,
    publish_key_check,
    renew_key_check,
)
from kim_desktop.sync.epoch import begin_epoch_if_moved, set_aside_as_copy
from kim_desktop.sync.http import (
    DEVICE_COPIED,
    QUOTA_EXCEEDED,
    OfflineError,
    RefusedError,
    RevokedError,
    SyncError,
    SyncHttp,
)
from kim_desktop.sync.pull import (
    Fetched,
    apply_group,
    open_page,
    quarantined_ids,
    retry_quarantined,
)
from kim_desktop.sync.push import (
    Operation,
    PushOutcome,
    lock_for_write,
    record_answers,
    renumber,
    seal_batch,
    to_request,
)
from kim_desktop.sync.report_facts import (
    acknowledge_report_upload,
    collect_report_upload,
    next_report_time,
    prepare_report_keys,
)
from kim_desktop.sync.state import SyncState, load_office_key, load_state, store_office_key
from kim_protocol import wire

_T = TypeVar("_T")
log = logging.getLogger(__name__)

#: How many push/pull rounds one run makes at most when conflicts keep arriving.
MAX_ROUNDS = 3
#: Pulled pages applied in one local transaction (5,000 records), and pushed batches sealed
#: in one (4,000 operations): larger transactions write fewer index pages per record
#: (kim_desktop/sync/pull.py), and one of these still holds the database for well under a
#: second. bench/sync.py at 100,000 records: 8 batches per transaction 4,903 pushed
#: records/s, 16 batches 5,108.
PAGES_PER_TRANSACTION = 5
BATCHES_PER_TRANSACTION = 16
#: Answers to a whole batch that one of its operations may have caused: invalid (422) or too
#: large (413). The batch is split until that operation is found (:meth:`_send_isolating`).
SPLIT_ON_STATUS = frozenset({413, 422})

class DatabaseRunner(Protocol):
    """Runs ``work`` on the thread that owns the database connection and returns its result."""

    def __call__(self, work: Callable[[], _T], /) -> _T: ...


def run_here(work: Callable[[], _T]) -> _T:
    """The :class:`DatabaseRunner` for a caller that owns the connection itself (the CLI)."""
    return work()


class NotEnrolledError(SyncError):
    """The device has no enrollment, or no office key yet."""


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with full jitter between attempts of one request."""

    attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 30.0

    def delay(self, attempt: int) -> float:
        return random.uniform(0, min(self.max_delay, self.base_delay * 2 ** attempt))


@dataclass(frozen=True)
class Progress:
    phase: str  # "push", "pull", "reports", or "upload"/"download" (attachments, in bytes)
    done: int
    total: int = 0


@dataclass(frozen=True)
class SyncResult:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    rejected: int = 0
    #: Pulled versions put aside because they did not open or parse (see sync_status).
    quarantined: int = 0
    #: Attachments whose content arrived (their blob, apart from the record).
    fetched: int = 0
    offline: bool = False
    cancelled: bool = False
    #: Why pending changes were held back (German): the office's storage on the server is
    #: full. They stay pending and go with a later sync.
    held_back: str | None = None


class SyncClient:
    """One device's sync against its server. ``session_factory`` yields vault sessions;
    ``database`` runs each transaction where the connection lives (by default: right here)."""

    def __init__(
        self,
        session_factory: Callable[[], Session],
        *,
        database: DatabaseRunner = run_here,
        retry: RetryPolicy | None = None,
        page_size: int = wire.MAX_PULL_LIMIT,
        batch_size: int = wire.MAX_PUSH_OPERATIONS,
        pages_per_transaction: int = PAGES_PER_TRANSACTION,
        batches_per_transaction: int = BATCHES_PER_TRANSACTION,
        on_wipe: Callable[[str], None] | None = None,
        destroy: Callable[[], None] | None = None,
    ) -> None:
        self._sessions = session_factory
        self._database = database
        self.retry = retry or RetryPolicy()
        self.page_size = page_size
        self.batch_size = batch_size
        self.pages_per_transaction = pages_per_transaction
        self.batches_per_transaction = batches_per_transaction
        self.on_wipe = on_wipe
        self.destroy = destroy
        self._office_key: bytearray | None = None
        self._epoch: str | None = None

    def run(self, progress: Callable[[Progress], None] | None = None,
            cancel: threading.Event | None = None) -> SyncResult:
        cancel = cancel or threading.Event()
        report = progress or (lambda _progress: None)
        # A vault restored or copied since its last sync begins a new epoch here.
        self._transaction(begin_epoch_if_moved)
        state = self._state()
        self._epoch = state.epoch
        http = SyncHttp(state.server_url, token=state.device_token, trust=state.trust())
        totals = _Totals()
        try:
            handshake = self._retrying(partial(http.handshake, state.epoch), cancel)
            if handshake.wipe:
                raise RevokedError(messages.WIPE, wipe=True)
            if handshake.office_id != state.office_id:
                raise RefusedError(messages.OTHER_OFFICE)
            if state.revoked:
                # The server took the handshake, so it no longer refuses this device.
                self._transaction(partial(_update_state, {"revoked": None}))
            office_key = self._transaction(load_office_key)
            if office_key is None:
                raise NotEnrolledError(messages.KEY_MISSING)
            self._office_key = office_key
            if state.key_check_pending:
                # Once in a device's life, usually done at enrollment: one short request.
                self._transaction(
                    lambda session: self._retrying(partial(publish_key_check, session), cancel)
                )
            if needs_key_check_renewal(state, office_key):
                # Once per office: the check value takes the form of the key subkeys.
                self._transaction(lambda session: self._retrying(
                    partial(renew_key_check, session, office_key), cancel))
            blobs = BlobTransfer(
                http, state, office_key, self._transaction, self._retrying,
                lambda step: report(Progress(step.direction, step.done, step.total)), cancel)
            self._transaction(partial(renew_unchecked_blob_ids, office_key, state.office_id))
            if not self._upload_blobs(blobs, totals):
                return totals.result(cancelled=True)
            self._transaction(prepare_report_keys)
            if state.epoch_from_seq is not None:
                # Before the first push of a new epoch: what the server has from this vault's
                # other life comes back first, and the pending changes are merged with it.
                self._renumber(http, state.epoch_from_seq, cancel)
                if not self._pull(http, state, totals, report, cancel):
                    return totals.result(cancelled=True)
            for _round in range(MAX_ROUNDS):
                conflicts_before = totals.push_conflicts
                if not self._push_unless_full(http, totals, report, cancel):
                    return totals.result(cancelled=True)
                renumbered = self._renumber_if_stale(http, totals, cancel)
                if not self._pull(http, state, totals, report, cancel):
                    return totals.result(cancelled=True)
                if totals.push_conflicts == conflicts_before and not renumbered:
                    break
            downloaded = blobs.download()
            totals.fetched = blobs.fetched
            if not downloaded:
                return totals.result(cancelled=True)
            if self._reports_due() and not self._upload_reports(http, totals, report, cancel):
                return totals.result(cancelled=True)
        except OfflineError:
            self._record(online=False, error=messages.OFFLINE)
            return totals.result(offline=True)
        except RevokedError as error:
            self._revoked(error, http, cancel)
            raise
        except RefusedError as error:
            if error.code != DEVICE_COPIED:
                self._record(online=True, error=str(error))
                raise
            self._transaction(set_aside_as_copy)
            raise RevokedError(messages.COPIED, wipe=False) from error
        except SyncError as error:
            self._record(online=True, error=str(error))
            raise
        finally:
            http.close()
            if self._office_key is not None:
                wipe(self._office_key)
                self._office_key = None
        self._record(online=True, error=totals.held_back or totals.blobs_held_back, synced=True)
        return totals.result()

    # -- steps ---------------------------------------------------------------------------

    def _push_unless_full(self, http: SyncHttp, totals: _Totals,
                          report: Callable[[Progress], None], cancel: threading.Event) -> bool:
        """:meth:`_push`, unless the server's storage for the office is full: then the pending
        changes stay in flight or in the outbox for a later sync, the run still pulls, and
        the status says why nothing went (``SyncResult.held_back``)."""
        if totals.held_back is not None:
            return True
        try:
            return self._push(http, totals, report, cancel)
        except RefusedError as error:
            if error.code != QUOTA_EXCEEDED:
                raise
            totals.held_back = str(error)
            return True

    def _renumber_if_stale(self, http: SyncHttp, totals: _Totals,
                           cancel: threading.Event) -> bool:
        """After the server answered ``seq_stale`` (this vault was restored or copied and
        numbered changes as ones the server had applied before): asks what the server
        acknowledged for this device, numbers the next operations above it and pulls again
        what this vault never saw; the changes go again in the next round. True if it did."""
        if not totals.stale:
            return False
        highest = self._renumber(http, min(totals.stale), cancel)
        log.info("sequence numbers stale: %d changes go again above %d", len(totals.stale),
                 highest)
        totals.stale.clear()
        return True

    def _renumber(self, http: SyncHttp, from_seq: int, cancel: threading.Event) -> int:
        """Asks what the server acknowledged for this device from ``from_seq`` on and numbers
        the next operations above it (``push.renumber``); the server's highest number."""
        acknowledged = self._retrying(partial(http.acknowledged, from_seq=from_seq), cancel)
        self._transaction(partial(renumber, acknowledged=acknowledged))
        return acknowledged.highest_seq

    @staticmethod
    def _upload_blobs(blobs: BlobTransfer, totals: _Totals) -> bool:
        """Sends the blobs of pending attachments (kim_desktop/sync/blobs.py), unless the
        office's storage is full: then their attachments wait (``held_back`` says why), and the
        other changes still go if they fit."""
        try:
            return blobs.upload()
        except RefusedError as error:
            if error.code != QUOTA_EXCEEDED:
                raise
            totals.blobs_held_back = str(error)
            return True
        finally:
            totals.rejected += blobs.refused

    def _push(self, http: SyncHttp, totals: _Totals, report: Callable[[Progress], None],
              cancel: threading.Event) -> bool:
        """Sends the outbox group by group. While a group travels, one local transaction
        records the answers to the group before and seals the next (kim_desktop/sync/push.py);
        a group is sealed and committed before any of it is sent."""
        group_size = self.batch_size * self.batches_per_transaction
        # Records answered "conflict" wait in the outbox for this run's pull to merge them.
        held: set[str] = set()
        # After a stale sequence number nothing more is sealed until the client renumbered.
        record_and_seal = partial(self._record_and_seal, held=held, stale=totals.stale)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kim-push") as network:
            answered: list[Operation] = []
            answers: list[wire.PushResponse] = []
            _, group = self._transaction(partial(
                record_and_seal, answered=answered, answers=answers, limit=group_size))
            while group:
                sending = network.submit(self._send, http, group, cancel)
                outcome, upcoming = self._transaction(partial(
                    record_and_seal, answered=answered, answers=answers,
                    limit=0 if cancel.is_set() else group_size, after_seq=group[-1].seq))
                self._count(outcome, totals, report)
                answered, answers = group, sending.result()
                group = upcoming
            outcome, _ = self._transaction(partial(
                record_and_seal, answered=answered, answers=answers, limit=0))
            self._count(outcome, totals, report)
        return not cancel.is_set()

    def _send(self, http: SyncHttp, group: list[Operation],
              cancel: threading.Event) -> list[wire.PushResponse]:
        """The server's answers to a group, batch by batch (on the push worker)."""
        return [self._send_isolating(http, list(batch), cancel)
                for batch in chunks(group, self.batch_size)]

    def _send_isolating(self, http: SyncHttp, batch: list[Operation],
                        cancel: threading.Event) -> wire.PushResponse:
        """The server's answer to a batch. A batch refused as a whole (invalid, too large) is
        split in halves until the refused operation is found: it is answered ``rejected``
        with the server's reason, and the others go. Each operation keeps its sequence number,
        so a half the server applied before answers ``duplicate``."""
        try:
            return self._retrying(partial(http.push, to_request(batch, self._epoch)), cancel)
        except RefusedError as error:
            if error.status not in SPLIT_ON_STATUS:
                raise
            if len(batch) == 1:
                reason = f"{error.code or 'refused'}: {error}"
                return wire.PushResponse.model_construct(results=[
                    wire.OperationResult.model_construct(
                        seq=batch[0].seq, status=wire.OperationStatus.REJECTED, version=None,
                        server_seq=None, reason=reason)])
            middle = len(batch) // 2
            halves = [self._send_isolating(http, half, cancel)
                      for half in (batch[:middle], batch[middle:])]
            return wire.PushResponse.model_construct(
                results=[result for half in halves for result in half.results])

    def _record_and_seal(self, session: Session, *, answered: list[Operation],
                         answers: list[wire.PushResponse], held: set[str], stale: list[int],
                         limit: int, after_seq: int = 0) -> tuple[PushOutcome, list[Operation]]:
        """One push transaction: records the answers to the group sent before, then seals up
        to ``limit`` operations after ``after_seq`` (none when ``limit`` is 0, or once a
        sequence number was answered stale)."""
        state = lock_for_write(session)
        outcome = self._record_answers(session, answered, answers, held)
        stale.extend(outcome.stale)
        if stale:
            limit = 0
        # An attachment goes only once its blob is complete on the server.
        upcoming = seal_batch(session, state, self._key(), limit=limit, after_seq=after_seq,
                              hold=held | waiting_for_blob(session)) if limit else []
        session.commit()
        return outcome, upcoming

    def _record_answers(self, session: Session, group: list[Operation],
                        answers: list[wire.PushResponse], held: set[str]) -> PushOutcome:
        """Records the answers to a group, batch by batch as sent, in one pass."""
        for batch, response in zip(chunks(group, self.batch_size), answers, strict=True):
            seqs = {op.seq for op in batch}
            if not any(result.seq in seqs for result in response.results):
                raise RefusedError(messages.NOTHING_CONFIRMED)
        outcome = record_answers(session, group, wire.PushResponse.model_construct(
            results=[result for response in answers for result in response.results]))
        held.update(outcome.conflicted)
        return outcome

    @staticmethod
    def _count(outcome: PushOutcome, totals: _Totals,
               report: Callable[[Progress], None]) -> None:
        if outcome.acknowledged + outcome.conflicts + outcome.rejected == 0:
            return
        totals.pushed += outcome.acknowledged
        totals.push_conflicts += outcome.conflicts
        totals.rejected += outcome.rejected
        report(Progress("push", totals.pushed))

    def _pull(self, http: SyncHttp, state: SyncState, totals: _Totals,
              report: Callable[[Progress], None], cancel: threading.Event) -> bool:
        """Fetches and opens the next group of pages on a worker thread while the group before
        is applied (kim_desktop/sync/pull.py); first retries what earlier pulls put aside."""
        cursor, retried, quarantined = self._transaction(partial(self._prepare_pull, state))
        totals.pulled += retried.applied + retried.merged
        totals.conflicts += retried.conflicts
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kim-pull") as network:
            fetching = network.submit(self._fetch, http, state, cursor, cancel)
            while True:
                group = fetching.result()
                last = group[-1].page
                if last.more and not cancel.is_set():
                    fetching = network.submit(self._fetch, http, state, last.next_cursor,
                                              cancel)
                outcome = self._transaction(partial(
                    apply_group, state=state, office_key=self._key(), group=group,
                    quarantined=quarantined))
                totals.pulled += outcome.applied + outcome.merged
                totals.conflicts += outcome.conflicts
                totals.quarantined += outcome.quarantined
                report(Progress("pull", totals.pulled))
                if not last.more:
                    return True
                if cancel.is_set():
                    return False

    def _fetch(self, http: SyncHttp, state: SyncState, since: int,
               cancel: threading.Event) -> list[Fetched]:
        """Up to ``pages_per_transaction`` pages from ``since`` on, opened (on the pull
        worker)."""
        group: list[Fetched] = []
        while True:
            page = self._retrying(partial(http.pull, since=since, limit=self.page_size), cancel)
            if page.next_cursor < since:
                raise RefusedError(messages.BAD_CURSOR)
            group.append(open_page(state, self._key(), page))
            if not page.more or len(group) >= self.pages_per_transaction or cancel.is_set():
                return group
            since = page.next_cursor

    def resend_reports(self, progress: Callable[[Progress], None] | None = None,
                       cancel: threading.Event | None = None) -> SyncResult:
        """Replaces all report facts and gaps of the office on the server with this device's:
        the server deletes them, and this sync sends every fact again. How an office purges
        what a device that went wrong sent."""
        state = self._state()
        http = SyncHttp(state.server_url, token=state.device_token, trust=state.trust())
        try:
            self._retrying(http.clear_reports, cancel or threading.Event())
        finally:
            http.close()
        self._transaction(_forget_uploads)
        return self.run(progress, cancel)

    def _reports_due(self) -> bool:
        due = self._state().reports_due_at
        return due is None or due <= utcnow()

    def _upload_reports(self, http: SyncHttp, totals: _Totals,
                        report: Callable[[Progress], None], cancel: threading.Event) -> bool:
        """Sends the pseudonymous report facts and released gaps that changed since the last
        upload (docs/reporting.md), batch by batch, each acknowledged once the server took it;
        then draws the time of the next upload. The salts the collection may make in a race
        with another device go with the next sync's push, not right after these facts."""
        while not cancel.is_set():
            facts, gaps = self._transaction(
                lambda session: collect_report_upload(session,
                                                      prechecks=_PrecheckLookup(session)))
            if not facts.facts and not gaps.gaps:
                break
            refused_facts = (self._retrying(partial(http.upload_report_facts, facts), cancel)
                             if facts.facts else [])
            refused_gaps = (self._retrying(partial(http.upload_gaps, gaps), cancel)
                            if gaps.gaps else [])
            self._transaction(partial(
                acknowledge_report_upload, facts=facts, gaps=gaps,
                refused_facts={item.index for item in refused_facts},
                refused_gaps={item.index for item in refused_gaps}))
            totals.report_facts += len(facts.facts) + len(gaps.gaps)
            report(Progress("reports", totals.report_facts))
        if cancel.is_set():
            return False
        self._transaction(partial(_update_state,
                                  {"reports_due_at": next_report_time(utcnow())}))
        return True

    # -- helpers -------------------------------------------------------------------------

    def _transaction(self, work: Callable[[Session], _T]) -> _T:
        """Runs ``work`` in a session of its own, on the thread that owns the connection."""
        def run() -> _T:
            with self._sessions() as session:
                return work(session)

        return self._database(run)

    def _prepare_pull(self, state: SyncState,
                      session: Session) -> tuple[int, ApplyOutcome, set[str]]:
        """The pull cursor, after retrying what earlier pulls put aside, and what stays aside."""
        loaded = load_state(session)
        assert loaded is not None
        cursor = loaded.pull_cursor
        session.commit()
        return cursor, retry_quarantined(session, state, self._key()), quarantined_ids(session)

    def _key(self) -> OfficeKey:
        """The office key of the run under way (opened once per run, wiped at its end)."""
        assert self._office_key is not None
        return self._office_key

    def _state(self) -> SyncState:
        return self._transaction(self._load_state)

    @staticmethod
    def _load_state(session: Session) -> SyncState:
        """The enrollment. A revoked device still gets it, for the handshake that may bring
        a wipe order; one whose token was destroyed by a wipe does not."""
        state = load_state(session)
        if state is None:
            raise NotEnrolledError(messages.NOT_ENROLLED)
        if not state.device_token:
            raise RevokedError(state.revoked or messages.REVOKED, wipe=False)
        session.expunge(state)
        return state

    def _retrying(self, call: Callable[[], _T], cancel: threading.Event) -> _T:
        for attempt in range(self.retry.attempts):
            try:
                return call()
            except SyncError as error:
                if not error.retryable or attempt == self.retry.attempts - 1:
                    raise
                if cancel.wait(self.retry.delay(attempt)):
                    raise
        raise AssertionError("unreachable")

    def _record(self, *, online: bool, error: str | None, synced: bool = False) -> None:
        values: dict[str, object] = {"online": online, "last_error": error}
        if synced:
            values["last_sync_at"] = utcnow()
        self._transaction(partial(_update_state, values))

    def _revoked(self, error: RevokedError, http: SyncHttp, cancel: threading.Event) -> None:
        if not error.wipe:
            self._transaction(partial(
                _update_state, {"revoked": str(error) or messages.REVOKED, "online": True}))
            return
        if self.on_wipe is not None:
            self.on_wipe(str(error))
        # Before the token goes: should the device die midway, IT sees "Löschung begonnen".
        self._confirm_wipe(http, wire.WipeStage.STARTED, cancel)
        self._transaction(partial(_destroy_secrets, str(error)))
        if self.destroy is not None:
            try:
                self.destroy()
            except OSError as failure:
                # The server keeps showing "Löschung begonnen": IT must look at the device.
                raise RevokedError(messages.WIPE_INCOMPLETE, wipe=True) from failure
        self._confirm_wipe(http, wire.WipeStage.DONE, cancel)

    def _confirm_wipe(self, http: SyncHttp, stage: wire.WipeStage,
                      cancel: threading.Event) -> None:
        """Tells the server how far the wipe got. The wipe goes on without it: the data must
        go even when the line breaks now, and IT then sees the order as not yet confirmed."""
        try:
            self._retrying(partial(http.confirm_wipe, stage), cancel)
        except SyncError as error:
            log.warning("wipe %s not confirmed to the server: %s", stage.value,
                        type(error).__name__)


def _update_state(values: dict[str, object], session: Session) -> None:
    session.execute(update(SyncState).values(**values))
    session.commit()


def _destroy_secrets(reason: str, session: Session) -> None:
    """A wipe order's first local step: the office key and the device token go."""
    store_office_key(session, None)
    _update_state({"device_token": "", "revoked": reason}, session)


def _forget_uploads(session: Session) -> None:
    """After the server cleared the office's facts: everything counts as never sent, and the
    facts go with the next sync."""
    session.execute(delete(ReportUpload))
    session.execute(update(SyncState).values(reports_due_at=None))
    session.commit()


class _PrecheckLookup:
    """Pre-check statuses per client for the report facts, evaluated only when the facts are
    derived at all (most syncs find nothing changed and never ask)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._statuses: dict[str, dict[str, str]] | None = None

    def __call__(self, client_id: str) -> dict[str, str]:
        if self._statuses is None:
            self._statuses = precheck_statuses(self._session, as_of=dt.date.today())
        return self._statuses.get(client_id, {})


@dataclass
class _Totals:
    pushed: int = 0
    report_facts: int = 0
    pulled: int = 0
    conflicts: int = 0
    push_conflicts: int = 0
    rejected: int = 0
    quarantined: int = 0
    fetched: int = 0
    held_back: str | None = None
    #: Sequence numbers answered ``seq_stale`` since the client last renumbered.
    stale: list[int] = field(default_factory=list)
    #: Why attachments' blobs waited: the office's storage is full (the push may still go).
    blobs_held_back: str | None = None

    def result(self, *, offline: bool = False, cancelled: bool = False) -> SyncResult:
        return SyncResult(pushed=self.pushed, pulled=self.pulled, conflicts=self.conflicts,
                          rejected=self.rejected, quarantined=self.quarantined,
                          fetched=self.fetched, offline=offline, cancelled=cancelled,
                          held_back=self.held_back or self.blobs_held_back)
