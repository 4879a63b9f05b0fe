"""Family and participants: the student's guardians (custody, language, interpreter, how to reach
them) and the people around the case who do not use the app (mentor, counsellor, nurse...), who
take part in meetings and sign plans. Both are added here; identity numbers and e-mail addresses
are checked as they are typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.app_context import AppContext
from sst_desktop.casework import student_service
from sst_desktop.casework.people_queries import CasePeople, GuardianRow, case_people
from sst_desktop.ui.errors import error_text
from sst_desktop.ui.tasks import TaskRunner
from sst_desktop.ui.validation import email_problem, personal_id_problem

# Offered in the role box; the user may type any other role.
PARTICIPANT_ROLES = (
    QT_TRANSLATE_NOOP("PeopleTab", "Mentor"),
    QT_TRANSLATE_NOOP("PeopleTab", "Class teacher"),
    QT_TRANSLATE_NOOP("PeopleTab", "School counsellor"),
    QT_TRANSLATE_NOOP("PeopleTab", "School nurse"),
    QT_TRANSLATE_NOOP("PeopleTab", "Principal"),
    QT_TRANSLATE_NOOP("PeopleTab", "Child and adolescent psychiatry"),
    QT_TRANSLATE_NOOP("PeopleTab", "Social services case officer"),
)
RELATIONS = (
    QT_TRANSLATE_NOOP("PeopleTab", "Mother"),
    QT_TRANSLATE_NOOP("PeopleTab", "Father"),
    QT_TRANSLATE_NOOP("PeopleTab", "Guardian"),
    QT_TRANSLATE_NOOP("PeopleTab", "Foster parent"),
)


def _table(parent: QWidget, headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setAccessibleName(name)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            table.setItem(row, column, QTableWidgetItem(text))
    table.resizeColumnsToContents()


def _choices(parent: QWidget, texts: tuple[str, ...]) -> QComboBox:
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.addItems([QCoreApplication.translate("PeopleTab", t) for t in texts])
    combo.setCurrentIndex(-1)
    return combo


class PeopleTab(QWidget):
    changed = Signal()

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._runner = context, runner
        self.case_id: str | None = None
        self.student_id: str | None = None
        self.people = CasePeople((), ())
        self.guardians = _table(
            self,
            [
                self.tr("Name"),
                self.tr("Relation"),
                self.tr("Custody"),
                self.tr("Phone"),
                self.tr("E-mail"),
                self.tr("Language"),
            ],
            self.tr("Guardians"),
        )
        self.withheld = QLabel(
            self.tr("Protected identity: the guardians' contact details are not shown to you."),
            self,
        )
        self.withheld.setObjectName("banner")
        self.withheld.setWordWrap(True)
        self.withheld.hide()
        self.participants = _table(
            self,
            [
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Organisation"),
                self.tr("Phone"),
                self.tr("E-mail"),
            ],
            self.tr("Participants"),
        )
        self.problem = QLabel(self)
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        lists = QHBoxLayout()
        lists.addWidget(self._titled(self.tr("Guardians"), self.guardians, self.withheld), 3)
        lists.addWidget(self._titled(self.tr("Participants"), self.participants), 2)
        forms = QHBoxLayout()
        forms.addWidget(self._guardian_box(), 3)
        forms.addWidget(self._participant_box(), 2)
        layout = QVBoxLayout(self)
        layout.addLayout(lists, 1)
        layout.addLayout(forms)
        layout.addWidget(self.problem)
        self._validate()

    def _titled(self, title: str, *widgets: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        layout = QVBoxLayout(box)
        for widget in widgets:
            layout.addWidget(widget)
        return box

    def _guardian_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Add a guardian"), self)
        self.g_name = QLineEdit(box)
        self.g_relation = _choices(box, RELATIONS)
        self.g_personal_id = QLineEdit(box)
        self.g_personal_id.setPlaceholderText(self.tr("YYYYMMDD-NNNN (may be left empty)"))
        self.g_phone = QLineEdit(box)
        self.g_email = QLineEdit(box)
        self.g_address = QLineEdit(box)
        self.g_language = QLineEdit(box)
        self.g_language.setPlaceholderText(self.tr("If not Swedish"))
        self.g_custody = QCheckBox(self.tr("Has &custody"), box)
        self.g_custody.setChecked(True)
        self.g_interpreter = QCheckBox(self.tr("Needs an &interpreter"), box)
        self.g_problem = QLabel(box)
        self.g_problem.setObjectName("error")
        self.g_problem.setWordWrap(True)
        self.add_guardian_button = QPushButton(self.tr("Add &guardian"), box)
        form = QFormLayout(box)
        form.addRow(self.tr("&Name"), self.g_name)
        form.addRow(self.tr("&Relation"), self.g_relation)
        form.addRow(self.tr("I&dentity number"), self.g_personal_id)
        form.addRow(self.tr("&Phone"), self.g_phone)
        form.addRow(self.tr("&E-mail"), self.g_email)
        form.addRow(self.tr("&Address"), self.g_address)
        form.addRow(self.tr("&Language"), self.g_language)
        form.addRow("", self.g_custody)
        form.addRow("", self.g_interpreter)
        form.addRow("", self.g_problem)
        form.addRow("", self.add_guardian_button)
        for edit in (self.g_name, self.g_personal_id, self.g_email):
            edit.textChanged.connect(lambda _t: self._validate())
        self.add_guardian_button.clicked.connect(self._add_guardian)
        return box

    def _participant_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Add a participant"), self)
        self.p_name = QLineEdit(box)
        self.p_role = _choices(box, PARTICIPANT_ROLES)
        self.p_organisation = QLineEdit(box)
        self.p_phone = QLineEdit(box)
        self.p_email = QLineEdit(box)
        self.p_problem = QLabel(box)
        self.p_problem.setObjectName("error")
        self.p_problem.setWordWrap(True)
        self.add_participant_button = QPushButton(self.tr("Add pa&rticipant"), box)
        form = QFormLayout(box)
        form.addRow(self.tr("Na&me"), self.p_name)
        form.addRow(self.tr("R&ole"), self.p_role)
        form.addRow(self.tr("Or&ganisation"), self.p_organisation)
        form.addRow(self.tr("P&hone"), self.p_phone)
        form.addRow(self.tr("E-&mail"), self.p_email)
        form.addRow("", self.p_problem)
        form.addRow("", self.add_participant_button)
        for edit in (self.p_name, self.p_email):
            edit.textChanged.connect(lambda _t: self._validate())
        self.p_role.currentTextChanged.connect(lambda _t: self._validate())
        self.add_participant_button.clicked.connect(self._add_participant)
        return box

    def _validate(self) -> None:
        today = self._context.clock.today()
        g_problem = personal_id_problem(self.g_personal_id.text(), today) or email_problem(
            self.g_email.text()
        )
        self.g_problem.setText(g_problem)
        self.add_guardian_button.setEnabled(
            self.student_id is not None and bool(self.g_name.text().strip()) and not g_problem
        )
        p_problem = email_problem(self.p_email.text())
        self.p_problem.setText(p_problem)
        self.add_participant_button.setEnabled(
            self.case_id is not None
            and bool(self.p_name.text().strip() and self.p_role.currentText().strip())
            and not p_problem
        )

    def show_case(self, case_id: str, student_id: str | None) -> None:
        self.case_id, self.student_id = case_id, student_id
        self._validate()
        self.refresh()

    def refresh(self) -> None:
        case_id = self.case_id
        if case_id is None:
            return
        services = self._context.services
        self._runner.run(lambda control: case_people(services, case_id), self._loaded, self._failed)

    def _loaded(self, people: CasePeople) -> None:
        self.people = people
        _fill(self.guardians, [self._guardian_cells(g) for g in people.guardians])
        self.withheld.setVisible(any(g.details_withheld for g in people.guardians))
        _fill(
            self.participants,
            [
                (p.name, p.role, p.organisation or "", p.phone or "", p.email or "")
                for p in people.participants
            ],
        )

    def _guardian_cells(self, g: GuardianRow) -> tuple[str, ...]:
        language = g.language or ""
        if g.needs_interpreter:
            language = (
                self.tr("%1, interpreter").replace("%1", language)
                if language
                else (self.tr("Interpreter"))
            )
        return (
            g.name,
            g.relation or "",
            self.tr("Yes") if g.has_custody else self.tr("No"),
            g.phone or "",
            g.email or "",
            language,
        )

    def _add_guardian(self) -> None:
        student_id = self.student_id
        if student_id is None:
            return
        data = student_service.GuardianInput(
            name=self.g_name.text().strip(),
            relation=self.g_relation.currentText().strip() or None,
            personal_id=self.g_personal_id.text().strip() or None,
            phone=self.g_phone.text().strip() or None,
            email=self.g_email.text().strip() or None,
            address=self.g_address.text().strip() or None,
            has_custody=self.g_custody.isChecked(),
            language=self.g_language.text().strip() or None,
            needs_interpreter=self.g_interpreter.isChecked(),
        )
        services = self._context.services
        self._write(lambda: student_service.add_guardian(services, student_id, data))

    def _add_participant(self) -> None:
        case_id = self.case_id
        if case_id is None:
            return
        name, role = self.p_name.text().strip(), self.p_role.currentText().strip()
        organisation = self.p_organisation.text().strip() or None
        phone, email = self.p_phone.text().strip() or None, self.p_email.text().strip() or None
        services = self._context.services
        self._write(
            lambda: student_service.add_participant(
                services, case_id, name, role, organisation, phone=phone, email=email
            )
        )

    def _write(self, action: Callable[[], object]) -> None:
        self.problem.clear()
        self._runner.run(lambda control: action(), self._written, self._failed)

    def _written(self, _result: object) -> None:
        self._clear_forms()
        self.changed.emit()
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.problem.setText(error_text(error))

    def _clear_forms(self) -> None:
        for edit in (
            self.g_name,
            self.g_personal_id,
            self.g_phone,
            self.g_email,
            self.g_address,
            self.g_language,
            self.p_name,
            self.p_organisation,
            self.p_phone,
            self.p_email,
        ):
            edit.clear()
        for combo in (self.g_relation, self.p_role):
            combo.setCurrentIndex(-1)
            combo.setEditText("")
        self.g_custody.setChecked(True)
        self.g_interpreter.setChecked(False)
        self._validate()

    def clear(self) -> None:
        self.case_id = self.student_id = None
        self.people = CasePeople((), ())
        self.guardians.setRowCount(0)
        self.participants.setRowCount(0)
        self._clear_forms()
