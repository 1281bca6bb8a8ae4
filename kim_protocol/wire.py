"""The wire contract of sync API v1: every request and response model, in one place.

Both the desktop's sync client and ``sync_server`` import this module. It imports neither Qt,
nor FastAPI, nor SQLAlchemy. Payloads are ciphertext the server cannot read: AES-256-GCM under
the office key, with the associated data binding office, kind, record id and version
(:func:`associated_data`). Binary fields travel as unpadded URL-safe base64 strings.

Versions: the server keeps one version per record, starting at 1. A push operation names the
version it was based on (``base_version``, 0 for a new record); the server applies it only if
that is still the current version, and the new version is then ``base_version + 1``. The
client encrypts with that new version in the associated data.

Blobs: an attachment's content travels apart from its record, as a blob of chunks of
:data:`BLOB_CHUNK_BYTES` each sealed on its own (:func:`blob_associated_data`). The blob id is
the SHA-256 of the blob's manifest, the SHA-256 digests of its sealed chunks, so the server
checks every chunk it takes, and cannot tell the content from it without the office key
(docs/sync-client.md, "Attachments as blobs").
"""

from __future__ import annotations

import base64
import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt

PROTOCOL_MIN = 1
PROTOCOL_MAX = 1
MAX_PUSH_OPERATIONS = 250
MAX_PULL_LIMIT = 1000
#: Bounds that keep every number inside the server's 64- and 32-bit integer columns.
MAX_SEQ = 2**63 - 1
MAX_COUNT = 2**31 - 1

Base64 = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]*$", max_length=2_000_000)]
#: A sealed record version. Its size is the server's to bound, per operation
#: (``too_large``) and per request, not the schema's: a bound here refused the whole batch.
Sealed = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]*$")]
RecordId = Annotated[
    str, Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
]
Kind = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
#: A sync epoch: 128 random bits in hex, drawn by the vault at each restore or new place
#: (docs/sync-client.md, "Restored and copied vaults").
Epoch = Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")]
#: A blob's id: 64 hex digits, the SHA-256 of its manifest (the digests of its sealed chunks).
BLOB_ID_PATTERN = r"^[0-9a-f]{64}$"
BlobId = Annotated[str, Field(pattern=BLOB_ID_PATTERN)]
#: Content bytes per chunk of a blob; every chunk but the last holds exactly this many.
BLOB_CHUNK_BYTES = 1024 * 1024
#: A sealed chunk: nonce (12), the plaintext (a 4-byte length, the bytes, padding up to at most
#: a full chunk) and the tag (16). Every chunk but the last is exactly this long.
SEALED_CHUNK_BYTES = 12 + 4 + BLOB_CHUNK_BYTES + 16
#: A manifest holds one SHA-256 digest of this many bytes per sealed chunk, in order.
CHUNK_DIGEST_BYTES = 32


class WireModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def b64encode(data: bytes) -> str:
    """Binary fields travel as unpadded URL-safe base64 (the ``Base64`` fields below)."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def associated_data(*, office_id: str, kind: str, record_id: str, version: int) -> bytes:
    """The AES-GCM associated data of one record version; both sides must agree on it."""
    return f"kim/v1|{office_id}|{kind}|{record_id}|{version}".encode()


def blob_associated_data(*, office_id: str, content_sha256: str, index: int,
                         count: int) -> bytes:
    """The AES-GCM associated data of chunk ``index`` of ``count`` of the content whose SHA-256
    (hex, as the attachment record carries it) is ``content_sha256``: a chunk cannot be moved
    to another office, file or place, nor a blob cut short."""
    return f"kim/v2/blob|{office_id}|{content_sha256}|{index}|{count}".encode()


# --- handshake -------------------------------------------------------------------------------


class HandshakeRequest(WireModel):
    protocol_min: int = Field(ge=1)
    protocol_max: int = Field(ge=1)
    app_version: str = Field(max_length=40)
    #: The vault's sync epoch; None from versions before epochs.
    epoch: Epoch | None = None


class HandshakeResponse(WireModel):
    protocol: int
    server_time: dt.datetime
    server_version: str
    office_id: str
    #: Set when an admin ordered this device wiped. The device destroys its data after saying so.
    wipe: bool = False


class WipeStage(StrEnum):
    #: The device begins: it has told its user and is about to delete its token and data.
    STARTED = "started"
    #: The device has deleted its data (sent with the token it still holds in memory).
    DONE = "done"


class WipeConfirmation(WireModel):
    """A device under a wipe order says how far it got (``POST /v1/wipe``)."""

    stage: WipeStage


# --- enrollment ------------------------------------------------------------------------------


#: The name a device enrolls under unless IT gives one (``--device-name``); the server numbers
#: it within the office ("Gerät 3"), so nothing about the machine (its host name) is stored.
DEFAULT_DEVICE_NAME = "Gerät"


class EnrollRequest(WireModel):
    code: str = Field(min_length=4, max_length=64)
    device_name: str = Field(min_length=1, max_length=100)
    app_version: str = Field(max_length=40)


class EnrollResponse(WireModel):
    device_id: str
    office_id: str
    office_name: str
    municipality: str
    #: Shown once; the device keeps it in its encrypted vault and sends it as a Bearer token.
    token: str
    #: The office's key check value, or None when this is the office's first device.
    key_check: Base64 | None


class KeyCheckRequest(WireModel):
    """The first device of an office publishes the check value of the office key it created.

    With ``replaces`` (the old-form value the device read), a device replaces an office's check
    value of before the key subkeys with the current form; the server allows that once.
    """

    key_check: Base64 = Field(min_length=16, max_length=200)
    replaces: Base64 | None = Field(default=None, min_length=16, max_length=200)


# --- push ------------------------------------------------------------------------------------


class PushOperation(WireModel):
    #: The device's own monotonic sequence number; (device, seq) makes a push idempotent.
    seq: int = Field(ge=1, le=MAX_SEQ)
    kind: Kind
    record_id: RecordId
    base_version: int = Field(ge=0, lt=MAX_COUNT)
    deleted: bool = False
    #: nonce (12 bytes) followed by the AES-GCM ciphertext and tag.
    ciphertext: Sealed = Field(min_length=16)
    #: The blob the record's content lies in (an attachment's), so the server keeps it while a
    #: record uses it; it must be complete there, or the operation is rejected
    #: (``blob_missing``).
    blob_id: BlobId | None = None


class PushRequest(WireModel):
    operations: list[PushOperation] = Field(min_length=1, max_length=MAX_PUSH_OPERATIONS)
    #: The vault's sync epoch, as in its handshake; None from versions before epochs.
    epoch: Epoch | None = None


class OperationStatus(StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    REJECTED = "rejected"


class OperationResult(WireModel):
    seq: int
    status: OperationStatus
    #: The record's server version after this operation (applied, duplicate) or now (conflict).
    version: int | None = None
    #: The office sequence at which the applied version can be pulled.
    server_seq: int | None = None
    reason: str | None = None


class PushResponse(WireModel):
    results: list[OperationResult]


#: The reason code of a push operation whose (device, seq) the server applied before for
#: another change (``rejected``): the device recovers (:class:`Acknowledged`) and sends the
#: change again under a fresh number. ``seq_reused`` is what servers of before said.
SEQ_STALE_CODES = frozenset({"seq_stale", "seq_reused"})


class Acknowledged(WireModel):
    """What the server acknowledged for the calling device (``GET /v1/acknowledged``), asked
    by a device that no longer knows it: after a restore, a copy, or a ``seq_stale`` answer."""

    #: The highest sequence number the server applied for this device (0: none); the device
    #: numbers its next operation above it.
    highest_seq: int
    #: The lowest office sequence of this device's operations numbered ``from_seq`` or higher,
    #: which it never heard of: the device pulls again from just before it. None: there are none.
    first_server_seq: int | None = None


# --- pull ------------------------------------------------------------------------------------


class PulledRecord(WireModel):
    server_seq: int
    kind: Kind
    record_id: RecordId
    version: int
    deleted: bool
    ciphertext: Sealed
    #: The device that wrote this version, so a device can skip its own echoes.
    device_id: str


class PullResponse(WireModel):
    records: list[PulledRecord]
    next_cursor: int
    more: bool


# --- blobs -----------------------------------------------------------------------------------


class BlobStatus(WireModel):
    """What the server stores of a blob (``GET /v1/blobs/{id}``, and the answer to every chunk
    upload): its chunk count, the indexes it has, and whether it has them all."""

    blob_id: BlobId
    count: int
    have: list[int]
    complete: bool


# --- reports ---------------------------------------------------------------------------------


class FactKind(StrEnum):
    CASE = "case"
    CONSULTATION_MONTH = "consultation_month"


class ReportFact(WireModel):
    """One pseudonymous fact for the coordinators' reports (see docs/reporting.md).

    ``key`` is an HMAC under the office's report secret, never a record UUID. Lists of codes
    come from the catalogs in resources/. Counts and flags are strict: ``true``, ``"3"`` and
    ``3.0`` are no count, ``1`` and ``"false"`` no flag (the server takes nothing a device did
    not mean).
    """

    key: str = Field(min_length=16, max_length=128)
    fact_kind: FactKind
    municipality: str = Field(max_length=64)
    month: str = Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    fields_of_action: list[str] = Field(default_factory=list, max_length=20)
    target_group: list[str] = Field(default_factory=list, max_length=20)
    age_band: str | None = Field(default=None, max_length=16)
    gender: str | None = Field(default=None, max_length=16)
    status_category: str | None = Field(default=None, max_length=64)
    phase: str | None = Field(default=None, max_length=32)
    case_opened: dt.date | None = None
    case_closed: dt.date | None = None
    closure_reason: str | None = Field(default=None, max_length=64)
    #: "agency_category:outcome" -> count
    referrals: dict[str, StrictInt] = Field(default_factory=dict, max_length=100)
    goals_total: StrictInt = Field(default=0, ge=0, le=MAX_COUNT)
    goals_reached: StrictInt = Field(default=0, ge=0, le=MAX_COUNT)
    consultations: StrictInt = Field(default=0, ge=0, le=MAX_COUNT)
    minutes: StrictInt = Field(default=0, ge=0, le=MAX_COUNT)
    #: "rule:status" -> count (Baustein III pre-checks)
    prechecks: dict[str, StrictInt] = Field(default_factory=dict, max_length=20)
    deleted: StrictBool = False


class FactsUpsert(WireModel):
    facts: list[ReportFact] = Field(max_length=5000)


class ReleasedGap(WireModel):
    """A structural gap a case manager released: anonymised text, no link to any person.
    ``case_count`` and ``withdrawn`` are strict, as a fact's counts and flags."""

    key: str = Field(min_length=16, max_length=128)
    category: str = Field(max_length=64)
    field_of_action: str = Field(max_length=64)
    municipality: str = Field(max_length=64)
    description: str = Field(min_length=1, max_length=4000)
    case_count: StrictInt = Field(ge=0, le=MAX_COUNT)
    released_on: dt.date
    withdrawn: StrictBool = False


class GapsUpload(WireModel):
    gaps: list[ReleasedGap] = Field(max_length=1000)


class UpsertResponse(WireModel):
    accepted: int


class ReportsCleared(WireModel):
    """``DELETE /v1/report-facts``: the office's facts deleted and gaps withdrawn, before a
    device sends all of them again."""

    facts: int
    gaps: int


class RefusedItem(WireModel):
    """One fact or gap of an upload the server refused: its index in the upload's list."""

    index: int
    code: str
    message: str


class UpsertRefused(WireModel):
    """The 422 of a report upload some of whose items the server refused (code
    ``items_refused``). The others are stored: ``accepted`` counts them."""

    code: str
    message: str
    accepted: int
    refused: list[RefusedItem]


class ErrorResponse(WireModel):
    """Every 4xx the server sends: a stable code and a German message for the user."""

    code: str
    message: str
