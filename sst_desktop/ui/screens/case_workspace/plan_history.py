"""The plan's history: every revision with its status, when it took effect and who signed it,
and what changed between two chosen revisions (goals and interventions added, removed or
changed, field by field) with who signed each."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sst_desktop.casework.plan_diff import ChangeKind, RevisionDiff, diff_revisions
from sst_desktop.casework.plan_dto import GoalView, InterventionView, PlanView, SignatureView
from sst_desktop.ui.labels import label
from sst_desktop.ui.screens.case_workspace.plan_signers_view import fit_height
from sst_desktop.ui.screens.case_workspace.plan_words import PlanWords


class PlanHistory(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = PlanWords(self)
        self.plan: PlanView | None = None
        self.revisions = QTableWidget(0, 4, self)
        self.revisions.setHorizontalHeaderLabels(
            [self.tr("Revision"), self.tr("Status"), self.tr("Valid from"), self.tr("Signed by")]
        )
        self.revisions.verticalHeader().hide()
        self.revisions.horizontalHeader().setStretchLastSection(True)
        self.revisions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.revisions.setAccessibleName(self.tr("Revisions of the plan"))
        self.revisions.setWordWrap(True)
        self.revisions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.older, self.newer = QComboBox(self), QComboBox(self)
        self.older.setAccessibleName(self.tr("The earlier revision"))
        self.newer.setAccessibleName(self.tr("The later revision"))
        self.diff = QTextBrowser(self)
        self.diff.setAccessibleName(self.tr("What changed between the two revisions"))
        self.diff.setMinimumHeight(240)
        self.comparing = QWidget(self)
        compare = QHBoxLayout(self.comparing)
        compare.setContentsMargins(0, 0, 0, 0)
        compare.addWidget(QLabel(self.tr("Compare revision"), self.comparing))
        compare.addWidget(self.older)
        compare.addWidget(QLabel(self.tr("with"), self.comparing))
        compare.addWidget(self.newer)
        compare.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.revisions)
        layout.addWidget(self.comparing)
        layout.addWidget(self.diff)
        self.older.currentIndexChanged.connect(lambda _i: self.compare())
        self.newer.currentIndexChanged.connect(lambda _i: self.compare())

    def show_plan(self, plan: PlanView | None) -> None:
        self.plan = plan
        revisions = plan.revisions if plan else ()
        self.revisions.setRowCount(len(revisions))
        for row, revision in enumerate(reversed(revisions)):
            cells = (
                str(revision.number),
                label(revision.status, "PlanRevisionStatus"),
                revision.valid_from.isoformat() if revision.valid_from else "",
                self._signed_by(revision.signatures),
            )
            for column, text in enumerate(cells):
                self.revisions.setItem(row, column, QTableWidgetItem(text))
        for column in range(3):
            self.revisions.resizeColumnToContents(column)
        self.revisions.resizeRowsToContents()
        fit_height(self.revisions, least_rows=1, most=320)
        for box in (self.older, self.newer):
            box.blockSignals(True)
            box.clear()
            for revision in revisions:
                box.addItem(str(revision.number), revision.number)
        if revisions:
            self.newer.setCurrentIndex(len(revisions) - 1)
            self.older.setCurrentIndex(max(len(revisions) - 2, 0))
        for box in (self.older, self.newer):
            box.blockSignals(False)
        several = len(revisions) > 1
        self.comparing.setVisible(several)
        self.diff.setVisible(several)
        self.compare()

    def _signed_by(self, signatures: tuple[SignatureView, ...], between: str = "\n") -> str:
        return between.join(
            f"{label(s.role, 'SignerRole')}: {s.name} ({self.words.method(s).lower()} "
            f"{s.signed_on.isoformat()})"
            for s in signatures
        )

    def compare(self) -> None:
        older, newer = self.older.currentData(), self.newer.currentData()
        if self.plan is None or older is None or newer is None:
            self.diff.clear()
            return
        if older == newer:
            self.diff.setHtml(escape(self.tr("Choose two different revisions to compare.")))
            return
        self.diff.setHtml(self.diff_html(diff_revisions(self.plan, older, newer)))

    def diff_html(self, change: RevisionDiff) -> str:
        title = (
            self.tr("From revision %1 to revision %2")
            .replace("%1", str(change.older.number))
            .replace("%2", str(change.newer.number))
        )
        out = [f"<p><b>{escape(title)}</b></p>"]
        if change.empty:
            out.append(_para(self.tr("No change in aims, goals or interventions.")))
        if change.aims_changed:
            out.append(_para(self.tr("The overall aims changed.")))
        if change.review_changed:
            out.append(_para(self.tr("The review date changed.")))
        lines = [self._goal_line(c.kind, c.before, c.after, c.fields) for c in change.goals]
        lines += [
            self._item_line(c.kind, c.before, c.after, c.fields) for c in change.interventions
        ]
        if lines:
            out.append("<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>")
        for revision in (change.older, change.newer):
            who = self._signed_by(revision.signatures, "; ") or self.tr("nobody yet")
            text = self.tr("Revision %1 signed by: %2").replace("%1", str(revision.number))
            out.append(f"<p>{escape(text.replace('%2', who))}</p>")
        return "".join(out)

    def _goal_said(self, kind: ChangeKind) -> str:
        return {
            ChangeKind.ADDED: self.tr("Goal added: %1"),
            ChangeKind.REMOVED: self.tr("Goal removed: %1"),
            ChangeKind.CHANGED: self.tr("Goal changed: %1"),
        }[kind]

    def _item_said(self, kind: ChangeKind) -> str:
        return {
            ChangeKind.ADDED: self.tr("Intervention added: %1"),
            ChangeKind.REMOVED: self.tr("Intervention removed: %1"),
            ChangeKind.CHANGED: self.tr("Intervention changed: %1"),
        }[kind]

    def _goal_line(
        self,
        kind: ChangeKind,
        before: GoalView | None,
        after: GoalView | None,
        fields: tuple[str, ...],
    ) -> str:
        goal = after or before
        assert goal is not None
        line = self._goal_said(kind).replace("%1", goal.text)
        if before and after and fields:
            line += " (" + "; ".join(self._field(f, before, after) for f in fields) + ")"
        return line

    def _item_line(
        self,
        kind: ChangeKind,
        before: InterventionView | None,
        after: InterventionView | None,
        fields: tuple[str, ...],
    ) -> str:
        item = after or before
        assert item is not None
        line = self._item_said(kind).replace("%1", self.words.tool(item))
        if before and after and fields:
            line += " (" + "; ".join(self._field(f, before, after) for f in fields) + ")"
        return line

    def _field(self, name: str, before: object, after: object) -> str:
        names = {
            "perspective": self.tr("perspective"),
            "text": self.tr("text"),
            "criterion": self.tr("criterion"),
            "target_date": self.tr("target date"),
            "parent": self.tr("placed under another goal"),
            "goal": self.tr("moved to another goal"),
            "toolbox_code": self.tr("toolbox item"),
            "free_text": self.tr("description"),
            "responsible": self.tr("who"),
            "recipient": self.tr("for whom"),
            "setting": self.tr("where"),
            "frequency": self.tr("how often"),
            "active_from": self.tr("from"),
            "active_to": self.tr("to"),
        }
        if name in ("parent", "goal"):
            return names[name]
        old, new = _shown(name, getattr(before, name)), _shown(name, getattr(after, name))
        return f"{names.get(name, name)}: {old} → {new}"


def _para(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _shown(name: str, value: object) -> str:
    if value is None or value == "":
        return "–"
    if name == "perspective":
        return label(str(value), "PlanPerspective")
    if name == "setting":
        return label(str(value), "Setting")
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
