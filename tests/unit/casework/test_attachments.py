"""Attaching a file to a case: checked before it is saved, kept in the encrypted database,
opened only by those who may read it (audited), and never changed once saved, by any path."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import insert, select, text, update
from sqlalchemy.exc import DatabaseError, IntegrityError

import sst_desktop.models  # noqa: F401 - every table on the metadata
from sst_desktop.casework import attachment_service, queries
from sst_desktop.casework.attachment_service import AttachmentInput
from sst_desktop.errors import NotAllowedError, ValidationError, WorkflowError
from sst_desktop.models.attachment import Attachment
from sst_desktop.models.audit import AuditEvent
from sst_desktop.models.base import Base
from sst_desktop.models.outbox import OutboxEntry
from sst_desktop.sync.local_apply import NOT_SENT
from sst_rules.attachments import MAX_BYTES, AttachmentPurpose
from tests.unit.casework.test_plans import drafted, sign
from tests.unit.casework.test_sst_plus_workflow import run_to_active

SCAN = b"%PDF-1.7\n" + bytes(range(256)) * 40
SCAN_INPUT = AttachmentInput("application/pdf", AttachmentPurpose.SIGNED_PLAN_SCAN)


def signed_revision(world) -> tuple[str, str]:
    """A case of the SST plus team with a signed plan revision: (case id, revision id)."""
    case_id = run_to_active(world)
    revision, _goal = drafted(world, case_id)
    sign(world, revision)
    return case_id, revision


def _attach(world, case_id: str, content: bytes = SCAN, data: AttachmentInput = SCAN_INPUT) -> str:
    return attachment_service.attach_file(world.therapist, case_id, content, data)


@pytest.mark.parametrize(
    ("content", "media_type", "code"),
    [
        (b"", "application/pdf", "attachment.empty"),
        (b"%PDF-" + b"x" * MAX_BYTES, "application/pdf", "attachment.too_large"),
        (SCAN, "application/x-msdownload", "attachment.media_type"),
        (b"\x89PNG\r\n\x1a\n" + b"x" * 100, "application/pdf", "attachment.content_mismatch"),
    ],
)
def test_a_file_that_may_not_be_attached_is_refused_with_a_reason(
    world, content: bytes, media_type: str, code: str
) -> None:
    case_id = signed_revision(world)[0]
    with pytest.raises(ValidationError) as refused:
        _attach(world, case_id, content, AttachmentInput(media_type, AttachmentPurpose.SIGNATURE))
    assert refused.value.code == code
    assert "x" * 20 not in refused.value.message  # no content in a message that reaches logs
    with world.therapist.engine.connect() as conn:
        assert conn.execute(select(Attachment.id)).all() == []


def test_a_signed_plan_scan_is_kept_with_the_case_and_opened_with_an_audit_event(world) -> None:
    case_id, revision_id = signed_revision(world)
    data = AttachmentInput(
        "Application/PDF", AttachmentPurpose.SIGNED_PLAN_SCAN, revision_id, " Underskriven plan "
    )
    attachment_id = _attach(world, case_id, SCAN, data)
    opened = attachment_service.open_attachment(world.therapist, attachment_id)
    assert (opened.content, opened.media_type, opened.label) == (
        SCAN,
        "application/pdf",
        "Underskriven plan",
    )
    with world.therapist.engine.connect() as conn:
        row = conn.execute(select(Attachment.sha256, Attachment.size)).one()
        assert (row.sha256, row.size) == (hashlib.sha256(SCAN).hexdigest(), len(SCAN))
        outbox = conn.execute(
            select(OutboxEntry.operation).where(OutboxEntry.entity_id == attachment_id)
        )
        assert outbox.scalars().all() == ["insert"]
        views = conn.execute(
            select(AuditEvent.details).where(
                AuditEvent.entity_id == attachment_id, AuditEvent.action == "view"
            )
        ).scalars()
        assert list(views) == [{"size": len(SCAN)}]
    detail = queries.case_detail(world.therapist, case_id)  # the timeline takes it too
    assert detail.counts["attachments"] == 1


def test_the_other_authority_may_not_open_a_scan_without_a_consent(world) -> None:
    case_id, _revision = signed_revision(world)
    attachment_id = _attach(world, case_id)
    with pytest.raises(NotAllowedError):
        attachment_service.open_attachment(world.psychologist, attachment_id)


def test_a_pulled_attachment_without_its_bytes_says_they_have_not_arrived(world) -> None:
    case_id, _revision = signed_revision(world)
    with world.therapist.unit_of_work() as uow:
        pulled = uow.add(_pulled(case_id))
        uow.commit()
    with pytest.raises(WorkflowError) as waiting:
        attachment_service.open_attachment(world.therapist, pulled.id)
    assert waiting.value.code == "attachment.not_arrived"


def test_an_attachment_never_changes_once_saved_by_any_path(world) -> None:
    case_id, _revision = signed_revision(world)
    attachment_id = _attach(world, case_id)
    table = Base.metadata.tables["attachments"]
    changes = [
        {"label": "ändrad"},
        {"sha256": "0" * 64},
        {"content": b"%PDF-other"},
        {"content": None},
        {"deleted": True},
    ]
    with world.therapist.engine.connect() as conn:
        for values in changes:
            with pytest.raises(DatabaseError, match="sst:attachment_immutable"):
                conn.execute(update(table).where(table.c.id == attachment_id).values(**values))
            conn.rollback()
        with pytest.raises(DatabaseError, match="sst:attachment_immutable"):
            conn.execute(text("DELETE FROM attachments"))
        conn.rollback()
        conn.execute(update(table).values(server_version=7))  # sync stamps it
        conn.commit()


def test_bytes_arrive_once_into_a_pulled_attachment_and_must_fit_its_size(world) -> None:
    case_id, _revision = signed_revision(world)
    with world.therapist.unit_of_work() as uow:
        pulled = uow.add(_pulled(case_id))
        uow.commit()
    table = Base.metadata.tables["attachments"]
    with world.therapist.engine.connect() as conn:
        with pytest.raises(IntegrityError):  # not the size the record names
            conn.execute(update(table).values(content=SCAN[:-1]))
        conn.rollback()
        conn.execute(update(table).where(table.c.id == pulled.id).values(content=SCAN))
        conn.commit()
        with pytest.raises(DatabaseError, match="sst:attachment_immutable"):
            conn.execute(update(table).values(content=SCAN[:-1] + b"!"))
        conn.rollback()


def test_only_attachments_have_a_content_column_left_out_of_sync() -> None:
    """``NOT_SENT`` goes by column name: another table's ``content`` would silently never sync."""
    assert "content" in NOT_SENT
    holders = [t.name for t in Base.metadata.sorted_tables if "content" in t.c]
    assert holders == ["attachments"]


def test_chunks_of_a_download_are_kept_in_the_encrypted_database(world) -> None:
    chunks = Base.metadata.tables["attachment_chunks"]
    with world.therapist.engine.begin() as conn:
        conn.execute(insert(chunks).values(sha256="a" * 64, chunk_index=0, data=b"part"))
        assert conn.execute(select(chunks.c.data)).scalar_one() == b"part"


def _pulled(case_id: str) -> Attachment:
    return Attachment(
        case_id=case_id,
        sha256=hashlib.sha256(SCAN).hexdigest(),
        size=len(SCAN),
        media_type="application/pdf",
        purpose=AttachmentPurpose.SIGNED_PLAN_SCAN,
        plan_revision_id=None,
        label=None,
        content=None,
        authority="social_services",
        record_class="social_services_record",
    )
