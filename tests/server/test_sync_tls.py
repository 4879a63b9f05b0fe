"""TLS and key pinning end to end: the real server serving HTTPS with certificates of a test CA
(trustme), real encrypted profiles trusting that CA through the organisation configuration.
The back end is SQLite only: nothing here depends on the database."""

from __future__ import annotations

import json
import os
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import trustme
from sqlalchemy import MetaData, select
from sqlalchemy.engine import Engine

from sst_desktop.app_context import OwnerInput, create_context
from sst_desktop.sync import client
from sst_desktop.sync.pinning import pins_after_round
from sst_desktop.sync.transport import SyncError, Transport
from sst_rules.enums import Authority, Role
from sst_server import admin, tls
from sst_server.db import make_engine
from sst_server.main import main as server_main
from sst_server.schema import migrate
from tests.server.conftest import Server
from tests.server.helpers import organisation
from tests.server.laptops import PASSPHRASE, Laptop, _open_case, _visit

pytestmark = pytest.mark.usefixtures("_fast_kdf")
SECRET = "tls-test-secret-not-for-production-0123456789"


@dataclass(frozen=True)
class Issued:
    certfile: Path
    keyfile: Path
    pin: str
    ca: trustme.CA


class TlsServer:
    """The central store over HTTPS on a fixed loopback port, restartable with another
    certificate on the same database (as when IT replaces the certificate)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.database_url = f"sqlite:///{folder / 'server.db'}"
        self.engine: Engine = make_engine(self.database_url)
        migrate(self.engine)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = int(s.getsockname()[1])
        self.url = f"https://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, cert: Issued, next_certs: tuple[Issued, ...] = ()) -> None:
        self.stop()
        command = [sys.executable, "-m", "sst_server.main", "serve", "--port", str(self.port)]
        command += ["--certfile", str(cert.certfile), "--keyfile", str(cert.keyfile)]
        for following in next_certs:
            command += ["--next-certfile", str(following.certfile)]
        log = self.folder / f"server-{time.monotonic_ns()}.log"
        self.process = subprocess.Popen(
            command,
            env=self.env(),
            stdout=subprocess.DEVNULL,
            stderr=open(log, "wb"),  # noqa: SIM115 - closed with the process
        )
        self._wait(log, cert.ca)

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "SST_SERVER_DATABASE_URL": self.database_url,
            "SST_SERVER_SECRET": SECRET,
            "SST_SERVER_DATA_DIR": str(self.folder / "server-data"),
        }

    def _wait(self, log: Path, ca: trustme.CA) -> None:
        trust = ssl.create_default_context()
        ca.configure_trust(trust)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(log.read_text())
            try:
                if httpx.get(self.url + "/v1/health", verify=trust, timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("the server did not start in 30 s")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None

    def as_server(self) -> Server:
        return Server(self.url, self.engine, "sqlite", self.env())

    def snapshot(self) -> dict[str, list[Any]]:
        """Every row of every table: proof that a refused device changed nothing."""
        tables = MetaData()
        tables.reflect(self.engine)
        with self.engine.connect() as conn:
            return {
                name: sorted(map(tuple, conn.execute(select(table))), key=repr)
                for name, table in tables.tables.items()
            }


@pytest.fixture
def ca(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> trustme.CA:
    """A test CA the app trusts the way an organisation's own CA is trusted."""
    authority = trustme.CA()
    authority.cert_pem.write_to_path(str(tmp_path / "kommun-ca.pem"))
    config = tmp_path / "organisation.json"
    config.write_text(json.dumps({"ca_bundle": "kommun-ca.pem"}), encoding="utf-8")
    monkeypatch.setenv("SST_ORGANISATION_CONFIG", str(config))
    return authority


def issue(ca: trustme.CA, folder: Path, name: str) -> Issued:
    """A certificate for 127.0.0.1 on a new key, from the given CA."""
    cert = ca.issue_cert("127.0.0.1", "localhost")
    certfile, keyfile = folder / f"{name}.pem", folder / f"{name}.key"
    for index, blob in enumerate(cert.cert_chain_pems):
        blob.write_to_path(str(certfile), append=index > 0)
    cert.private_key_pem.write_to_path(str(keyfile))
    return Issued(certfile, keyfile, tls.key_pin_of(certfile), ca)


@pytest.fixture
def store(tmp_path: Path, ca: trustme.CA) -> Iterator[TlsServer]:
    running = TlsServer(tmp_path)
    try:
        yield running
    finally:
        running.stop()
        running.engine.dispose()


def laptop_of(store: TlsServer, folder: Path) -> tuple[Laptop, str]:
    org = organisation(store.as_server())
    laptop = Laptop(
        store.as_server(), folder, org.therapist, Role.FAMILY_THERAPIST, Authority.SOCIAL_SERVICES
    )
    return laptop, org.team_id


def pins(laptop: Laptop) -> list[str]:
    with laptop.context.engine.connect() as conn:
        return sorted(client._settings(conn).get(client.PINS, "").split())


def test_enrollment_over_https_pins_the_key_and_sync_works(
    store: TlsServer, ca: trustme.CA, tmp_path: Path
) -> None:
    current = issue(ca, tmp_path, "current")
    store.start(current)
    laptop, team_id = laptop_of(store, tmp_path / "a")
    try:
        assert pins(laptop) == [current.pin]  # the client's pin equals openssl's / the server's
        _visit(laptop, _open_case(laptop, team_id), "Hembesök")
        report = laptop.sync()
        assert (report.accepted, report.pending) == (2, 0)
        assert pins(laptop) == [current.pin]
    finally:
        laptop.close()


def test_a_new_key_not_announced_is_refused_before_anything_is_sent(
    store: TlsServer, ca: trustme.CA, tmp_path: Path
) -> None:
    store.start(issue(ca, tmp_path, "old"))
    laptop, team_id = laptop_of(store, tmp_path / "a")
    try:
        laptop.sync()
        _visit(laptop, _open_case(laptop, team_id), "Hembesök")  # waiting to be pushed
        replaced = issue(ca, tmp_path, "replaced")  # same CA, same host name: valid, not pinned
        store.start(replaced)
        before = store.snapshot()
        with pytest.raises(SyncError) as refused:
            laptop.sync()
        assert refused.value.code == "pin_mismatch"
        assert store.snapshot() == before  # no push, no token refresh, nothing
        assert client.status(laptop.context.engine).pending == 2
        # The check is in the handshake: a request with a body never leaves (here a valid
        # enrollment code, still unused afterwards).
        code = admin.issue_enrollment_code(store.engine, _staff(laptop)).code
        before = store.snapshot()
        stale = Transport(store.url, pins=pins(laptop), ca_bundle=tmp_path / "kommun-ca.pem")
        with pytest.raises(SyncError) as refused:
            stale.post("/v1/enroll", {"code": code, "device_name": "x"}, auth=False)
        stale.close()
        assert refused.value.code == "pin_mismatch" and store.snapshot() == before
        # The way back: IT gives a fresh code; connecting again re-pins and keeps the outbox.
        client.enroll(laptop.context.engine, store.url, code, "test")
        assert pins(laptop) == [replaced.pin]
        assert client.status(laptop.context.engine).pending == 2
        report = laptop.sync()
        assert (report.accepted, report.pending) == (2, 0)
    finally:
        laptop.close()


def test_an_announced_key_is_accepted_and_the_old_pin_dropped(
    store: TlsServer, ca: trustme.CA, tmp_path: Path
) -> None:
    old, new = issue(ca, tmp_path, "old"), issue(ca, tmp_path, "new")
    store.start(old, next_certs=(new,))
    laptop, team_id = laptop_of(store, tmp_path / "a")
    try:
        assert pins(laptop) == [old.pin]
        laptop.sync()
        assert pins(laptop) == sorted([old.pin, new.pin])  # the announced key accepted too
        store.start(new)  # IT switches the certificate
        _visit(laptop, _open_case(laptop, team_id), "Hembesök")
        assert laptop.sync().accepted == 2
        assert pins(laptop) == [new.pin]  # the old key is no longer accepted
        store.start(old)
        with pytest.raises(SyncError) as refused:
            laptop.sync()
        assert refused.value.code == "pin_mismatch"
    finally:
        laptop.close()


def test_a_certificate_from_an_unknown_ca_is_refused_and_said_so(
    store: TlsServer, tmp_path: Path
) -> None:
    store.start(issue(trustme.CA(), tmp_path, "stranger"))  # not the organisation's CA
    org = organisation(store.as_server())
    code = admin.issue_enrollment_code(store.engine, org.therapist).code
    before = store.snapshot()
    context, _recovery = create_context(
        tmp_path / "p", PASSPHRASE, OwnerInput("Ny", Role.FAMILY_THERAPIST, Authority.SCHOOL)
    )
    try:
        with pytest.raises(SyncError) as refused:
            client.enroll(context.engine, store.url, code, "test")
        assert refused.value.code == "certificate_invalid"
        assert not client.is_connected(context.engine)
    finally:
        context.close()
    assert store.snapshot() == before  # the code went nowhere


def test_plain_http_to_another_machine_is_refused_before_connecting(tmp_path: Path) -> None:
    with pytest.raises(SyncError) as refused:
        client.enroll(make_engine(f"sqlite:///{tmp_path / 'x.db'}"), "http://sst.kommun.se", "X")
    assert refused.value.code == "insecure_address"


def test_the_server_refuses_plain_http_on_the_network_and_bad_pins(
    tmp_path: Path, ca: trustme.CA, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    monkeypatch.setenv("SST_SERVER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SST_SERVER_DATABASE_URL", raising=False)
    assert server_main(["serve", "--host", "0.0.0.0"]) == 2
    assert "not loopback" in capsys.readouterr().err
    monkeypatch.setenv(tls.NEXT_PIN_VAR, "not-a-pin")
    assert server_main(["serve"]) == 2
    assert "not a base64 SHA-256 key pin" in capsys.readouterr().err
    cert = issue(ca, tmp_path, "c")
    assert server_main(["key-pin", str(cert.certfile)]) == 0
    assert json.loads(capsys.readouterr().out) == {"pin": cert.pin}


def test_pins_after_a_round() -> None:
    old, new = "o" * 43 + "=", "n" * 43 + "="
    assert pins_after_round([old], {old}, [new]) == sorted([old, new])  # roll announced
    assert pins_after_round([old, new], {new}, []) == [new]  # switched: the old one goes
    assert pins_after_round([old], set(), [new]) == [old]  # nothing seen: nothing changes


def _staff(laptop: Laptop) -> str:
    with laptop.context.engine.connect() as conn:
        return client._settings(conn)[client.STAFF]
