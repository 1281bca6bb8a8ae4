"""Every server address the one rule takes reaches the network; every other one is refused in
German when it is read. Nothing in between ends enrollment in a traceback.

The network step is cut at name resolution (``socket.getaddrinfo``): everything the HTTP
client does with the address before that (requests' and urllib3's parsing and IDNA encoding,
the connection's own ``host.encode("idna")``) runs for real.
"""

from __future__ import annotations

import socket
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from kim_desktop.sync.enroll import enroll
from kim_desktop.sync.http import OfflineError, RefusedError
from kim_protocol.server_url import ServerUrlError, check_server_url

Databases = Callable[[str], Callable[[], Session]]


@pytest.fixture
def no_name_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    def unresolvable(*args: object, **kwargs: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "not resolved in this test")

    monkeypatch.setattr(socket, "getaddrinfo", unresolvable)
    for variable in ("HTTPS_PROXY", "https_proxy"):
        monkeypatch.delenv(variable, raising=False)


def _enroll_or_refuse(sessions: Callable[[], Session], url: str) -> str:
    """``refused`` when the rule refuses ``url``, ``offline`` when enrollment got as far as
    the network; anything else raises."""
    try:
        check_server_url(url)
    except ServerUrlError:
        with sessions() as session, pytest.raises(RefusedError):
            enroll(session, server_url=url, code="AAAA-BBBB-CCCC")
        return "refused"
    with sessions() as session, pytest.raises(OfflineError):
        enroll(session, server_url=url, code="AAAA-BBBB-CCCC")
    return "offline"


@pytest.mark.parametrize(("host", "outcome"), [
    # Taken by the rule on main, then a traceback at enrollment:
    ("kim.example\u3002de", "refused"),  # ideographic full stop
    ("a" * 64 + ".example", "refused"),
    # Other look-alike dots and names the client cannot encode:
    ("kim.example\uff0ede", "refused"),  # full-width full stop
    ("kim.example\uff61de", "refused"),  # half-width ideographic full stop
    ("kim..example", "refused"),
    (".kim.example", "refused"),
    ("*.example", "refused"),
    ("kim.example;evil.example", "refused"),
    ('kim.example"', "refused"),
    ("-kim.example", "refused"),
    ("\u2603.example", "refused"),  # a snowman: no IDNA 2008 letter
    ("\uff4b\uff49\uff4d.example", "refused"),  # full-width letters
    ("e\u0301x.example", "refused"),  # a combining accent not composed (not NFC)
    (".".join(["a" * 63] * 4), "refused"),  # 255 characters
    # Names and addresses that reach the network:
    ("kim.example", "offline"),
    ("KIM.Example.", "offline"),
    ("a" * 63 + ".example", "offline"),
    (".".join(["a" * 63] * 3 + ["a" * 61]), "offline"),  # 253 characters
    ("b\u00fccher.example", "offline"),
    ("xn--bcher-kva.example", "offline"),
    ("fa\u00df.example", "offline"),
    ("kim_sync.kreis.example", "offline"),
    ("10.1.2.3", "offline"),
    ("[2001:db8::1]", "offline"),
])
def test_odd_hosts_are_refused_or_reach_the_network(
    host: str, outcome: str, local_db: Databases, no_name_resolution: None
) -> None:
    assert _enroll_or_refuse(local_db("a"), f"https://{host}:8443/") == outcome


DOTS = st.sampled_from([".", ".", ".", "\u3002", "\uff0e", "\uff61"])
LABELS = st.text(alphabet="aZ9-_\u00fc\u00df\u044f\u0301\u2603\uff4b*;\"", min_size=0,
                 max_size=70)


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(labels=st.lists(st.tuples(LABELS, DOTS), min_size=1, max_size=5),
       trailing_slash=st.booleans())
def test_no_host_the_rule_takes_ends_enrollment_in_a_traceback(
    labels: list[tuple[str, str]], trailing_slash: bool, local_db: Databases,
    no_name_resolution: None
) -> None:
    host = "".join(label + dot for label, dot in labels)[:-1]
    url = f"https://{host}" + ("/" if trailing_slash else "")
    _enroll_or_refuse(local_db("a"), url)

