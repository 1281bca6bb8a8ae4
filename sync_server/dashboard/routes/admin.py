"""The administrator's pages: offices and devices, revoking a device."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from kim_protocol.catalogs import default_catalogs
from sync_server.dashboard import security
from sync_server.dashboard.rendering import render
from sync_server.dashboard.routes.pages import OptionalFormText, dashboard_router, nav, page
from sync_server.dashboard.security import Admin, SessionDep
from sync_server.services.devices import (
    DeviceError,
    device_state,
    list_devices,
    list_offices,
    revoke_device,
)

router = dashboard_router()


@router.get("/admin")
def admin_page(request: Request, user: Admin, session: SessionDep) -> Response:
    offices = list_offices(session)
    devices = list_devices(session)
    session.rollback()
    names = {o.id: o.name for o in offices}
    return page("admin.html", user, request, offices=offices, devices=devices,
                office_names=names, catalogs=default_catalogs(), device_state=device_state)


@router.post("/admin/geraete/{device_id}/sperren")
def revoke(
    device_id: str,
    user: Admin,
    session: SessionDep,
    csrf: OptionalFormText = None,
    wipe: OptionalFormText = None,
) -> Response:
    security.check_csrf(user, csrf)
    try:
        revoke_device(session, device_id=device_id, wipe=wipe == "1", actor=f"user:{user.name}")
    except DeviceError as error:
        session.rollback()
        return render("message.html", error.status, user=user, nav=nav(user),
                      title="Nicht gesperrt", message=error.message)
    session.commit()
    return RedirectResponse("/dashboard/admin", status_code=303)
