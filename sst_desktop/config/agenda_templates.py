"""Suggested participants and agenda for a meeting, per programme and kind, as data
(``resources/agenda_templates.json``): the booking form fills them in and the user edits them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from sst_desktop.config.resources import resource_path


@dataclass(frozen=True)
class AgendaTemplate:
    participants: str
    agenda: str


@cache
def _templates() -> dict[str, Any]:
    data = json.loads(resource_path("agenda_templates.json").read_text(encoding="utf-8"))
    return dict(data["templates"])


def agenda_template(programme: str, kind: str, language: str) -> AgendaTemplate | None:
    entry = _templates().get(programme, {}).get(kind)
    if entry is None:
        return None
    lang = language if language in entry["agenda"] else "sv"
    return AgendaTemplate(entry["participants"][lang], entry["agenda"][lang])
