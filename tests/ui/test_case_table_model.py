"""The case table: a correct Qt model, filtering as you type, sorting by value."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sst_desktop.casework.dto import CaseListItem
from sst_desktop.ui.itemmodels.case_table_model import (
    COLUMN_INDEX,
    CaseFilterProxy,
    CaseListFilter,
    CaseTableModel,
)


def _item(n: int, **changes: object) -> CaseListItem:
    values: dict[str, object] = {
        "case_id": f"id-{n}",
        "reference": f"SST-26-AAAA{n:02d}",
        "programme": "sst",
        "status": "active",
        "student_name": f"Elev{n} Testsson",
        "personal_id": f"2012031{n % 10}-2383",
        "school_name": "Ekskolan" if n % 2 else "Björkskolan",
        "district_name": "Söder",
        "school_year": n % 10,
        "opened_on": date(2026, 1, 1 + n),
        "staff_names": ("Anna",),
        "protected_identity": False,
        "mine": n % 3 == 0,
    }
    values.update(changes)
    return CaseListItem(**values)  # type: ignore[arg-type]


def _proxy(items: list[CaseListItem]) -> tuple[CaseTableModel, CaseFilterProxy]:
    model = CaseTableModel()
    model.set_items(items)
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def test_models_pass_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model, proxy = _proxy([_item(n) for n in range(12)])
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)


def test_search_matches_name_identity_number_with_or_without_hyphen_and_school() -> None:
    _model, proxy = _proxy([_item(n) for n in range(12)])
    proxy.set_filter(CaseListFilter(text="elev3 "))
    assert proxy.rowCount() == 1
    proxy.set_filter(CaseListFilter(text="201203142383"))
    assert [proxy.index(0, 0).data()] == ["SST-26-AAAA04"] and proxy.rowCount() == 1
    proxy.set_filter(CaseListFilter(text="20120314-2383"))
    assert proxy.rowCount() == 1
    proxy.set_filter(CaseListFilter(text="0314-2383"))
    assert proxy.rowCount() == 1
    proxy.set_filter(CaseListFilter(text="björk"))
    assert proxy.rowCount() == 6


def test_filters_combine() -> None:
    items = [_item(n, programme="sst_plus" if n < 4 else "sst") for n in range(12)]
    _model, proxy = _proxy(items)
    proxy.set_filter(CaseListFilter(programme="sst_plus"))
    assert proxy.rowCount() == 4
    proxy.set_filter(CaseListFilter(programme="sst_plus", mine_only=True))
    assert proxy.rowCount() == 2  # n = 0 and 3
    proxy.set_filter(CaseListFilter(school="Ekskolan", mine_only=True))
    assert proxy.rowCount() == 2  # n = 3 and 9


def test_sorting_uses_values_not_text() -> None:
    items = [_item(1, school_year=10), _item(2, school_year=9), _item(3, school_year=0)]
    _model, proxy = _proxy(items)
    proxy.sort(COLUMN_INDEX["year"], Qt.SortOrder.AscendingOrder)
    years = [proxy.index(r, COLUMN_INDEX["year"]).data() for r in range(3)]
    assert years == ["F", "9", "10"]


def test_protected_identity_has_a_tooltip(qtbot: QtBot) -> None:
    model, _proxy_model = _proxy([_item(1, protected_identity=True)])
    tip = model.index(0, COLUMN_INDEX["student"]).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Protected identity"
