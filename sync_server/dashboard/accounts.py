"""Managing dashboard accounts (``kim-server user``): list, disable and enable, a new password,
delete, and the municipalities a coordinator may see (also in ``kim-server report export
--user``).

Every function raises :class:`~sync_server.dashboard.auth.LoginError` with a German message
for an unknown name or input that cannot be used. Disabling, a new password and deletion end
the account's sessions at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kim_protocol.catalogs import default_catalogs
from sync_server.dashboard import auth
from sync_server.dashboard.models import (
    DashboardSession,
    DashboardUser,
    DashboardUserMunicipality,
    Role,
)
from sync_server.db import utcnow


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    #: Codes; empty: the whole Kreis.
    municipalities: tuple[str, ...]
    totp: bool
    created_at: dt.datetime
    disabled_at: dt.datetime | None
    locked_until: dt.datetime | None

    def state(self, now: dt.datetime) -> str:
        if self.disabled_at is not None:
            return "deaktiviert"
        if self.locked_until is not None and self.locked_until > now:
            return "gesperrt (Fehlversuche)"
        return "aktiv"


def find(session: Session, name: str) -> DashboardUser:
    user = session.scalar(select(DashboardUser).where(DashboardUser.name == name.strip()))
    if user is None:
        raise auth.LoginError(
            f"Ein Konto „{name.strip()[:100]}“ gibt es nicht. `kim-server user list` zeigt "
            "alle Konten.")
    return user


def municipalities_of(session: Session, user_id: int) -> tuple[str, ...]:
    codes = default_catalogs().municipalities.codes()
    chosen = set(session.scalars(select(DashboardUserMunicipality.municipality).where(
        DashboardUserMunicipality.user_id == user_id)))
    return tuple(c for c in codes if c in chosen) + tuple(sorted(chosen - set(codes)))


def report_scope(session: Session, *, name: str) -> frozenset[str] | None:
    """The municipalities the account ``name`` sees in the reports, as on the dashboard (None:
    the whole Kreis). Refused for an admin, who sees no reports, and for a disabled account,
    which logs in no more."""
    user = find(session, name)
    if user.role != Role.COORDINATOR.value:
        raise auth.LoginError(
            f"Das Konto {user.name} ist ein Admin-Konto und sieht keine Auswertungen.")
    if user.disabled_at is not None:
        raise auth.LoginError(f"Das Konto {user.name} ist deaktiviert.")
    return frozenset(municipalities_of(session, user.id)) or None


def accounts(session: Session) -> list[Account]:
    return [
        Account(user.name, user.role, municipalities_of(session, user.id),
                user.totp_secret is not None, user.created_at, user.disabled_at,
                user.locked_until)
        for user in session.scalars(select(DashboardUser).order_by(DashboardUser.name))
    ]


def _end_sessions(session: Session, user: DashboardUser) -> None:
    session.execute(delete(DashboardSession).where(DashboardSession.user_id == user.id))


def disable(session: Session, *, name: str) -> DashboardUser:
    user = find(session, name)
    if user.disabled_at is None:
        user.disabled_at = utcnow()
    _end_sessions(session, user)
    return user


def enable(session: Session, *, name: str) -> DashboardUser:
    user = find(session, name)
    user.disabled_at = None
    return user


def reset_password(session: Session, *, name: str, password: str) -> DashboardUser:
    """A new password; the lockout and the failed attempts are cleared."""
    user = find(session, name)
    auth.set_password(user, password)
    user.failed_attempts, user.locked_until = 0, None
    _end_sessions(session, user)
    return user


def remove(session: Session, *, name: str) -> str:
    user = find(session, name)
    _end_sessions(session, user)
    session.execute(delete(DashboardUserMunicipality).where(
        DashboardUserMunicipality.user_id == user.id))
    session.delete(user)
    return user.name


def municipality_codes(names: Sequence[str]) -> list[str]:
    """Catalog codes for what an admin typed (a code or a name, any case), in order, once."""
    known: dict[str, str] = {}
    for entry in default_catalogs().municipalities:
        known[entry.code.casefold()] = known[entry.label.casefold()] = entry.code
    codes: list[str] = []
    for typed in names:
        code = known.get(typed.strip().casefold())
        if code is None:
            raise auth.LoginError(
                f"Die Kommune „{typed.strip()[:64]}“ ist nicht bekannt. Bekannt sind: "
                + ", ".join(e.label for e in default_catalogs().municipalities) + ".")
        if code not in codes:
            codes.append(code)
    return codes


def limit_to(session: Session, *, name: str, municipalities: Sequence[str]) -> DashboardUser:
    """Limits a coordinator to ``municipalities`` (codes or names); an empty list lifts the
    limit. Every page reads the limit anew, so it holds for open sessions from their next
    request on."""
    user = find(session, name)
    codes = municipality_codes(municipalities)
    if codes and user.role != Role.COORDINATOR.value:
        raise auth.LoginError(
            "Nur Koordinationskonten (coordinator) lassen sich auf Kommunen beschränken.")
    session.execute(delete(DashboardUserMunicipality).where(
        DashboardUserMunicipality.user_id == user.id))
    session.add_all(DashboardUserMunicipality(user_id=user.id, municipality=code)
                    for code in codes)
    return user
