"""Writing the export where the user chose, atomically: a temporary file beside the target (the
only other place the data ever is), fsync, rename over the target, fsync the folder. The target
is the old file or the new one, never half of one; a failed write removes its temporary file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from sst_desktop.errors import SstError, error_code
from sst_desktop.security.fileops import FileOps

CANNOT_WRITE = error_code(
    "export.cannot_write",
    "Cannot write the export there: the folder does not exist, is not writable or is full.",
)


def write_export(path: Path, data: bytes, ops: FileOps | None = None) -> None:
    ops = ops or FileOps()
    try:
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise SstError(CANNOT_WRITE) from exc
    tmp = Path(name)
    try:
        os.close(handle)
        ops.write_bytes_fsync(tmp, data)
        ops.replace(tmp, path)
        ops.fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise SstError(CANNOT_WRITE) from exc
