"""The central store's HTTP API. Stateless: everything lives in the database, so any number of
processes can serve behind a load balancer (only the general rate limit counts per process, see
``ratelimit``). Every answer is JSON with ``protocol``; every refusal an ``ErrorBody`` whose
``code`` the desktop app translates for the user."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.engine import Engine
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from sst_desktop.sync.protocol import (
    MAX_BODY_BYTES,
    MIN_PROTOCOL,
    PROTOCOL,
    AuditPushRequest,
    AuditPushResponse,
    BlobStatus,
    BlobStatusRequest,
    ChunkRequest,
    ChunkResponse,
    ChunkUpload,
    DigestRequest,
    DigestResponse,
    EnrollRequest,
    EnrollResponse,
    Envelope,
    ErrorBody,
    FetchRequest,
    FetchResponse,
    HealthResponse,
    InventoryRequest,
    InventoryResponse,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    RefreshRequest,
    TokenResponse,
)
from sst_server import audit, blobs, devices, digest, tls, wire_checks
from sst_server.db import make_engine
from sst_server.pull import pull
from sst_server.push import push
from sst_server.ratelimit import RateLimit
from sst_server.row_security import acting_for
from sst_server.scope import Staff
from sst_server.settings import ServerSettings, load_settings
from sst_server.throttle import Throttle, TooManyAttempts

log = logging.getLogger(__name__)
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (400, 401, 403, 413, 422, 426, 429)
}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _error(
    status: int, code: str, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    body = ErrorBody(code=code, message=message).model_dump()
    return JSONResponse(body, status_code=status, headers=headers)


class BodyTooLarge(HTTPException):
    """Raised while a body streams in. An HTTPException, because FastAPI's body reader passes
    those on and turns any other exception into a bare 400."""

    def __init__(self) -> None:
        super().__init__(413, "The request body is too large.")


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
                raise BodyTooLarge()
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
    app = FastAPI(
        title="SST central store",
        version=str(PROTOCOL),
        responses=ERRORS,
        dependencies=[Depends(wire_checks.unicode_only)],
    )
    app.state.engine, app.state.settings = engine, settings
    throttle = Throttle(engine, settings)
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)
    # Added last, so it runs first: a client over its limit costs no body read.
    app.add_middleware(RateLimit, per_minute=settings.requests_per_minute, secret=settings.secret)
    _add_error_handlers(app)

    def checked(envelope: Envelope) -> None:
        if not _version_ok(envelope.protocol):
            raise _unsupported(envelope.protocol)

    announced = list(tls.next_pins())  # read once: a bad value stops the server at start

    @app.get("/v1/health")
    def health() -> HealthResponse:
        return HealthResponse(status="ok", next_pins=announced)

    @app.post("/v1/enroll")
    def enroll(request: EnrollRequest, http: Request) -> EnrollResponse:
        checked(request)
        with throttle.guarding(throttle.keys(_address(http)), "enrollment"):
            return devices.enroll(engine, settings, request.code, request.device_name)

    @app.post("/v1/token")
    def token(request: RefreshRequest, http: Request) -> TokenResponse:
        checked(request)
        with throttle.guarding(throttle.keys(_address(http), request.device_id), "refresh"):
            return devices.refresh(
                engine,
                settings,
                request.device_id,
                request.refresh_token,
                request.next_refresh_token,
            )

    # The two busiest answers are serialised by pydantic straight to JSON: FastAPI would check
    # the model it was just given and encode it again (the schema still names the model).
    @app.post("/v1/push", response_model=PushResponse)
    def push_batch(request: PushRequest, who: Caller) -> Response:
        checked(request)
        wire_checks.distinct_mutations(request)
        staff, device_id = who
        with acting_for(staff.team_id):
            results = push(engine, staff, device_id, list(request.mutations))
        return _json(PushResponse(results=results))

    @app.post("/v1/pull", response_model=PullResponse)
    def pull_page(request: PullRequest, who: Caller) -> Response:
        checked(request)
        staff, _device_id = who
        try:
            with acting_for(staff.team_id):
                return _json(pull(engine, staff, request.cursor, request.limit, date.today()))
        except ValueError as error:
            raise ApiError(400, "malformed_cursor", str(error)) from None

    @app.post("/v1/audit")
    def audit_events(request: AuditPushRequest, who: Caller) -> AuditPushResponse:
        checked(request)
        wire_checks.readable_times(request)
        return audit.receive(engine, who[1], list(request.events))

    @app.post("/v1/digest")
    def digest_of_reach(request: DigestRequest, who: Caller) -> DigestResponse:
        checked(request)
        try:
            with acting_for(who[0].team_id):
                return digest.digest(engine, who[0], request.cursor, date.today())
        except ValueError as error:
            raise ApiError(400, "malformed_cursor", str(error)) from None

    @app.post("/v1/inventory")
    def inventory_page(request: InventoryRequest, who: Caller) -> InventoryResponse:
        checked(request)
        with acting_for(who[0].team_id):
            return digest.inventory(
                engine, who[0], request.entity_type, request.after, request.limit, date.today()
            )

    @app.post("/v1/fetch")
    def fetch_records(request: FetchRequest, who: Caller) -> FetchResponse:
        checked(request)
        with acting_for(who[0].team_id):
            return digest.fetch(engine, who[0], list(request.ids), date.today())

    # Large items (see ``blobs``): any staff member of a team may send a file's chunks; only a
    # reader of an attachment record naming the file gets them back.
    @app.post("/v1/blobs/status")
    def blob_status(request: BlobStatusRequest, who: Caller) -> BlobStatus:
        checked(request)
        return blobs.status(engine, who[0], request.sha256)

    @app.post("/v1/blobs/chunk")
    def blob_chunk(request: ChunkUpload, who: Caller) -> BlobStatus:
        checked(request)
        return blobs.receive(engine, who[0], request)

    @app.post("/v1/blobs/download", responses={409: {"model": ErrorBody}})
    def blob_download(request: ChunkRequest, who: Caller) -> ChunkResponse:
        checked(request)
        with acting_for(who[0].team_id):
            return blobs.chunk(engine, who[0], request, date.today())

    return app


def _add_error_handlers(app: FastAPI) -> None:
    """Every refusal as an ``ErrorBody``, whatever raised it."""

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, error: ApiError) -> JSONResponse:
        return _error(error.status, error.code, error.message)

    @app.exception_handler(blobs.Refused)
    async def blob_refused(_request: Request, error: blobs.Refused) -> JSONResponse:
        return _error(error.status, error.code, error.message)

    @app.exception_handler(devices.AuthError)
    async def auth_error(_request: Request, error: devices.AuthError) -> JSONResponse:
        status = 403 if error.code == "device_revoked" else 401
        return _error(status, error.code, "Not allowed: " + error.code.replace("_", " ") + ".")

    @app.exception_handler(wire_checks.Malformed)
    async def malformed(_request: Request, error: wire_checks.Malformed) -> JSONResponse:
        return _error(422, "malformed_request", str(error))

    @app.exception_handler(TooManyAttempts)
    async def throttled(_request: Request, error: TooManyAttempts) -> JSONResponse:
        message = "Too many failed attempts from here; try again later."
        retry = {"Retry-After": str(error.retry_after)}
        return _error(429, "too_many_attempts", message, retry)

    @app.exception_handler(BodyTooLarge)
    async def too_large(_request: Request, _error_: BodyTooLarge) -> JSONResponse:
        return _error(413, "body_too_large", "The request body is too large.")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        if isinstance(error.__cause__, ValueError):  # FastAPI could not read the body (not UTF-8)
            return _error(422, "malformed_request", "The request body is not JSON in UTF-8.")
        code = {404: "not_found", 405: "method_not_allowed"}.get(error.status_code, "http_error")
        return _error(error.status_code, code, str(error.detail), error.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        return _invalid(error)

    @app.exception_handler(Exception)
    async def crashed(_request: Request, _error_: Exception) -> JSONResponse:
        # The stack still goes to the server's log; the client learns nothing of it.
        return _error(500, "internal_error", "The server failed; try again later.")


def _invalid(error: RequestValidationError) -> JSONResponse:
    body = error.body
    version = body.get("protocol", PROTOCOL) if isinstance(body, dict) else PROTOCOL
    # A number out of range is a newer (or older) app; anything else is just malformed.
    if isinstance(version, int) and not _version_ok(version):
        unsupported = _unsupported(version)
        return _error(unsupported.status, unsupported.code, unsupported.message)
    where = "; ".join(
        ".".join(str(p) for p in e.get("loc", ())) + ": " + str(e.get("msg", ""))
        for e in error.errors()[:5]
    )
    return _error(422, "malformed_request", f"The request does not match the protocol: {where}")


def _address(request: Request) -> str:
    """The client's address; behind a proxy, uvicorn puts the forwarded one here when the proxy
    is trusted (FORWARDED_ALLOW_IPS, loopback by default)."""
    return request.client.host if request.client else "unknown"


def _json(answer: Envelope) -> Response:
    return Response(answer.model_dump_json(), media_type="application/json")


def _version_ok(version: object) -> bool:
    return isinstance(version, int) and MIN_PROTOCOL <= version <= PROTOCOL
