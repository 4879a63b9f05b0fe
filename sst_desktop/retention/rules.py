"""Retention rules from the programme configuration (the rule table of design.md)."""

from __future__ import annotations

from sst_desktop.config.programmes import ProgrammeRules
from sst_rules.retention import RetentionRule


def retention_rules(rules: ProgrammeRules) -> list[RetentionRule]:
    """Every retention entry of every default programme entry (districts inherit them)."""
    return [
        RetentionRule(
            entry.rule,
            config.programme.value,
            frozenset(entry.record_classes),
            entry.months_after_closure,
            entry.legal_reference,
        )
        for config in rules.entries
        if config.district is None
        for entry in config.retention
    ]
