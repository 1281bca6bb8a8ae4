"""The server's tables. Importing this package registers all of them on ``Base.metadata``."""

from sync_server.models.devices import (
    AuditEntry,
    Device,
    DeviceEpoch,
    EnrollmentCode,
    Office,
    OfficeMunicipality,
)
from sync_server.models.reports import ReleasedGapRow, ReportFactRow, ServerSecret
from sync_server.models.sync import AppliedOperation, Blob, BlobChunk, SyncRecord

__all__ = [
    "AppliedOperation",
    "AuditEntry",
    "Blob",
    "BlobChunk",
    "Device",
    "DeviceEpoch",
    "EnrollmentCode",
    "Office",
    "OfficeMunicipality",
    "ReleasedGapRow",
    "ReportFactRow",
    "ServerSecret",
    "SyncRecord",
]
