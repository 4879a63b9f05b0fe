"""Ratings: what needs attention now (the signals of each respondent's latest session, each
saying why and by which rule), the chart, every rating, and a new rating: rated here with the
clinician, handed over to the child or guardian in client-facing mode, entered from a paper
form, or recorded as not given. The version of the form follows the student's age on the date."""

from __future__ import annotations

import logging

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.app_context import AppContext
from sst_desktop.casework import rating_service
from sst_desktop.casework.rating_chart_source import chart_data, respondent_key
from sst_desktop.casework.rating_queries import CaseRatings, RatingRow, case_ratings
from sst_desktop.casework.rating_service import RatingSessionInput
from sst_desktop.casework.support_queries import ContactRow, case_contacts
from sst_desktop.charts.rating_chart_data import ChartTexts, RatingChartData
from sst_desktop.config.instrument_texts import licensed_catalogue
from sst_desktop.config.organisation import load_organisation_config
from sst_desktop.errors import SstError
from sst_desktop.instruments import Catalogue, Definition, shipped_catalogue
from sst_desktop.instruments.age import age_on
from sst_desktop.ui.errors import error_text
from sst_desktop.ui.labels import label
from sst_desktop.ui.screens.case_workspace.client_rating import ClientRatingPage
from sst_desktop.ui.screens.case_workspace.ratings_csv_bar import RatingsCsvBar
from sst_desktop.ui.tasks import TaskRunner
from sst_desktop.ui.widgets.rating_chart_view import RatingChartView
from sst_desktop.ui.widgets.rating_form import RatingForm
from sst_rules.enums import RatingEntry

log = logging.getLogger(__name__)


def _catalogue() -> tuple[Catalogue, str]:
    """The organisation's licensed item texts over the neutral labels; a broken texts file is
    said on the tab (and in the log) and the neutral labels stand in."""
    try:
        return licensed_catalogue(load_organisation_config()), ""
    except SstError as error:
        log.error("instrument texts not loaded: %s", error.code)
        return shipped_catalogue(), error_text(error)


def in_ui_language(sv: str, en: str) -> str:
    return sv if QLocale().language() == QLocale.Language.Swedish else en


class RatingsTab(QWidget):
    changed = Signal()

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._runner = context, runner
        self._catalogue, self.texts_problem = _catalogue()
        self._case_id: str | None = None
        self.ratings: CaseRatings | None = None
        self.form: RatingForm | None = None
        self.signals = QLabel(self)
        self.signals.setObjectName("ratingSignals")
        self.signals.setWordWrap(True)
        self.focus = QComboBox(self)
        self.focus.setAccessibleName(self.tr("Whose cut-off and band the chart shows"))
        self.focus.currentIndexChanged.connect(lambda _i: self._draw())
        self.chart = RatingChartView(self)
        self.chart.setMinimumHeight(420)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Form"),
                self.tr("Respondent"),
                self.tr("Session"),
                self.tr("Total"),
                self.tr("Entered"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Every rating of the case"))
        self.csv = RatingsCsvBar(context, runner, self)
        self.csv.imported.connect(self._imported)
        self.problem = QLabel(self.texts_problem, self)
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        focus_row = QHBoxLayout()
        focus_row.addWidget(QLabel(self.tr("Cut-off and band for"), self))
        focus_row.addWidget(self.focus)
        focus_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.signals)
        layout.addLayout(focus_row)
        layout.addWidget(self.chart)
        layout.addWidget(self.table)
        layout.addWidget(self.csv)
        layout.addWidget(self._new_rating_box())
        layout.addWidget(self.problem)

    # -- the new-rating form -------------------------------------------------------------

    def _new_rating_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("New rating"), self)
        self.family = QComboBox(box)
        self.family.addItem(self.tr("Outcome rating (ORS/CORS): at the start"), "outcome")
        self.family.addItem(self.tr("Session rating (SRS/CSRS): at the end"), "session")
        self.respondent = QComboBox(box)
        self.rated_on = QDateEdit(box)
        self.rated_on.setCalendarPopup(True)
        self.rated_on.setDisplayFormat("yyyy-MM-dd")
        self.contact = QComboBox(box)
        self.contact.setAccessibleName(self.tr("The contact the rating belongs to"))
        self.paper = QComboBox(box)
        self.paper.addItem(label(RatingEntry.CLINICIAN), RatingEntry.CLINICIAN.value)
        self.paper.addItem(label(RatingEntry.PAPER), RatingEntry.PAPER.value)
        self.version_note = QLabel(box)
        self.version_note.setWordWrap(True)
        self.rate_button = QPushButton(self.tr("&Rate here"), box)
        self.hand_over_button = QPushButton(self.tr("&Hand over to the client…"), box)
        self.skip_button = QPushButton(self.tr("Not &given this session"), box)
        self.form_area = QVBoxLayout()
        self.save_button = QPushButton(self.tr("&Save the rating"), box)
        self.cancel_button = QPushButton(self.tr("&Cancel"), box)
        for button in (self.save_button, self.cancel_button):
            button.hide()
        form = QFormLayout(box)
        form.addRow(self.tr("Form"), self.family)
        form.addRow(self.tr("Who rates"), self.respondent)
        form.addRow(self.tr("Date"), self.rated_on)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("How"), self.paper)
        form.addRow("", self.version_note)
        buttons = QHBoxLayout()
        for button in (self.rate_button, self.hand_over_button, self.skip_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        form.addRow(self.form_area)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.cancel_button)
        save_row.addWidget(self.save_button)
        form.addRow(save_row)
        self.family.currentIndexChanged.connect(lambda _i: self._choose_version())
        self.respondent.currentIndexChanged.connect(lambda _i: self._choose_version())
        self.rated_on.dateChanged.connect(lambda _d: self._choose_version())
        self.rate_button.clicked.connect(self.rate_here)
        self.hand_over_button.clicked.connect(self.hand_over)
        self.skip_button.clicked.connect(self.record_skipped)
        self.save_button.clicked.connect(self.save_form)
        self.cancel_button.clicked.connect(self._close_form)
        return box

    def _fill_respondents(self, guardians: int) -> None:
        current = self.respondent.currentData()
        self.respondent.blockSignals(True)
        self.respondent.clear()
        self.respondent.addItem(self.tr("The student"), "self")
        for number in range(1, guardians + 1):
            self.respondent.addItem(self.guardian_label(number), respondent_key("parent", number))
        self.respondent.addItem(self.tr("A teacher"), "teacher")
        index = self.respondent.findData(current)
        self.respondent.setCurrentIndex(max(index, 0))
        self.respondent.blockSignals(False)

    def who(self) -> tuple[str, int | None]:
        """The respondent chosen, and the guardian's number when a guardian rates."""
        respondent, _, number = (self.respondent.currentData() or "self").partition(":")
        return respondent, int(number) if number else None

    def guardian_label(self, number: int) -> str:
        return self.tr("Guardian %1").replace("%1", str(number))

    def respondent_label(self, respondent: str, number: int | None) -> str:
        if respondent == "parent":
            return self.guardian_label(number) if number else self.tr("A guardian")
        return self.tr("The student") if respondent == "self" else self.tr("A teacher")

    def _fill_contacts(self, contacts: list[ContactRow]) -> None:
        self.contact.clear()
        self.contact.addItem(self.tr("No contact"), None)
        for row in sorted(contacts, key=lambda c: c.at, reverse=True)[:30]:
            if row.corrected or row.status != "held":
                continue
            text = f"{row.at.date().isoformat()} {label(row.kind, 'ContactKind')}"
            self.contact.addItem(text, row.contact_id)
        today = self._context.clock.today().isoformat()
        for index in range(1, self.contact.count()):  # today's visit is the likely one
            if self.contact.itemText(index).startswith(today):
                self.contact.setCurrentIndex(index)
                break

    def definition(self) -> Definition | None:
        """The form for the student's age on the rating date, or None (and say why)."""
        birth = self.ratings.birth_date if self.ratings else None
        if birth is None:
            self.version_note.setText(
                self.tr("Record the student's date of birth first: the form follows the age.")
            )
            return None
        respondent, _number = self.who()
        on = self.rated_on.date().toPython()
        try:
            chosen = self._catalogue.choose(self.family.currentData(), respondent, birth, on)
        except Exception as error:  # no version for this age and respondent
            self.version_note.setText(error_text(error))
            return None
        name = in_ui_language(chosen.name.sv, chosen.name.en)
        self.version_note.setText(
            self.tr("Form: %1 (the student is %2 on the date)")
            .replace("%1", name)
            .replace("%2", str(age_on(birth, on)))
        )
        return chosen

    def _choose_version(self) -> None:
        ready = self.definition() is not None and self._case_id is not None
        for button in (self.rate_button, self.hand_over_button, self.skip_button):
            button.setEnabled(ready and self.form is None)

    def _new_form(self, definition: Definition) -> RatingForm:
        birth = self.ratings.birth_date if self.ratings else None
        on = self.rated_on.date().toPython()
        respondent, _number = self.who()
        age = age_on(birth, on) if birth else None
        child = age is not None and age < 13  # the child versions show faces
        return RatingForm(definition, respondent, age=age, faces=child)

    def rate_here(self) -> None:
        definition = self.definition()
        if definition is None:
            return
        self.form = self._new_form(definition)
        self.form.changed.connect(lambda: self.save_button.setEnabled(self._form_ready()))
        self.form_area.addWidget(self.form)
        self.save_button.setEnabled(False)
        for button in (self.save_button, self.cancel_button):
            button.show()
        self._choose_version()

    def _form_ready(self) -> bool:
        return self.form is not None and self.form.is_complete

    def _close_form(self) -> None:
        if self.form is not None:
            self.form.setParent(None)
            self.form.deleteLater()
        self.form = None
        for button in (self.save_button, self.cancel_button):
            button.hide()
        self._choose_version()

    def _input(self, answers: dict[str, int], entry: RatingEntry, skipped: bool = False):
        respondent, number = self.who()
        guardian_ids = self.ratings.guardian_ids if self.ratings else ()
        guardian = guardian_ids[number - 1] if number and number <= len(guardian_ids) else None
        return RatingSessionInput(
            family=self.family.currentData(),
            respondent=respondent,
            rated_on=self.rated_on.date().toPython(),
            answers=answers,
            entry=entry,
            contact_id=self.contact.currentData(),
            guardian_id=guardian,
            skipped=skipped,
        )

    def save_form(self) -> None:
        if self.form is None or not self.form.is_complete or self._case_id is None:
            return
        marks = {k: v for k, v in self.form.millimetres().items() if v is not None}
        data = self._input(marks, RatingEntry(self.paper.currentData()))
        self._write(data, after=self._close_form)

    def record_skipped(self) -> None:
        if self._case_id is None:
            return
        self._write(self._input({}, RatingEntry(self.paper.currentData()), skipped=True))

    def client_page(self) -> ClientRatingPage | None:
        """The form as the child or guardian sees it: nothing of the record, only the lines;
        it saves itself when they confirm."""
        definition = self.definition()
        if definition is None or self._case_id is None:
            return None
        page = ClientRatingPage(self._new_form(definition))
        case_id, services = self._case_id, self._context.services

        def save(marks: dict[str, int]) -> None:
            data = self._input(marks, RatingEntry.CLIENT)
            rating_service.record_rating_session(services, case_id, data)

        page.save = save  # type: ignore[method-assign]
        page.saved.connect(self.refresh)
        return page

    def hand_over(self) -> None:
        page = self.client_page()
        window = self.window()
        if page is not None and hasattr(window, "hand_over"):
            title = self.tr("How have things been?")
            if self.family.currentData() == "session":
                title = self.tr("How was today's meeting?")
            window.hand_over(page, title)

    def _write(self, data: RatingSessionInput, after=None) -> None:
        case_id, services = self._case_id, self._context.services
        self.problem.clear()

        def written(_result: object) -> None:
            if after is not None:
                after()
            self.changed.emit()
            self.refresh()

        self._runner.run(
            lambda control: rating_service.record_rating_session(services, case_id, data),
            written,
            self._failed,
        )

    # -- loading and showing -------------------------------------------------------------

    def _imported(self) -> None:
        self.changed.emit()
        self.refresh()

    def show_case(self, case_id: str) -> None:
        self._case_id = case_id
        self.csv.show_case(case_id)
        today = self._context.clock.today()
        self.rated_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.rated_on.setDate(QDate(today.year, today.month, today.day))
        self._close_form()
        self.refresh()

    def refresh(self) -> None:
        case_id = self._case_id
        if case_id is None:
            return
        services = self._context.services
        self._runner.run(
            lambda control: (case_ratings(services, case_id), case_contacts(services, case_id)),
            self._loaded,
            self._failed,
        )

    def _loaded(self, result: tuple[CaseRatings, list[ContactRow]]) -> None:
        self.ratings, contacts = result
        self._fill_respondents(len(self.ratings.guardian_ids))
        self._fill_contacts(contacts)
        self._fill_focus()
        self._fill_table(self.ratings.rows)
        self._show_signals()
        self._draw()
        self._choose_version()

    def _fill_focus(self) -> None:
        assert self.ratings is not None
        current = self.focus.currentData()
        self.focus.blockSignals(True)
        self.focus.clear()
        seen: set[str] = set()
        for series in self.ratings.series:
            key = respondent_key(series.respondent, series.guardian_number)
            if series.definition.family == "outcome" and key not in seen:
                seen.add(key)
                self.focus.addItem(
                    self.respondent_label(series.respondent, series.guardian_number), key
                )
        self.focus.setCurrentIndex(max(self.focus.findData(current), 0))
        self.focus.blockSignals(False)

    def _fill_table(self, rows: tuple[RatingRow, ...]) -> None:
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            cells = (
                row.rated_on.isoformat(),
                self._form_name(row),
                self.respondent_label(row.respondent, row.guardian_number),
                str(row.session) if row.session else "–",
                self.tr("Not given") if row.skipped else _total_text(row),
                label(row.entry),
            )
            for column, text in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _form_name(self, row: RatingRow) -> str:
        try:
            definition = self._catalogue.get(row.instrument, row.version or None)
        except Exception:
            return row.instrument
        return in_ui_language(definition.name.sv, definition.name.en)

    def _show_signals(self) -> None:
        assert self.ratings is not None
        lines = []
        for series in self.ratings.series:
            who = self.respondent_label(series.respondent, series.guardian_number)
            for signal in series.current_signals():
                said = in_ui_language(signal.explanation.sv, signal.explanation.en)
                rule = in_ui_language(signal.rule.sv, signal.rule.en)
                lines.append(f"<p><b>{who}</b>: {_escape(said)}<br><i>{_escape(rule)}</i></p>")
        if not lines:
            lines.append(self.tr("No signals from the latest ratings."))
        self.signals.setText("".join(lines))

    def _draw(self) -> None:
        if self.ratings is None:
            return
        data = chart_data(
            self.ratings,
            self.respondent_label,
            focus=self.focus.currentData(),
            texts=self.chart_texts(),
        )
        self.chart.set_data(data)

    def chart_texts(self) -> ChartTexts:
        return ChartTexts(
            outcome_axis=self.tr("Outcome (ORS)"),
            session_axis=self.tr("Session (SRS)"),
            school_axis=self.tr("Absence %"),
            cutoff=self.tr("Cut-off"),
            reliable_change=self.tr("Reliable change"),
            no_ratings=self.tr("No ratings yet"),
            paper=self.tr("paper form"),
            participation=self.tr("Participation"),
            session_number=self.tr("Session {number}"),
            total=self.tr("Total"),
            decimal_separator=QLocale().decimalPoint(),
            months=tuple(
                QLocale().monthName(month, QLocale.FormatType.ShortFormat) for month in range(1, 13)
            ),
        )

    def _failed(self, error: BaseException) -> None:
        self.problem.setText(error_text(error))

    def clear(self) -> None:
        self._case_id = None
        self.csv.show_case(None)
        self.ratings = None
        self.table.setRowCount(0)
        self.signals.clear()
        self.focus.clear()
        self.contact.clear()
        self._close_form()
        self.chart.set_data(RatingChartData(series=(), focus=None, texts=self.chart_texts()))


def _total_text(row: RatingRow) -> str:
    total = row.scores.get("total")
    if total is None:
        return "–"
    if isinstance(total, int):
        return str(total)
    return QLocale().toString(float(total), "f", 1)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
