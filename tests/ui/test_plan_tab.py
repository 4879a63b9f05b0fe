"""The Plan tab on the demo profile: a signed plan revised into a draft, a goal drafted with an
intervention, sent for signatures, signed on paper and on screen (strokes drawn on the pad with
the mouse), a decline recorded, sealed when the last required signer signs; the history shows
the added goal; the goals' status at a review; the plan saved as a PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from sst_desktop.app_context import AppContext
from sst_desktop.casework import referral_service
from sst_desktop.casework.plan_queries import case_plans
from sst_desktop.casework.queries import case_detail, list_cases
from sst_desktop.ui.screens.case_workspace.plan_signing_dialogs import SignerMode
from sst_desktop.ui.screens.case_workspace.plan_tab import PlanTab
from sst_desktop.ui.tasks import TaskRunner
from sst_desktop.ui.widgets.signature_pad import SignaturePad
from sst_rules.enums import ReferralRoute


def planned_case(context: AppContext) -> tuple[str, str]:
    """A demo case whose plan is signed: (case id, student's name)."""
    for item in list_cases(context.services):
        plans = case_plans(context.services, item.case_id).plans
        if plans and plans[0].latest.status == "signed" and item.student_name:
            return item.case_id, item.student_name
    raise AssertionError("the demo profile has no signed plan")


def unplanned_case(context: AppContext) -> str:
    """A new application for a demo student: a case without a plan."""
    student = case_detail(context.services, planned_case(context)[0]).student_id
    assert student is not None
    application = referral_service.ApplicationInput(
        ReferralRoute.SCHOOL_APPLICATION,
        context.clock.today(),
        student,
        context.actor.team_id,
        None,
    )
    return referral_service.receive_application(context.services, application)


def opened_tab(qtbot: QtBot, context: AppContext, case_id: str) -> PlanTab:
    tab = PlanTab(context, TaskRunner(synchronous=True))
    qtbot.addWidget(tab)
    tab.resize(1100, 1800)
    tab.show()
    tab.show_case(case_id)
    return tab


def draw(qtbot: QtBot, pad: SignaturePad) -> None:
    """Two strokes with the mouse: a wave, then a line under it."""
    for stroke in (
        [QPoint(20, 120), QPoint(60, 60), QPoint(100, 140), QPoint(140, 50), QPoint(190, 110)],
        [QPoint(40, 170), QPoint(220, 165)],
    ):
        qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=stroke[0])
        for point in stroke[1:]:
            qtbot.mouseMove(pad, point)
        qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=stroke[-1])


def revised_with_a_goal(qtbot: QtBot, tab: PlanTab) -> str:
    """Revise the signed plan and draft a social goal with an intervention; its goal id."""
    assert tab.revise_button.isVisible()
    tab.revise_button.click()
    assert tab.revision.status == "draft" and tab.revision.number == 2
    dialog = tab.editing.add_goal()
    dialog.perspective.setCurrentIndex(dialog.perspective.findData("social"))
    assert not dialog.ok_button.isEnabled()  # a goal needs its words
    dialog.text.setPlainText("Träna med fotbollslaget")
    dialog.criterion.setText("En träning i veckan")
    dialog.accept()
    goal = next(g for g in tab.revision.goals if g.text == "Träna med fotbollslaget")
    assert goal.perspective == "social" and goal.criterion == "En träning i veckan"
    assert tab.content.select("goal", goal.goal_id)
    dialog = tab.editing.add_intervention()
    assert dialog.goal.currentData() == goal.goal_id  # the selected goal
    dialog.free_text.setText("Skjuts till träningen")
    dialog.responsible.setCurrentText("Familjen")
    dialog.recipient.setCurrentText("Eleven")
    dialog.setting.setCurrentIndex(dialog.setting.findData("other"))
    dialog.frequency.setText("Varje tisdag")
    dialog.accept()
    (item,) = tab.revision.interventions_of(goal.goal_id)
    assert (item.free_text, item.responsible, item.frequency) == (
        "Skjuts till träningen",
        "Familjen",
        "Varje tisdag",
    )
    assert any("Skjuts till träningen" in text for text in tab.content.texts())
    return goal.goal_id


def test_a_goal_is_drafted_with_an_intervention(qtbot: QtBot, demo_context: AppContext) -> None:
    case_id, _name = planned_case(demo_context)
    tab = opened_tab(qtbot, demo_context, case_id)
    assert "Signed" in tab.heading.text() and not tab.add_goal_button.isVisible()
    revised_with_a_goal(qtbot, tab)
    assert tab.add_goal_button.isVisible() and tab.submit_button.isEnabled()
    assert "revision 2" in tab.heading.text() and "Draft" in tab.heading.text()


def test_signing_on_paper_on_screen_and_a_decline_then_the_plan_is_signed(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    case_id, name = planned_case(demo_context)
    tab = opened_tab(qtbot, demo_context, case_id)
    revised_with_a_goal(qtbot, tab)
    tab.submit_button.click()
    assert tab.revision.status == "awaiting_signatures" and tab.paper_button.isVisible()
    missing = [row for row in tab.signers.row_texts() if row[2] == "Not signed yet"]
    assert len(missing) == len(tab.plans.required_signers)

    dialog = tab.signing.record_signer(SignerMode.DECLINED)
    dialog.role.setCurrentIndex(dialog.role.findData("guardian"))
    dialog.name.setText("Anna Andersson")
    assert not dialog.ok_button.isEnabled()  # a decline needs its reason
    dialog.reason.setPlainText("Vill prata med skolan först")
    dialog.accept()
    guardian = next(s for s in tab.revision.signers if s.role == "guardian")
    assert guardian.state == "declined"
    assert (
        "Guardian",
        "Anna Andersson",
        "Declined",
        tab.today().isoformat(),
        "Vill prata med skolan först",
    ) in tab.signers.row_texts()

    page = tab.signing.client_page("student", "Elsa")
    assert page is not None
    qtbot.addWidget(page)
    page.show()
    texts = " ".join(label.text() for label in page.findChildren(QLabel))
    assert name not in texts and case_id not in texts  # nothing of the record but the plan
    assert "Träna med fotbollslaget" in page.plan.toPlainText()
    assert not page.confirm_button.isEnabled()
    qtbot.mouseClick(page.pad, Qt.MouseButton.LeftButton, pos=QPoint(30, 30))  # a tap
    assert not page.confirm_button.isEnabled()
    page.clear_button.click()
    draw(qtbot, page.pad)
    assert len(page.pad.strokes().strokes) == 2 and page.confirm_button.isEnabled()
    page.confirm_button.click()
    assert page.done and page.pad.locked and "saved" in page.message.text()
    student = next(s for s in tab.revision.signers if s.role == "student")
    assert student.state == "signed" and student.signatures[0].method == "screen"
    assert student.signatures[0].image_id is not None

    for role, who in (("school", "Rektor Berg"), ("social_services", "Sara Lind")):
        dialog = tab.signing.record_signer(SignerMode.PAPER)
        dialog.role.setCurrentIndex(dialog.role.findData(role))
        dialog.name.setText(who)
        dialog.accept()
    assert tab.revision.status == "awaiting_signatures"  # the guardian has only declined
    dialog = tab.signing.record_signer(SignerMode.PAPER)
    assert dialog.role.currentData() == "guardian"  # who is still missing comes first
    dialog.name.setText("Bo Andersson")
    dialog.accept()
    assert tab.revision.status == "signed" and tab.revision.number == 2
    assert [r.status for r in tab.plan.revisions] == ["superseded", "signed"]
    rows = tab.signers.row_texts()
    assert any(r[1] == "Anna Andersson" and r[2] == "Declined" for r in rows)  # still recorded
    assert not any(r[2] == "Not signed yet" for r in rows)


def test_the_history_shows_the_added_goal(qtbot: QtBot, demo_context: AppContext) -> None:
    case_id, _name = planned_case(demo_context)
    tab = opened_tab(qtbot, demo_context, case_id)
    assert not tab.history.diff.isVisible()  # one revision: nothing to compare
    revised_with_a_goal(qtbot, tab)
    assert tab.history.revisions.rowCount() == 2
    assert tab.history.older.currentData() == 1 and tab.history.newer.currentData() == 2
    diff = tab.history.diff.toPlainText()
    assert "Goal added: Träna med fotbollslaget" in diff
    assert "Intervention added: Skjuts till träningen" in diff
    assert "Revision 1 signed by:" in diff


def test_goal_status_at_a_review(qtbot: QtBot, demo_context: AppContext) -> None:
    case_id, _name = planned_case(demo_context)
    tab = opened_tab(qtbot, demo_context, case_id)
    dialog = tab.review()
    assert dialog is not None and not dialog.ok_button.isEnabled()
    dialog.statuses[0].setCurrentIndex(dialog.statuses[0].findData("partly"))
    dialog.notes[0].setText("Tre dagar av fem")
    dialog.accept()
    first = tab.revision.goals[0]
    assert first.latest_status == "partly" and first.reviews[0].note == "Tre dagar av fem"
    shown = tab.content.topLevelItem(0).child(0)  # the first goal, under its perspective
    assert shown.text(0).startswith("1.") and shown.text(3) == "Partly met"


def test_a_plan_is_started_and_saved_as_a_pdf(
    qtbot: QtBot, demo_context: AppContext, tmp_path: Path
) -> None:
    tab = opened_tab(qtbot, demo_context, unplanned_case(demo_context))
    assert tab.create_button.isVisible() and "not started" in tab.heading.text()
    tab.create_button.click()
    assert tab.revision is not None and tab.revision.status == "draft"
    target = tmp_path / "plan.pdf"
    tab.pdf.ask_save_path = lambda suggested: str(target)
    tab.pdf_button.click()
    assert target.read_bytes().startswith(b"%PDF-")
    assert "plan.pdf" in tab.message.text() and "fingerprint" in tab.message.text()
