"""Every file mutation of the key file and the throttle state goes through one `FileOps` object.

It is a seam, not an abstraction for its own sake: the crash tests pass a subclass that stops (as a
kill -9 would) at the N-th operation, so the protocol is proved step by step.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


class FileOps:
    """The real file system, with the fsyncs that make a rename durable."""

    def write_bytes_fsync(self, path: Path, data: bytes) -> None:
        """Create or truncate ``path``, write ``data`` and fsync it before returning."""
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)

    def replace(self, src: Path, dst: Path) -> None:
        os.replace(src, dst)

    def link(self, src: Path, dst: Path) -> None:
        """Keep ``src`` under a second name; copy (and fsync) where hard links are unsupported."""
        try:
            os.link(src, dst)
        except OSError:
            shutil.copyfile(src, dst)
            fsync_file(dst)

    def fsync_dir(self, directory: Path) -> None:
        """Make renames and unlinks in ``directory`` durable (a no-op where unsupported)."""
        if os.name == "nt":  # Windows cannot open a directory; NTFS journals the rename itself.
            return
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def unlink(self, path: Path) -> None:
        path.unlink(missing_ok=True)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(ops: FileOps, path: Path, data: bytes) -> None:
    """Temp file, fsync, rename, fsync the directory: ``path`` is old or new, never half."""
    tmp = path.with_name(path.name + ".tmp")
    ops.write_bytes_fsync(tmp, data)
    ops.replace(tmp, path)
    ops.fsync_dir(path.parent)
