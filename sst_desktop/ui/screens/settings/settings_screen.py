"""Settings: language, auto-lock minutes, text size; the programme rules in force, read-only.

Changes apply at once and are saved in the settings file (nothing personal in it).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sst_desktop import __version__
from sst_desktop.app_context import AppContext
from sst_desktop.config.programmes import ProgrammeConfig
from sst_desktop.config.settings import Settings
from sst_desktop.ui.labels import label
from sst_desktop.ui.screens.settings.server_box import ServerBox
from sst_desktop.ui.tasks import TaskRunner

TEXT_SIZES = (100, 125, 150, 175, 200)


class SettingsScreen(QWidget):
    language_changed = Signal(str)
    auto_lock_changed = Signal(int)
    text_size_changed = Signal(int)
    server_connected = Signal()

    def __init__(
        self,
        settings: Settings,
        context: AppContext,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        title = QLabel(self.tr("Settings"), self)
        title.setObjectName("screenTitle")
        self.language = QComboBox(self)
        self.language.addItem("Svenska", "sv")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(settings.get("language")))
        self.auto_lock = QSpinBox(self)
        self.auto_lock.setRange(1, 60)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setValue(settings.get("auto_lock_minutes"))
        self.text_size = QComboBox(self)
        for size in TEXT_SIZES:
            self.text_size.addItem(f"{size} %", size)
        self.text_size.setCurrentIndex(self.text_size.findData(settings.get("text_size_percent")))
        self.rules = QPlainTextEdit(self)
        self.rules.setReadOnly(True)
        self.rules.setPlainText(self._rules_text(context))
        self.rules.setAccessibleName(self.tr("Programme rules in force"))
        # From the package metadata (sst_desktop.__version__), as `sst --version` shows it.
        self.version = QLabel(self.tr("Version %1").replace("%1", __version__), self)
        form = QFormLayout()
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("&Lock after idle"), self.auto_lock)
        form.addRow(self.tr("&Text size"), self.text_size)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        self.server = ServerBox(context, runner, self)
        self.server.connected.connect(self.server_connected)
        layout.addWidget(self.server)
        layout.addWidget(QLabel(self.tr("Programme rules (read-only)"), self))
        layout.addWidget(self.rules, 1)
        layout.addWidget(self.version)
        self.language.currentIndexChanged.connect(self._language)
        self.auto_lock.valueChanged.connect(self._auto_lock)
        self.text_size.currentIndexChanged.connect(self._text_size)

    def _rules_text(self, context: AppContext) -> str:
        blocks = [self._entry_text(entry) for entry in context.rules.entries]
        return "\n\n".join(blocks)

    def _entry_text(self, entry: ProgrammeConfig) -> str:
        years = ", ".join("F" if y == 0 else str(y) for y in entry.eligible_school_years)
        reviews = (
            self.tr("every %1-%2 weeks")
            .replace("%1", str(entry.review_weeks.min))
            .replace("%2", str(entry.review_weeks.max))
            if entry.review_weeks
            else self.tr("after %1 months").replace("%1", str(entry.follow_up_meeting_months))
        )
        needs = (
            self.tr("a written reason")
            if entry.time_limit_exceeded_requires == "reason"
            else self.tr("a continuation decision")
        )
        district = entry.district or self.tr("all districts")
        heading = (
            self.tr("%1 (%2, from %3)")
            .replace("%1", label(entry.programme))
            .replace("%2", district)
            .replace("%3", entry.valid_from.isoformat())
        )
        limit = (
            self.tr("%1 months; beyond it needs %2")
            .replace("%1", str(entry.time_limit_months))
            .replace("%2", needs)
        )
        rows = (
            (self.tr("School years"), years),
            (self.tr("Absence threshold"), f"{entry.absence_threshold_percent or '-'} %"),
            (self.tr("Reviews"), reviews),
            (self.tr("Time limit"), limit),
            (self.tr("Plan signers"), ", ".join(label(s) for s in entry.required_plan_signers)),
            (
                self.tr("Follow-ups after closure (months)"),
                ", ".join(str(m) for m in entry.follow_up_months),
            ),
        )
        lines = [heading, *(f"  {name}: {value}" for name, value in rows)]
        return "\n".join(lines)

    def _language(self) -> None:
        value = self.language.currentData()
        self._settings.set("language", value)
        self.language_changed.emit(value)

    def _auto_lock(self, minutes: int) -> None:
        self._settings.set("auto_lock_minutes", minutes)
        self.auto_lock_changed.emit(minutes)

    def _text_size(self) -> None:
        value = self.text_size.currentData()
        self._settings.set("text_size_percent", value)
        self.text_size_changed.emit(value)
