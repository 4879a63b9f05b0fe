"""Helpers for the profile tests: a template profile, notes, file snapshots, a crashing FileOps."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import Engine, text

from sst_desktop.security.fileops import FileOps
from sst_desktop.security.kdf import KdfPolicy
from sst_desktop.store.profile import UnlockedProfile

POLICY = KdfPolicy.insecure_for_tests()
PASSPHRASE = "korrekt häst batteri häftklammer"
NEW_PASSPHRASE = "blå lykta under gammal ekbro"
NOTES = ("canary-note-1f0c", "canary-note-77ab")


def init_notes(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        for body in NOTES:
            conn.execute(text("INSERT INTO notes (body) VALUES (:b)"), {"b": body})


def read_notes(unlocked: UnlockedProfile) -> list[str]:
    with unlocked.engine.connect() as conn:
        return [row[0] for row in conn.execute(text("SELECT body FROM notes ORDER BY id"))]


def add_note(unlocked: UnlockedProfile, body: str) -> None:
    with unlocked.engine.begin() as conn:
        conn.execute(text("INSERT INTO notes (body) VALUES (:b)"), {"b": body})


def snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir()) if p.is_file()}


def copy_profile(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest)
    return dest


class SimulatedCrash(Exception):
    """Raised in place of the N-th file operation, after the directory was imaged (as kill -9)."""


class CrashingFileOps(FileOps):
    """Counts operations; at ``crash_at`` copies the profile dir to ``image`` and stops."""

    def __init__(self, profile_dir: Path, image: Path, crash_at: int | None) -> None:
        self.profile_dir, self.image, self.crash_at, self.count = profile_dir, image, crash_at, 0

    def _step(self, partial: tuple[Path, bytes] | None = None) -> None:
        index, self.count = self.count, self.count + 1
        if index != self.crash_at:
            return
        if partial is not None:  # a write cut short: half the bytes, never fsynced
            path, data = partial
            path.write_bytes(data[: len(data) // 2])
        shutil.copytree(self.profile_dir, self.image)
        raise SimulatedCrash(index)

    def write_bytes_fsync(self, path: Path, data: bytes) -> None:
        self._step((path, data))
        super().write_bytes_fsync(path, data)

    def replace(self, src: Path, dst: Path) -> None:
        self._step()
        super().replace(src, dst)

    def link(self, src: Path, dst: Path) -> None:
        self._step()
        super().link(src, dst)

    def fsync_dir(self, directory: Path) -> None:
        self._step()
        super().fsync_dir(directory)

    def unlink(self, path: Path) -> None:
        self._step()
        super().unlink(path)
