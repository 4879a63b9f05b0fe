"""Recording a signer: signed on paper (name and the date on the paper), about to sign on screen
(name, then the laptop is handed over), or declined (name and the reason); and the goals'
status at a review."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from sst_desktop.casework.plan_dto import GoalView
from sst_desktop.casework.plan_reviews import GoalReviewInput
from sst_desktop.ui.labels import label
from sst_desktop.ui.screens.case_workspace.plan_dialogs import _FormDialog, date_edit, date_of
from sst_rules.enums import GoalStatus, SignerRole


class SignerMode(StrEnum):
    PAPER = "paper"
    SCREEN = "screen"
    DECLINED = "declined"


class SignerDialog(_FormDialog):
    def __init__(
        self,
        mode: SignerMode,
        roles: tuple[str, ...],
        today: date,
        parent: QWidget | None = None,
        *,
        role: str | None = None,
    ) -> None:
        titles = {
            SignerMode.PAPER: self.tr("Signed on paper"),
            SignerMode.SCREEN: self.tr("Sign on screen"),
            SignerMode.DECLINED: self.tr("Declined to sign"),
        }
        super().__init__(titles[mode], parent)
        self.mode = mode
        self.role = QComboBox(self)
        for value in roles:
            self.role.addItem(label(value, "SignerRole"), value)
        self.role.setCurrentIndex(max(self.role.findData(role), 0))
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("The signer's name"))
        self.signed_on = date_edit(self, today)
        self.signed_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.reason.setAccessibleName(self.tr("Why they declined"))
        self.form.addRow(self.tr("&Signs as"), self.role)
        self.form.addRow(self.tr("&Name"), self.name)
        if mode == SignerMode.PAPER:
            self.form.addRow(self.tr("&Date on the paper"), self.signed_on)
        if mode == SignerMode.DECLINED:
            self.form.addRow(self.tr("&Reason"), self.reason)
        if mode == SignerMode.SCREEN:
            note = QLabel(
                self.tr(
                    "Next you choose a PIN and hand the computer over: the signer sees the "
                    "plan and signs on the screen."
                ),
                self,
            )
            note.setWordWrap(True)
            self.form.addRow(note)
        self.name.textChanged.connect(lambda _t: self._validate())
        self.reason.textChanged.connect(self._validate)
        self.signed_on.dateChanged.connect(lambda _d: self._validate())
        self._validate()

    def _validate(self) -> None:
        ok = bool(self.name.text().strip())
        if self.mode == SignerMode.DECLINED:
            ok = ok and bool(self.reason.toPlainText().strip())
        if self.mode == SignerMode.PAPER:
            ok = ok and date_of(self.signed_on) is not None
        self.ok_button.setEnabled(ok)

    def signer_role(self) -> SignerRole:
        return SignerRole(self.role.currentData())

    def signer_name(self) -> str:
        return self.name.text().strip()

    def day(self) -> date | None:
        return date_of(self.signed_on)

    def why(self) -> str:
        return self.reason.toPlainText().strip()


class ReviewDialog(_FormDialog):
    """Each goal of the revision in force with a status to give (or none) and a note."""

    def __init__(self, goals: tuple[GoalView, ...], today: date, parent: QWidget | None = None):
        super().__init__(self.tr("Goals at the review"), parent)
        self.goals = goals
        self.reviewed_on = date_edit(self, today)
        self.reviewed_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.table = QTableWidget(len(goals), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Goal"), self.tr("Status"), self.tr("Note")])
        self.table.verticalHeader().hide()
        self.table.setMinimumWidth(640)
        self.statuses: list[QComboBox] = []
        self.notes: list[QLineEdit] = []
        for row, goal in enumerate(goals):
            item = QTableWidgetItem(f"{goal.number}. {goal.text}")
            item.setToolTip(goal.criterion or "")
            self.table.setItem(row, 0, item)
            status = QComboBox(self.table)
            status.addItem(self.tr("Not reviewed now"), None)
            for value in GoalStatus:
                status.addItem(label(value), value.value)
            status.setCurrentIndex(max(status.findData(goal.latest_status), 0))
            status.currentIndexChanged.connect(lambda _i: self._validate())
            note = QLineEdit(self.table)
            self.table.setCellWidget(row, 1, status)
            self.table.setCellWidget(row, 2, note)
            self.statuses.append(status)
            self.notes.append(note)
        self.table.resizeColumnsToContents()
        self.form.addRow(self.tr("&Reviewed on"), self.reviewed_on)
        self.form.addRow(self.table)
        self._validate()

    def _validate(self) -> None:
        self.ok_button.setEnabled(any(box.currentData() for box in self.statuses))

    def value(self) -> tuple[date | None, list[GoalReviewInput]]:
        reviews = [
            GoalReviewInput(goal.goal_id, GoalStatus(box.currentData()), note.text() or None)
            for goal, box, note in zip(self.goals, self.statuses, self.notes, strict=True)
            if box.currentData()
        ]
        return date_of(self.reviewed_on), reviews
