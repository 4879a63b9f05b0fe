"""The user's app settings, declared as data: key, default, validation. Nothing personal.

Stored as JSON in the user config directory (``SST_CONFIG_DIR`` overrides it), not in the
profile: the unlock screen needs the language before any key exists. A bad or missing file
falls back to the defaults and is rewritten on the next save; settings are never worth a crash.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from sst_desktop.config.paths import APP_AUTHOR, APP_NAME

log = logging.getLogger(__name__)
SETTINGS_FILE = "settings.json"


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    valid: Callable[[Any], bool]


SETTINGS: tuple[Setting, ...] = (
    Setting("language", "sv", lambda v: v in ("sv", "en")),
    Setting(
        "auto_lock_minutes",
        5,
        lambda v: isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 60,
    ),
    Setting("text_size_percent", 100, lambda v: v in (100, 125, 150, 175, 200)),
    Setting("server_address", "", lambda v: isinstance(v, str) and len(v) <= 300),
    Setting("show_initials_only", False, lambda v: isinstance(v, bool)),
    # Printed and saved plans name the student by initials unless this is on (decisions.md).
    Setting("print_full_name", False, lambda v: isinstance(v, bool)),
)
_BY_KEY = {s.key: s for s in SETTINGS}


def config_dir(environ: Mapping[str, str] = os.environ) -> Path:
    from_env = environ.get("SST_CONFIG_DIR")
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


class Settings:
    """Typed access to the settings file; unknown keys and invalid values are ignored."""

    def __init__(self, directory: Path | None = None) -> None:
        self._file = (directory or config_dir()) / SETTINGS_FILE
        self._values = {s.key: s.default for s in SETTINGS}
        self._values.update(self._read())

    def _read(self) -> dict[str, Any]:
        try:
            raw = json.loads(self._file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            log.warning("settings file unreadable; using the defaults")
            return {}
        if not isinstance(raw, dict):
            return {}
        return {k: v for k, v in raw.items() if k in _BY_KEY and _BY_KEY[k].valid(v)}

    def get(self, key: str) -> Any:
        return self._values[key]

    def set(self, key: str, value: Any) -> None:
        setting = _BY_KEY[key]
        if not setting.valid(value):
            raise ValueError(f"invalid value for setting {key}")
        self._values[key] = value
        self._save()

    def _save(self) -> None:
        self._file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self._file.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._values, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self._file)
