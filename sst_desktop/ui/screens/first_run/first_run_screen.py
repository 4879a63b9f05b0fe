"""First run: create the profile, then show the recovery code once.

Page 1 asks who the user is (name, role, authority, team) and a passphrase twice with a strength
meter. Creating the profile (KDF calibration, about a second or two) runs on the task runner. Page
2 shows the recovery code with Print and "I have stored it"; only that button goes on, and the
code is dropped from memory when it is pressed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.app_context import AppContext, OwnerInput
from sst_desktop.ui.errors import error_text
from sst_desktop.ui.labels import label
from sst_desktop.ui.session import create_profile
from sst_desktop.ui.tasks import TaskRunner
from sst_desktop.ui.widgets.new_passphrase_form import NewPassphraseForm
from sst_desktop.ui.widgets.stack import fit_stack_to_current
from sst_rules.enums import Authority, Role

Creator = Callable[[Path, str, OwnerInput], tuple[AppContext, str]]
CodePrinter = Callable[[QWidget, str], None]


class FirstRunScreen(QWidget):
    """Emits ``created`` with the open context once the user has stored the recovery code."""

    created = Signal(object)  # AppContext

    def __init__(
        self,
        profile_dir: Path,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        creator: Creator = create_profile,
        print_code: CodePrinter | None = None,
    ) -> None:
        super().__init__(parent)
        self._profile_dir, self._runner, self._creator = profile_dir, runner, creator
        self._print_code = print_code
        self._context: AppContext | None = None
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_profile_page())
        self.pages.addWidget(self._build_code_page())
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.pages, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        fit_stack_to_current(self.pages)

    def _build_profile_page(self) -> QWidget:
        page = QWidget(self)
        page.setMaximumWidth(600)
        title = QLabel(self.tr("Welcome to SST Desktop"), page)
        title.setObjectName("screenTitle")
        intro = QLabel(
            self.tr(
                "Your profile keeps everything you record encrypted on this computer. Choose a "
                "passphrase only you know; without it or the recovery code nobody can open it."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.name = QLineEdit(page)
        self.name.setAccessibleName(self.tr("Your name"))
        self.role = QComboBox(page)
        for role in Role:
            self.role.addItem(label(role), role.value)
        self.authority = QComboBox(page)
        for authority in Authority:
            self.authority.addItem(label(authority), authority.value)
        self.team = QLineEdit(page)
        self.team.setAccessibleName(self.tr("Team"))
        self.team.setPlaceholderText(self.tr("e.g. SST Västerort"))
        self.passphrase = NewPassphraseForm(page)
        self.error = QLabel(page)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.create_button = QPushButton(self.tr("&Create profile"), page)
        self.create_button.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Role"), self.role)
        form.addRow(self.tr("&Authority"), self.authority)
        form.addRow(self.tr("&Team"), self.team)
        self.passphrase.add_rows(form)
        layout = QVBoxLayout(page)
        for widget in (title, intro):
            layout.addWidget(widget)
        layout.addLayout(form)
        for widget in (self.passphrase.advice, self.error, self.create_button):
            layout.addWidget(widget)
        self.name.textChanged.connect(lambda _t: self._update())
        self.passphrase.validity_changed.connect(lambda _v: self._update())
        self.create_button.clicked.connect(self._create)
        return page

    def _update(self) -> None:
        self.create_button.setEnabled(bool(self.name.text().strip()) and self.passphrase.valid)

    def _owner(self) -> OwnerInput:
        return OwnerInput(
            name=self.name.text().strip(),
            role=Role(self.role.currentData()),
            authority=Authority(self.authority.currentData()),
            team_name=self.team.text().strip() or None,
        )

    def _create(self) -> None:
        owner, secret = self._owner(), self.passphrase.first.text()
        self._set_busy(True)
        self._runner.run(
            lambda control: self._creator(self._profile_dir, secret, owner),
            self._created,
            self._failed,
        )

    def _created(self, result: tuple[AppContext, str]) -> None:
        self._context, code = result
        self.passphrase.take()
        self.code.setText(code)
        self.pages.setCurrentIndex(1)
        fit_stack_to_current(self.pages)
        self.stored.setFocus()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.error.setText(error_text(error))
        self.error.show()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.name, self.role, self.authority, self.team, self.passphrase):
            widget.setEnabled(not busy)
        self.create_button.setEnabled(not busy and self.passphrase.valid)
        self.create_button.setText(
            self.tr("Creating the encrypted profile…") if busy else self.tr("&Create profile")
        )

    def _build_code_page(self) -> QWidget:
        page = QWidget(self)
        page.setMaximumWidth(640)
        title = QLabel(self.tr("Your recovery code"), page)
        title.setObjectName("screenTitle")
        intro = QLabel(
            self.tr(
                "If you forget your passphrase, this code is the only way back into your profile. "
                "It is shown only now. Print it or write it down and keep it locked away, not on "
                "this computer."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.code = QLabel(page)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.4)
        mono.setWeight(QFont.Weight.Bold)
        self.code.setFont(mono)
        self.code.setAccessibleName(self.tr("Recovery code"))
        self.print_button = QPushButton(self.tr("&Print…"), page)
        self.print_button.setEnabled(self._print_code is not None)
        self.confirm = QCheckBox(self.tr("I have stored the recovery code somewhere safe"), page)
        self.stored = QPushButton(self.tr("&Continue"), page)
        self.stored.setEnabled(False)
        layout = QVBoxLayout(page)
        for widget in (title, intro, self.code, self.print_button, self.confirm, self.stored):
            layout.addWidget(widget)
        self.confirm.toggled.connect(self.stored.setEnabled)
        self.print_button.clicked.connect(self._print)
        self.stored.clicked.connect(self._finish)
        return page

    def _print(self) -> None:
        if self._print_code is not None:
            self._print_code(self, self.code.text())

    def _finish(self) -> None:
        context, self._context = self._context, None
        self.code.clear()
        if context is not None:
            self.created.emit(context)
