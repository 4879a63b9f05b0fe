"""Consent: what the family agreed to share, with whom, for what, until when, and who said what;
record a new consent, withdraw one. A withdrawal takes effect at once: the other authority's
records it covered disappear from every view of this case (the authorisation rule)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.app_context import AppContext
from sst_desktop.casework import consent_service
from sst_desktop.casework.dto import CaseDetail, ConsentSummary
from sst_desktop.ui.drafts import DraftKeeper
from sst_desktop.ui.errors import error_text
from sst_desktop.ui.labels import label
from sst_desktop.ui.tasks import TaskRunner
from sst_rules.enums import Authority, ConsentPurpose, RecordCategory


class ConsentTab(QWidget):
    changed = Signal()

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._runner = context, runner
        self._detail: CaseDetail | None = None
        self.consents = QListWidget(self)
        self.consents.setAccessibleName(self.tr("Consents"))
        self.withdraw_by = QComboBox(self)
        self.withdraw_by.setAccessibleName(self.tr("Withdrawn by"))
        self.withdraw_button = QPushButton(self.tr("&Withdraw consent"), self)
        self.withdraw_button.setEnabled(False)
        withdraw = QHBoxLayout()
        withdraw.addWidget(QLabel(self.tr("Withdrawn by"), self))
        withdraw.addWidget(self.withdraw_by)
        withdraw.addWidget(self.withdraw_button)
        withdraw.addStretch(1)
        self.problem = QLabel(self)
        self.problem.setObjectName("error")
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.consents, 1)
        layout.addLayout(withdraw)
        layout.addWidget(self._build_form())
        layout.addWidget(self.problem)
        self.consents.currentRowChanged.connect(lambda _row: self._update_withdraw())
        self.withdraw_button.clicked.connect(self._withdraw)
        self.draft = DraftKeeper(context, "consent", self._draft_fields, self._apply_draft, self)

    def _draft_fields(self) -> dict[str, object]:
        purposes = [p.value for p, c in self.purposes.items() if c.isChecked()]
        categories = [r.value for r, c in self.categories.items() if c.isChecked()]
        text = self.information.toPlainText()
        if not (purposes or categories or text.strip()):
            return {}
        return {"purposes": purposes, "categories": categories, "information": text}

    def _apply_draft(self, fields: dict[str, object]) -> None:
        for value, check in self.purposes.items():
            check.setChecked(value.value in (fields.get("purposes") or []))  # type: ignore[operator]
        for value, check in self.categories.items():
            check.setChecked(value.value in (fields.get("categories") or []))  # type: ignore[operator]
        self.information.setPlainText(str(fields.get("information") or ""))

    def _build_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Record a new consent"), self)
        self.purposes = {p: QCheckBox(label(p), box) for p in ConsentPurpose}
        self.categories = {c: QCheckBox(label(c), box) for c in RecordCategory}
        self.recipient = QComboBox(box)
        for authority in Authority:
            self.recipient.addItem(label(authority), authority.value)
        self.given_on = QDateEdit(QDate.currentDate(), box)
        self.valid_until = QDateEdit(QDate.currentDate().addYears(1), box)
        for edit in (self.given_on, self.valid_until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.form_kind = QComboBox(box)
        self.form_kind.addItem(self.tr("Written"), "written")
        self.form_kind.addItem(self.tr("Oral"), "oral")
        self.answers = QFormLayout()
        self.information = QPlainTextEdit(box)
        self.information.setPlaceholderText(self.tr("What the family was told"))
        self.information.setMaximumHeight(70)
        self.give_button = QPushButton(self.tr("Record &consent"), box)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Purposes"), box), 0, 0)
        grid.addWidget(QLabel(self.tr("Records shared"), box), 0, 1)
        for row, check in enumerate(self.purposes.values(), start=1):
            grid.addWidget(check, row, 0)
        for row, check in enumerate(self.categories.values(), start=1):
            grid.addWidget(check, row, 1)
        form = QFormLayout()
        form.addRow(self.tr("Shared with"), self.recipient)
        dates = QHBoxLayout()
        for widget in (
            self.given_on,
            QLabel(self.tr("until"), box),
            self.valid_until,
            self.form_kind,
        ):
            dates.addWidget(widget)
        form.addRow(self.tr("Given"), dates)
        layout = QVBoxLayout(box)
        layout.addLayout(grid)
        layout.addLayout(form)
        layout.addLayout(self.answers)
        layout.addWidget(self.information)
        layout.addWidget(self.give_button)
        for check in [*self.purposes.values(), *self.categories.values()]:
            check.toggled.connect(lambda _on: self._validate())
        for edit in (self.given_on, self.valid_until):
            edit.dateChanged.connect(lambda _d: self._validate())
        self.give_button.clicked.connect(self._give)
        return box

    def show_detail(self, detail: CaseDetail) -> None:
        self._detail = detail
        self.consents.clear()
        for consent in detail.consents:
            item = QListWidgetItem(self._describe(consent), self.consents)
            item.setData(0x0100, consent)
        other = (
            Authority.SCHOOL
            if self._context.actor.authority != "school"
            else (Authority.SOCIAL_SERVICES)
        )
        self.recipient.setCurrentIndex(self.recipient.findData(other.value))
        self._fill_answers(detail)
        if self.draft.case_id != detail.item.case_id:  # a reload of the same case keeps typing
            self.draft.open(detail.item.case_id)
        self._update_withdraw()
        self._validate()

    def _describe(self, consent: ConsentSummary) -> str:
        state = self.tr("in force") if consent.active else self.tr("not in force")
        if consent.withdrawn_on:
            state = self.tr("withdrawn %1").replace("%1", consent.withdrawn_on.isoformat())
        return (
            self.tr("%1 → %2 (%3), given %4, until %5: %6")
            .replace("%1", ", ".join(label(p, "ConsentPurpose") for p in consent.purposes))
            .replace("%2", label(consent.recipient_authority, "Authority"))
            .replace("%3", state)
            .replace("%4", consent.given_on.isoformat())
            .replace("%5", consent.valid_until.isoformat() if consent.valid_until else "-")
            .replace("%6", ", ".join(label(c, "RecordCategory") for c in consent.categories))
        )

    def _fill_answers(self, detail: CaseDetail) -> None:
        while self.answers.rowCount():
            self.answers.removeRow(0)
        self.answer_boxes: list[tuple[str, str | None, QComboBox]] = []
        self.withdraw_by.clear()
        parties = [("student", None, self.tr("The student"))] + [
            ("guardian", guardian_id, name) for guardian_id, name in detail.guardian_refs
        ]
        for party, guardian_id, name in parties:
            answer = QComboBox(self)
            answer.addItem(self.tr("Yes"), True)
            answer.addItem(self.tr("No"), False)
            answer.setAccessibleName(self.tr("Answer of %1").replace("%1", name))
            self.answers.addRow(name, answer)
            self.answer_boxes.append((party, guardian_id, answer))
            self.withdraw_by.addItem(name, guardian_id or "student")

    def _validate(self) -> bool:
        problems = []
        if not any(c.isChecked() for c in self.purposes.values()):
            problems.append(self.tr("Tick at least one purpose."))
        if not any(c.isChecked() for c in self.categories.values()):
            problems.append(self.tr("Tick the records that may be shared."))
        if self.valid_until.date() < self.given_on.date():
            problems.append(self.tr("The end date is before the day it was given."))
        self.give_button.setEnabled(not problems and self._detail is not None)
        self.give_button.setToolTip(" ".join(problems))
        return not problems

    def _give(self) -> None:
        detail = self._detail
        if detail is None or not self._validate():
            return
        data = consent_service.ConsentInput(
            purposes=tuple(p for p, c in self.purposes.items() if c.isChecked()),
            categories=tuple(r for r, c in self.categories.items() if c.isChecked()),
            recipient_authority=Authority(self.recipient.currentData()),
            given_on=self.given_on.date().toPython(),  # type: ignore[arg-type]
            valid_until=self.valid_until.date().toPython(),  # type: ignore[arg-type]
            form=str(self.form_kind.currentData()),
            parties=tuple(
                consent_service.PartyAnswer(party, bool(box.currentData()), guardian_id)
                for party, guardian_id, box in self.answer_boxes
            ),
            information_given=self.information.toPlainText().strip() or None,
        )
        services, case_id = self._context.services, detail.item.case_id
        self._write(lambda: consent_service.give_consent(services, case_id, data), self._given)

    def _selected(self) -> ConsentSummary | None:
        item = self.consents.currentItem()
        value = item.data(0x0100) if item is not None else None
        return value if isinstance(value, ConsentSummary) else None

    def _update_withdraw(self) -> None:
        consent = self._selected()
        self.withdraw_button.setEnabled(consent is not None and consent.withdrawn_on is None)

    def _withdraw(self) -> None:
        consent = self._selected()
        if consent is None:
            return
        services, who, today = (
            self._context.services,
            str(self.withdraw_by.currentData()),
            (self._context.clock.today()),
        )
        self._write(
            lambda: consent_service.withdraw_consent(services, consent.consent_id, today, who)
        )

    def _write(self, action: object, done: Callable[[object], None] | None = None) -> None:
        self.problem.clear()
        self._runner.run(lambda control: action(), done or self._written, self._failed)  # type: ignore[operator]

    def _given(self, result: object) -> None:
        """The form's consent is saved: the form empties and its draft goes."""
        for check in [*self.purposes.values(), *self.categories.values()]:
            check.setChecked(False)
        self.information.clear()
        self.draft.saved()
        self._written(result)

    def _written(self, _result: object) -> None:
        self.changed.emit()

    def _failed(self, error: BaseException) -> None:
        self.problem.setText(error_text(error))

    def clear(self) -> None:
        self.draft.close()
        self._detail = None
        self.consents.clear()
        self.withdraw_by.clear()
