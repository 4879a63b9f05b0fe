"""Retention (gallring) as plain data: a rule names a programme, the record classes it covers
and how many months after the case's closure they are due. The device and the server read the
same rules and decide the same way; the server's decision is the one that counts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class RetentionRule:
    rule_id: str
    programme: str
    record_classes: frozenset[str]
    months_after_closure: int
    legal_reference: str


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it has fewer days."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def is_due(rule: RetentionRule, programme: str, closed_on: date | None, today: date) -> bool:
    """Are the rule's records of a case of ``programme`` closed on ``closed_on`` due today?"""
    return (
        closed_on is not None
        and rule.programme == programme
        and add_months(closed_on, rule.months_after_closure) <= today
    )


def rules_from_programmes(document: Mapping[str, Any]) -> list[RetentionRule]:
    """The retention entries of every default (district-less) entry of a programme file."""
    return [
        RetentionRule(
            str(item["rule"]),
            str(entry["programme"]),
            frozenset(str(c) for c in item["record_classes"]),
            int(item["months_after_closure"]),
            str(item["legal_reference"]),
        )
        for entry in document["entries"]
        if entry.get("district") is None
        for item in entry.get("retention", ())
    ]
