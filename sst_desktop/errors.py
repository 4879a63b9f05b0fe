"""Domain errors carry a stable code and parameters; each edge translates them.

The domain raises ``SstError(code, **params)``. The CLI and logs show the English template below;
the UI maps the code to a translated string. Parameters must never hold personal data (names,
identity numbers, note text): they end up in logs. Use ids, counts, file names and field names.
"""

from __future__ import annotations

from typing import Any

_TEMPLATES: dict[str, str] = {}


def error_code(code: str, template: str) -> str:
    """Register an error code with its English message template; returns the code."""
    existing = _TEMPLATES.get(code)
    if existing is not None and existing != template:
        raise ValueError(f"error code {code!r} registered twice with different templates")
    _TEMPLATES[code] = template
    return code


def known_codes() -> dict[str, str]:
    """Every registered code with its English template (for the UI's translation table)."""
    return dict(_TEMPLATES)


class SstError(Exception):
    """A failure the user can understand and act on."""

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        template = _TEMPLATES.get(self.code, self.code)
        try:
            return template.format(**self.params)
        except (KeyError, IndexError):
            return template

    def __repr__(self) -> str:
        return f"SstError({self.code!r})"


class ValidationError(SstError):
    """Input that breaks a rule of the domain (a field, a range, a format)."""


class NotAllowedError(SstError):
    """The user may not do this (authorisation, consent, immutability)."""


class WorkflowError(SstError):
    """A step the case's workflow does not allow from its current state."""


class StoreError(SstError):
    """The profile's files cannot be opened, read or written as they are."""
