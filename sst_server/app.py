"""The central store's HTTP API. Stateless: everything lives in the database, so any number of
processes can serve behind a load balancer. Every answer is JSON with ``protocol``; every refusal
an ``ErrorBody`` whose ``code`` the desktop app translates for the user."""

from __future__ import annotations

import logging
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.engine import Engine
from starlette.types import ASGIApp, Receive, Scope, Send

from sst_desktop.sync.protocol import (
    MAX_BODY_BYTES,
    MIN_PROTOCOL,
    PROTOCOL,
    EnrollRequest,
    EnrollResponse,
    Envelope,
    ErrorBody,
    HealthResponse,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    RefreshRequest,
    TokenResponse,
)
from sst_server import devices, tls
from sst_server.db import make_engine
from sst_server.pull import pull
from sst_server.push import push
from sst_server.scope import Staff
from sst_server.settings import ServerSettings, load_settings

log = logging.getLogger(__name__)
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (400, 401, 403, 413, 422, 426)
}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(ErrorBody(code=code, message=message).model_dump(), status_code=status)


def _unsupported(version: object) -> ApiError:
    return ApiError(
        426,
        "protocol_unsupported",
        f"Protocol version {version} is not supported (this server speaks {MIN_PROTOCOL}-"
        f"{PROTOCOL}). Update SST Desktop.",
    )


class BodyLimit:
    """Refuse a body over the limit before reading it all (declared or streamed)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _error(413, "body_too_large", "The request body is too large.")(
                scope, receive, send
            )
            return
        seen = 0

        async def limited() -> Any:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise ApiError(413, "body_too_large", "The request body is too large.")
            return message

        await self.app(scope, limited, send)


def calling(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> tuple[Staff, str]:
    """The staff member and device behind the bearer token (checked against revocation)."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise devices.AuthError("token_missing")
    return devices.caller(request.app.state.engine, request.app.state.settings, token)


Caller = Annotated[tuple[Staff, str], Depends(calling)]


def create_app(settings: ServerSettings | None = None, engine: Engine | None = None) -> FastAPI:
    settings = settings or load_settings()
    engine = engine or make_engine(settings.database_url)
    app = FastAPI(title="SST central store", version=str(PROTOCOL), responses=ERRORS)
    app.state.engine, app.state.settings = engine, settings
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, error: ApiError) -> JSONResponse:
        return _error(error.status, error.code, error.message)

    @app.exception_handler(devices.AuthError)
    async def auth_error(_request: Request, error: devices.AuthError) -> JSONResponse:
        status = 403 if error.code == "device_revoked" else 401
        return _error(status, error.code, "Not allowed: " + error.code.replace("_", " ") + ".")

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        body = error.body
        if isinstance(body, dict) and not _version_ok(body.get("protocol", PROTOCOL)):
            unsupported = _unsupported(body.get("protocol"))
            return _error(unsupported.status, unsupported.code, unsupported.message)
        where = "; ".join(
            ".".join(str(p) for p in e.get("loc", ())) + ": " + str(e.get("msg", ""))
            for e in error.errors()[:5]
        )
        return _error(422, "malformed_request", f"The request does not match the protocol: {where}")

    def checked(envelope: Envelope) -> None:
        if not _version_ok(envelope.protocol):
            raise _unsupported(envelope.protocol)

    announced = list(tls.next_pins())  # read once: a bad value stops the server at start

    @app.get("/v1/health")
    def health() -> HealthResponse:
        return HealthResponse(status="ok", next_pins=announced)

    @app.post("/v1/enroll")
    def enroll(request: EnrollRequest) -> EnrollResponse:
        checked(request)
        return devices.enroll(engine, settings, request.code, request.device_name)

    @app.post("/v1/token")
    def token(request: RefreshRequest) -> TokenResponse:
        checked(request)
        return devices.refresh(engine, settings, request.device_id, request.refresh_token)

    @app.post("/v1/push")
    def push_batch(request: PushRequest, who: Caller) -> PushResponse:
        checked(request)
        staff, device_id = who
        return PushResponse(results=push(engine, staff, device_id, list(request.mutations)))

    @app.post("/v1/pull")
    def pull_page(request: PullRequest, who: Caller) -> PullResponse:
        checked(request)
        staff, _device_id = who
        try:
            return pull(engine, staff, request.cursor, request.limit, date.today())
        except ValueError as error:
            raise ApiError(400, "malformed_cursor", str(error)) from None

    return app


def _version_ok(version: object) -> bool:
    return isinstance(version, int) and MIN_PROTOCOL <= version <= PROTOCOL
