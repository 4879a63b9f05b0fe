"""Frozen results handed to the CLI and, later, the rating screens: never pydantic models."""

from __future__ import annotations

from dataclasses import dataclass

from sst_desktop.instruments.norms import Bands
from sst_desktop.instruments.scoring import Score, Scores


@dataclass(frozen=True)
class Wording:
    sv: str
    en: str


@dataclass(frozen=True)
class Signal:
    id: str  # the rule's id in the definition, e.g. "srs.below_cutoff"
    kind: str
    session: int  # 1 for the first session of the series
    score: str
    value: Score
    explanation: Wording  # one sentence, with the numbers filled in
    rule: Wording  # the rule it applies and its source


@dataclass(frozen=True)
class FormResult:
    instrument: str
    version: int
    respondent: str
    scores: Scores
    bands: Bands


@dataclass(frozen=True)
class SeriesResult:
    instrument: str
    version: int
    respondent: str
    sessions: tuple[FormResult, ...]
    signals: tuple[Signal, ...]
    change: str | None  # None when the instrument has no reliable-change rule
