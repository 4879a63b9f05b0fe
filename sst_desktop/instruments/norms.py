"""The cut-offs, reliable change and bands that apply to a rating, and the band of each score.

A norm row applies by respondent and the student's age. Without an age, a respondent whose
rows differ by age cannot be placed: that is an error, not a guess.
"""

from __future__ import annotations

from decimal import Decimal

from sst_desktop.instruments.checks import CUTOFF_BANDS
from sst_desktop.instruments.errors import AGE_REQUIRED, AnswerError
from sst_desktop.instruments.memo import memo
from sst_desktop.instruments.schema import Definition, Norm
from sst_desktop.instruments.scoring import Scores

Bands = dict[str, str | None]


def norm_for(definition: Definition, respondent: str, age: int | None) -> Norm | None:
    rows = [n for n in definition.norms if n.applies_to(respondent, age)]
    if len(rows) > 1 and age is None:
        raise AnswerError(AGE_REQUIRED, instrument=definition.id)
    return rows[0] if rows else None


def bands_for(norm: Norm | None, scores: Scores) -> Bands:
    """The band code of every score the norm places (``None`` where the score is)."""
    if norm is None:
        return {}
    bands: Bands = {}
    tables = _band_lookup(norm)
    for name, value in scores.items():
        if name in tables:
            bands[name] = None if value is None else tables[name].get(value)
        elif name in norm.cutoffs:
            bands[name] = None if value is None else _cutoff_band(norm, name, value)
    return bands


def _band_lookup(norm: Norm) -> dict[str, dict[int | Decimal, str]]:
    """Every whole score of each band table mapped to its band (the tables are small)."""

    def build() -> dict[str, dict[int | Decimal, str]]:
        return {
            name: {v: b.band for b in bands for v in range(b.min, b.max + 1)}
            for name, bands in norm.bands.items()
        }

    return memo(norm, "bands", build)


def _cutoff_band(norm: Norm, name: str, value: int | Decimal) -> str:
    below, at_or_above = CUTOFF_BANDS
    return below if value < norm.cutoffs[name] else at_or_above
