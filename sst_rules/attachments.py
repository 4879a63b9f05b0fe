"""Large items of a case (a scanned signed plan, a signature image): what they are for, how
large they may be and which kinds of file are taken. The device checks before it saves; the
central store refuses a larger blob whatever the device says.

The type is told by the file's first bytes, never by a name or an extension: a file that says
it is a PDF and is not is refused, so a viewer later never gets a surprise."""

from __future__ import annotations

from enum import StrEnum

MAX_BYTES = 25 * 1024 * 1024  # 25 MB: a multi-page scan at 300 dpi fits with room to spare

# Media type -> the first bytes of such a file (any one of them).
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "application/pdf": (b"%PDF-",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/tiff": (b"II*\x00", b"MM\x00*"),
}
MEDIA_TYPES = frozenset(SIGNATURES)


class AttachmentPurpose(StrEnum):
    """Why a file is kept with a case (values are stored and synced)."""

    SIGNED_PLAN_SCAN = "signed_plan_scan"
    SIGNATURE = "signature"


def sniffed_type(data: bytes) -> str | None:
    """The accepted media type whose signature ``data`` starts with, or None."""
    for media_type, starts in SIGNATURES.items():
        if data.startswith(starts):
            return media_type
    return None
