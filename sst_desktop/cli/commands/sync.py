"""`sst sync`: connect this profile to the central store, and sync it.

sst sync connect URL --code CODE   enroll this device with a one-time code from IT (on a
                                   profile already connected there: new credentials and a
                                   new server key pin, everything else kept)
sst sync                           push what waits, pull what changed
sst sync status                    connected?, waiting changes, last success
"""

from __future__ import annotations

import argparse
import platform
import sys
from dataclasses import asdict
from typing import Any

from sst_desktop.cli.common import open_app
from sst_desktop.cli.output import Output
from sst_desktop.sync import client
from sst_desktop.sync.transport import SyncError

EXIT_SYNC = 4


def register(sub: Any) -> None:
    parser = sub.add_parser("sync", help="sync with the central store (connect, status)")
    parser.add_argument("action", nargs="?", choices=("now", "connect", "status"), default="now")
    parser.add_argument("url", nargs="?", help="the server address (connect)")
    parser.add_argument("--code", help="the one-time enrollment code (connect)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: Output) -> int:
    context = open_app(args)
    try:
        return _act(args, out, context.engine)
    except SyncError as error:
        print(f"sst: sync: {error.code}: {error}", file=sys.stderr)
        return EXIT_SYNC
    finally:
        context.close()


def _act(args: argparse.Namespace, out: Output, engine: Any) -> int:
    if args.action == "connect":
        if not args.url or not args.code:
            print("sst: sync connect needs the server address and --code", file=sys.stderr)
            return 2
        staff = client.enroll(engine, args.url, args.code, platform.node())
        out.emit({"connected": True, "staff_id": staff.staff_id}, "Connected.")
        return 0
    if args.action == "status":
        status = client.status(engine)
        out.emit(asdict(status), _status_text(status))
        return 0
    transport = client.connected_transport(engine)
    try:
        report = client.sync_once(engine, transport)
    finally:
        transport.close()
    out.emit(asdict(report), _report_text(report))
    return 0


def _status_text(status: client.SyncStatus) -> str:
    if not status.connected:
        return "Not connected to a server."
    return (
        f"Connected to {status.server_url}; {status.pending} changes waiting; "
        f"last success {status.last_success or 'never'}."
    )


def _report_text(r: client.SyncReport) -> str:
    text = (
        f"pushed {r.pushed} ({r.accepted} accepted, {r.conflicts} with conflicts, "
        f"{r.rejected} refused); pulled {r.pulled}; {r.pending} waiting."
    )
    if r.purged:
        text += f" {r.purged} removed by the retention rules."
    if r.full_resync:
        text += " Away longer than the server keeps deletions: everything was taken again."
    if r.repaired:
        text += f" The check after syncing repaired {r.repaired} records."
    return text
