"""Writing a finished PDF where the user chose: temp file beside it (owner-only permissions),
fsync, rename, so the file is the old one or the new one and never half a plan. The bytes
were made in memory; nothing else touches the disk."""

from __future__ import annotations

import contextlib
from pathlib import Path

from sst_desktop.errors import SstError, error_code
from sst_desktop.security.fileops import FileOps, write_atomically

NO_FOLDER = error_code("report.no_folder", "The folder for {file} does not exist.")
NOT_WRITTEN = error_code("report.not_written", "Cannot write {file}: {problem}.")


def save_pdf(path: Path, data: bytes, ops: FileOps | None = None) -> None:
    ops = ops or FileOps()
    if not path.parent.is_dir():
        raise SstError(NO_FOLDER, file=path.name)
    try:
        write_atomically(ops, path, data)
    except OSError as exc:
        with contextlib.suppress(OSError):
            ops.unlink(path.with_name(path.name + ".tmp"))
        raise SstError(NOT_WRITTEN, file=path.name, problem=exc.strerror or "error") from exc
