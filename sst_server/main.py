"""`sst-server`: run the central store, upgrade its schema, administer teams, staff and devices.

    sst-server migrate
    sst-server serve [--host H] [--port P] [--workers N] [--certfile F --keyfile F]
                     [--next-certfile F] [--plain-http]
    sst-server key-pin CERTFILE
    sst-server admin add-team NAME --programme sst|sst_plus
    sst-server admin add-staff NAME --role R --authority school|social_services [--team ID]
    sst-server admin enrollment-code STAFF_ID
    sst-server admin revoke-device DEVICE_ID
    sst-server admin devices
    sst-server admin purge-due [--programmes FILE] [--dry-run]
    sst-server admin purge-case CASE_ID --rule WHY
    sst-server admin compact --days N
    sst-server admin audit --child STUDENT_ID

Settings come from the environment (see ``sst_server.settings``). Output of admin commands is
JSON on standard output; errors are one line on standard error with exit status 2.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sst_rules.retention import rules_from_programmes
from sst_server import admin, audit, removal, tls
from sst_server.db import make_engine
from sst_server.schema import migrate
from sst_server.settings import load_settings

log = logging.getLogger("sst_server")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sst-server", description="The SST central store.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="create or upgrade the database schema")
    serve = commands.add_parser("serve", help="serve the sync API (migrates first)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--certfile", help="TLS certificate (PEM); omit behind a TLS proxy")
    serve.add_argument("--keyfile", help="TLS private key (PEM)")
    serve.add_argument(
        "--next-certfile",
        action="append",
        default=[],
        help="the certificate that will replace this one: its key is announced to the devices",
    )
    serve.add_argument(
        "--plain-http",
        action="store_true",
        help="serve plain HTTP on a non-loopback address (a TLS proxy on another machine)",
    )
    pin = commands.add_parser("key-pin", help="the key pin of a certificate (PEM)")
    pin.add_argument("certfile")
    admin_parser = commands.add_parser("admin", help="teams, staff, enrollment codes, devices")
    actions = admin_parser.add_subparsers(dest="action", required=True)
    team = actions.add_parser("add-team")
    team.add_argument("name")
    team.add_argument("--programme", required=True, choices=admin.PROGRAMMES)
    person = actions.add_parser("add-staff")
    person.add_argument("name")
    person.add_argument("--role", required=True, choices=admin.ROLES)
    person.add_argument("--authority", required=True, choices=admin.AUTHORITIES)
    person.add_argument("--team")
    code = actions.add_parser("enrollment-code")
    code.add_argument("staff_id")
    revoke = actions.add_parser("revoke-device")
    revoke.add_argument("device_id")
    actions.add_parser("devices")
    due = actions.add_parser("purge-due", help="apply the retention rules (gallring)")
    due.add_argument("--programmes", type=Path, help="programme file with the retention rules")
    due.add_argument("--dry-run", action="store_true", help="count, remove nothing")
    whole = actions.add_parser("purge-case", help="purge one case and what is only its")
    whole.add_argument("case_id")
    whole.add_argument("--rule", required=True, help="why, for the record (e.g. opened_in_error)")
    trail = actions.add_parser("audit", help="the log extract of one child (who, what, when)")
    trail.add_argument("--child", required=True, help="the student's id")
    squeeze = actions.add_parser("compact", help="drop tombstones older than --days")
    squeeze.add_argument("--days", type=int, required=True)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    if args.command == "key-pin":
        print(json.dumps({"pin": tls.key_pin_of(Path(args.certfile))}))
        return 0
    settings = load_settings()
    engine = make_engine(settings.database_url)
    try:
        if args.command == "migrate":
            migrate(engine)
            print(json.dumps({"migrated": True}))
            return 0
        if args.command == "serve":
            return _serve(args, engine)
        return _admin(args, engine)
    except admin.AdminError as error:
        print(f"sst-server: {error}", file=sys.stderr)
        return 2


def _serve(args: argparse.Namespace, engine: Any) -> int:
    import uvicorn

    problem = _tls_problem(args)
    if problem:
        print(f"sst-server: {problem}", file=sys.stderr)
        return 2
    try:
        tls.announce(args.next_certfile, os.environ)  # the workers read it from the environment
    except (ValueError, OSError) as error:
        print(f"sst-server: {error}", file=sys.stderr)
        return 2
    migrate(engine)
    uvicorn.run(
        "sst_server.asgi:app",
        host=args.host,
        port=args.port,
        workers=args.workers,
        ssl_certfile=args.certfile,
        ssl_keyfile=args.keyfile,
        log_level="info",
        access_log=False,  # request lines would carry ids only, but say nothing useful
    )
    return 0


def _tls_problem(args: argparse.Namespace) -> str:
    """Plain HTTP is for loopback (a pilot, or behind a TLS proxy on this machine): the app
    refuses it anywhere else, so serving it on the network is a mistake unless asked for."""
    if bool(args.certfile) != bool(args.keyfile):
        return "give both --certfile and --keyfile, or neither"
    if args.certfile or args.plain_http or args.host in ("127.0.0.1", "::1", "localhost"):
        return ""
    return (
        f"{args.host} is not loopback: serve HTTPS (--certfile, --keyfile), or bind 127.0.0.1 "
        "behind a TLS proxy (--plain-http if the proxy is on another machine)"
    )


def _admin(args: argparse.Namespace, engine: Any) -> int:
    actions: dict[str, Callable[[], Any]] = {
        "add-team": lambda: {"team_id": admin.add_team(engine, args.name, args.programme)},
        "add-staff": lambda: {
            "staff_id": admin.add_staff(engine, args.name, args.role, args.authority, args.team)
        },
        "enrollment-code": lambda: _code(admin.issue_enrollment_code(engine, args.staff_id)),
        "revoke-device": lambda: _revoke(engine, args.device_id),
        "devices": lambda: admin.list_devices(engine),
        "purge-due": lambda: _purge_due(engine, args.programmes, args.dry_run),
        "purge-case": lambda: removal.purge_case(engine, args.case_id, args.rule).by_type,
        "compact": lambda: removal.compact(engine, args.days).by_type,
        "audit": lambda: audit.extract_for_child(engine, args.child),
    }
    migrate(engine)
    print(json.dumps(actions[args.action](), ensure_ascii=False))
    return 0


def _purge_due(engine: Any, programmes: Path | None, dry_run: bool) -> dict[str, int]:
    """Rules of the shipped programme file, or of SST_SERVER_PROGRAMMES or --programmes."""
    path = programmes or Path(os.environ.get("SST_SERVER_PROGRAMMES") or _shipped_programmes())
    try:
        rules = rules_from_programmes(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise admin.AdminError(f"cannot read retention rules from {path}: {error}") from None
    return removal.purge_due(engine, rules, date.today(), dry_run=dry_run).by_type


def _shipped_programmes() -> Path:
    package = Path(__file__).resolve().parent.parent
    for root in (package / "resources", package / "sst_desktop" / "resources"):
        if (root / "programmes" / "default.json").exists():
            return root / "programmes" / "default.json"
    raise admin.AdminError("no programme file shipped here: give --programmes")


def _revoke(engine: Any, device_id: str) -> dict[str, bool]:
    admin.revoke_device(engine, device_id)
    return {"revoked": True}


def _code(issued: admin.IssuedCode) -> dict[str, str]:
    return {"code": issued.code, "expires_at": issued.expires_at.isoformat()}


if __name__ == "__main__":
    sys.exit(main())
