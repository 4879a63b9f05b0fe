"""The shape of an instrument definition (``resources/instruments/*.json``), as pydantic models.

A file parses here field by field; references between fields (an item a subscale names, a score
a cut-off names) are checked in ``checks.py``. Ages are the student's full years on the rating
date; line items are integer millimetres on a 10 cm line; thresholds are in score units (cm for
line totals).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Name = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_]*$", max_length=40)]
ItemKey = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_]*$", max_length=40)]
ScaleType = Literal["visual_analogue_mm", "likert_0_2", "ordinal_0_3", "scale_0_10"]
# The answers each scale type allows, inclusive.
SCALE_RANGES: dict[str, tuple[int, int]] = {
    "visual_analogue_mm": (0, 100),
    "likert_0_2": (0, 2),
    "ordinal_0_3": (0, 3),
    "scale_0_10": (0, 10),
}
SignalKind = Literal[
    "below_cutoff",
    "drop_from_previous",
    "reliable_deterioration",
    "no_reliable_improvement",
    "reliable_improvement",
    "clinically_significant_improvement",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    sv: str = Field(min_length=1)
    en: str = Field(min_length=1)


class AgeRange(_Strict):
    """Full years, both ends inclusive; no ``max`` means no upper limit."""

    min: int = Field(ge=0, le=120)
    max: int | None = Field(default=None, ge=0, le=120)

    @model_validator(mode="after")
    def _ordered(self) -> AgeRange:
        if self.max is not None and self.max < self.min:
            raise ValueError("max is below min")
        return self

    def contains(self, age: int) -> bool:
        return self.min <= age and (self.max is None or age <= self.max)

    def overlaps(self, other: AgeRange) -> bool:
        return (self.max is None or other.min <= self.max) and (
            other.max is None or self.min <= other.max
        )

    def describe(self) -> str:
        return f"{self.min}+" if self.max is None else f"{self.min}-{self.max}"


class Respondent(_Strict):
    id: Name
    name: Text
    age: AgeRange  # the student's age for which this respondent's form is meant


class Item(_Strict):
    key: ItemKey
    label: Text  # neutral: never the licensed item text
    scale: ScaleType
    respondents: frozenset[Name] | None = None  # None: on every respondent's form
    text: Text | None = None  # the licensed text, only from an organisation's texts file

    @property
    def answer_range(self) -> tuple[int, int]:
        return SCALE_RANGES[self.scale]


class LineTotal(_Strict):
    """Line items in mm summed to ``total`` in cm to one decimal; every item must be marked."""

    method: Literal["line_total"]


class NotScored(_Strict):
    """Recorded as given; no score (YCORS)."""

    method: Literal["not_scored"]


class SingleItem(_Strict):
    """One item's answer is the score (a 0-10 scale)."""

    method: Literal["single_item"]
    item: ItemKey
    score: Name


class Impact(_Strict):
    """An impact supplement: answers recoded and summed, zero when ``gate`` says no problem."""

    score: Name
    gate: ItemKey
    gate_zero: int = 0  # the gate answer meaning "no difficulties": impact is 0
    recode: dict[int, int]
    items: dict[Name, tuple[ItemKey, ...]]  # per respondent: the items summed


class Subscales(_Strict):
    """Items summed into subscales (prorated when enough are answered), subscales into sums."""

    method: Literal["subscales"]
    subscales: dict[Name, tuple[ItemKey, ...]]
    reverse_items: frozenset[ItemKey] = frozenset()
    prorate_min_answered: int = Field(ge=1)
    rounding: Literal["half_up"]
    sums: dict[Name, tuple[Name, ...]] = Field(default_factory=dict)
    impact: Impact | None = None


Scoring = Annotated[LineTotal | NotScored | SingleItem | Subscales, Field(discriminator="method")]


class Band(_Strict):
    band: Name
    min: int
    max: int


class Norm(_Strict):
    """Cut-offs, reliable change and bands for an age group and some (or all) respondents."""

    age: AgeRange
    respondents: frozenset[Name] | None = None  # None: every respondent
    cutoffs: dict[Name, Decimal] = Field(default_factory=dict)
    reliable_change: dict[Name, Decimal] = Field(default_factory=dict)
    bands: dict[Name, tuple[Band, ...]] = Field(default_factory=dict)
    source: str = Field(min_length=1)

    def applies_to(self, respondent: str, age: int | None) -> bool:
        by_respondent = self.respondents is None or respondent in self.respondents
        return by_respondent and (age is None or self.age.contains(age))


class SignalRule(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9_]+\.[a-z0-9_]+$")]
    kind: SignalKind
    score: Name
    higher_is_better: bool = True
    points: Decimal | None = Field(default=None, gt=0)  # drop_from_previous
    after_sessions: int | None = Field(default=None, ge=2)  # no_reliable_improvement
    supersedes: frozenset[str] = frozenset()
    explanation: Text  # one sentence; may use {value} {previous} {first} {cutoff} ...
    rule: Text  # the rule it applies, with its source

    @model_validator(mode="after")
    def _parameters(self) -> SignalRule:
        if self.kind == "drop_from_previous" and self.points is None:
            raise ValueError("drop_from_previous needs points")
        if self.kind == "no_reliable_improvement" and self.after_sessions is None:
            raise ValueError("no_reliable_improvement needs after_sessions")
        return self


class ChangeRule(_Strict):
    """Which score a series' change (first to last session) is classified on."""

    score: Name
    higher_is_better: bool = True


class Definition(_Strict):
    format: Literal[1]
    id: Name
    version: int = Field(ge=1)
    family: Name  # versions of one measure for different ages share a family (ors, cors, ycors)
    name: Text
    licence: Text
    respondents: tuple[Respondent, ...] = Field(min_length=1)
    default_respondent: Name | None = None
    items: tuple[Item, ...] = Field(min_length=1)
    scoring: Scoring
    norms: tuple[Norm, ...] = ()
    band_labels: dict[Name, Text] = Field(default_factory=dict)
    signals: tuple[SignalRule, ...] = ()
    change: ChangeRule | None = None

    def respondent(self, respondent_id: str) -> Respondent | None:
        return next((r for r in self.respondents if r.id == respondent_id), None)

    def items_for(self, respondent_id: str) -> tuple[Item, ...]:
        return tuple(
            i for i in self.items if i.respondents is None or respondent_id in i.respondents
        )
