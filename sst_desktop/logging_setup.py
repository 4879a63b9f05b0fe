"""Logging that holds ids only (security.md: logs, R3).

The rule, for everyone who writes a log call:

1. The message is a %-style constant written in the calling code:
   ``log.info("opened case %s", case_id)``. Never an f-string, a concatenation, ``str(exc)`` or
   any other text built at run time.
2. Arguments are ids (UUIDs), numbers, enum members, codes with a dot or underscore
   (``store.db_corrupt``, ``social_services``) and case references (``SSTP-26-7KQ2XM``): nothing
   a person wrote or is called. A single word passed as a string (``"insert"``) is redacted: it
   cannot be told from a name, so pass the enum member instead.
3. Exceptions are logged with ``exc_info`` (or passed as an argument); the log keeps their stack
   and type, plus the code of an ``SstError``, never their text: a foreign library's message may
   quote a name, a note or a path.

``IdsOnlyFilter`` enforces this on every root handler, whatever the caller did:

- a message that is not a compile-time constant of the calling frame (checked by identity against
  the frame's code constants: an f-string or concatenation is a new object) is replaced by
  ``<redacted message>`` and its arguments dropped;
- every argument that is not a bool, a number of at most nine digits (longer ones may be identity
  numbers), a UUID, an enum member, a code or a case reference is replaced by ``<redacted>``; an
  exception argument becomes its type name and ``SstError`` code;
- ``exc_info`` is rendered here as the stack plus, for each exception in the chain, its type and
  ``SstError`` code only;
- the message is rendered in the filter, so every handler after it sees only the safe text.

The patterns cannot tell every string from a name (``elsa_andersson`` has the shape of a code):
rule 2 stays the caller's duty, and the filter is the net under it. Failing safe: when the filter
cannot prove a message constant (no calling frame found, e.g. a record handed over from another
thread) it redacts it. The filter must run synchronously in the logging call, as a handler filter
does.
"""

from __future__ import annotations

import enum
import logging
import re
import sys
import traceback
import uuid
from collections.abc import Mapping
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import FrameType, TracebackType

from sst_desktop.errors import SstError

REDACTED = "<redacted>"
REDACTED_MESSAGE = "<redacted message>"
LOG_FILE = "sst.log"
FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
_SAFE_STRINGS = (
    re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
    re.compile(r"-?\d{1,9}(\.\d+)?"),  # counts, sizes, durations; not identity numbers
    re.compile(r"[a-z][a-z0-9]*(?:[._][a-z0-9]+)+"),  # codes: store.db_corrupt, sst_plus
    re.compile(r"SSTP?-\d{2}-[2-9A-HJ-NP-Z]{6}"),  # case references (no personal data)
)
_MAX_INT = 999_999_999
_SST_MARK = "_sst_ids_only"


def is_safe_value(value: object) -> bool:
    """Whether ``value`` may appear in a log: an id, a number, a code or a case reference."""
    if value is None or isinstance(value, bool | uuid.UUID | enum.Enum):
        return True  # an enum member is a code written in our source, never user data
    if isinstance(value, int | float):
        return abs(value) <= _MAX_INT
    if isinstance(value, str):
        return len(value) <= 80 and any(p.fullmatch(value) for p in _SAFE_STRINGS)
    return False


def describe_exception(exc: BaseException) -> str:
    """The type and, for our own errors, the code: never the exception's text."""
    name = f"{type(exc).__module__}.{type(exc).__qualname__}"
    return f"{name} [{exc.code}]" if isinstance(exc, SstError) else name


def format_exception_safely(exc: BaseException) -> str:
    """The traceback of ``exc`` and its causes with each message line replaced by its type."""
    chain: list[tuple[BaseException, str | None]] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    link: str | None = None
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, link))
        if current.__cause__ is not None:
            current, link = current.__cause__, "The above exception was the direct cause of:"
        elif current.__context__ is not None and not current.__suppress_context__:
            current, link = current.__context__, "During handling of the above exception:"
        else:
            current = None
    lines: list[str] = []
    for item, joined_by in reversed(chain):
        lines += _traceback_lines(item.__traceback__)
        lines.append(describe_exception(item))
        if joined_by:
            lines += ["", joined_by, ""]
    return "\n".join(lines)


def _traceback_lines(tb: TracebackType | None) -> list[str]:
    if tb is None:
        return []
    return [
        "Traceback (most recent call last):",
        *(line.rstrip("\n") for line in traceback.format_tb(tb)),
    ]


class IdsOnlyFilter(logging.Filter):
    """Redacts every record to a constant message with safe arguments; never drops one."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, _SST_MARK, False):
            return True
        if not self._constant_message(record):
            record.msg, record.args = REDACTED_MESSAGE, None
        elif isinstance(record.args, Mapping):
            record.args = {key: _safe(value) for key, value in record.args.items()}
        elif record.args:
            record.args = tuple(_safe(value) for value in record.args)
        try:  # render now: a redacted value may no longer fit its placeholder (%d)
            record.msg, record.args = record.getMessage(), None
        except (TypeError, ValueError, KeyError):
            record.msg, record.args = f"{REDACTED_MESSAGE} (arguments did not fit)", None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = format_exception_safely(record.exc_info[1])
        record.exc_info = None
        setattr(record, _SST_MARK, True)
        return True

    @staticmethod
    def _constant_message(record: logging.LogRecord) -> bool:
        if not isinstance(record.msg, str):
            return False
        frame: FrameType | None = sys._getframe(1)
        while frame is not None:
            code = frame.f_code
            if code.co_filename == record.pathname and frame.f_lineno == record.lineno:
                return any(constant is record.msg for constant in code.co_consts)
            frame = frame.f_back
        return False


def _safe(value: object) -> object:
    if isinstance(value, BaseException):
        return describe_exception(value)
    return value if is_safe_value(value) else REDACTED


def configure_logging(
    log_dir: Path | None,
    level: int | str = logging.INFO,
    *,
    max_bytes: int = 1_000_000,
    backup_count: int = 5,
) -> list[logging.Handler]:
    """Log to ``log_dir/sst.log`` (rotating; to stderr when ``log_dir`` is None) and put the
    ids-only filter on every root handler. Calling again replaces the handlers it installed."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, _SST_MARK, False)]:
        root.removeHandler(old)
        old.close()
    handler: logging.Handler
    if log_dir is None:
        handler = logging.StreamHandler()
    else:
        log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            log_dir / LOG_FILE, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8"
        )
    handler.setFormatter(logging.Formatter(FORMAT))
    setattr(handler, _SST_MARK, True)
    root.addHandler(handler)
    root.setLevel(level)
    # Alembic narrates every migration step at INFO; ours already logs the upgrade once.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    for each in root.handlers:
        if not any(isinstance(f, IdsOnlyFilter) for f in each.filters):
            each.addFilter(IdsOnlyFilter())
    return [handler]
