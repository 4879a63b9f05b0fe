"""Password protection of a saved PDF: AES-256 (PDF 2.0 security handler, revision 6) through
pikepdf (qpdf), in memory. The same password opens and owns the file: the reader is the
family or a colleague, not someone to restrict to printing only."""

from __future__ import annotations

import io

import pikepdf

from sst_desktop.errors import ValidationError, error_code

EMPTY_PASSWORD = error_code("report.password_empty", "The password for the PDF is empty.")


def protect_pdf(data: bytes, password: str) -> bytes:
    if not password:
        raise ValidationError(EMPTY_PASSWORD)
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(owner=password, user=password, R=6, aes=True))
    return out.getvalue()
