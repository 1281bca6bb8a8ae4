"""Attachments: documents kept inside the encrypted database, checked by content."""

from __future__ import annotations

import hashlib
import io
import zipfile

from sqlalchemy.orm import Session

from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import Attachment
from kim_desktop.core.services._base import (
    Change,
    audit,
    clean,
    live_client,
    open_case_of,
    with_id,
    write,
)

#: The program's limit; provisioning may lower it (``[settings] max_attachment_mb``). The sync
#: server's own (``KIM_SERVER_MAX_BLOB_BYTES``) is as large by default.
MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024

_ODT = "application/vnd.oasis.opendocument.text"
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def sniff_media_type(content: bytes) -> str | None:
    """The media type told by the file's own bytes (PDF, PNG, JPEG, DOCX, ODT), else None.
    The file name's extension is never trusted."""
    if content.startswith(b"%PDF-"):
        return "application/pdf"
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if content.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if content.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                names = set(archive.namelist())
                if "mimetype" in names and archive.read("mimetype").strip() == _ODT.encode():
                    return _ODT
                if "[Content_Types].xml" in names and "word/document.xml" in names:
                    return _DOCX
        except (zipfile.BadZipFile, KeyError, OSError):
            return None
    return None


def attachment_limit() -> int:
    """The largest attachment in bytes on this machine: :data:`MAX_ATTACHMENT_BYTES`, or less
    when the provisioning file says so. A file that cannot be read keeps the program's limit
    (the program refuses to start with it anyway)."""
    from kim_desktop.core.provisioning import (
        ProvisioningError,
        find_provisioning,
        load_provisioning,
    )

    try:
        path = find_provisioning()
        provisioned = load_provisioning(path).max_attachment_mb * 2**20 if path else None
    except ProvisioningError:
        provisioned = None
    return min(MAX_ATTACHMENT_BYTES, provisioned or MAX_ATTACHMENT_BYTES)


def add_attachment(
    session: Session,
    *,
    client_id: str,
    filename: str,
    content: bytes,
    description: str = "",
    limit: int | None = None,
) -> Change:
    """Stores a document for the client (on their open case, if any). At most ``limit`` bytes
    (:func:`attachment_limit` by default); only PDF, PNG, JPEG, DOCX and ODT by their
    content."""
    with write(session):
        live_client(session, client_id)
        name = clean(session, "attachment.filename",
                     filename.replace("\\", "/").rsplit("/", 1)[-1])
        if not content:
            raise DomainError("attachment_empty")
        limit = attachment_limit() if limit is None else limit
        if len(content) > limit:
            raise DomainError("attachment_too_large", limit_mb=limit // 2**20)
        media_type = sniff_media_type(content)
        if media_type is None:
            raise DomainError("attachment_type")
        case = open_case_of(session, client_id)
        attachment = Attachment(
            client_id=client_id,
            case_id=case.id if case else None,
            filename=name,
            media_type=media_type,
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            description=clean(session, "attachment.description", description),
            content=content,
        )
        with_id(attachment)
        session.add(attachment)
        audit(session, action="create", record=attachment, detail=media_type)
    return Change("attachment", (attachment.id,), "created", client_id)
