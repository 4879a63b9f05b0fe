"""The Plan tab's words for what the plan holds: an intervention's details, a period, a signer's
state and how they signed, the next review, and the plan as the signer reads it before signing
on screen. One place, so the tab, the history and the client-facing page say it alike."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QLocale, QObject

from sst_desktop.casework.plan_dto import (
    GoalView,
    InterventionView,
    NextReview,
    RevisionView,
    SignatureView,
    SignerState,
    SignerStateKind,
)
from sst_desktop.ui.labels import label

PERSPECTIVES = ("individual", "school", "social")


def swedish() -> bool:
    return QLocale().language() == QLocale.Language.Swedish


class PlanWords(QObject):
    def tool(self, item: InterventionView) -> str:
        """The toolbox item's label in the window's language, the free text, or both."""
        tool = item.label_sv if swedish() else item.label_en
        parts = [p for p in (tool, item.free_text) if p and p.strip()]
        return " – ".join(parts) or self.tr("(no description)")

    def details(self, item: InterventionView) -> str:
        parts = [self.tr("Who: %1").replace("%1", item.responsible)]
        if item.recipient:
            parts.append(self.tr("for: %1").replace("%1", item.recipient))
        if item.setting:
            parts.append(self.tr("where: %1").replace("%1", label(item.setting, "Setting")))
        if item.frequency:
            parts.append(self.tr("how often: %1").replace("%1", item.frequency))
        return " · ".join(parts)

    def period(self, start: date | None, end: date | None) -> str:
        if start and end:
            return f"{start.isoformat()} – {end.isoformat()}"
        if start:
            return self.tr("from %1").replace("%1", start.isoformat())
        if end:
            return self.tr("until %1").replace("%1", end.isoformat())
        return ""

    def status(self, value: str | None) -> str:
        return label(value, "GoalStatus") if value else self.tr("Not reviewed")

    def state(self, signer: SignerState) -> str:
        return {
            SignerStateKind.SIGNED: self.tr("Signed"),
            SignerStateKind.DECLINED: self.tr("Declined: still needs a signature"),
            SignerStateKind.MISSING: self.tr("Not signed yet"),
        }[signer.state]

    def method(self, signature: SignatureView) -> str:
        return {
            "paper": self.tr("Signed on paper"),
            "screen": self.tr("Signed on screen"),
            "declined": self.tr("Declined"),
        }.get(signature.method, signature.method)

    def next_review(self, upcoming: NextReview) -> str:
        if upcoming.on is None:
            return self.tr("Next review: by decision")
        when = upcoming.on.isoformat()
        if upcoming.rule == "weeks" and upcoming.earliest:
            return (
                self.tr("Next review: %1 at the latest (the programme's cadence, from %2)")
                .replace("%1", when)
                .replace("%2", upcoming.earliest.isoformat())
            )
        text = {
            "planned": self.tr("Next review: %1 (as the plan says)"),
            "follow_up_meeting": self.tr("Next review: %1 (the follow-up meeting)"),
            "evaluation": self.tr("Next review: %1 (the evaluation)"),
        }.get(upcoming.rule, self.tr("Next review: %1"))
        return text.replace("%1", when)

    def goal_line(self, goal: GoalView) -> str:
        line = f"{goal.number}. {goal.text}"
        if goal.criterion:
            line += " — " + self.tr("criterion: %1").replace("%1", goal.criterion)
        if goal.target_date:
            line += " — " + self.tr("by %1").replace("%1", goal.target_date.isoformat())
        return line

    def plan_html(self, revision: RevisionView) -> str:
        """The revision as the signer reads it in client-facing mode: aims, goals by
        perspective with their interventions. Nothing else of the case."""
        title = self.tr("Revision %1").replace("%1", str(revision.number))
        out = [f"<h3>{escape(title)}</h3>"]
        if revision.overall_aims:
            aims = self.tr("Overall aims")
            out.append(f"<p><b>{escape(aims)}</b><br>")
            out.append(escape(revision.overall_aims).replace("\n", "<br>") + "</p>")
        for perspective in PERSPECTIVES:
            goals = [g for g in revision.goals if g.perspective == perspective]
            if not goals:
                continue
            out.append(f"<p><b>{escape(label(perspective, 'PlanPerspective'))}</b></p><ul>")
            for goal in goals:
                out.append(f"<li>{escape(self.goal_line(goal))}")
                items = revision.interventions_of(goal.goal_id)
                if items:
                    out.append("<ul>")
                    for item in items:
                        text = f"{self.tool(item)} ({self.details(item)})"
                        period = self.period(item.active_from, item.active_to)
                        text += f" {period}" if period else ""
                        out.append(f"<li>{escape(text)}</li>")
                    out.append("</ul>")
                out.append("</li>")
            out.append("</ul>")
        loose = revision.interventions_of(None)
        if loose:
            other = self.tr("Other interventions")
            out.append(f"<p><b>{escape(other)}</b></p><ul>")
            out += [f"<li>{escape(self.tool(i))} ({escape(self.details(i))})</li>" for i in loose]
            out.append("</ul>")
        return "".join(out)
