"""TLS: the provisioned CA certificate is trusted, an unknown certificate is refused clearly,
and the device token never travels anywhere but in the Authorization header."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from kim_desktop.sync.client import SyncClient
from kim_desktop.sync.enroll import enroll
from kim_desktop.sync.http import RefusedError
from kim_desktop.sync.state import load_state
from tests.server.conftest import Admin, ServerProcess
from tests.server.test_server_process import _self_signed
from tests.sync.conftest import FAST_RETRY
from tests.sync.helpers import add_consultations


def test_sync_over_tls_with_the_provisioned_ca(
    tmp_path: Path, local_db: Callable[[str], Callable[[], Session]]
) -> None:
    key, cert = _self_signed(tmp_path)
    server = ServerProcess(f"sqlite:///{tmp_path / 'tls.db'}",
                           extra=["--ssl-keyfile", str(key), "--ssl-certfile", str(cert)])
    server.start()
    admin = Admin(server.db_url)
    try:
        office_id = admin.office()
        sessions = local_db("a")
        with sessions() as session, pytest.raises(RefusedError, match="nicht vertrauenswürdig"):
            enroll(session, server_url=server.url, code=admin.code(office_id))
        with sessions() as session:
            assert load_state(session) is None
            enroll(session, server_url=server.url, code=admin.code(office_id),
                   ca_file=str(cert))
            token = load_state(session).device_token  # type: ignore[union-attr]
        add_consultations(sessions, 2, random.Random(9))
        assert SyncClient(sessions, retry=FAST_RETRY).run().pushed == 2
        assert token not in "".join(server.log)
    finally:
        server.stop()
        admin.engine.dispose()
