"""References inside a definition that pydantic cannot see: every name used is declared.

``problems(definition)`` lists (field, problem) pairs, first one first; the loader reports the
first with the file's name.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from sst_desktop.instruments.schema import (
    Definition,
    Impact,
    LineTotal,
    Norm,
    SignalRule,
    SingleItem,
    Subscales,
)

Problem = tuple[str, str]
CUTOFF_BANDS = ("below_cutoff", "at_or_above_cutoff")
TEMPLATE_FIELDS = {
    "value": "1",
    "previous": "1",
    "first": "1",
    "cutoff": "1",
    "change": "1",
    "points": "1",
    "sessions": "1",
    "after": "1",
}


def score_names(definition: Definition) -> tuple[str, ...]:
    scoring = definition.scoring
    if isinstance(scoring, LineTotal):
        return ("total",)
    if isinstance(scoring, SingleItem):
        return (scoring.score,)
    if isinstance(scoring, Subscales):
        impact = (scoring.impact.score,) if scoring.impact else ()
        return (*scoring.subscales, *scoring.sums, *impact)
    return ()


def problems(definition: Definition) -> list[Problem]:
    found = [
        *_identities(definition),
        *_scoring(definition),
        *_norms(definition),
        *_signals(definition),
    ]
    if definition.change is not None and definition.change.score not in score_names(definition):
        found.append(("change.score", f"unknown score {definition.change.score!r}"))
    return found


def _identities(definition: Definition) -> Iterator[Problem]:
    respondents = [r.id for r in definition.respondents]
    if len(set(respondents)) != len(respondents):
        yield "respondents", "a respondent id appears twice"
    keys = [i.key for i in definition.items]
    if len(set(keys)) != len(keys):
        yield "items", "an item key appears twice"
    if definition.default_respondent not in (None, *respondents):
        yield "default_respondent", f"unknown respondent {definition.default_respondent!r}"
    for n, item in enumerate(definition.items):
        for who in sorted((item.respondents or set()) - set(respondents)):
            yield f"items.{n}.respondents", f"unknown respondent {who!r}"


def _scoring(definition: Definition) -> Iterator[Problem]:
    scoring = definition.scoring
    keys = {i.key for i in definition.items}
    if isinstance(scoring, SingleItem) and scoring.item not in keys:
        yield "scoring.item", f"unknown item {scoring.item!r}"
    if isinstance(scoring, LineTotal):
        for item in definition.items:
            if item.scale != "visual_analogue_mm":
                yield "scoring.method", f"line_total needs line items; {item.key!r} is not"
    if not isinstance(scoring, Subscales):
        return
    for name, items in scoring.subscales.items():
        for key in [k for k in items if k not in keys]:
            yield f"scoring.subscales.{name}", f"unknown item {key!r}"
        if scoring.prorate_min_answered > len(items):
            yield "scoring.prorate_min_answered", f"more than the items of {name!r}"
    for key in sorted(scoring.reverse_items - keys):
        yield "scoring.reverse_items", f"unknown item {key!r}"
    for name, parts in scoring.sums.items():
        for part in [p for p in parts if p not in scoring.subscales]:
            yield f"scoring.sums.{name}", f"unknown subscale {part!r}"
    if scoring.impact is not None:
        yield from _impact(definition, scoring.impact, keys)


def _impact(definition: Definition, impact: Impact, keys: set[str]) -> Iterator[Problem]:
    if impact.gate not in keys:
        yield "scoring.impact.gate", f"unknown item {impact.gate!r}"
    for who, items in impact.items.items():
        if definition.respondent(who) is None:
            yield f"scoring.impact.items.{who}", f"unknown respondent {who!r}"
        for key in [k for k in items if k not in keys]:
            yield f"scoring.impact.items.{who}", f"unknown item {key!r}"
    scales = {i.key: i.answer_range for i in definition.items}
    for key in {k for items in impact.items.values() for k in items if k in scales}:
        low, high = scales[key]
        if not set(range(low, high + 1)) <= set(impact.recode):
            yield "scoring.impact.recode", f"does not cover every answer to {key!r}"


def _norms(definition: Definition) -> Iterator[Problem]:
    scores = set(score_names(definition))
    respondents = {r.id for r in definition.respondents}
    for n, norm in enumerate(definition.norms):
        for who in sorted((norm.respondents or set()) - respondents):
            yield f"norms.{n}.respondents", f"unknown respondent {who!r}"
        for part in ("cutoffs", "reliable_change", "bands"):
            for name in sorted(set(getattr(norm, part)) - scores):
                yield f"norms.{n}.{part}.{name}", "unknown score"
        yield from _bands(definition, norm, n)


def _bands(definition: Definition, norm: Norm, n: int) -> Iterator[Problem]:
    used = {b.band for bands in norm.bands.values() for b in bands}
    if norm.cutoffs:
        used |= set(CUTOFF_BANDS)
    for band in sorted(used - set(definition.band_labels)):
        yield f"norms.{n}.bands", f"band {band!r} has no entry in band_labels"
    for name, bands in norm.bands.items():
        ordered = sorted(bands, key=lambda b: b.min)
        for low, high in pairwise(ordered):
            if low.max + 1 != high.min:
                yield f"norms.{n}.bands.{name}", f"gap or overlap at {low.max}-{high.min}"
        if any(b.max < b.min for b in bands):
            yield f"norms.{n}.bands.{name}", "a band's max is below its min"


def _signals(definition: Definition) -> Iterator[Problem]:
    scores = set(score_names(definition))
    ids = [s.id for s in definition.signals]
    if len(set(ids)) != len(ids):
        yield "signals", "a signal id appears twice"
    for n, rule in enumerate(definition.signals):
        if rule.score not in scores:
            yield f"signals.{n}.score", f"unknown score {rule.score!r}"
        for other in sorted(rule.supersedes - set(ids)):
            yield f"signals.{n}.supersedes", f"unknown signal {other!r}"
        yield from _templates(rule, n)


def _templates(rule: SignalRule, n: int) -> Iterator[Problem]:
    for field in ("explanation", "rule"):
        for language in ("sv", "en"):
            template = getattr(getattr(rule, field), language)
            try:
                template.format(**TEMPLATE_FIELDS)
            except (KeyError, IndexError, ValueError) as exc:
                yield f"signals.{n}.{field}.{language}", f"bad placeholder {exc}"
