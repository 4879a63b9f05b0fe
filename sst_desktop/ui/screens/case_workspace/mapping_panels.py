"""The Mapping tab's forms: each perspective's section (its author edits it), the function of the
absence (catalogue categories and free text), the interventions tried, the 0-10 scaling by the
student, a guardian and the team, and the analysis. Each panel shows a ``MappingView`` and asks
the tab to write (``request``: a function of the services); none touches a service itself."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.casework import mapping_scaling, mapping_service
from sst_desktop.casework.mapping_dto import MappingView, ScalingView
from sst_desktop.casework.mapping_scaling import ScalingInput
from sst_desktop.casework.mapping_service import SectionInput
from sst_desktop.config.absence_functions import AbsenceFunctionCatalogue
from sst_desktop.ui.labels import label
from sst_rules.enums import MappingPerspective


def in_ui_language(sv: str, en: str) -> str:
    return sv if QLocale().language() == QLocale.Language.Swedish else en


def _text_edit(parent: QWidget, name: str, lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)
    line = edit.fontMetrics().lineSpacing()
    edit.setMinimumHeight(line * lines + 12)
    edit.setMaximumHeight(line * (lines + 2) + 12)  # grows a little, never into a blank wall
    return edit


def _text(edit: QPlainTextEdit) -> str | None:
    return edit.toPlainText().strip() or None


def _editable(view: MappingView | None) -> bool:
    return view is not None and view.draft and view.newest


class SectionsPanel(QGroupBox):
    """One perspective at a time: read by everyone it is shared with, written by its author."""

    request = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Perspectives"), parent)
        self._view: MappingView | None = None
        self.perspective = QComboBox(self)
        for perspective in MappingPerspective:
            self.perspective.addItem(label(perspective), perspective.value)
        self.perspective.setAccessibleName(self.tr("Which perspective's section"))
        self.perspective.currentIndexChanged.connect(lambda _i: self._fill())
        self.who = QLabel(self)
        self.who.setWordWrap(True)
        self.student_view = _text_edit(self, self.tr("The student's own view"))
        self.guardian_view = _text_edit(self, self.tr("The guardians' view"))
        self.function = _text_edit(self, self.tr("The function of the absence, as seen here"), 2)
        self.observations = _text_edit(self, self.tr("Observations"))
        self.save_button = QPushButton(self.tr("&Save the section"), self)
        self.save_button.clicked.connect(self.save)
        form = QFormLayout(self)
        form.addRow(self.tr("Perspective"), self.perspective)
        form.addRow("", self.who)
        form.addRow(self.tr("The student's own view"), self.student_view)
        form.addRow(self.tr("The guardians' view"), self.guardian_view)
        form.addRow(self.tr("The function of the absence, as seen here"), self.function)
        form.addRow(self.tr("Observations"), self.observations)
        form.addRow("", self.save_button)

    def chosen(self) -> MappingPerspective:
        return MappingPerspective(self.perspective.currentData())

    def show_view(self, view: MappingView | None) -> None:
        self._view = view
        self._fill()

    def _fill(self) -> None:
        view, perspective = self._view, self.chosen()
        section = view.section(perspective) if view else None
        hidden = view is not None and perspective in view.hidden_sections
        if section is not None:
            who = self.tr("Written by %1").replace("%1", section.author_name or "-")
            if not section.mine:
                who += " " + self.tr("Only its author can change this section.")
        elif hidden:
            who = self.tr("Not shared with you: the other authority wrote it.")
        else:
            who = self.tr("Not written yet.")
        self.who.setText(who)
        edits = (self.student_view, self.guardian_view, self.function, self.observations)
        texts = (
            (section.student_view, section.guardian_view, section.absence_function)
            if section
            else (None, None, None)
        )
        for edit, text in zip(
            edits, (*texts, section.observations if section else None), strict=True
        ):
            edit.setPlainText(text or "")
        writable = _editable(view) and not hidden and (section is None or section.mine)
        for edit in edits:
            edit.setReadOnly(not writable)
        self.save_button.setEnabled(writable)

    def save(self) -> None:
        view = self._view
        if view is None or not self.save_button.isEnabled():
            return
        data = SectionInput(
            perspective=self.chosen(),
            student_view=_text(self.student_view),
            guardian_view=_text(self.guardian_view),
            absence_function=_text(self.function),
            observations=_text(self.observations),
        )
        mapping_id = view.mapping_id
        self.request.emit(lambda s: mapping_service.write_section(s, mapping_id, data))


class FunctionPanel(QGroupBox):
    """What the absence does for the student: the organisation's categories and free text."""

    request = Signal(object)

    def __init__(self, catalogue: AbsenceFunctionCatalogue, parent: QWidget | None = None):
        super().__init__(self.tr("The function of the absence"), parent)
        self._view: MappingView | None = None
        self._catalogue = catalogue
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        for category in catalogue.categories:
            box = QCheckBox(in_ui_language(category.sv, category.en), self)
            self.boxes[category.code] = box
            layout.addWidget(box)
        self.note = _text_edit(self, self.tr("The function of the absence in your own words"), 2)
        self.note.setPlaceholderText(self.tr("In your own words"))
        self.save_button = QPushButton(self.tr("Save the &function"), self)
        self.save_button.clicked.connect(self.save)
        layout.addWidget(self.note)
        layout.addWidget(self.save_button)

    def show_view(self, view: MappingView | None) -> None:
        self._view = view
        chosen = set(view.absence_functions) if view else set()
        writable = _editable(view) and view is not None and view.ours
        for code, box in self.boxes.items():
            box.setChecked(code in chosen)
            box.setEnabled(writable)
        self.note.setPlainText(view.absence_function_note or "" if view else "")
        self.note.setReadOnly(not writable)
        self.save_button.setEnabled(writable)

    def save(self) -> None:
        view = self._view
        if view is None or not self.save_button.isEnabled():
            return
        codes = [code for code, box in self.boxes.items() if box.isChecked()]
        note, mapping_id, catalogue = _text(self.note), view.mapping_id, self._catalogue
        self.request.emit(
            lambda s: mapping_service.set_absence_function(
                s, mapping_id, codes, note, catalogue=catalogue
            )
        )


NO_DATE = QDate(2000, 1, 1)  # shown as "–": not given


class TrialsPanel(QGroupBox):
    request = Signal(object)

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(self.tr("Interventions tried during the mapping"), parent)
        self._view: MappingView | None = None
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Intervention"),
                self.tr("From"),
                self.tr("To"),
                self.tr("The child's response"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Interventions tried during the mapping"))
        self.table.setMaximumHeight(150)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.intervention = QLineEdit(self)
        self.intervention.setPlaceholderText(self.tr("What was tried"))
        self.intervention.textChanged.connect(lambda _t: self._enable())
        self.tried_from, self.tried_to = QDateEdit(self), QDateEdit(self)
        for edit in (self.tried_from, self.tried_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText("–")
        self.tried_from.setDate(QDate(today.year, today.month, today.day))
        self.tried_to.setDate(NO_DATE)
        self.response = QLineEdit(self)
        self.response.setPlaceholderText(self.tr("How the child responded"))
        self.add_button = QPushButton(self.tr("Add the &trial"), self)
        self.add_button.clicked.connect(self.add)
        dates = QHBoxLayout()
        for widget in (self.tried_from, QLabel("–", self), self.tried_to):
            dates.addWidget(widget)
        dates.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Intervention"), self.intervention)
        form.addRow(self.tr("Tried"), dates)
        form.addRow(self.tr("The child's response"), self.response)
        form.addRow("", self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addStretch(1)

    def show_view(self, view: MappingView | None) -> None:
        self._view = view
        trials = view.trials if view else ()
        self.table.setRowCount(len(trials))
        for row, trial in enumerate(trials):
            cells = (
                trial.intervention,
                trial.tried_from.isoformat(),
                trial.tried_to.isoformat() if trial.tried_to else "–",
                trial.child_response or "",
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        for widget in (self.intervention, self.tried_from, self.tried_to, self.response):
            widget.setEnabled(_editable(view))
        self._enable()

    def _enable(self) -> None:
        self.add_button.setEnabled(_editable(self._view) and bool(self.intervention.text().strip()))

    def add(self) -> None:
        view = self._view
        if view is None or not self.add_button.isEnabled():
            return
        mapping_id, what = view.mapping_id, self.intervention.text().strip()
        start: date = self.tried_from.date().toPython()  # type: ignore[assignment]
        end: date | None = (
            None if self.tried_to.date() == NO_DATE else self.tried_to.date().toPython()  # type: ignore[assignment]
        )
        response = self.response.text().strip() or None
        self.intervention.clear()
        self.response.clear()
        self.request.emit(
            lambda s: mapping_service.add_trial(s, mapping_id, what, start, end, response)
        )


class ScalingPanel(QGroupBox):
    """The scaling question, 0 to 10, by the student, a guardian and the team."""

    request = Signal(object)

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(self.tr("Scaling question 0-10"), parent)
        self._today = today
        self._view: MappingView | None = None
        note = QLabel(
            self.tr(
                "Where is the situation today, from 0 to 10? The wording of the question is the "
                "team's own."
            ),
            self,
        )
        note.setWordWrap(True)
        self.guardian = QComboBox(self)
        self.guardian.setAccessibleName(self.tr("Which guardian scales"))
        self.values: dict[str, QSpinBox] = {}
        self.latest: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        rows = (("self", self.tr("The student")), ("parent", None), ("team", self.tr("The team")))
        for row, (respondent, title) in enumerate(rows):
            who: QWidget = self.guardian if title is None else QLabel(title, self)
            spin = QSpinBox(self)
            spin.setRange(0, 10)
            spin.setAccessibleName(self.tr("Scaling 0-10"))
            button = QPushButton(self.tr("Save"), self)
            button.clicked.connect(lambda _c=False, r=respondent: self.save(r))
            self.values[respondent], self.buttons[respondent] = spin, button
            self.latest[respondent] = QLabel(self)
            for column, widget in enumerate((who, spin, button, self.latest[respondent])):
                grid.addWidget(widget, row, column)
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(grid)

    def show_view(self, view: MappingView | None) -> None:
        self._view = view
        current = self.guardian.currentData()
        self.guardian.clear()
        for number, guardian_id in enumerate(view.guardian_ids if view else (), start=1):
            self.guardian.addItem(self.tr("Guardian %1").replace("%1", str(number)), guardian_id)
        if not self.guardian.count():
            self.guardian.addItem(self.tr("No guardian recorded"), None)
        self.guardian.setCurrentIndex(max(self.guardian.findData(current), 0))
        scalings = view.scalings if view else ()
        for respondent, shown in self.latest.items():
            mine = [s for s in scalings if s.respondent == respondent]
            shown.setText("; ".join(self._said(s) for s in mine) or self.tr("Not scaled yet"))
            self.values[respondent].setValue(mine[-1].value if mine else 0)
        for respondent, button in self.buttons.items():
            ok = _editable(view) and (respondent != "parent" or bool(view and view.guardian_ids))
            button.setEnabled(ok)
            self.values[respondent].setEnabled(ok)

    def _said(self, scaling: ScalingView) -> str:
        text = self.tr("Latest: %1 on %2")
        text = text.replace("%1", str(scaling.value)).replace("%2", scaling.rated_on.isoformat())
        if scaling.guardian_number:
            text = f"{self.tr('Guardian %1').replace('%1', str(scaling.guardian_number))}: {text}"
        return text

    def save(self, respondent: str) -> None:
        view = self._view
        if view is None or not self.buttons[respondent].isEnabled():
            return
        data = ScalingInput(
            respondent=respondent,
            value=self.values[respondent].value(),
            rated_on=self._today,
            guardian_id=self.guardian.currentData() if respondent == "parent" else None,
        )
        mapping_id = view.mapping_id
        self.request.emit(lambda s: mapping_scaling.record_scaling(s, mapping_id, data))


class AnalysisPanel(QGroupBox):
    request = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Analysis"), parent)
        self._view: MappingView | None = None
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.text = _text_edit(self, self.tr("Analysis"), 5)
        self.save_button = QPushButton(self.tr("Save the &analysis"), self)
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.text)
        layout.addWidget(self.save_button)

    def show_view(self, view: MappingView | None) -> None:
        self._view = view
        writable = _editable(view) and view is not None and view.ours
        self.text.setPlainText(view.analysis or "" if view else "")
        self.text.setReadOnly(not writable)
        self.save_button.setEnabled(writable)
        not_ours = _editable(view) and view is not None and not view.ours
        self.note.setText(
            self.tr("The analysis is written by the authority that keeps this revision.")
            if not_ours
            else self.tr("The analysis closes the mapping and grounds the plan.")
        )

    def save(self) -> None:
        view, text = self._view, self.text.toPlainText().strip()
        if view is None or not self.save_button.isEnabled() or not text:
            return
        mapping_id = view.mapping_id
        self.request.emit(lambda s: mapping_service.write_analysis(s, mapping_id, text))
