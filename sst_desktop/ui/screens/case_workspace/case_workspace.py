"""One case: a header that says whose case it is and what state it is in, then a tab per part of
the work. Loaded through ``case_detail`` (the view is audited there); what the user may not see
is counted, never shown.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.app_context import AppContext
from sst_desktop.casework.dto import CaseDetail, ConsentSummary, WorkspaceTab
from sst_desktop.casework.queries import case_detail
from sst_desktop.ui.errors import error_text
from sst_desktop.ui.labels import label, timeline_label
from sst_desktop.ui.screens.case_workspace.absence_tab import AbsenceTab
from sst_desktop.ui.screens.case_workspace.audit_tab import AuditTab
from sst_desktop.ui.screens.case_workspace.closure_tab import ClosureTab
from sst_desktop.ui.screens.case_workspace.consent_tab import ConsentTab
from sst_desktop.ui.screens.case_workspace.contacts_tab import ContactsTab
from sst_desktop.ui.screens.case_workspace.decisions_tab import DecisionsTab
from sst_desktop.ui.screens.case_workspace.mapping_tab import MappingTab
from sst_desktop.ui.screens.case_workspace.meetings_tab import MeetingsTab
from sst_desktop.ui.screens.case_workspace.people_tab import PeopleTab
from sst_desktop.ui.screens.case_workspace.plan_tab import PlanTab
from sst_desktop.ui.screens.case_workspace.ratings_tab import RatingsTab
from sst_desktop.ui.tasks import TaskRunner
from sst_desktop.ui.widgets.scrolling import scrolling

TABS: tuple[tuple[WorkspaceTab, str], ...] = (
    (WorkspaceTab.OVERVIEW, QT_TRANSLATE_NOOP("CaseWorkspace", "Overview")),
    (WorkspaceTab.PEOPLE, QT_TRANSLATE_NOOP("CaseWorkspace", "Family and participants")),
    (WorkspaceTab.DECISIONS, QT_TRANSLATE_NOOP("CaseWorkspace", "Referral and decisions")),
    (WorkspaceTab.CONSENT, QT_TRANSLATE_NOOP("CaseWorkspace", "Consent")),
    (WorkspaceTab.MEETINGS, QT_TRANSLATE_NOOP("CaseWorkspace", "Meetings")),
    (WorkspaceTab.CONTACTS, QT_TRANSLATE_NOOP("CaseWorkspace", "Contacts")),
    (WorkspaceTab.ABSENCE, QT_TRANSLATE_NOOP("CaseWorkspace", "Absence and participation")),
    (WorkspaceTab.MAPPING, QT_TRANSLATE_NOOP("CaseWorkspace", "Mapping")),
    (WorkspaceTab.RATINGS, QT_TRANSLATE_NOOP("CaseWorkspace", "Ratings")),
    (WorkspaceTab.PLAN, QT_TRANSLATE_NOOP("CaseWorkspace", "Plan")),
    (WorkspaceTab.CLOSURE, QT_TRANSLATE_NOOP("CaseWorkspace", "Closure and follow-up")),
    (WorkspaceTab.AUDIT, QT_TRANSLATE_NOOP("CaseWorkspace", "Audit")),
)


class CaseWorkspace(QWidget):
    closed = Signal()

    def __init__(self, context: AppContext, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._runner = context, runner
        self.detail: CaseDetail | None = None
        self._wanted_tab = WorkspaceTab.OVERVIEW
        self.back = QPushButton(self.tr("← &Back"), self)
        self.title = QLabel(self)
        self.title.setObjectName("screenTitle")
        self.title.setWordWrap(True)  # a long name at 200 % text size wraps, never widens
        # A concern can arise in any conversation: one click from every tab (Ctrl+Shift+O).
        self.concern_button = QPushButton(self.tr("Report of c&oncern…"), self)
        self.concern_button.setToolTip(self.tr("Record a report of concern (Ctrl+Shift+O)"))
        self.banner = QLabel(
            self.tr(
                "Protected identity: address, school and contact details are shown only to "
                "the responsible social services staff. Never print or share them."
            ),
            self,
        )
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badges = QLabel(self)
        self.badges.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.currentChanged.connect(self._tab_opened)
        self.timeline = QListWidget(self)
        self.timeline.setAccessibleName(self.tr("Timeline of the case"))
        self.consent = ConsentTab(context, runner, self)
        self.consent.changed.connect(self._reload)
        self.audit = AuditTab(context, runner, self)
        self.closure = ClosureTab(context, runner, self)
        self.closure.changed.connect(self._reload)
        self.absence = AbsenceTab(context, runner, self)
        self.absence.changed.connect(self._reload)
        self.decisions = DecisionsTab(context, runner, self)
        self.decisions.changed.connect(self._reload)
        self.meetings = MeetingsTab(context, runner, self)
        self.meetings.changed.connect(self._reload)
        self.contacts = ContactsTab(context, runner, self)
        self.contacts.changed.connect(self._reload)
        self.people = PeopleTab(context, runner, self)
        self.people.changed.connect(self._reload)
        self.mapping = MappingTab(context, runner, self)
        self.mapping.changed.connect(self._reload)
        self.ratings = RatingsTab(context, runner, self)
        self.ratings.changed.connect(self._reload)
        self.plan = PlanTab(context, runner, self)
        self.plan.changed.connect(self._reload)
        self.mapping.plan_changed.connect(self.plan.refresh)  # goals made from the mapping
        self._add_tabs()
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(self.title, 1)
        top.addWidget(self.concern_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        for widget in (self.banner, self.facts, self.badges):
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        self.back.clicked.connect(self.closed)
        self.concern_button.clicked.connect(self.report_concern)
        QShortcut(QKeySequence("Ctrl+Shift+O"), self, activated=self.report_concern)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.closed.emit)

    def _add_tabs(self) -> None:
        pages: dict[WorkspaceTab, QWidget] = {
            WorkspaceTab.OVERVIEW: self.timeline,
            WorkspaceTab.PEOPLE: self.people,
            WorkspaceTab.CONSENT: self.consent,
            WorkspaceTab.CONTACTS: self.contacts,
            WorkspaceTab.MEETINGS: self.meetings,
            WorkspaceTab.DECISIONS: self.decisions,
            WorkspaceTab.ABSENCE: self.absence,
            WorkspaceTab.AUDIT: self.audit,
            WorkspaceTab.CLOSURE: self.closure,
            WorkspaceTab.MAPPING: self.mapping,
            WorkspaceTab.RATINGS: self.ratings,
            WorkspaceTab.PLAN: self.plan,
        }
        # Every form scrolls rather than widening or lengthening the window past the screen
        # (200 % text size on a laptop); the lists size themselves.
        fixed = {WorkspaceTab.OVERVIEW, WorkspaceTab.AUDIT}
        for key, title in TABS:
            page = pages.get(key) or self._later_page()
            page.setObjectName(f"tab_{key.value}")
            if key not in fixed:
                page = scrolling(page)
            self.tabs.addTab(page, QCoreApplication.translate("CaseWorkspace", title))

    def _tab_opened(self, index: int) -> None:
        if 0 <= index < len(TABS) and TABS[index][0] == WorkspaceTab.AUDIT:
            self.audit.refresh()

    def _later_page(self) -> QWidget:
        page = QWidget(self)
        note = QLabel(self.tr("This part of the case comes in a later version."), page)
        QVBoxLayout(page).addWidget(note, 0, Qt.AlignmentFlag.AlignTop)
        return page

    def open_case(self, case_id: str, tab: WorkspaceTab = WorkspaceTab.OVERVIEW) -> None:
        self._wanted_tab = tab
        self.contacts.show_case(case_id)
        self.decisions.show_case(case_id)
        self.absence.show_case(case_id)
        self.audit.show_case(case_id)
        self.closure.show_case(case_id)
        self.mapping.show_case(case_id)
        self.ratings.show_case(case_id)
        self.plan.show_case(case_id)
        self._load(case_id)

    def _reload(self) -> None:
        """After a change in a tab: the header and timeline again, on the tab the user is on."""
        if self.detail is not None:
            self._wanted_tab = TABS[self.tabs.currentIndex()][0]
            self._load(self.detail.item.case_id)
            self.closure.refresh()  # closing the case in another tab schedules follow-ups

    def _load(self, case_id: str) -> None:
        self._runner.run(
            lambda control: case_detail(self._context.services, case_id), self._loaded, self._failed
        )

    def _loaded(self, detail: CaseDetail) -> None:
        self.detail = detail
        item = detail.item
        who = item.student_name or self.tr("Student not yet identified")
        self.title.setText(f"{who} · {item.reference}")
        self.banner.setVisible(item.protected_identity)
        year = "F" if item.school_year == 0 else str(item.school_year or "-")
        self.facts.setText(
            self.tr("%1 · %2 · school %3, year %4 · staff: %5")
            .replace("%1", label(item.programme, "Programme"))
            .replace("%2", label(item.status, "CaseStatus"))
            .replace("%3", item.school_name or "-")
            .replace("%4", year)
            .replace("%5", ", ".join(item.staff_names) or "-")
        )
        self.badges.setText(self._consent_badges(detail.consents))
        self._fill_timeline(detail)
        self.consent.show_detail(detail)
        if self.meetings.case_id != item.case_id:
            self.meetings.show_case(item.case_id, item.programme)
        if (self.people.case_id, self.people.student_id) != (item.case_id, detail.student_id):
            self.people.show_case(item.case_id, detail.student_id)
        index = [key for key, _title in TABS].index(self._wanted_tab)
        self.tabs.setCurrentIndex(index)

    def report_concern(self) -> None:
        self.tabs.setCurrentIndex([key for key, _title in TABS].index(WorkspaceTab.DECISIONS))
        area = self.tabs.currentWidget()
        if isinstance(area, QScrollArea):
            area.ensureWidgetVisible(self.decisions.concern_to)
        self.decisions.concern_to.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _consent_badges(self, consents: tuple[ConsentSummary, ...]) -> str:
        active = [c for c in consents if c.active]
        if not active:
            return self.tr("No consent in force: only your own authority's records are shown.")
        recipients = sorted({label(c.recipient_authority, "Authority") for c in active})
        return self.tr("Consent in force, shared with: %1").replace("%1", ", ".join(recipients))

    def _fill_timeline(self, detail: CaseDetail) -> None:
        self.timeline.clear()
        for entry in reversed(detail.timeline):
            text = f"{entry.at.astimezone():%Y-%m-%d %H:%M}  {timeline_label(entry.label)}"
            QListWidgetItem(text, self.timeline).setData(Qt.ItemDataRole.UserRole, entry.record_id)
        if detail.hidden_records:
            QListWidgetItem(
                self.tr(
                    "Not shared with you: %n record(s) of the other authority.",
                    "",
                    detail.hidden_records,
                ),
                self.timeline,
            )

    def _failed(self, error: BaseException) -> None:
        self.title.setText(error_text(error))

    def clear(self) -> None:
        self.detail = None
        self.title.clear()
        self.facts.clear()
        self.badges.clear()
        self.timeline.clear()
        self.consent.clear()
        self.contacts.clear()
        self.meetings.clear()
        self.decisions.clear()
        self.absence.clear()
        self.audit.clear()
        self.closure.clear()
        self.people.clear()
        self.mapping.clear()
        self.ratings.clear()
        self.plan.clear()
