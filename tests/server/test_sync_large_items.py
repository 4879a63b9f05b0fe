"""Large items end to end: a scanned signed plan attached on one laptop reaches a colleague's
byte for byte, in 512 KiB chunks, over the real server on SQLite and PostgreSQL; a cut upload or
download goes on where it stopped; a damaged chunk or file is refused; the bytes go no further
than their record may, and never into a file outside the encrypted database."""

from __future__ import annotations

import base64
import hashlib
import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from sst_desktop.casework import attachment_service
from sst_desktop.casework.attachment_service import AttachmentInput
from sst_desktop.models.attachment import Attachment, attachment_chunks
from sst_desktop.sync import client
from sst_desktop.sync.protocol import CHUNK_SIZE, chunk_count
from sst_desktop.sync.transport import SyncError
from sst_rules.attachments import AttachmentPurpose
from sst_server import removal
from sst_server.db import blob_chunks, blobs, records
from tests.server.conftest import Server
from tests.server.helpers import enroll, mutation, organisation
from tests.server.laptops import Laptop, _consent_to_school, _open_case

pytestmark = pytest.mark.usefixtures("_fast_kdf")
STATUS, UPLOAD, DOWNLOAD = "/v1/blobs/status", "/v1/blobs/chunk", "/v1/blobs/download"
MARKER = b"SKANNAD-PLAN-7f3c9e: underskriven av Elsa och mamma"
SCAN_SIZE = 3_000_000  # six chunks, the last one short


def _scan(size: int = SCAN_SIZE, seed: int = 5) -> bytes:
    """A PDF-looking scan with the marker in its first and its last chunk."""
    body = random.Random(seed).randbytes(size)
    head = b"%PDF-1.7\n" + MARKER
    return head + body[len(head) : size - len(MARKER)] + MARKER


def _attach(laptop: Laptop, case_id: str, content: bytes) -> str:
    data = AttachmentInput("application/pdf", AttachmentPurpose.SIGNED_PLAN_SCAN, label="Plan")
    return attachment_service.attach_file(laptop.context.services, case_id, content, data)


def _held_bytes(laptop: Laptop) -> list[bytes | None]:
    return [row.content for row in laptop.rows(Attachment)]


class Network:
    """The network as one round sees it: the requests that reached the server, per path, and
    a cut once ``limit`` requests to ``path`` were made, before the next one is sent or, with
    ``lose_answer``, after the server answered the last (the answer never arrives)."""

    def __init__(self, path: str = "", limit: int = -1, *, lose_answer: bool = False) -> None:
        self.path, self.limit, self.lose_answer = path, limit, lose_answer
        self.calls: Counter[str] = Counter()

    def sync(self, laptop: Laptop) -> client.SyncReport:
        transport = client.connected_transport(laptop.context.engine)
        transport.post = self._wrap(transport.post)  # type: ignore[method-assign]
        try:
            return client.sync_once(laptop.context.engine, transport)
        finally:
            transport.close()

    def _wrap(self, send: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
        def post(path: str, body: dict[str, Any], *, auth: bool = True) -> dict[str, Any]:
            cut_here = path == self.path and self.calls[path] == self.limit
            if cut_here and not self.lose_answer:
                raise SyncError("offline", "cut before sending")
            answer = send(path, body, auth=auth)
            self.calls[path] += 1
            if path == self.path and self.calls[path] == self.limit and self.lose_answer:
                raise SyncError("offline", "cut before the answer arrived")
            return answer

        return post


def _blob_status(server: Server, laptop: Laptop, sha256: str) -> dict[str, Any]:
    with server.client() as http:
        answer = http.post(
            STATUS,
            json={"protocol": 1, "sha256": sha256},
            headers={"Authorization": f"Bearer {_access(laptop)}"},
        )
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def _access(laptop: Laptop) -> str:
    with laptop.context.engine.connect() as conn:
        return client._settings(conn)[client.ACCESS]


def _files_holding(root: Path, needle: bytes) -> list[str]:
    """Every file under ``root`` (but the server's own) whose bytes contain ``needle``."""
    return [
        str(path.relative_to(root))
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.name.startswith("server") and needle in path.read_bytes()
    ]


# -- tests ---------------------------------------------------------------------------------------
def test_a_scan_reaches_the_colleagues_laptop_byte_for_byte_and_never_a_file(  # type: ignore[no-untyped-def]
    team, server: Server, tmp_path: Path
) -> None:
    laptop, tablet, _school, team_id = team
    scan = _scan()
    case_id = _open_case(laptop, team_id)
    attachment_id = _attach(laptop, case_id, scan)
    sent = Network()
    report = sent.sync(laptop)
    assert (report.accepted, report.rejected, report.pending) == (2, 0, 0)
    assert (sent.calls[STATUS], sent.calls[UPLOAD]) == (1, chunk_count(SCAN_SIZE)) == (1, 6)
    fetched = Network()
    fetched.sync(tablet)
    assert fetched.calls[DOWNLOAD] == 6 and fetched.calls[UPLOAD] == 0
    assert _held_bytes(tablet) == [scan]
    opened = attachment_service.open_attachment(tablet.context.services, attachment_id)
    assert hashlib.sha256(opened.content).digest() == hashlib.sha256(scan).digest()
    # A second round moves nothing: the file is here and whole.
    again = Network()
    again.sync(tablet)
    assert again.calls[DOWNLOAD] == again.calls[UPLOAD] == 0
    # The record travelled without its bytes; the chunks table is empty again.
    with server.engine.connect() as conn:
        fields = conn.execute(
            select(records.c.fields).where(records.c.entity_id == attachment_id)
        ).scalar_one()
    assert "content" not in fields and fields["sha256"] == hashlib.sha256(scan).hexdigest()
    with tablet.context.engine.connect() as conn:
        assert conn.execute(select(attachment_chunks)).all() == []
    # The marker is in the decrypted database (the search is not blind) and in no file.
    assert MARKER in scan and MARKER in (_held_bytes(laptop)[0] or b"")
    assert _files_holding(tmp_path, MARKER) == []
    assert _files_holding(tmp_path, base64.b64encode(scan[CHUNK_SIZE : CHUNK_SIZE + 300])) == []


def test_a_cut_upload_goes_on_without_sending_again_what_the_server_holds(  # type: ignore[no-untyped-def]
    team, server: Server
) -> None:
    laptop, tablet, _school, team_id = team
    scan = _scan()
    sha256 = hashlib.sha256(scan).hexdigest()
    case_id = _open_case(laptop, team_id)
    _attach(laptop, case_id, scan)
    first = Network(UPLOAD, 2)  # the network goes before the third chunk
    with pytest.raises(SyncError):
        first.sync(laptop)
    assert first.calls[UPLOAD] == 2 and "/v1/push" not in first.calls
    assert client.status(laptop.context.engine).pending == 2  # nothing pushed yet
    assert _blob_status(server, laptop, sha256)["held"] == [0, 1]
    second = Network(UPLOAD, 2, lose_answer=True)  # the fourth chunk arrives, its answer not
    with pytest.raises(SyncError):
        second.sync(laptop)
    assert _blob_status(server, laptop, sha256)["held"] == [0, 1, 2, 3]
    third = Network()
    report = third.sync(laptop)
    assert (third.calls[STATUS], third.calls[UPLOAD]) == (1, 2)
    assert first.calls[UPLOAD] + second.calls[UPLOAD] + third.calls[UPLOAD] == 6  # none twice
    assert (report.accepted, report.pending) == (2, 0)
    assert _blob_status(server, laptop, sha256)["complete"] is True
    tablet.sync()
    assert _held_bytes(tablet) == [scan]


def test_a_cut_download_goes_on_and_a_purge_takes_the_file_everywhere(  # type: ignore[no-untyped-def]
    team, server: Server
) -> None:
    laptop, tablet, _school, team_id = team
    scan = _scan(seed=11)
    case_id = _open_case(laptop, team_id)
    _attach(laptop, case_id, scan)
    laptop.sync()
    first = Network(DOWNLOAD, 3)
    with pytest.raises(SyncError):
        first.sync(tablet)
    assert _held_bytes(tablet) == [None]  # known, not yet here
    with tablet.context.engine.connect() as conn:
        kept = conn.execute(select(attachment_chunks.c.chunk_index)).scalars().all()
    assert sorted(kept) == [0, 1, 2]
    second = Network()
    second.sync(tablet)
    assert second.calls[DOWNLOAD] == 3  # only the three still missing
    assert _held_bytes(tablet) == [scan]
    with tablet.context.engine.connect() as conn:
        assert conn.execute(select(attachment_chunks)).all() == []
    # Gallring reaches the bytes: the server drops the file with its last record, and so do
    # the laptops at their next sync.
    removal.purge_case(server.engine, case_id, "opened_in_error")
    with server.engine.connect() as conn:
        assert conn.execute(select(blobs)).all() == conn.execute(select(blob_chunks)).all() == []
    for device in (laptop, tablet):
        device.sync()
        assert device.rows(Attachment) == []


def test_a_damaged_chunk_or_file_is_refused_and_never_complete(server: Server) -> None:
    org = organisation(server)
    device = enroll(server, org.therapist)
    scan = _scan(CHUNK_SIZE + 1000, seed=3)
    sha256 = hashlib.sha256(scan).hexdigest()
    chunks = [scan[:CHUNK_SIZE], scan[CHUNK_SIZE:]]

    def upload(index: int, data: bytes, chunk_hash: str | None = None) -> Any:
        return device.post(
            UPLOAD,
            {
                "protocol": 1,
                "sha256": sha256,
                "size": len(scan),
                "index": index,
                "chunk_sha256": chunk_hash or hashlib.sha256(data).hexdigest(),
                "data": base64.b64encode(data).decode(),
            },
        )

    def status() -> dict[str, Any]:
        answer = device.post(STATUS, {"protocol": 1, "sha256": sha256})
        assert answer.status_code == 200, answer.text
        body: dict[str, Any] = answer.json()
        return body

    flipped = bytes([chunks[0][0] ^ 1]) + chunks[0][1:]
    damaged = upload(0, flipped, hashlib.sha256(chunks[0]).hexdigest())
    assert (damaged.status_code, damaged.json()["code"]) == (422, "chunk_corrupt")
    assert (status()["held"], status()["complete"]) == ([], False)
    # Each chunk whole by its own hash, the file not: refused when the last one arrives.
    assert upload(0, chunks[0]).status_code == 200
    wrong_tail = upload(1, chunks[1][:-1] + b"!")
    assert (wrong_tail.status_code, wrong_tail.json()["code"]) == (422, "blob_mismatch")
    assert (status()["held"], status()["complete"], status()["size"]) == ([], False, None)
    short = upload(1, chunks[1][:-1])
    assert (short.status_code, short.json()["code"]) == (422, "chunk_length")
    # An attachment naming a file the server does not hold whole is refused.
    case_id = _case_on_server(device, org.team_id)
    (result,) = device.push(_attachment_mutation(case_id, sha256, len(scan)))
    assert (result["status"], result["reason"]) == ("rejected", "blob_missing")
    # The true file goes through; a chunk sent again changes nothing.
    assert [upload(i, c).json()["complete"] for i, c in enumerate(chunks)] == [False, True]
    assert upload(0, chunks[0]).json() == status()
    record = _attachment_mutation(case_id, sha256, len(scan))
    (accepted,) = device.push(record)
    assert accepted["status"] == "accepted"
    edit = mutation(
        "attachments",
        {"label": "ändrad"},
        authority="social_services",
        case_id=case_id,
        entity_id=record["entity_id"],
        operation="update",
        base_version=accepted["version"],
    )
    (changed,) = device.push(edit)
    assert (changed["status"], changed["reason"]) == ("rejected", "attachment_immutable")


def test_the_school_psychologist_gets_a_social_services_scan_only_under_consent(  # type: ignore[no-untyped-def]
    team, server: Server
) -> None:
    laptop, _tablet, school_pc, team_id = team
    scan = _scan(CHUNK_SIZE * 2, seed=7)
    sha256 = hashlib.sha256(scan).hexdigest()
    case_id = _open_case(laptop, team_id)
    _attach(laptop, case_id, scan)
    laptop.sync()
    school_pc.sync()
    assert school_pc.rows(Attachment) == []  # the record never came
    with server.client() as http:
        answer = http.post(
            DOWNLOAD,
            json={"protocol": 1, "sha256": sha256, "index": 0},
            headers={"Authorization": f"Bearer {_access(school_pc)}"},
        )
    assert answer.status_code == 403
    assert answer.json()["code"] == "not_allowed" and "data" not in answer.json()
    assert MARKER not in answer.content
    # With the family's consent to share plans with the school, the scan follows its record.
    _consent_to_school(laptop, case_id, ["plans"])
    laptop.sync()
    school_pc.sync()
    assert _held_bytes(school_pc) == [scan]


# -- helpers for the raw protocol ------------------------------------------------------------------
def _case_on_server(device: Any, team_id: str) -> str:
    case = mutation(
        "cases",
        {"team_id": team_id, "programme": "sst_plus", "status": "active"},
        authority="social_services",
    )
    (result,) = device.push(case)
    assert result["status"] == "accepted", result
    return str(case["entity_id"])


def _attachment_mutation(case_id: str, sha256: str, size: int) -> dict[str, Any]:
    fields = {
        "sha256": sha256,
        "size": size,
        "media_type": "application/pdf",
        "purpose": "signed_plan_scan",
        "plan_revision_id": None,
        "label": None,
        "case_id": case_id,
    }
    return mutation("attachments", fields, authority="social_services", case_id=case_id)
