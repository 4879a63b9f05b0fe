"""The device child of the sync kill-point test (``test_sync_faults.py``).

``python sync_child.py --serve`` is a fork server, as ``writer_process.py`` of the R1 harness
(``bench/kill_points.py``): it imports everything once, then for each stdin line
``RUN <profile folder> <kill at> <push batch> <pull page>`` forks one child, prints
``PID <pid>``, waits for it and prints ``EXIT <pid> <wait status>``.

The child opens the profile as the app does, runs one ``sync_once`` and numbers the events of
the round, writing ``EV <n> <phase> <kind> <detail>`` to stdout (one ``write(2)`` each, so a
kill never tears a line) before each happens:

    send <path>     an HTTP request is about to go out
    answer <path>   the server's status line and headers arrived; the body is not read yet
                    (the server has done the work, the device does not know the outcome)
    sql <verb>      a statement is about to run on the profile
    commit          a local transaction is about to commit

``phase`` is the part of the round (push, audit, pull, check, token) the last request
belonged to; a refresh (from the refused call's answer to storing the new tokens) is the
phase ``token``. At event number
``kill at`` the child sends itself SIGKILL: no ``finally``, no flush, no rollback, as when the
battery dies or the task manager ends the app. A round that ends prints ``DONE <events>``, or
``FAIL <code>`` after a ``SyncError``. Push batches and pull pages are made small (a few
records) so one round has several of each to be killed between.
"""

from __future__ import annotations

import os
import signal
import sys
import traceback
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event

from sst_desktop.app_context import open_context
from sst_desktop.sync import client
from sst_desktop.sync.transport import SyncError

PASSPHRASE = "sync test passphrase, long enough"  # as ``laptops.PASSPHRASE``
PHASES = {
    "/v1/push": "push",
    "/v1/audit": "audit",
    "/v1/pull": "pull",
    "/v1/digest": "check",
    "/v1/inventory": "check",
    "/v1/fetch": "check",
    "/v1/token": "token",
}


def _emit(line: str) -> None:
    os.write(1, (line + "\n").encode("utf-8"))


class Killer:
    """Numbers the events of one round and dies at the chosen one."""

    def __init__(self, kill_at: int) -> None:
        self.kill_at, self.count = kill_at, 0
        self.phase = "push"  # the outbox is read before the first request

    def tick(self, kind: str, detail: str) -> None:
        self.count += 1
        _emit(f"EV {self.count} {self.phase} {kind} {detail}")
        if self.count == self.kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    def request(self, request: httpx.Request) -> None:
        self.phase = PHASES.get(request.url.path, "other")
        self.tick("send", request.url.path)

    def response(self, response: httpx.Response) -> None:
        if response.status_code == 401:  # the access token ran out: a refresh follows
            self.phase = "token"
        self.tick("answer", response.request.url.path)

    def statement(self, *args: Any) -> None:
        statement = str(args[2]).lstrip()
        self.tick("sql", statement.split(None, 1)[0].upper() if statement else "-")

    def commit(self, _conn: Any) -> None:
        self.tick("commit", "-")


def run_round(folder: Path, kill_at: int, push_batch: int, pull_page: int) -> int:
    client.PUSH_BATCH, client.PULL_PAGE = push_batch, pull_page
    context = open_context(folder, PASSPHRASE, full_check=False)
    transport = client.connected_transport(context.engine)
    killer = Killer(kill_at)
    event.listen(context.engine, "before_cursor_execute", killer.statement)
    event.listen(context.engine, "commit", killer.commit)
    transport._http.event_hooks = {"request": [killer.request], "response": [killer.response]}
    try:
        # compare with the server every round, as the other sync tests do, so the sanity
        # check is killed too
        client.sync_once(context.engine, transport, check_every=timedelta(0))
    except SyncError as error:
        _emit(f"FAIL {error.code}")
        return 0
    finally:
        transport.close()
        context.close()
    killer.phase = "end"
    _emit(f"DONE {killer.count}")
    return 0


def serve() -> int:
    """Fork one round per ``RUN`` line from stdin; stop at end of input or ``QUIT``."""
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] == "QUIT":
            break
        _, folder, kill_at, push_batch, pull_page = parts
        pid = os.fork()
        if pid == 0:  # the child: never return into the server loop
            code = 1
            try:
                code = run_round(Path(folder), int(kill_at), int(push_batch), int(pull_page))
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(code)
        _emit(f"PID {pid}")
        _, status = os.waitpid(pid, 0)
        _emit(f"EXIT {pid} {status}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] != ["--serve"]:
        print("usage: sync_child.py --serve", file=sys.stderr)
        sys.exit(2)
    sys.exit(serve())
