"""The provisioning file: what municipal IT sets for every machine before the first start.

IT rolls it out with the silent install (see ``docs/it-guide.md``). The first-run wizard reads
it through :func:`find_provisioning` and :func:`load_provisioning` and pre-fills, or fixes,
the server, its certificate, the office and the defaults. A bad file is refused as a whole
with a German message that names the file and the line; nothing of it is used.

Example::

    [server]
    url = "https://kim.kreis-minden-luebbecke.de"
    ca_certificate = "kim-ca.pem"      # a path (relative to this file) or the PEM text
    tls_mode = "trust"                 # "trust": a CA to trust; "pin": pin the server's key

    [office]
    name = "KIM Rahden"
    municipality = "Rahden"

    [settings]
    auto_lock_minutes = 10
    retention_years_after_closure = 3
    language = "de"
    password_min_length = 16           # local passwords at least this long (12 to 64)

    [accessibility]                    # the accessibility statement's office part
    contact = "KIM-Büro Rahden, Lange Straße 9, 32369 Rahden, barrierefrei@rahden.example"
    date = 2026-03-15                  # when the office made its statement
    url = "https://www.rahden.example/barrierefreiheit"   # where it is published

    [data_protection]                  # who the Art. 15 information names
    controller = "Stadt Rahden, Der Bürgermeister, Lange Straße 9, 32369 Rahden"
    controller_contact = "Telefon 05771 0000, kim@rahden.example"
    dpo_name = "Behördliche Datenschutzbeauftragte der Stadt Rahden"
    dpo_contact = "datenschutz@rahden.example"
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from kim_desktop.core.toml_lines import key_lines, line_of
from kim_protocol.catalogs import CatalogError, default_catalogs
from kim_protocol.export_text import hidden_characters
from kim_protocol.server_url import ServerUrlError, UrlProblem, check_server_url

ENV_VAR = "KIM_PROVISIONING"
LANGUAGES = ("de", "en")
TLS_MODES = ("trust", "pin")
AUTO_LOCK_RANGE = (1, 240)
RETENTION_RANGE = (1, 30)
PASSWORD_LENGTH_RANGE = (12, 64)
#: Largest attachment in MB: the program's own limit is the top, IT may lower it.
ATTACHMENT_MB_RANGE = (1, 25)
#: Longest feedback contact of the accessibility statement (an address, phone and e-mail).
CONTACT_MAX_LENGTH = 300
#: The keys of [data_protection]: the controller and the data-protection officer, each a name
#: (with the address) and a contact, as the Art. 15 information names them.
DATA_PROTECTION_KEYS = ("controller", "controller_contact", "dpo_name", "dpo_contact")
_SCHEMA: dict[str, frozenset[str]] = {
    "server": frozenset({"url", "ca_certificate", "tls_mode", "pin_sha256"}),
    "office": frozenset({"name", "municipality"}),
    "settings": frozenset({"auto_lock_minutes", "retention_years_after_closure", "language",
                           "password_min_length", "max_attachment_mb"}),
    "accessibility": frozenset({"contact", "date", "url"}),
    "data_protection": frozenset(DATA_PROTECTION_KEYS),
}
_URL_EXAMPLE = "eine Adresse wie „https://kim.example.de“"
#: What the file's [server] url is told for each problem (after „server.url“).
_URL_PROBLEMS = {
    UrlProblem.NOT_AN_ADDRESS: f"muss {_URL_EXAMPLE} sein.",
    UrlProblem.CREDENTIALS: f"darf keine Anmeldedaten (nichts vor „@“) enthalten: {_URL_EXAMPLE}.",
    UrlProblem.CHARACTERS: "darf keine Leerzeichen, Steuerzeichen oder Backslashes und im "
                           f"Rechnernamen kein „%“ enthalten: {_URL_EXAMPLE}.",
    UrlProblem.QUERY_OR_FRAGMENT: f"darf weder „?“ noch „#“ enthalten: {_URL_EXAMPLE}.",
    UrlProblem.BAD_PORT: "enthält keinen gültigen Port.",
    UrlProblem.BAD_HOST: "enthält keinen gültigen Rechnernamen (Teile aus Buchstaben, Ziffern "
                         "und „-“ zu je höchstens 63 Zeichen, getrennt durch „.“): "
                         f"{_URL_EXAMPLE}.",
    UrlProblem.PLAIN_HTTP: "muss mit „https://“ beginnen (unverschlüsselt nur zu diesem Rechner "
                           "selbst, localhost).",
}
_PEM_MARKER = "-----BEGIN CERTIFICATE-----"
_HEX_SHA256 = re.compile(r"^[0-9a-fA-F]{64}$")


class ProvisioningError(Exception):
    """The provisioning file cannot be used; the message is German and names the line."""


@dataclass(frozen=True, slots=True)
class ServerTrust:
    """How the program trusts the sync server's TLS certificate.

    ``trust``: ``certificates_pem`` are CA certificates added to the trusted roots.
    ``pin``: the server's certificate must carry the public key whose SubjectPublicKeyInfo
    hashes (SHA-256, hex) to ``spki_sha256``; ``certificates_pem`` is the server certificate
    it was taken from, if one was given.
    """

    mode: Literal["trust", "pin"]
    certificates_pem: str | None
    spki_sha256: str | None


@dataclass(frozen=True, slots=True)
class Provisioning:
    source: Path
    office_name: str
    municipality: str
    server_url: str | None = None
    server_trust: ServerTrust | None = None
    auto_lock_minutes: int = 10
    #: ``None``: the packaged default of ``resources/data_protection.json``.
    retention_years_after_closure: int | None = None
    language: Literal["de", "en"] = "de"
    #: The shortest local password allowed on this machine.
    password_min_length: int = PASSWORD_LENGTH_RANGE[0]
    #: The largest attachment allowed on this machine, in MB (MiB).
    max_attachment_mb: int = ATTACHMENT_MB_RANGE[1]
    #: The accessibility statement's feedback contact, its date ("TT.MM.JJJJ") and the
    #: address where the office publishes it; ``None``: the packaged default's.
    accessibility_contact: str | None = None
    accessibility_date: str | None = None
    accessibility_url: str | None = None
    #: [data_protection] by key (:data:`DATA_PROTECTION_KEYS`), only the keys the file sets.
    data_protection: Mapping[str, str] = field(default_factory=dict)


def system_provisioning_path() -> Path:
    """Where IT puts the machine-wide file (the installers create the folder)."""
    if sys.platform == "win32":
        program_data = os.environ.get("PROGRAMDATA", r"C:\ProgramData")
        return Path(program_data) / "KIM Desktop" / "provisioning.toml"
    return Path("/etc/kim-desktop/provisioning.toml")


def find_provisioning(
    explicit: Path | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    system_path: Path | None = None,
) -> Path | None:
    """The provisioning file to use, or ``None`` when the machine has none.

    Looked for in this order: ``explicit`` (``--provisioning``), the ``KIM_PROVISIONING``
    variable, then :func:`system_provisioning_path`. A file named explicitly or by the variable
    must exist; the system-wide file is optional.
    """
    env = os.environ if environ is None else environ
    for named, origin in ((explicit, "--provisioning"), (env.get(ENV_VAR) or None, ENV_VAR)):
        if named is not None:
            path = Path(named)
            if not path.is_file():
                raise ProvisioningError(
                    f"Die Bereitstellungsdatei {path} (aus {origin}) wurde nicht gefunden."
                )
            return path
    system = system_provisioning_path() if system_path is None else system_path
    return system if system.is_file() else None


def load_provisioning(path: Path) -> Provisioning:
    """Read and check the whole file; raise :class:`ProvisioningError` naming the line."""
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as error:
        raise ProvisioningError(
            f"Die Bereitstellungsdatei {path} kann nicht gelesen werden ({error.strerror})."
        ) from None
    except UnicodeDecodeError:
        raise ProvisioningError(
            f"Die Bereitstellungsdatei {path} ist nicht in UTF-8 gespeichert."
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProvisioningError(_syntax_message(path, str(error))) from None
    return _Checker(path, data, key_lines(text)).provisioning()


def _syntax_message(path: Path, detail: str) -> str:
    match = re.search(r"\(at line (\d+), column (\d+)\)", detail)
    reason = detail[: match.start()].strip() if match else detail
    where = f"Zeile {match.group(1)}, Spalte {match.group(2)}" if match else "unbekannte Stelle"
    return (
        f"Die Bereitstellungsdatei {path} ist kein gültiges TOML: {where} "
        f"(Syntaxfehler: {reason})."
    )


class _Checker:
    def __init__(self, path: Path, data: dict[str, Any], lines: dict[tuple[str, ...], int]):
        self.path = path
        self.data = data
        self.lines = lines

    def fail(self, key: tuple[str, ...], problem: str) -> ProvisioningError:
        line = line_of(self.lines, key)
        where = f"Zeile {line}" if line is not None else "in der Datei"
        return ProvisioningError(
            f"Bereitstellungsdatei {self.path}, {where}: „{'.'.join(key)}“ {problem}"
        )

    def provisioning(self) -> Provisioning:
        self.check_known_keys()
        office = self.table("office", required=True)
        settings = self.table("settings", required=False)
        server = self.table("server", required=False)
        url = trust = None
        if server is not None:
            url = self.server_url(server)
            trust = self.server_trust(server)
        language = self.choice(settings, ("settings", "language"), LANGUAGES, "de")
        accessibility = self.table("accessibility", required=False) or {}
        return Provisioning(
            source=self.path,
            office_name=self.office_name(office),
            municipality=self.municipality(office),
            server_url=url,
            server_trust=trust,
            auto_lock_minutes=self.integer(
                settings, ("settings", "auto_lock_minutes"), AUTO_LOCK_RANGE, 10
            ),
            retention_years_after_closure=self.optional_integer(
                settings, ("settings", "retention_years_after_closure"), RETENTION_RANGE
            ),
            language="en" if language == "en" else "de",
            password_min_length=self.integer(
                settings, ("settings", "password_min_length"), PASSWORD_LENGTH_RANGE,
                PASSWORD_LENGTH_RANGE[0],
            ),
            max_attachment_mb=self.integer(
                settings, ("settings", "max_attachment_mb"), ATTACHMENT_MB_RANGE,
                ATTACHMENT_MB_RANGE[1],
            ),
            accessibility_contact=self.contact(accessibility),
            accessibility_date=self.statement_date(accessibility),
            accessibility_url=self.web_address(accessibility),
            data_protection=self.data_protection(),
        )

    def check_known_keys(self) -> None:
        for name, value in self.data.items():
            if name not in _SCHEMA:
                known = ", ".join(f"[{t}]" for t in _SCHEMA)
                raise self.fail((name,), f"ist unbekannt; erlaubt sind die Tabellen {known}.")
            if not isinstance(value, dict):
                raise self.fail((name,), "muss eine Tabelle sein, z. B. „[" + name + "]“.")
            for key in value:
                if key not in _SCHEMA[name]:
                    known = ", ".join(sorted(_SCHEMA[name]))
                    raise self.fail((name, key), f"ist unbekannt; erlaubt sind: {known}.")

    def table(self, name: str, *, required: bool) -> dict[str, Any] | None:
        value = self.data.get(name)
        if value is None and required:
            raise ProvisioningError(
                f"Bereitstellungsdatei {self.path}: die Tabelle „[{name}]“ fehlt."
            )
        return value

    def string(self, table: dict[str, Any], key: tuple[str, ...], *, required: bool) -> str | None:
        value = table.get(key[-1])
        if value is None:
            if required:
                raise self.fail(key, "fehlt.")
            return None
        if not isinstance(value, str):
            raise self.fail(key, "muss ein Text in Anführungszeichen sein.")
        if not value.strip():
            raise self.fail(key, "darf nicht leer sein.")
        if hidden_characters(value, multiline=True):
            raise self.fail(key, "enthält Steuerzeichen oder unsichtbare Zeichen, die die "
                            "Schreibrichtung ändern; bitte ohne sie angeben.")
        return value.strip()

    def integer(
        self, table: dict[str, Any] | None, key: tuple[str, ...], bounds: tuple[int, int],
        default: int,
    ) -> int:
        value = (table or {}).get(key[-1], default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, "muss eine ganze Zahl ohne Anführungszeichen sein.")
        low, high = bounds
        if not low <= value <= high:
            raise self.fail(key, f"muss zwischen {low} und {high} liegen (ist {value}).")
        return value

    def optional_integer(
        self, table: dict[str, Any] | None, key: tuple[str, ...], bounds: tuple[int, int]
    ) -> int | None:
        if key[-1] not in (table or {}):
            return None
        return self.integer(table, key, bounds, bounds[0])

    def choice(
        self, table: dict[str, Any] | None, key: tuple[str, ...], allowed: tuple[str, ...],
        default: str,
    ) -> str:
        value = (table or {}).get(key[-1], default)
        if value not in allowed:
            options = " oder ".join(f"„{a}“" for a in allowed)
            raise self.fail(key, f"muss {options} sein (ist {value!r}).")
        return str(value)

    def office_name(self, office: dict[str, Any] | None) -> str:
        name = self.string(office or {}, ("office", "name"), required=True)
        assert name is not None
        if len(name) > 100:
            raise self.fail(("office", "name"), "darf höchstens 100 Zeichen lang sein.")
        return name

    def municipality(self, office: dict[str, Any] | None) -> str:
        """The municipality's catalog code; the file may give the code or the name."""
        key = ("office", "municipality")
        name = self.string(office or {}, key, required=True)
        assert name is not None
        try:
            catalog = default_catalogs().municipalities
        except CatalogError as error:
            raise ProvisioningError(f"Der Kommunen-Katalog ist beschädigt: {error}") from None
        for entry in catalog:
            if name in (entry.code, entry.label):
                return entry.code
        known = ", ".join(entry.label for entry in catalog)
        raise self.fail(key, f"ist keine bekannte Kommune; erlaubt sind: {known}.")

    def contact(self, accessibility: dict[str, Any]) -> str | None:
        key = ("accessibility", "contact")
        contact = self.string(accessibility, key, required=False)
        if contact is not None and len(contact) > CONTACT_MAX_LENGTH:
            raise self.fail(key, f"darf höchstens {CONTACT_MAX_LENGTH} Zeichen lang sein.")
        return contact

    def data_protection(self) -> dict[str, str]:
        table = self.table("data_protection", required=False) or {}
        values = {}
        for name in DATA_PROTECTION_KEYS:
            key = ("data_protection", name)
            value = self.string(table, key, required=False)
            if value is None:
                continue
            if len(value) > CONTACT_MAX_LENGTH:
                raise self.fail(key, f"darf höchstens {CONTACT_MAX_LENGTH} Zeichen lang sein.")
            values[name] = value
        return values

    def statement_date(self, accessibility: dict[str, Any]) -> str | None:
        """A TOML date (2026-03-15) or a text "15.03.2026"; as "TT.MM.JJJJ"."""
        key = ("accessibility", "date")
        value = accessibility.get("date")
        if value is None:
            return None
        if isinstance(value, str):
            try:
                value = dt.datetime.strptime(value.strip(), "%d.%m.%Y").date()
            except ValueError:
                raise self.fail(key, "muss ein Datum wie 2026-03-15 oder „15.03.2026“ "
                                "sein.") from None
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise self.fail(key, "muss ein Datum wie 2026-03-15 sein, ohne Uhrzeit.")
        if value > dt.date.today():
            raise self.fail(key, f"liegt in der Zukunft ({value:%d.%m.%Y}).")
        return f"{value:%d.%m.%Y}"

    def web_address(self, accessibility: dict[str, Any]) -> str | None:
        key = ("accessibility", "url")
        url = self.string(accessibility, key, required=False)
        if url is None:
            return None
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.hostname or " " in url:
            raise self.fail(key, "muss eine Adresse wie „https://www.rahden.de/barrierefreiheit“ "
                            "sein.")
        if parts.username or parts.password:
            raise self.fail(key, "darf keine Anmeldedaten enthalten.")
        return url

    def server_url(self, server: dict[str, Any]) -> str:
        key = ("server", "url")
        url = self.string(server, key, required=True)
        assert url is not None
        try:
            return check_server_url(url)
        except ServerUrlError as error:
            raise self.fail(key, _URL_PROBLEMS[error.problem]) from None

    def server_trust(self, server: dict[str, Any]) -> ServerTrust | None:
        mode = self.choice(server, ("server", "tls_mode"), TLS_MODES, "trust")
        pem = self.certificates(server)
        pin = self.string(server, ("server", "pin_sha256"), required=False)
        if pin is not None:
            if mode != "pin":
                raise self.fail(("server", "pin_sha256"), "gilt nur mit tls_mode = \"pin\".")
            if not _HEX_SHA256.match(pin):
                raise self.fail(
                    ("server", "pin_sha256"), "muss ein SHA-256-Wert aus 64 Hex-Zeichen sein."
                )
            pin = pin.lower()
        if mode == "trust":
            return None if pem is None else ServerTrust("trust", pem, None)
        if pem is None and pin is None:
            raise self.fail(
                ("server", "tls_mode"),
                "= \"pin\" braucht ca_certificate (das Serverzertifikat) oder pin_sha256.",
            )
        if pem is not None:
            derived = spki_sha256(pem)
            if pin is not None and pin != derived:
                raise self.fail(
                    ("server", "pin_sha256"), "passt nicht zum Schlüssel in ca_certificate."
                )
            pin = derived
        return ServerTrust("pin", pem, pin)

    def certificates(self, server: dict[str, Any]) -> str | None:
        key = ("server", "ca_certificate")
        value = self.string(server, key, required=False)
        if value is None:
            return None
        if _PEM_MARKER in value:
            pem = value
        else:
            file = Path(value)
            if not file.is_absolute():
                file = self.path.parent / file
            try:
                pem = file.read_text(encoding="ascii")
            except (OSError, UnicodeDecodeError):
                raise self.fail(key, f"nennt die Datei {file}, die nicht lesbar ist.") from None
        try:
            x509.load_pem_x509_certificates(pem.encode("ascii"))
        except (ValueError, UnicodeEncodeError):
            raise self.fail(key, "ist kein gültiges PEM-Zertifikat.") from None
        return pem


def _spki_sha256(certificate: x509.Certificate) -> str:
    spki = certificate.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(spki).hexdigest()


def spki_sha256(pem: str) -> str:
    """SHA-256 (hex) of the SubjectPublicKeyInfo of the first certificate in ``pem``."""
    return _spki_sha256(x509.load_pem_x509_certificates(pem.encode("ascii"))[0])


def spki_sha256_der(der: bytes) -> str:
    """:func:`spki_sha256` of a certificate in DER, as a TLS peer presents it."""
    return _spki_sha256(x509.load_der_x509_certificate(der))

