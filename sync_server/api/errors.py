"""JSON error responses: every 4xx and 5xx is a ``wire.ErrorResponse`` with a stable code and a
German message the desktop can show as it is. Bad input never becomes a 500."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from kim_protocol.wire import ErrorResponse

log = logging.getLogger("kim_server.errors")

#: Status codes of plain HTTP errors (routing, methods) and their stable codes and messages.
_HTTP_ERRORS: dict[int, tuple[str, str]] = {
    400: ("bad_request", "Die Anfrage ist ungültig."),
    401: ("unauthenticated", "Anmeldung erforderlich."),
    403: ("forbidden", "Zugriff verweigert."),
    404: ("not_found", "Diese Adresse gibt es nicht."),
    405: ("method_not_allowed", "Diese Methode ist hier nicht erlaubt."),
    406: ("not_acceptable", "Dieses Antwortformat wird nicht unterstützt."),
    413: ("body_too_large", "Die Anfrage ist zu groß."),
    415: ("unsupported_media_type", "Dieses Format wird nicht unterstützt."),
    429: ("rate_limited", "Zu viele Anfragen. Bitte später erneut versuchen."),
}


class ApiError(Exception):
    """An error the client caused or must react to; becomes an ``ErrorResponse``."""

    def __init__(
        self, status: int, code: str, message: str, *, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    body = ErrorResponse(code=code, message=message).model_dump()
    return JSONResponse(body, status_code=status, headers=headers)


def _field_path(location: tuple[Any, ...]) -> str:
    parts = [str(p) for p in location if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "Anfrage"


async def _on_api_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ApiError)
    return error_response(error.status, error.code, error.message, error.headers)


async def _on_validation_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    errors = error.errors()
    if any(e.get("type") == "json_invalid" for e in errors):
        return error_response(
            400, "malformed_json", "Der Inhalt der Anfrage ist kein gültiges JSON."
        )
    # Name the fields, never echo the values: they may be ciphertext or personal data.
    fields = sorted({_field_path(tuple(e.get("loc", ()))) for e in errors})[:10]
    return error_response(
        422, "invalid_request", "Die Anfrage ist ungültig (Felder: " + ", ".join(fields) + ")."
    )


async def _on_http_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    code, message = _HTTP_ERRORS.get(
        error.status_code, ("http_error", "Die Anfrage ist fehlgeschlagen.")
    )
    return error_response(error.status_code, code, message, getattr(error, "headers", None))


async def _on_data_error(_request: Request, error: Exception) -> JSONResponse:
    # The database refused a value the schema let through (e.g. a NUL character in a text on
    # PostgreSQL): the client's fault, and the transaction was rolled back.
    assert isinstance(error, DataError)
    log.info("value refused by the database: %s", type(error.orig).__name__)
    return error_response(
        422, "invalid_value", "Die Anfrage enthält einen Wert, der nicht gespeichert werden kann."
    )


async def _on_database_unavailable(_request: Request, error: Exception) -> JSONResponse:
    log.error("database error: %s", type(error).__name__)
    return error_response(
        503,
        "unavailable",
        "Der Server ist vorübergehend nicht erreichbar. Bitte später erneut versuchen.",
    )


async def _on_unexpected(_request: Request, error: Exception) -> JSONResponse:
    log.exception("unexpected error: %s", type(error).__name__)
    return error_response(
        500, "internal_error", "Interner Serverfehler. Bitte später erneut versuchen."
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _on_api_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(DataError, _on_data_error)
    app.add_exception_handler(OperationalError, _on_database_unavailable)
    app.add_exception_handler(Exception, _on_unexpected)


#: The error responses every route may give, for the OpenAPI schema.
COMMON_ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    **{
        status: {"model": ErrorResponse, "description": message}
        for status, (_code, message) in _HTTP_ERRORS.items()
    },
    422: {"model": ErrorResponse, "description": "Die Anfrage ist ungültig."},
    503: {"model": ErrorResponse, "description": "Vorübergehend nicht erreichbar."},
}
