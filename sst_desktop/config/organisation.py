"""The organisation's configuration: what municipal IT deploys with the app, not per user.

A JSON file, nothing personal in it:

    {
      "organisation": "Exempelstads kommun",
      "escrow": {"enabled": true, "public_key": "<base64 of a 32-byte X25519 public key>"},
      "programme_rules": ["programmes-2027.json"],
      "ca_bundle": "kommun-ca.pem",
      "small_cell_threshold": 5,
      "instrument_texts": ["texts/ors.json", "texts/sdq.json"],
      "absence_functions": "absence-functions.json"
    }

Found at ``SST_ORGANISATION_CONFIG`` if set, else ``organisation.json`` in the machine-wide
configuration directory (where IT puts it), else the user's. No file means the defaults: no
escrow slot (design.md: a policy switch, off by default) and the shipped programme rules.
``ca_bundle``: the organisation's own CA certificates (PEM), trusted for the central store's
certificate besides the system's. Paths in ``programme_rules`` and ``ca_bundle`` are relative
to the file. ``small_cell_threshold``: exported aggregates hide counts below it (default 5,
at least 3). ``instrument_texts``: the licensed item texts of the rating instruments, one file
per instrument (``sst_desktop/instruments/texts.py``), relative to the file.
``absence_functions``: the organisation's own catalogue of what an absence can do for the
student (``sst_desktop/config/absence_functions.py``), in place of the shipped one. A file that is
there but wrong is an error naming the file, never silently ignored: a missing escrow slot
would go unnoticed.
"""

from __future__ import annotations

import base64
import binascii
import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from sst_desktop.config.absence_functions import AbsenceFunctionCatalogue, load_absence_functions
from sst_desktop.config.paths import APP_AUTHOR, APP_NAME
from sst_desktop.config.programmes import ProgrammeRules, load_programme_rules
from sst_desktop.config.resources import resource_path
from sst_desktop.errors import SstError, error_code

CONFIG_FILE = "organisation.json"
ENV_VAR = "SST_ORGANISATION_CONFIG"
X25519_KEY_BYTES = 32
ORG_CONFIG_INVALID = error_code(
    "config.organisation_invalid",
    "The organisation configuration {file} is not valid: {field}: {problem}",
)


class EscrowPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = False
    public_key: str | None = None

    @field_validator("public_key")
    @classmethod
    def _is_x25519_key(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                raw = base64.b64decode(value, validate=True)
            except binascii.Error as exc:
                raise ValueError("public_key is not base64") from exc
            if len(raw) != X25519_KEY_BYTES:
                raise ValueError("public_key must be a 32-byte X25519 public key")
        return value


class OrganisationConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    organisation: str | None = None
    escrow: EscrowPolicy = Field(default_factory=EscrowPolicy)
    programme_rules: tuple[Path, ...] = ()
    ca_bundle: Path | None = None
    # Counts from 1 to this minus one are suppressed in exported aggregates (the follow-up
    # file's summary). An organisation may raise it, not go below 3 (decisions.md).
    small_cell_threshold: int = Field(default=5, ge=3, le=100)
    instrument_texts: tuple[Path, ...] = ()
    absence_functions: Path | None = None
    _source: Path | None = PrivateAttr(default=None)  # the file it came from, if any

    def escrow_public_key(self) -> bytes | None:
        """The key to wrap the database key to, or None when escrow is off."""
        if not self.escrow.enabled:
            return None
        if self.escrow.public_key is None:
            raise SstError(
                ORG_CONFIG_INVALID,
                file=self._source.name if self._source else CONFIG_FILE,
                field="escrow.public_key",
                problem="escrow is enabled but no public key is given",
            )
        return base64.b64decode(self.escrow.public_key)

    def ca_bundle_path(self) -> Path | None:
        if self.ca_bundle is None or self.ca_bundle.is_absolute():
            return self.ca_bundle
        return (self._source.parent if self._source else Path()) / self.ca_bundle

    def instrument_text_paths(self) -> list[Path]:
        base = self._source.parent if self._source else Path()
        return [p if p.is_absolute() else base / p for p in self.instrument_texts]

    def absence_function_catalogue(self) -> AbsenceFunctionCatalogue:
        path = self.absence_functions
        if path is not None and not path.is_absolute():
            path = (self._source.parent if self._source else Path()) / path
        return load_absence_functions(path)

    def rules(self) -> ProgrammeRules:
        base = self._source.parent if self._source else Path()
        extra = [p if p.is_absolute() else base / p for p in self.programme_rules]
        return load_programme_rules([resource_path("programmes", "default.json"), *extra])


def config_path(environ: Mapping[str, str] = os.environ) -> Path | None:
    """The file that applies, or None: the variable, then machine-wide, then per user."""
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR]).expanduser()
    for directory in (
        platformdirs.site_config_dir(APP_NAME, APP_AUTHOR),
        platformdirs.user_config_dir(APP_NAME, APP_AUTHOR),
    ):
        candidate = Path(directory) / CONFIG_FILE
        if candidate.is_file():
            return candidate
    return None


def load_organisation_config(environ: Mapping[str, str] = os.environ) -> OrganisationConfig:
    path = config_path(environ)
    if path is None:
        return OrganisationConfig()
    try:
        config = OrganisationConfig.model_validate_json(path.read_bytes())
    except FileNotFoundError as exc:
        raise SstError(
            ORG_CONFIG_INVALID, file=path.name, field="(file)", problem="not found"
        ) from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        raise SstError(
            ORG_CONFIG_INVALID,
            file=path.name,
            field=".".join(str(p) for p in first["loc"]) or "(file)",
            problem=first["msg"],
        ) from exc
    except OSError as exc:
        raise SstError(
            ORG_CONFIG_INVALID, file=path.name, field="(file)", problem="cannot be read"
        ) from exc
    config._source = path
    return config
