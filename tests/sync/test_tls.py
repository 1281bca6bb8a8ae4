"""TLS trust from provisioning, against a real ``kim-server serve`` with its own certificate.

The provisioned CA certificate or the pin on the server's key is kept in the vault at
enrollment, and every later request checks the server against it. A certificate from another
CA (what a TLS-inspecting proxy presents) or another key is refused with a message that tells
IT what to exempt, even when the system would trust it; the device token never travels then.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from kim_desktop.cli._common import CliError
from kim_desktop.cli.sync import _server_and_trust
from kim_desktop.core.provisioning import ServerTrust, spki_sha256
from kim_desktop.core.vault import Vault
from kim_desktop.sync import messages
from kim_desktop.sync.client import SyncClient
from kim_desktop.sync.enroll import enroll
from kim_desktop.sync.http import RefusedError, SyncHttp
from kim_desktop.sync.state import load_state
from tests.server.conftest import Admin, ServerProcess
from tests.sync.certs import authority, server_certificate, tls_options
from tests.sync.conftest import FAST_RETRY
from tests.sync.helpers import add_consultations
from tests.sync.inspecting_proxy import InspectingProxy
from tests.sync.test_cli import PASSWORD, kim

Databases = Callable[[str], Callable[[], Session]]


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[ServerProcess, Admin]]:
    """A server with a self-signed certificate; tests may restart it with another one."""
    server = ServerProcess(f"sqlite:///{tmp_path / 'tls.db'}",
                           extra=tls_options(*server_certificate(tmp_path / "self")))
    server.start()
    admin = Admin(server.db_url)
    try:
        yield server, admin
    finally:
        server.stop()
        admin.engine.dispose()


def _restart_with(server: ServerProcess, key: Path, cert: Path) -> None:
    server.stop()
    server.extra = tls_options(key, cert)
    server.start()


def test_without_provisioned_trust_a_self_signed_server_is_refused(
    tls_server: tuple[ServerProcess, Admin], local_db: Databases
) -> None:
    server, admin = tls_server
    sessions = local_db("a")
    with sessions() as session, pytest.raises(RefusedError, match="nicht vertrauenswürdig"):
        enroll(session, server_url=server.url, code=admin.code(admin.office()))
    with sessions() as session:
        assert load_state(session) is None


def test_the_provisioned_ca_is_kept_in_the_vault_and_checked_on_every_request(
    tmp_path: Path, tls_server: tuple[ServerProcess, Admin], local_db: Databases,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server, admin = tls_server
    office_ca, inspecting_ca = authority("KIM Kreis-CA"), authority("Proxy-Inspektion")
    _restart_with(server, *server_certificate(tmp_path / "office", office_ca))
    office_id = admin.office()
    sessions = local_db("a")
    host = server.url.removeprefix("https://")

    # A second CA is not the provisioned one: refused, nothing stored.
    with sessions() as session, pytest.raises(RefusedError) as refused:
        enroll(session, server_url=server.url, code=admin.code(office_id),
               trust=ServerTrust("trust", inspecting_ca.pem, None))
    assert str(refused.value) == messages.TLS_NOT_FROM_CA.format(host=host)
    with sessions() as session:
        assert load_state(session) is None

    with sessions() as session:
        enroll(session, server_url=server.url, code=admin.code(office_id),
               trust=ServerTrust("trust", office_ca.pem, None))
        state = load_state(session)
        assert state is not None and state.ca_pem == office_ca.pem
        assert state.pin_sha256 is None
        token = state.device_token
    add_consultations(sessions, 2, random.Random(9))
    assert SyncClient(sessions, retry=FAST_RETRY).run().pushed == 2

    # Now a proxy inspects TLS with its own CA, which the system trusts: still refused.
    _restart_with(server, *server_certificate(tmp_path / "inspected", inspecting_ca))
    bundle = tmp_path / "system-roots.pem"
    bundle.write_text(inspecting_ca.pem, encoding="ascii")
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    add_consultations(sessions, 1, random.Random(10))
    with pytest.raises(RefusedError) as refused:
        SyncClient(sessions, retry=FAST_RETRY).run()
    assert str(refused.value) == messages.TLS_NOT_FROM_CA.format(host=host)
    assert "TLS-Inspektion" in str(refused.value) and host in str(refused.value)
    assert token not in "".join(server.log)


def test_the_pin_on_the_servers_key(
    tmp_path: Path, tls_server: tuple[ServerProcess, Admin], local_db: Databases
) -> None:
    server, admin = tls_server
    office_id = admin.office()
    pinned = spki_sha256((tmp_path / "self" / "cert.pem").read_text(encoding="ascii"))
    _other_key, other_cert = server_certificate(tmp_path / "other")
    wrong = spki_sha256(other_cert.read_text(encoding="ascii"))
    sessions = local_db("a")
    host = server.url.removeprefix("https://")

    with sessions() as session, pytest.raises(RefusedError) as refused:
        enroll(session, server_url=server.url, code=admin.code(office_id),
               trust=ServerTrust("pin", None, wrong))
    assert str(refused.value) == messages.TLS_PIN_MISMATCH.format(host=host)
    with sessions() as session:
        assert load_state(session) is None

    with sessions() as session:
        enroll(session, server_url=server.url, code=admin.code(office_id),
               trust=ServerTrust("pin", None, pinned))
        state = load_state(session)
        assert state is not None and state.pin_sha256 == pinned and state.ca_pem is None
        token = state.device_token
    add_consultations(sessions, 2, random.Random(9))
    assert SyncClient(sessions, retry=FAST_RETRY).run().pushed == 2

    # The server gets another key (or a proxy answers in its place): refused on the next sync.
    _restart_with(server, _other_key, other_cert)
    with pytest.raises(RefusedError) as refused:
        SyncClient(sessions, retry=FAST_RETRY).run()
    assert str(refused.value) == messages.TLS_PIN_MISMATCH.format(host=host)
    assert token not in "".join(server.log)


#: A name only the proxy resolves: the client asks it for the host (no proxy for loopback).
PROXIED_HOST = "kim.kreis-minden-luebbecke.test"


@pytest.mark.parametrize("mode", ["trust", "pin"])
def test_a_tls_inspecting_proxy_on_the_way_is_named_and_gets_no_token(
    mode: str, tmp_path: Path, local_db: Databases, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The proxy of HTTPS_PROXY starts inspecting TLS with a CA of its own, which the system
    trusts: the sync fails with the message that tells IT to exempt the host, and the proxy
    reads nothing of the requests. Reproduced on main under a pin: the mismatch through a
    proxy was taken for no connection, retried, and the sync said only that it was offline."""
    office_ca, inspecting_ca = authority("KIM Kreis-CA"), authority("Proxy-Inspektion")
    key, cert = server_certificate(tmp_path / "office", office_ca, names=(PROXIED_HOST,))
    server = ServerProcess(f"sqlite:///{tmp_path / 'tls.db'}", extra=tls_options(key, cert))
    server.start()
    admin = Admin(server.db_url)
    trust = ServerTrust("trust", office_ca.pem, None) if mode == "trust" else \
        ServerTrust("pin", None, spki_sha256(cert.read_text(encoding="ascii")))
    sessions = local_db("a")
    try:
        with InspectingProxy(server.port) as proxy:
            monkeypatch.setenv("HTTPS_PROXY", proxy.url)
            with sessions() as session:
                enroll(session, server_url=f"https://{PROXIED_HOST}",
                       code=admin.code(admin.office()), trust=trust)
                state = load_state(session)
                assert state is not None
                token = state.device_token
            add_consultations(sessions, 2, random.Random(9))
            assert SyncClient(sessions, retry=FAST_RETRY).run().pushed == 2
            assert set(proxy.connects) == {PROXIED_HOST}

            proxy.inspect = server_certificate(tmp_path / "inspecting", inspecting_ca,
                                               names=(PROXIED_HOST,))
            bundle = tmp_path / "system-roots.pem"
            bundle.write_text(inspecting_ca.pem, encoding="ascii")
            monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(bundle))
            monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
            add_consultations(sessions, 1, random.Random(10))
            with pytest.raises(RefusedError) as refused:
                SyncClient(sessions, retry=FAST_RETRY).run()
            expected = messages.TLS_NOT_FROM_CA if mode == "trust" else messages.TLS_PIN_MISMATCH
            assert str(refused.value) == expected.format(host=PROXIED_HOST)
            assert proxy.inspected.wait(10)
            assert bytes(proxy.decrypted) == b""
        assert token not in "".join(server.log)
    finally:
        server.stop()
        admin.engine.dispose()


@pytest.mark.parametrize("url", ["http://kim.kreis.test", "http://10.1.2.3:8000",
                                 "HTTP://kim.kreis.test/api"])
def test_plain_http_is_refused_except_to_this_machine(url: str, local_db: Databases) -> None:
    sessions = local_db("a")
    with sessions() as session, pytest.raises(RefusedError) as refused:
        enroll(session, server_url=url, code="AAAA-BBBB-CCCC")
    assert "unverschlüsselt" in str(refused.value)
    assert "„Server-Adresse“" in str(refused.value) and "[server] url" in str(refused.value)
    with sessions() as session:
        assert load_state(session) is None
    for local in ("http://127.0.0.1:8000", "http://localhost:8000", "http://127.0.0.2",
                  "http://[::1]:8000"):
        SyncHttp(local).close()


def test_the_command_line_takes_server_and_pin_from_provisioning_and_renews_them(
    tmp_path: Path, tls_server: tuple[ServerProcess, Admin], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, admin = tls_server
    pin = spki_sha256((tmp_path / "self" / "cert.pem").read_text(encoding="ascii"))
    provisioning = tmp_path / "provisioning.toml"
    provisioning.write_text(
        f'[server]\nurl = "{server.url}"\ntls_mode = "pin"\npin_sha256 = "{pin}"\n\n'
        '[office]\nname = "KIM Rahden"\nmunicipality = "Rahden"\n', encoding="utf-8")
    device = tmp_path / "device"
    assert kim(device, "init", "--user", "anna").returncode == 0
    bad = kim(device, "enroll", "--code", admin.code(admin.office()), "--pin-sha256", "ab12")
    assert bad.returncode == 2 and "64 Hex-Zeichen" in bad.stderr
    done = kim(device, "enroll", "--code", admin.code(admin.office()), "--json",
               "--provisioning", str(provisioning))
    assert done.returncode == 0, done.stderr
    with Vault.unlock(device, user="anna", password=PASSWORD) as vault, \
            vault.session() as session:
        state = load_state(session)
        assert state is not None and state.server_url == server.url
        assert state.pin_sha256 == pin

    # The server gets a new key: the sync says so; IT hands out the new pin, and it syncs.
    new_key, new_cert = server_certificate(tmp_path / "renewed")
    _restart_with(server, new_key, new_cert)
    refused = kim(device, "sync")
    assert refused.returncode == 3 and "pin_sha256" in refused.stderr
    assert "Traceback" not in refused.stderr
    # Reproduced on main: renewing without a new pin (a provisioning file without one, or
    # none at all) dropped the pin, and the device trusted any certificate of the system
    # store from then on, a TLS-inspecting proxy's included.
    unchanged = kim(device, "enroll", "--renew-trust")
    assert unchanged.returncode == 2 and "--pin-sha256" in unchanged.stderr
    # Nor does a case manager take one over: the office admin does, as IT says.
    monkeypatch.setenv("KIM_NEW_PASSWORD", PASSWORD)
    assert kim(device, "useradd", "--user", "ben", "--admin", "anna").returncode == 0
    case_manager = kim(device, "enroll", "--user", "ben", "--renew-trust",
                       "--pin-sha256", "ab" * 32)
    assert case_manager.returncode == 2 and "Büroleitung" in case_manager.stderr
    with Vault.unlock(device, user="anna", password=PASSWORD) as vault, \
            vault.session() as session:
        state = load_state(session)
        assert state is not None and state.pin_sha256 == pin
    new_pin = spki_sha256(new_cert.read_text(encoding="ascii"))
    renewed = kim(device, "enroll", "--renew-trust", "--pin-sha256", new_pin)
    assert renewed.returncode == 0, renewed.stderr
    assert kim(device, "sync").returncode == 0


PROVISIONED_PIN = "ab" * 32


@pytest.fixture
def provisioned_pin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "provisioning.toml"
    path.write_text(
        f'[server]\nurl = "https://kim.example"\ntls_mode = "pin"\n'
        f'pin_sha256 = "{PROVISIONED_PIN}"\n\n'
        '[office]\nname = "KIM Rahden"\nmunicipality = "Rahden"\n', encoding="utf-8")
    monkeypatch.setenv("KIM_PROVISIONING", str(path))


@pytest.mark.parametrize("server", [
    None, "https://kim.example", "https://kim.example/", "HTTPS://kim.example",
    "https://KIM.example", "https://kim.example:443", "https://kim.example.",
    "https://kim.example.:443/",
])
def test_any_spelling_of_the_provisioned_server_keeps_its_pin(
    server: str | None, provisioned_pin: None
) -> None:
    """On main every spelling but the exact one enrolled on the system's roots."""
    args = argparse.Namespace(ca_file=None, pin_sha256=None, server=server)
    url, trust = _server_and_trust(args)
    assert url == "https://kim.example"
    assert trust is not None and trust.spki_sha256 == PROVISIONED_PIN


@pytest.mark.parametrize("server", ["https://kim.example:8443", "https://other.example",
                                    "https://kim.example/api"])
def test_another_server_with_a_provisioned_pin_needs_its_own_trust(
    server: str, provisioned_pin: None
) -> None:
    with pytest.raises(CliError) as refused:
        _server_and_trust(argparse.Namespace(ca_file=None, pin_sha256=None, server=server))
    assert "nicht der Server der Bereitstellung" in str(refused.value)
    assert "--pin-sha256" in str(refused.value)
    own = argparse.Namespace(ca_file=None, pin_sha256="cd" * 32, server=server)
    assert _server_and_trust(own) == (server, ServerTrust("pin", None, "cd" * 32))
