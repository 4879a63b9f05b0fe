"""Attaching a file to a case (a scanned signed plan, a signature image) and opening it again.

The bytes go into the encrypted database in the same unit of work as the record, its outbox
entry and its audit event, and never touch a file on the way. The record syncs like any case
record; the bytes travel apart in chunks (``sync.large_items``), so on a colleague's computer an
attachment may be known before its bytes have arrived."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sst_desktop.casework import access
from sst_desktop.casework.context import NOT_FOUND, ServiceContext, get_or_fail, owner_tags
from sst_desktop.errors import NotAllowedError, ValidationError, WorkflowError, error_code
from sst_desktop.models.attachment import Attachment
from sst_desktop.models.case import Case
from sst_desktop.models.plan import PlanRevision
from sst_rules.attachments import MAX_BYTES, MEDIA_TYPES, AttachmentPurpose, sniffed_type

EMPTY = error_code("attachment.empty", "The file is empty; nothing was attached.")
TOO_LARGE = error_code(
    "attachment.too_large",
    "The file is {size_mb} MB; an attachment may be at most {limit_mb} MB. Scan it at a lower "
    "resolution or in fewer pages.",
)
MEDIA_TYPE = error_code(
    "attachment.media_type",
    "Files of type {media_type} cannot be attached; attach a PDF, PNG, JPEG or TIFF file.",
)
CONTENT_MISMATCH = error_code(
    "attachment.content_mismatch",
    "The file is not the {media_type} file it says it is; save or scan it again.",
)
NOT_ALLOWED = error_code("attachment.not_allowed", "You may not open this attachment.")
NOT_ARRIVED = error_code(
    "attachment.not_arrived",
    "The file has not reached this computer yet; it arrives with the next sync.",
)
MB = 1024 * 1024


@dataclass(frozen=True)
class AttachmentInput:
    media_type: str  # as the file dialog or scanner says; checked against the bytes
    purpose: AttachmentPurpose
    plan_revision_id: str | None = None
    label: str | None = None


@dataclass(frozen=True)
class AttachmentContent:
    attachment_id: str
    case_id: str
    media_type: str
    purpose: str
    label: str | None
    content: bytes


def check_file(content: bytes, media_type: str) -> str:
    """The media type, normalised, when ``content`` may be attached; a clear error otherwise."""
    if not content:
        raise ValidationError(EMPTY)
    if len(content) > MAX_BYTES:
        size_mb = f"{len(content) / MB:.1f}"
        raise ValidationError(TOO_LARGE, size_mb=size_mb, limit_mb=MAX_BYTES // MB)
    wanted = media_type.strip().lower()
    if wanted not in MEDIA_TYPES:
        raise ValidationError(MEDIA_TYPE, media_type=media_type.strip()[:100])
    if sniffed_type(content) != wanted:
        raise ValidationError(CONTENT_MISMATCH, media_type=wanted)
    return wanted


def attach_file(ctx: ServiceContext, case_id: str, content: bytes, data: AttachmentInput) -> str:
    """Keep ``content`` with the case; returns the attachment's id."""
    media_type = check_file(content, data.media_type)
    with ctx.unit_of_work() as uow:
        get_or_fail(uow, Case, case_id)
        if data.plan_revision_id is not None:
            revision: PlanRevision = get_or_fail(uow, PlanRevision, data.plan_revision_id)
            if revision.case_id != case_id:
                raise ValidationError(NOT_FOUND, entity="plan_revisions", id=revision.id)
        attachment = uow.add(
            Attachment(
                case_id=case_id,
                sha256=hashlib.sha256(content).hexdigest(),
                size=len(content),
                media_type=media_type,
                purpose=data.purpose,
                plan_revision_id=data.plan_revision_id,
                label=(data.label or "").strip() or None,
                content=content,
                **owner_tags(ctx.actor),
            )
        )
        uow.commit()
        return str(attachment.id)


def open_attachment(ctx: ServiceContext, attachment_id: str) -> AttachmentContent:
    """The file, for a viewer or a print; the view is audited before the bytes are returned."""
    with ctx.unit_of_work() as uow:
        attachment: Attachment = get_or_fail(uow, Attachment, attachment_id)
        case: Case = get_or_fail(uow, Case, attachment.case_id)
        scope = access.case_scope(uow, case)
        consents = access.consent_scopes(uow, case.id)
        visible, _hidden = access.readable(
            ctx.actor, [attachment], scope, consents, ctx.clock.today()
        )
        if not visible:
            raise NotAllowedError(NOT_ALLOWED)
        if attachment.content is None:
            raise WorkflowError(NOT_ARRIVED)
        uow.audit("view", "attachments", attachment.id, case.id, size=attachment.size)
        uow.commit()
        return AttachmentContent(
            attachment.id,
            case.id,
            attachment.media_type,
            attachment.purpose.value,
            attachment.label,
            attachment.content,
        )
