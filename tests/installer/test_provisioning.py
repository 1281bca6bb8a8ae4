"""The provisioning file: good files load, every bad file is refused naming its line."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from kim_desktop.core.provisioning import (
    ProvisioningError,
    find_provisioning,
    load_provisioning,
    spki_sha256,
)
from kim_desktop.sync.http import RefusedError, SyncHttp

GOOD = """\
# Bereitstellung für das Büro Rahden
[server]
url = "https://kim.kreis.test/api/"
tls_mode = "trust"

[office]
name = "KIM Rahden"
municipality = "Rahden"

[settings]
auto_lock_minutes = 5
retention_years_after_closure = 6
language = "en"
"""

WriteToml = Callable[..., Path]

CONTACT = "KIM-Büro Rahden, Lange Straße 9, 32369 Rahden, barrierefrei@rahden.example"
ACCESSIBILITY = f"""
[accessibility]
contact = "{CONTACT}"
date = 2026-03-15
url = "https://www.rahden.example/kim/barrierefreiheit"
"""


def test_good_file_loads_every_field(write_toml: WriteToml) -> None:
    path = write_toml(GOOD)
    loaded = load_provisioning(path)
    assert loaded.source == path
    assert loaded.server_url == "https://kim.kreis.test/api"
    assert loaded.server_trust is None
    assert (loaded.office_name, loaded.municipality) == ("KIM Rahden", "rahden")
    assert (loaded.auto_lock_minutes, loaded.retention_years_after_closure) == (5, 6)
    assert loaded.language == "en"
    assert loaded.password_min_length == 12
    longer = load_provisioning(write_toml(GOOD + "password_min_length = 20\n"))
    assert longer.password_min_length == 20


def test_the_accessibility_statement_part_loads(write_toml: WriteToml) -> None:
    loaded = load_provisioning(write_toml(GOOD + ACCESSIBILITY))
    assert loaded.accessibility_contact == CONTACT
    assert loaded.accessibility_date == "15.03.2026"
    assert loaded.accessibility_url == "https://www.rahden.example/kim/barrierefreiheit"
    as_text = load_provisioning(write_toml(
        GOOD + ACCESSIBILITY.replace("2026-03-15", '"01.02.2026"')))
    assert as_text.accessibility_date == "01.02.2026"
    assert load_provisioning(write_toml(GOOD)).accessibility_contact is None


def test_office_alone_gets_the_defaults(write_toml: WriteToml) -> None:
    loaded = load_provisioning(
        write_toml('[office]\nname = "KIM Minden"\nmunicipality = "minden"\n')
    )
    assert (loaded.server_url, loaded.municipality) == (None, "minden")
    assert (loaded.auto_lock_minutes, loaded.retention_years_after_closure) == (10, None)
    assert loaded.language == "de"


def test_inline_certificate_is_trusted(write_toml: WriteToml, certificate_pem: str) -> None:
    text = GOOD.replace('tls_mode = "trust"', f'ca_certificate = """\n{certificate_pem}"""')
    trust = load_provisioning(write_toml(text)).server_trust
    assert trust is not None
    assert trust.mode == "trust"
    assert trust.certificates_pem is not None and "BEGIN CERTIFICATE" in trust.certificates_pem


def test_certificate_path_is_relative_to_the_file_and_pins_its_key(
    write_toml: WriteToml, certificate_pem: str
) -> None:
    write_toml(certificate_pem, name="server.pem")
    text = GOOD.replace('tls_mode = "trust"', 'tls_mode = "pin"\nca_certificate = "server.pem"')
    trust = load_provisioning(write_toml(text)).server_trust
    certificate = x509.load_pem_x509_certificate(certificate_pem.encode())
    spki = certificate.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    assert trust is not None
    assert trust.mode == "pin"
    assert trust.spki_sha256 == hashlib.sha256(spki).hexdigest() == spki_sha256(certificate_pem)


def test_pin_alone_is_enough(write_toml: WriteToml) -> None:
    text = GOOD.replace('tls_mode = "trust"', f'tls_mode = "pin"\npin_sha256 = "{"AB" * 32}"')
    trust = load_provisioning(write_toml(text)).server_trust
    assert trust is not None
    assert (trust.mode, trust.spki_sha256, trust.certificates_pem) == ("pin", "ab" * 32, None)


BAD_FILES = [
    pytest.param(GOOD.replace('name = "KIM Rahden"', 'name = "KIM Rahden'), 7,
                 "kein gültiges TOML", id="syntax-unclosed-string"),
    pytest.param(GOOD.replace("[settings]", "[settings"), 10, "kein gültiges TOML",
                 id="syntax-broken-header"),
    pytest.param(GOOD.replace("language = \"en\"", "language = \"en\"\nlanguage = \"de\""), 14,
                 "kein gültiges TOML", id="syntax-duplicate-key"),
    pytest.param(GOOD.replace("auto_lock_minutes = 5", 'auto_lock_minutes = "5"'), 11,
                 "ganze Zahl", id="type-number-as-text"),
    pytest.param(GOOD.replace("auto_lock_minutes = 5", "auto_lock_minutes = true"), 11,
                 "ganze Zahl", id="type-bool-as-number"),
    pytest.param(GOOD.replace("closure = 6", "closure = 0"), 12,
                 "zwischen 1 und 30", id="range-retention"),
    pytest.param(GOOD.replace("auto_lock_minutes = 5", "auto_lock_minutes = 1000"), 11,
                 "zwischen 1 und 240", id="range-auto-lock"),
    pytest.param(GOOD + "password_min_length = 8\n", 14,
                 "zwischen 12 und 64", id="range-password-length"),
    pytest.param(GOOD.replace('name = "KIM Rahden"', "name = 42"), 7, "Text",
                 id="type-name-number"),
    pytest.param(GOOD.replace('name = "KIM Rahden"', 'name = "  "'), 7, "leer",
                 id="empty-name"),
    pytest.param(GOOD.replace('language = "en"', 'language = "fr"'), 13, "„de“ oder „en“",
                 id="bad-language"),
    pytest.param(GOOD.replace('municipality = "Rahden"', 'municipality = "Bielefeld"'), 8,
                 "keine bekannte Kommune", id="unknown-municipality"),
    pytest.param(GOOD.replace("closure = 6", "closure = 6\ncolour = 1"), 13,
                 "unbekannt", id="unknown-key"),
    pytest.param(GOOD + "\n[extra]\nx = 1\n", 15, "unbekannt", id="unknown-table"),
    pytest.param(GOOD.replace("https://kim.kreis.test/api/", "kim.kreis.test"), 3,
                 "https://", id="url-without-scheme"),
    pytest.param(GOOD.replace("https://kim.kreis.test/api/", "http://kim.kreis.test"), 3,
                 "https://", id="url-plain-http"),
    pytest.param(GOOD.replace("https://kim.kreis.test/api/", "https://kim.kreis.test:99999"), 3,
                 "Port", id="url-bad-port"),
    pytest.param(GOOD.replace("https://kim.kreis.test/api/", "https://u:p@kim.kreis.test"), 3,
                 "Anmeldedaten", id="url-with-credentials"),
    pytest.param(GOOD.replace('tls_mode = "trust"', 'tls_mode = "blind"'), 4,
                 "„trust“ oder „pin“", id="bad-tls-mode"),
    pytest.param(GOOD.replace('tls_mode = "trust"', 'tls_mode = "pin"'), 4,
                 "braucht ca_certificate", id="pin-without-anything"),
    pytest.param(GOOD.replace('tls_mode = "trust"', 'tls_mode = "pin"\npin_sha256 = "abc"'), 5,
                 "64 Hex-Zeichen", id="pin-too-short"),
    pytest.param(GOOD.replace('tls_mode = "trust"', f'pin_sha256 = "{"a" * 64}"'), 4,
                 "nur mit tls_mode", id="pin-in-trust-mode"),
    pytest.param(GOOD.replace('tls_mode = "trust"',
                              'ca_certificate = """\n-----BEGIN CERTIFICATE-----\nnope\n'
                              '-----END CERTIFICATE-----\n"""'), 4,
                 "kein gültiges PEM", id="bad-inline-pem"),
    pytest.param(GOOD.replace('tls_mode = "trust"', 'ca_certificate = "missing.pem"'), 4,
                 "nicht lesbar", id="missing-pem-file"),
    pytest.param(GOOD.replace("[office]\n", "[office]\nname2 = 1\n"), 7, "unbekannt",
                 id="unknown-key-in-office"),
    pytest.param("server = 3\n", 1, "Tabelle", id="table-as-value"),
    pytest.param(GOOD + ACCESSIBILITY.replace(CONTACT, "x" * 301), 16, "höchstens 300",
                 id="accessibility-contact-too-long"),
    pytest.param(GOOD + ACCESSIBILITY.replace(f'"{CONTACT}"', "3"), 16, "Text",
                 id="accessibility-contact-number"),
    pytest.param(GOOD + ACCESSIBILITY.replace("2026-03-15", '"15.3.26"'), 17, "Datum wie",
                 id="accessibility-date-text"),
    pytest.param(GOOD + ACCESSIBILITY.replace("2026-03-15", '"31.02.2026"'), 17, "Datum wie",
                 id="accessibility-date-impossible"),
    pytest.param(GOOD + ACCESSIBILITY.replace("2026-03-15", "2026-03-15T10:00:00"), 17,
                 "ohne Uhrzeit", id="accessibility-date-with-time"),
    pytest.param(GOOD + ACCESSIBILITY.replace("2026-03-15", "2999-01-01"), 17, "Zukunft",
                 id="accessibility-date-future"),
    pytest.param(GOOD + ACCESSIBILITY.replace("https://www", "http://www"), 18, "https://",
                 id="accessibility-url-plain-http"),
    pytest.param(GOOD + ACCESSIBILITY.replace("https://www.rahden.example/kim/barrierefreiheit",
                                              "Rathaus, Zimmer 3"), 18, "https://",
                 id="accessibility-url-not-an-address"),
    pytest.param(GOOD + ACCESSIBILITY + "email = \"a@b.example\"\n", 19, "unbekannt",
                 id="accessibility-unknown-key"),
]


@pytest.mark.parametrize(("text", "line", "fragment"), BAD_FILES)
def test_bad_file_is_refused_naming_its_line(
    write_toml: WriteToml, text: str, line: int, fragment: str
) -> None:
    path = write_toml(text)
    with pytest.raises(ProvisioningError) as caught:
        load_provisioning(path)
    message = str(caught.value)
    assert f"Zeile {line}" in message
    assert fragment in message
    assert str(path) in message


def test_lines_inside_multiline_strings_are_not_taken_for_keys(
    write_toml: WriteToml, certificate_pem: str
) -> None:
    pem_with_fake_key = f"language = nonsense\n{certificate_pem}"
    text = GOOD.replace('tls_mode = "trust"', f'ca_certificate = """\n{pem_with_fake_key}"""')
    text = text.replace('language = "en"', 'language = "xx"')
    with pytest.raises(ProvisioningError) as caught:
        load_provisioning(write_toml(text))
    expected = text.splitlines().index('language = "xx"') + 1
    assert f"Zeile {expected}:" in str(caught.value)


def test_missing_office_table_is_named(write_toml: WriteToml) -> None:
    with pytest.raises(ProvisioningError, match=r"„\[office\]“ fehlt"):
        load_provisioning(write_toml('[settings]\nlanguage = "de"\n'))


def test_not_utf8_and_unreadable_files_are_refused(write_toml: WriteToml) -> None:
    path = write_toml("")
    path.write_bytes(b'[office]\nname = "B\xfcro"\n')
    with pytest.raises(ProvisioningError, match="UTF-8"):
        load_provisioning(path)
    with pytest.raises(ProvisioningError, match="kann nicht gelesen werden"):
        load_provisioning(path.parent / "absent.toml")


def test_find_prefers_explicit_then_environment_then_system(
    write_toml: WriteToml, tmp_path: Path
) -> None:
    explicit = write_toml(GOOD, name="explicit.toml")
    from_env = write_toml(GOOD, name="env.toml")
    system = write_toml(GOOD, name="system.toml")
    env = {"KIM_PROVISIONING": str(from_env)}
    assert find_provisioning(explicit, environ=env, system_path=system) == explicit
    assert find_provisioning(None, environ=env, system_path=system) == from_env
    assert find_provisioning(None, environ={}, system_path=system) == system
    assert find_provisioning(None, environ={}, system_path=tmp_path / "none.toml") is None


def test_find_refuses_a_named_file_that_is_missing(tmp_path: Path) -> None:
    with pytest.raises(ProvisioningError, match="--provisioning"):
        find_provisioning(tmp_path / "gone.toml", environ={}, system_path=tmp_path / "x")
    with pytest.raises(ProvisioningError, match="KIM_PROVISIONING"):
        find_provisioning(
            None, environ={"KIM_PROVISIONING": str(tmp_path / "gone.toml")},
            system_path=tmp_path / "x",
        )


def test_the_shipped_example_file_is_valid(tmp_path: Path, certificate_pem: str) -> None:
    example = Path(__file__).resolve().parents[2] / "installer" / "provisioning.example.toml"
    copy = tmp_path / "provisioning.toml"
    copy.write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "kim-ca.pem").write_text(certificate_pem, encoding="ascii")
    loaded = load_provisioning(copy)
    assert loaded.municipality == "rahden"
    assert loaded.server_trust is not None and loaded.server_trust.mode == "trust"


@pytest.mark.parametrize(("url", "fragment"), [
    # Taken on main, though the sync client refused them at the first sync:
    ("https://@kim.kreis.test", "Anmeldedaten"),
    ("https://evil.example\\kim.kreis.test", "Backslash"),
    ("https://kim kreis.test", "Leerzeichen"),
    ("https://kim.kreis.test/a\u200bb", "Steuerzeichen"),
    ("https://kim.kreis.test%2Fevil.example", "„%“"),
    ("https://kim.kreis.test?", "„?“"),
    ("https://kim.kreis.test/#", "„#“"),
    ("https://[::1", "https://kim.example.de"),  # a traceback on main
    # "gültig" on main, then a traceback at enrollment:
    ("https://kim.example\u3002de", "Rechnernamen"),
    ("https://" + "a" * 64 + ".example", "Rechnernamen"),
    # Refused before as well, now by the same rule as the sync client's:
    ("https://evil@kim.kreis.test", "Anmeldedaten"),
    ("ftp://kim.kreis.test", "https://kim.example.de"),
    ("http://10.0.0.5", "https://"),
])
def test_a_server_address_the_sync_would_refuse_is_refused_at_provisioning(
    write_toml: WriteToml, url: str, fragment: str
) -> None:
    with pytest.raises(ProvisioningError) as caught:
        load_provisioning(write_toml(GOOD.replace('"https://kim.kreis.test/api/"',
                                                  json.dumps(url))))
    message = str(caught.value)
    assert "Zeile 3: „server.url“" in message and fragment in message
    with pytest.raises(RefusedError):
        SyncHttp(url)


def test_http_to_this_machine_itself_is_taken(write_toml: WriteToml) -> None:
    loaded = load_provisioning(write_toml(GOOD.replace("https://kim.kreis.test/api/",
                                                       "http://127.0.0.1:8443/")))
    assert loaded.server_url == "http://127.0.0.1:8443"
