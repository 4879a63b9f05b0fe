"""Every table of case records names its consent category: a table left out would fall into
the referral category by default and be shared, or withheld, by the wrong rule."""

from __future__ import annotations

import sst_desktop.models  # noqa: F401  (every model on the metadata)
from sst_desktop.models.base import Base
from sst_rules.categories import ALWAYS_VISIBLE, CATEGORY_OF_TABLE, MAPPING_BY_WRITER

NOT_CASE_RECORDS = {"audit_events", "sync_conflicts", "concern_reports"}  # own read rules


def test_every_case_record_table_has_its_category() -> None:
    case_tables = {
        name
        for name, table in Base.metadata.tables.items()
        if "case_id" in table.c and "server_version" in table.c
    }
    by_perspective = {"mapping_sections"}
    named = set(CATEGORY_OF_TABLE) | ALWAYS_VISIBLE | MAPPING_BY_WRITER | by_perspective
    named |= NOT_CASE_RECORDS
    assert sorted(case_tables - named) == []
