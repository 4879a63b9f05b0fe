"""Logs hold ids only: whatever a caller passes, no canary reaches a log file (security.md, R3)."""

from __future__ import annotations

import io
import logging
import secrets
import stat
import uuid
from enum import StrEnum
from pathlib import Path

import pytest

from sst_desktop.errors import SstError, error_code
from sst_desktop.logging_setup import (
    LOG_FILE,
    REDACTED,
    REDACTED_MESSAGE,
    IdsOnlyFilter,
    configure_logging,
    is_safe_value,
)

CANARY_CODE = error_code("test.canary", "Field {field} is wrong.")
log = logging.getLogger("sst_desktop.test_logging")


def canary() -> str:
    return "CANARY-" + secrets.token_hex(16)


@pytest.fixture
def log_dir(tmp_path):
    """The app's logging, installed on the real root logger and undone afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    directory = tmp_path / "logs"
    configure_logging(directory, logging.DEBUG)
    yield directory
    for handler in list(root.handlers):
        for f in [f for f in handler.filters if isinstance(f, IdsOnlyFilter)]:
            handler.removeFilter(f)
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def log_text(directory: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return "".join(p.read_text("utf-8") for p in sorted(directory.iterdir()))


def raw_hits(directory: Path, canaries: list[str]) -> list[str]:
    """Canaries in any log file's raw bytes, as UTF-8 or UTF-16-LE."""
    data = {p.name: p.read_bytes() for p in directory.iterdir()}
    return [
        f"{name}: {c}"
        for name, raw in data.items()
        for c in canaries
        if c.encode("utf-8") in raw or c.encode("utf-16-le") in raw
    ]


def test_constant_messages_with_ids_codes_and_numbers_are_kept(log_dir):
    case_id, ref = str(uuid.uuid4()), "SSTP-26-7KQ2XM"
    log.info(
        "opened case %s (%s, %s) in %s: %d rows, %.1f s",
        case_id,
        ref,
        "sst_plus",
        uuid.UUID(case_id),
        42,
        0.5,
    )
    log.info("no arguments at all")
    text = log_text(log_dir)
    assert f"opened case {case_id} ({ref}, sst_plus) in {case_id}: 42 rows, 0.5 s" in text
    assert "INFO sst_desktop.test_logging no arguments at all" in text


def test_a_text_argument_is_redacted(log_dir):
    name, note = canary(), canary()
    log.warning("student %s saved with note %s", name, note)
    log.info("mapping %(name)s", {"name": name})
    text = log_text(log_dir)
    assert f"student {REDACTED} saved with note {REDACTED}" in text
    assert f"mapping {REDACTED}" in text
    assert raw_hits(log_dir, [name, note]) == []


def test_an_identity_number_as_a_number_is_redacted(log_dir):
    log.info("matched %s", 201203142383)
    log.info("matched %d", 201203142383)  # no longer fits %d once redacted
    text = log_text(log_dir)
    assert f"matched {REDACTED}" in text
    assert f"{REDACTED_MESSAGE} (arguments did not fit)" in text
    assert "201203142383" not in text


@pytest.mark.parametrize("how", ["f-string", "concatenation", "percent", "str(exc)", "object"])
def test_a_message_built_at_run_time_is_redacted(log_dir, how):
    value = canary()
    if how == "f-string":
        log.info(f"saved {value}")
    elif how == "concatenation":
        log.info("saved " + value)
    elif how == "percent":
        log.info("saved %s" % value)  # noqa: UP031 - the mistake under test
    elif how == "str(exc)":
        log.error(str(ValueError(value)))
    else:
        log.error(ValueError(value))
    text = log_text(log_dir)
    assert REDACTED_MESSAGE in text
    assert raw_hits(log_dir, [value]) == []


def test_exception_text_never_reaches_the_log(log_dir):
    secret = canary()

    def save_note() -> None:
        raise ValueError(f"cannot save note {secret}")

    try:
        save_note()
    except ValueError:
        log.exception("saving failed")
    text = log_text(log_dir)
    assert "ERROR sst_desktop.test_logging saving failed" in text
    assert "Traceback (most recent call last):" in text
    assert "in save_note" in text  # the stack is kept: it is code, not data
    assert "builtins.ValueError" in text
    assert raw_hits(log_dir, [secret]) == []


def test_a_chain_keeps_types_and_our_codes_only(log_dir):
    first, second, third = canary(), canary(), canary()
    try:
        try:
            raise KeyError(first)
        except KeyError as exc:
            raise SstError(CANARY_CODE, field=second) from exc
    except SstError as exc:
        log.error("unlock failed: %s", exc, exc_info=True)
        log.error("unlock failed again: %s", RuntimeError(third))
    text = log_text(log_dir)
    assert "unlock failed: sst_desktop.errors.SstError [test.canary]" in text
    assert "builtins.KeyError" in text
    assert "direct cause" in text
    assert "unlock failed again: builtins.RuntimeError" in text
    assert raw_hits(log_dir, [first, second, third]) == []


def test_foreign_loggers_are_filtered_too(log_dir):
    value = canary()
    logging.getLogger("sqlalchemy.engine.Engine").warning("%s", value)
    logging.getLogger("alembic").warning(f"migrating {value}")
    text = log_text(log_dir)
    assert f"sqlalchemy.engine.Engine {REDACTED}" in text
    assert f"alembic {REDACTED_MESSAGE}" in text
    assert raw_hits(log_dir, [value]) == []


def test_the_filter_goes_on_every_root_handler(tmp_path):
    root = logging.getLogger()
    stream = io.StringIO()
    existing = logging.StreamHandler(stream)
    root.addHandler(existing)
    level = root.level
    try:
        installed = configure_logging(tmp_path / "logs", logging.INFO)
        configure_logging(tmp_path / "logs", logging.INFO)  # again: replaces, never duplicates
        assert (
            len(
                [
                    h
                    for h in root.handlers
                    if h.__class__ is installed[0].__class__
                    and getattr(h, "baseFilename", "").endswith(LOG_FILE)
                ]
            )
            == 1
        )
        value = canary()
        log.info("note %s", value)
        assert f"note {REDACTED}" in stream.getvalue()
        assert value not in stream.getvalue()
    finally:
        for handler in list(root.handlers):
            for f in [f for f in handler.filters if isinstance(f, IdsOnlyFilter)]:
                handler.removeFilter(f)
            if getattr(handler, "_sst_ids_only", False) or handler is existing:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)


def test_a_canary_search_over_every_log_file_after_rotation(tmp_path):
    """Every channel at once, with rotation: nothing in sst.log nor its older files."""
    root = logging.getLogger()
    level = root.level
    directory = tmp_path / "logs"
    configure_logging(directory, logging.DEBUG, max_bytes=2_000, backup_count=20)
    canaries: list[str] = []
    try:
        for number in range(40):
            value = canary()
            canaries.append(value)
            log.info("round %d for %s", number, value)
            log.debug(f"round {number} for {value}")
            try:
                raise OSError(2, "No such file", f"/home/{value}/export.pdf")
            except OSError:
                log.warning("export %d failed", number, exc_info=True)
    finally:
        for handler in [h for h in root.handlers if getattr(h, "_sst_ids_only", False)]:
            root.removeHandler(handler)
            handler.close()
        for handler in root.handlers:
            for f in [f for f in handler.filters if isinstance(f, IdsOnlyFilter)]:
                handler.removeFilter(f)
        root.setLevel(level)
    files = sorted(p.name for p in directory.iterdir())
    assert len(files) > 2 and LOG_FILE in files  # it rotated
    assert "export 39 failed" in (directory / LOG_FILE).read_text("utf-8")
    assert raw_hits(directory, canaries) == []
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700


def test_without_a_directory_it_logs_to_stderr_with_the_filter(tmp_path):
    root = logging.getLogger()
    level = root.level
    try:
        (handler,) = configure_logging(None, "WARNING")
        assert type(handler) is logging.StreamHandler
        assert any(isinstance(f, IdsOnlyFilter) for f in handler.filters)
        assert root.level == logging.WARNING
    finally:
        root.removeHandler(handler)
        for each in root.handlers:
            for f in [f for f in each.filters if isinstance(f, IdsOnlyFilter)]:
                each.removeFilter(f)
        root.setLevel(level)


class Kind(StrEnum):
    SOCIAL = "social_services"
    DRAFT = "draft"


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("0192f3a4-5b6c-7d8e-9f01-23456789abcd", True),
        (uuid.UUID("0192f3a4-5b6c-7d8e-9f01-23456789abcd"), True),
        (7, True),
        (-3, True),
        (2.5, True),
        (True, True),
        (None, True),
        ("store.db_corrupt", True),
        ("sst_plus", True),
        ("0002", True),
        ("SST-26-ABCDEF", True),
        (Kind.SOCIAL, True),
        (Kind.DRAFT, True),
        ("Elsa", False),
        ("elsa", False),
        ("draft", False),
        ("elsa andersson", False),
        ("CANARY-abc", False),
        ("201203142383", False),
        (201203142383, False),
        ("/home/elsa/export.pdf", False),
        (b"bytes", False),
        (["a"], False),
        ("a_" + "a" * 80, False),
        ("SST-26-ABCDE1", False),
    ],
)
def test_which_values_are_safe(value, safe):
    assert is_safe_value(value) is safe
