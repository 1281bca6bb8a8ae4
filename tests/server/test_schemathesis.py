"""Property-based requests from the served OpenAPI schema: never a server error.

Schemathesis generates requests that fit the schema and requests that do not, for every route
(bounded, so this stays well under a minute), and sends them with a valid device token to the
real ASGI app.
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.generation.modes import GenerationMode

from sync_server.app import create_app
from tests.server.conftest import Admin, enroll_with, settings_for

#: Server errors above all; also documented status codes, content types and response shapes.
#: Not "valid data is accepted" (a well-formed handshake with an unknown protocol version is
#: rightly refused with 426) nor "invalid data is refused" (unknown query parameters are
#: ignored, and the device token is always sent).
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_server_errors(db_url: str, admin: Admin, mode: GenerationMode) -> None:
    app = create_app(settings_for(db_url))
    with TestClient(app) as client:
        device = enroll_with(client, admin.code(admin.office()))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)

    @given(case=schema.as_strategy(generation_mode=mode))
    @settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(headers=device.headers, checks=CHECKS)

    check()
