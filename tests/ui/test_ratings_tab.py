"""The Ratings tab on the demo profile: the table, signals and chart from the saved ratings; a
rating marked here with mouse and keys is saved with exactly those marks; a client-facing
rating is saved by the child without anything of the record on their page."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from sst_desktop.app_context import AppContext
from sst_desktop.casework.queries import list_cases
from sst_desktop.casework.rating_queries import case_ratings
from sst_desktop.ui.screens.case_workspace.ratings_tab import RatingsTab
from sst_desktop.ui.tasks import TaskRunner
from sst_rules.enums import RatingEntry


def rated_case(context: AppContext) -> tuple[str, str]:
    """A demo case whose student has rated at visits: (case id, student name)."""
    for item in list_cases(context.services):
        if item.student_name and case_ratings(context.services, item.case_id).series:
            return item.case_id, item.student_name
    raise AssertionError("the demo profile has no rated case")


def opened_tab(qtbot: QtBot, context: AppContext, case_id: str) -> RatingsTab:
    tab = RatingsTab(context, TaskRunner(synchronous=True))
    qtbot.addWidget(tab)
    tab.resize(1000, 1600)
    tab.show()
    tab.show_case(case_id)
    return tab


def test_the_tab_shows_every_rating_its_signals_and_the_chart(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    case_id, _name = rated_case(demo_context)
    tab = opened_tab(qtbot, demo_context, case_id)
    ratings = case_ratings(demo_context.services, case_id)
    assert tab.table.rowCount() == len(ratings.rows)
    newest = ratings.rows[0]
    assert tab.table.item(0, 0).text() == newest.rated_on.isoformat()
    assert tab.signals.text()  # a signal, or the sentence that there is none
    drawn = tab.chart.figure.axes[0].get_lines()
    assert any(len(line.get_xdata()) >= 1 for line in drawn)
    assert tab.focus.count() >= 1 and tab.focus.itemText(0)


def test_a_rating_marked_here_is_saved_with_its_marks(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    case_id, _name = rated_case(demo_context)
    tab = opened_tab(qtbot, demo_context, case_id)
    before = len(case_ratings(demo_context.services, case_id).rows)
    tab.family.setCurrentIndex(tab.family.findData("outcome"))
    tab.respondent.setCurrentIndex(tab.respondent.findData("self"))
    assert tab.rate_button.isEnabled(), tab.version_note.text()
    tab.rate_button.click()
    assert tab.form is not None and not tab.save_button.isEnabled()
    lines = list(tab.form.lines.values())
    for line, mm in zip(lines[:3], (12, 55, 87), strict=True):
        line.set_value(mm)
    assert not tab.save_button.isEnabled()  # one line unmarked: no total, no saving
    lines[3].setFocus()
    qtbot.keyClick(lines[3], Qt.Key.Key_Right)  # the first arrow puts the mark mid-line
    qtbot.keyClick(lines[3], Qt.Key.Key_Right)
    assert lines[3].value == 51
    assert tab.save_button.isEnabled()
    tab.save_button.click()
    after = case_ratings(demo_context.services, case_id)
    assert len(after.rows) == before + 1
    saved = next(r for r in after.rows if r.items.get("overall") == 51)
    assert sorted(saved.items.values()) == [12, 51, 55, 87]
    assert saved.entry == RatingEntry.CLINICIAN
    assert tab.form is None and tab.table.rowCount() == before + 1


def test_a_client_facing_rating_is_saved_without_the_record_on_screen(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    case_id, name = rated_case(demo_context)
    tab = opened_tab(qtbot, demo_context, case_id)
    before = len(case_ratings(demo_context.services, case_id).rows)
    tab.family.setCurrentIndex(tab.family.findData("session"))
    page = tab.client_page()
    assert page is not None
    qtbot.addWidget(page)
    page.show()
    texts = " ".join(label.text() for label in page.findChildren(QLabel))
    assert name not in texts and case_id not in texts
    assert not page.confirm_button.isEnabled()
    for line in page.form.lines.values():
        line.set_value(80)
    page.redo_button.click()  # the child starts again
    assert all(line.value is None for line in page.form.lines.values())
    for line, mm in zip(page.form.lines.values(), (90, 85, 70, 95), strict=True):
        line.set_value(mm)
    page.confirm_button.click()
    assert page.done and "saved" in page.message.text()
    assert all(line.locked for line in page.form.lines.values())
    after = case_ratings(demo_context.services, case_id)
    assert len(after.rows) == before + 1
    saved = next(r for r in after.rows if r.entry == RatingEntry.CLIENT)
    assert saved.family == "session" and sorted(saved.items.values()) == [70, 85, 90, 95]
    assert tab.table.rowCount() == before + 1  # the tab refreshed behind the hand-over


def test_a_rating_not_given_is_recorded_as_such(qtbot: QtBot, demo_context: AppContext) -> None:
    case_id, _name = rated_case(demo_context)
    tab = opened_tab(qtbot, demo_context, case_id)
    tab.skip_button.click()
    newest = case_ratings(demo_context.services, case_id).rows
    assert any(r.skipped and r.items == {} for r in newest)
    assert any(tab.table.item(row, 4).text() == "Not given" for row in range(tab.table.rowCount()))


LICENSED = {"sv": "LIC-S", "en": "LIC-E"}


def test_the_form_shows_the_organisations_licensed_texts(
    qtbot: QtBot, demo_context: AppContext, tmp_path, monkeypatch
) -> None:
    for instrument in ("ors", "cors"):  # the form follows the demo student's age
        texts = {"format": 1, "instrument": instrument, "items": {"social": LICENSED}}
        (tmp_path / f"{instrument}.json").write_text(json.dumps(texts), encoding="utf-8")
    config = tmp_path / "organisation.json"
    files = {"instrument_texts": ["ors.json", "cors.json"]}
    config.write_text(json.dumps(files), encoding="utf-8")
    monkeypatch.setenv("SST_ORGANISATION_CONFIG", str(config))
    case_id, _name = rated_case(demo_context)
    tab = opened_tab(qtbot, demo_context, case_id)
    tab.family.setCurrentIndex(tab.family.findData("outcome"))
    tab.rate_button.click()
    shown = {label.text() for label in tab.form.findChildren(QLabel)}
    assert shown & {"LIC-S", "LIC-E"}
    assert tab.problem.text() == ""


def test_a_broken_texts_file_is_said_and_the_labels_stand_in(
    qtbot: QtBot, demo_context: AppContext, tmp_path, monkeypatch
) -> None:
    (tmp_path / "ors.json").write_text("{", encoding="utf-8")
    config = tmp_path / "organisation.json"
    config.write_text(json.dumps({"instrument_texts": ["ors.json"]}), encoding="utf-8")
    monkeypatch.setenv("SST_ORGANISATION_CONFIG", str(config))
    case_id, _name = rated_case(demo_context)
    tab = opened_tab(qtbot, demo_context, case_id)
    assert "ors.json" in tab.problem.text()
    tab.rate_button.click()
    assert tab.form is not None and len(tab.form.lines) == 4


def test_ratings_go_out_to_a_csv_and_come_back_only_after_a_yes(
    qtbot: QtBot, demo_context: AppContext, tmp_path
) -> None:
    case_id, _name = rated_case(demo_context)
    tab = opened_tab(qtbot, demo_context, case_id)
    before = len(case_ratings(demo_context.services, case_id).rows)
    exported = tmp_path / "skattningar.csv"
    tab.csv.export_to(exported)
    assert exported.read_bytes().startswith(b"\xef\xbb\xbfcase_ref;")
    assert "written to skattningar.csv" in tab.csv.message.text()
    tab.csv.check_file(exported)  # the same file again: everything is already there
    assert "already recorded" in tab.csv.message.text() and tab.csv.confirm is None

    lines = exported.read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(";")
    row = dict(zip(header, lines[1].split(";"), strict=True))
    row["rated_on"], row["session"] = "2025-01-07", ""  # a session from the FIT platform
    new = tmp_path / "fran-fit.csv"
    new.write_text("\n".join([lines[0], ";".join(row[c] for c in header)]) + "\n", "utf-8")
    tab.csv.check_file(new)
    assert tab.csv.confirm is not None and "1 rating" in tab.csv.confirm.text()
    assert len(case_ratings(demo_context.services, case_id).rows) == before  # not yet
    tab.csv.confirm.done(QMessageBox.StandardButton.Yes)
    assert len(case_ratings(demo_context.services, case_id).rows) == before + 1
    assert tab.table.rowCount() == before + 1 and "imported" in tab.csv.message.text()


def test_a_bad_csv_names_every_row_and_imports_nothing(
    qtbot: QtBot, demo_context: AppContext, tmp_path
) -> None:
    case_id, _name = rated_case(demo_context)
    tab = opened_tab(qtbot, demo_context, case_id)
    before = len(case_ratings(demo_context.services, case_id).rows)
    bad = tmp_path / "trasig.csv"
    bad.write_text(
        "rated_on;instrument;respondent;skipped;individual;interpersonal;social;overall\n"
        "2025-01-07;ors;self;0;50;50;50;150\n"
        "2099-01-07;ors;self;0;50;50;50;50\n",
        encoding="utf-8",
    )
    tab.csv.check_file(bad)
    text = tab.csv.message.text()
    assert "Nothing was imported" in text and "Row 2" in text and "Row 3" in text
    assert tab.csv.confirm is None
    assert len(case_ratings(demo_context.services, case_id).rows) == before
