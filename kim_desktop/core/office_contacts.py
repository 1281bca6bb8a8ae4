"""Who is responsible for the office's data, as the Art. 15 information names them: the
controller (verantwortliche Stelle) and the data-protection officer, each a name with the
address and a contact.

IT sets them for every machine with the provisioning file (``[data_protection]``, see
:mod:`kim_desktop.core.provisioning`); the office admin sets them in Einstellungen, which
stores them in the office's ``data_protection.local.json`` in the data folder (beside the
retention rules the office sets there), and goes first. Earlier offices wrote
``data_protection_officer`` there by hand; it still counts as the officer's name.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kim_desktop.core.errors import DomainError
from kim_desktop.core.provisioning import (
    CONTACT_MAX_LENGTH,
    DATA_PROTECTION_KEYS,
    ProvisioningError,
    find_provisioning,
    load_provisioning,
)
from kim_desktop.core.storage import write_private_file
from kim_protocol.catalogs import Catalogs

LOCAL_FILE = "data_protection.local.json"
_LEGACY_OFFICER = "data_protection_officer"


@dataclass(frozen=True)
class OfficeContacts:
    controller: str = ""
    controller_contact: str = ""
    dpo_name: str = ""
    dpo_contact: str = ""

    @property
    def complete(self) -> bool:
        """Both named: the information can be handed to a person."""
        return bool(self.controller and self.dpo_name)

    def controller_text(self) -> str:
        return "\n".join(part for part in (self.controller, self.controller_contact) if part)

    def dpo_text(self) -> str:
        return "\n".join(part for part in (self.dpo_name, self.dpo_contact) if part)


def provisioned() -> dict[str, str]:
    """What the machine's provisioning file sets; a file that cannot be used sets nothing
    (the program said so at its start)."""
    try:
        path = find_provisioning()
        return dict(load_provisioning(path).data_protection) if path is not None else {}
    except ProvisioningError:
        return {}


def _local(data_dir: Path) -> dict[str, Any]:
    try:
        data = json.loads((data_dir / LOCAL_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def office_contacts(data_dir: Path | None, *,
                    provisioning: Mapping[str, str] | None = None) -> OfficeContacts:
    """The contacts in use: the office's own entries, else IT's (``provisioning``, by
    default :func:`provisioned`)."""
    values = dict(provisioned() if provisioning is None else provisioning)
    local = _local(data_dir) if data_dir is not None else {}
    if _LEGACY_OFFICER in local and "dpo_name" not in local:
        local["dpo_name"] = local[_LEGACY_OFFICER]
    for key in DATA_PROTECTION_KEYS:
        value = local.get(key)
        if isinstance(value, str) and value.strip():
            values[key] = value.strip()
    return OfficeContacts(**{key: values.get(key, "") for key in DATA_PROTECTION_KEYS})


def save_office_contacts(data_dir: Path, contacts: OfficeContacts) -> None:
    """Stores the office's entries in its ``data_protection.local.json``, keeping what else
    the file sets (each text at most :data:`CONTACT_MAX_LENGTH` characters, as in the
    provisioning file)."""
    data = {key: value for key, value in _local(data_dir).items() if key != _LEGACY_OFFICER}
    data.update({key: getattr(contacts, key).strip()[:CONTACT_MAX_LENGTH]
                 for key in DATA_PROTECTION_KEYS})
    write_private_file(data_dir / LOCAL_FILE,
                       json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))


def with_contacts(catalogs: Catalogs, contacts: OfficeContacts) -> Catalogs:
    """``catalogs`` naming ``contacts`` as controller and officer (what the Art. 15
    information prints)."""
    retention = replace(catalogs.retention, controller=contacts.controller_text(),
                        data_protection_officer=contacts.dpo_text())
    return replace(catalogs, retention=retention)


def require_contacts(catalogs: Catalogs) -> None:
    """Refuses the Art. 15 letter while it would name no controller or no officer."""
    if not (catalogs.retention.controller and catalogs.retention.data_protection_officer):
        raise DomainError("data_protection_contacts_missing")
