"""The real central store for tests and benchmarks: a fresh database on either back end (a
SQLite file, or a database of its own on this machine's PostgreSQL), migrated, served by uvicorn
in a subprocess on a loopback port."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg
from sqlalchemy import delete
from sqlalchemy.engine import Engine, make_url

import sst_server.throttle  # noqa: F401 - its table on the metadata, to be cleared too
from sst_server.db import feed_counter, make_engine, metadata
from sst_server.schema import migrate

PG_ADMIN = os.environ.get("SST_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
SECRET = "test-secret-not-for-production-0123456789"
APP_ROLE = "sst_app_test"  # owns the test databases; not a superuser


@dataclass
class Server:
    url: str
    engine: Engine
    backend: str
    env: dict[str, str]

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30)

    def clear(self) -> None:
        """Every row gone, as on a server just migrated, without migrating or restarting it
        (the feed counter goes on rising: versions are never handed out twice). For tests that
        run many independent examples against one server: each starts from nothing, and what
        an example costs no longer grows with the examples before it."""
        with self.engine.begin() as conn:
            for table in reversed(metadata.sorted_tables):
                if table is not feed_counter:
                    conn.execute(delete(table))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(
    database_url: str, tmp_path: Path, workers: int = 1
) -> tuple[subprocess.Popen[bytes], str, dict[str, str]]:
    port = _free_port()
    env = {
        **os.environ,
        "SST_SERVER_DATABASE_URL": database_url,
        "SST_SERVER_SECRET": SECRET,
        "SST_SERVER_DATA_DIR": str(tmp_path / "server-data"),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sst_server.main",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(tmp_path / f"server-{port}.log", "wb"),  # noqa: SIM115 - closed with the process
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError((tmp_path / f"server-{port}.log").read_text())
        try:
            if httpx.get(url + "/v1/health", timeout=1).status_code == 200:
                return process, url, env
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the server did not start in 30 s")


def serve(backend: str, tmp_path: Path, workers: int = 1) -> Iterator[Server]:
    gen = database(backend, tmp_path)
    database_url = next(gen)
    engine = make_engine(database_url)
    migrate(engine)
    process, url, env = start_server(database_url, tmp_path, workers)
    try:
        yield Server(url, engine, backend, env)
    finally:
        process.terminate()
        process.wait(10)
        engine.dispose()
        next(gen, None)


def database(backend: str, tmp_path: Path) -> Iterator[str]:
    """A fresh database URL. On PostgreSQL the database belongs to an ordinary role and the
    server connects as it, as in production: a superuser would pass row-level security by."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'server.db'}"
        return
    name = f"sst_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        _ensure_app_role(conn)
        conn.execute(f'CREATE DATABASE "{name}" OWNER "{APP_ROLE}"')
    try:
        url = make_url(PG_ADMIN).set(
            drivername="postgresql+psycopg", username=APP_ROLE, password=None, database=name
        )
        yield url.render_as_string(hide_password=False)
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _ensure_app_role(conn: psycopg.Connection[tuple[object, ...]]) -> None:
    exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (APP_ROLE,)).fetchone()
    if exists:
        return
    # Another test worker may make it first.
    with contextlib.suppress(psycopg.errors.DuplicateObject, psycopg.errors.UniqueViolation):
        conn.execute(f'CREATE ROLE "{APP_ROLE}" LOGIN NOSUPERUSER NOBYPASSRLS')
