"""The draft's forms: a goal or sub-goal, an intervention, and the overall aims with the review
date. Each is window-modal (``open()``, no nested event loop); OK stays off until what the
plan needs is there, and the tab reads the fields when it is accepted."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.casework.plan_dto import GoalView, InterventionView, ToolView
from sst_desktop.casework.plan_service import GoalInput, InterventionInput
from sst_desktop.ui.labels import label
from sst_desktop.ui.screens.case_workspace.plan_words import PERSPECTIVES, swedish
from sst_rules.enums import PlanPerspective, Setting

NO_DATE = QDate(2000, 1, 1)  # shown as "–": no date given


def date_edit(parent: QWidget, value: date | None = None) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("–")
    set_date(edit, value)
    return edit


def set_date(edit: QDateEdit, value: date | None) -> None:
    edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)


def date_of(edit: QDateEdit) -> date | None:
    return None if edit.date() == NO_DATE else edit.date().toPython()  # type: ignore[return-value]


class _FormDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    @property
    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def accept(self) -> None:
        if self.ok_button.isEnabled():
            super().accept()


class GoalDialog(_FormDialog):
    """A goal in a perspective, or a sub-goal (which keeps its goal's perspective)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        goal: GoalView | None = None,
        *,
        parent_goal: GoalView | None = None,
    ) -> None:
        sub = parent_goal is not None or (goal is not None and goal.parent_id is not None)
        title = self.tr("Sub-goal") if sub else self.tr("Goal")
        super().__init__(title, parent)
        self.parent_id = parent_goal.goal_id if parent_goal else (goal.parent_id if goal else None)
        self.perspective = QComboBox(self)
        for value in PERSPECTIVES:
            self.perspective.addItem(label(value, "PlanPerspective"), value)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.text.setAccessibleName(self.tr("What the goal is"))
        self.criterion = QLineEdit(self)
        self.criterion.setPlaceholderText(
            self.tr("How you will know: e.g. at school 4 days a week")
        )
        self.target = date_edit(self)
        if not sub:
            self.form.addRow(self.tr("&Perspective"), self.perspective)
        else:
            under = parent_goal.number if parent_goal else ""
            self.form.addRow(self.tr("Under goal"), QLabel(under, self))
        self.form.addRow(self.tr("&Goal"), self.text)
        self.form.addRow(self.tr("Measurable &criterion"), self.criterion)
        self.form.addRow(self.tr("&Target date"), self.target)
        if goal is not None:
            self.perspective.setCurrentIndex(max(self.perspective.findData(goal.perspective), 0))
            self.text.setPlainText(goal.text)
            self.criterion.setText(goal.criterion or "")
            set_date(self.target, goal.target_date)
        elif parent_goal is not None:
            self.perspective.setCurrentIndex(self.perspective.findData(parent_goal.perspective))
        self.text.textChanged.connect(self._validate)
        self._validate()

    def _validate(self) -> None:
        self.ok_button.setEnabled(bool(self.text.toPlainText().strip()))

    def value(self) -> GoalInput:
        return GoalInput(
            perspective=PlanPerspective(self.perspective.currentData()),
            text=self.text.toPlainText().strip(),
            criterion=self.criterion.text().strip() or None,
            target_date=date_of(self.target),
            parent_id=self.parent_id,
        )


class InterventionDialog(_FormDialog):
    """What (from the toolbox or in words), under which goal, who, for whom, where, how often,
    from and to."""

    def __init__(
        self,
        goals: tuple[GoalView, ...],
        toolbox: tuple[ToolView, ...],
        parent: QWidget | None = None,
        item: InterventionView | None = None,
        *,
        goal_id: str | None = None,
    ) -> None:
        super().__init__(self.tr("Intervention"), parent)
        self.goal = QComboBox(self)
        self.goal.addItem(self.tr("No particular goal"), None)
        for goal in goals:
            self.goal.addItem(f"{goal.number}. {goal.text[:60]}", goal.goal_id)
        self.tool = QComboBox(self)
        self.tool.addItem(self.tr("Not from the toolbox: describe it"), None)
        for tool in toolbox:
            self.tool.addItem(tool.label_sv if swedish() else tool.label_en, tool.code)
        self.free_text = QLineEdit(self)
        self.free_text.setAccessibleName(self.tr("Description"))
        self.responsible = self._suggestions(
            self.tr("The school"),
            self.tr("Social services"),
            self.tr("The family"),
            self.tr("The team"),
            self.tr("Another service"),
        )
        self.recipient = self._suggestions(
            self.tr("The student"),
            self.tr("The student and guardians"),
            self.tr("The guardians"),
            self.tr("Others"),
        )
        self.setting = QComboBox(self)
        self.setting.addItem("–", None)
        for setting in Setting:
            self.setting.addItem(label(setting), setting.value)
        self.frequency = QLineEdit(self)
        self.frequency.setPlaceholderText(self.tr("e.g. twice a week"))
        self.start, self.end = date_edit(self), date_edit(self)
        period = QHBoxLayout()
        for part in (self.start, QLabel("–", self), self.end):
            period.addWidget(part)
        self.problem = QLabel(self)
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        for text, widget in (
            (self.tr("For &goal"), self.goal),
            (self.tr("&Toolbox"), self.tool),
            (self.tr("&Description"), self.free_text),
            (self.tr("&Who does it"), self.responsible),
            (self.tr("For &whom"), self.recipient),
            (self.tr("W&here"), self.setting),
            (self.tr("How &often"), self.frequency),
        ):
            self.form.addRow(text, widget)
        self.form.addRow(self.tr("From – to"), period)
        self.form.addRow(self.problem)
        self._fill(item, goal_id)
        self.tool.currentIndexChanged.connect(lambda _i: self._validate())
        self.free_text.textChanged.connect(lambda _t: self._validate())
        self.responsible.currentTextChanged.connect(lambda _t: self._validate())
        for edit in (self.start, self.end):
            edit.dateChanged.connect(lambda _d: self._validate())
        self._validate()

    def _suggestions(self, *texts: str) -> QComboBox:
        box = QComboBox(self)
        box.setEditable(True)
        box.addItems(["", *texts])
        return box

    def _fill(self, item: InterventionView | None, goal_id: str | None) -> None:
        wanted_goal = item.goal_id if item else goal_id
        self.goal.setCurrentIndex(max(self.goal.findData(wanted_goal), 0))
        if item is None:
            return
        self.tool.setCurrentIndex(max(self.tool.findData(item.toolbox_code), 0))
        self.free_text.setText(item.free_text or "")
        self.responsible.setCurrentText(item.responsible)
        self.recipient.setCurrentText(item.recipient or "")
        self.setting.setCurrentIndex(max(self.setting.findData(item.setting), 0))
        self.frequency.setText(item.frequency or "")
        set_date(self.start, item.active_from)
        set_date(self.end, item.active_to)

    def _validate(self) -> None:
        problems = []
        if self.tool.currentData() is None and not self.free_text.text().strip():
            problems.append(self.tr("Choose from the toolbox or describe the intervention."))
        if not self.responsible.currentText().strip():
            problems.append(self.tr("Say who does it."))
        start, end = date_of(self.start), date_of(self.end)
        if start and end and end < start:
            problems.append(self.tr("It cannot end before it starts."))
        self.problem.setText(" ".join(problems))
        self.ok_button.setEnabled(not problems)

    def value(self) -> InterventionInput:
        return InterventionInput(
            responsible=self.responsible.currentText().strip(),
            toolbox_code=self.tool.currentData(),
            free_text=self.free_text.text().strip() or None,
            goal_id=self.goal.currentData(),
            recipient=self.recipient.currentText().strip() or None,
            setting=self.setting.currentData(),
            active_from=date_of(self.start),
            active_to=date_of(self.end),
            frequency=self.frequency.text().strip() or None,
        )


class AimsDialog(_FormDialog):
    """The programme's overall aims for this plan and the date of the next review."""

    def __init__(
        self,
        aims: str | None,
        review_on: date | None,
        suggested: date | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Overall aims and review"), parent)
        self.aims = QPlainTextEdit(aims or "", self)
        self.aims.setTabChangesFocus(True)
        self.aims.setAccessibleName(self.tr("Overall aims"))
        self.review = date_edit(self, review_on or suggested)
        note = QLabel(self)
        note.setWordWrap(True)
        if suggested:
            note.setText(
                self.tr("The programme suggests %1 (counted from today).").replace(
                    "%1", suggested.isoformat()
                )
            )
        self.form.addRow(self.tr("Overall &aims"), self.aims)
        self.form.addRow(self.tr("Next &review"), self.review)
        self.form.addRow("", note)

    def value(self) -> tuple[str, date | None]:
        return self.aims.toPlainText().strip(), date_of(self.review)
