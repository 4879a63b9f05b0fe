"""An anonymous SST referral request: entered without a name, accepted, and linked to the
student only after the family's yes."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from sst_desktop.app_context import AppContext
from sst_desktop.casework import consent_service
from sst_desktop.casework.stats import profile_stats
from sst_desktop.ui.screens.requests.requests_screen import RequestsScreen
from sst_desktop.ui.tasks import TaskRunner
from sst_rules.enums import Authority, ConsentPurpose, RecordCategory


def _screen(qtbot: QtBot, context: AppContext) -> RequestsScreen:
    screen = RequestsScreen(context, TaskRunner(synchronous=True))
    qtbot.addWidget(screen)
    screen.show()
    screen.refresh()
    return screen


def _select_newest_request(screen: RequestsScreen, before: set[str]) -> str:
    row, item = next((r, i) for r, i in enumerate(screen.items) if i.case_id not in before)
    screen.table.selectRow(row)
    return item.case_id


def test_request_decided_then_linked_after_the_familys_yes(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    screen = _screen(qtbot, demo_context)
    before = {i.case_id for i in screen.items}
    screen.new_button.click()
    form = screen.request_form
    assert screen.pages.currentWidget() is form
    assert not hasattr(form, "name") and not hasattr(form, "personal_id")  # no such field
    form.school.setCurrentIndex(1)
    form.year.setCurrentIndex(form.year.findData(7))
    form.absence.setValue(62)
    form.texts["cause_student_view"].setPlainText("Elev 20120314-2383 vill inte gå dit")
    assert not form.save_button.isEnabled()
    assert "identity number" in form.problem.text()
    form.texts["cause_student_view"].setPlainText("Oro inför idrotten, sover dåligt")
    assert form.save_button.isEnabled()
    form.save_button.click()
    assert screen.problem.text() == ""
    case_id = _select_newest_request(screen, before)
    item = next(i for i in screen.items if i.case_id == case_id)
    assert (item.status, item.student_linked, item.absence_percent) == ("requested", False, 62)
    assert screen.accept_button.isEnabled() and not screen.link_button.isEnabled()
    screen.accept_button.click()
    screen.table.selectRow(next(r for r, i in enumerate(screen.items) if i.case_id == case_id))
    assert next(i for i in screen.items if i.case_id == case_id).status == "decided"
    assert screen.link_button.isEnabled()

    students_before = profile_stats(demo_context.engine).counts["students"]
    screen.link_button.click()
    student = screen.student_form
    student.first_name.setText("Elsa")
    student.last_name.setText("Lind")
    student.personal_id.setText("20120314-2384")  # wrong check digit
    assert not student.save_button.isEnabled() and student.id_problem.text()
    student.personal_id.setText("20120314-2383")
    assert student.save_button.isEnabled()
    student.save_button.click()
    assert "yes" in screen.problem.text()  # not before the family's yes
    assert profile_stats(demo_context.engine).counts["students"] == students_before

    consent_service.give_consent(
        demo_context.services,
        case_id,
        consent_service.ConsentInput(
            purposes=(ConsentPurpose.SST_INTERVENTION,),
            categories=(RecordCategory.MEETINGS,),
            recipient_authority=Authority.SCHOOL,
            given_on=date.today(),
            valid_until=None,
            form="written",
            parties=(
                consent_service.PartyAnswer("student", True),
                consent_service.PartyAnswer("guardian", True),
            ),
        ),
    )
    screen.table.selectRow(next(r for r, i in enumerate(screen.items) if i.case_id == case_id))
    screen.link_button.click()
    student.save_button.click()
    assert screen.problem.text() == ""
    linked = next(i for i in screen.items if i.case_id == case_id)
    assert linked.student_linked
    assert profile_stats(demo_context.engine).counts["students"] == students_before + 1


def test_declining_needs_guidance(qtbot: QtBot, demo_context: AppContext) -> None:
    screen = _screen(qtbot, demo_context)
    before = {i.case_id for i in screen.items}
    screen.new_button.click()
    screen.request_form.save_button.click()
    case_id = _select_newest_request(screen, before)
    screen.decline_button.click()
    assert "guidance" in screen.problem.text()
    assert next(i for i in screen.items if i.case_id == case_id).status == "requested"
    screen.guidance.setText("Elevhälsan på skolan, kurator")
    screen.decline_button.click()
    assert all(i.case_id != case_id for i in screen.items)  # declined: out of the intake


def test_sst_plus_application_through_the_admission_group_to_a_started_case(
    qtbot: QtBot, demo_context: AppContext
) -> None:
    from sst_desktop.casework import case_service, referral_service
    from sst_desktop.casework.queries import case_detail
    from sst_rules.enums import CaseStatus, DecisionKind

    screen = _screen(qtbot, demo_context)
    before = {i.case_id for i in screen.items}
    screen.apply_button.click()
    form = screen.application_form
    assert not form.save_button.isEnabled()
    form.student.first_name.setText("Ture")
    form.student.last_name.setText("Berg")
    form.student.personal_id.setText("20170426-9933x")
    assert not form.save_button.isEnabled()
    form.student.personal_id.setText("")  # may be missing
    form.student.year.setCurrentIndex(form.student.year.findData(3))
    assert form.save_button.isEnabled()
    form.route.setCurrentIndex(form.route.findData("own_application"))
    form.absence.setValue(70)
    form.save_button.click()
    assert screen.problem.text() == ""
    case_id = _select_newest_request(screen, before)
    item = next(i for i in screen.items if i.case_id == case_id)
    assert (item.programme, item.status, item.route) == ("sst_plus", "applied", "own_application")
    assert item.student_linked

    assert screen.assess_button.isEnabled()  # the demo user works for social services
    screen.assessment.setText("Behov av familjebehandling och stöd i skolan.")
    screen.assess_button.click()
    assert next(i for i in screen.items if i.case_id == case_id).status == "assessed"

    screen.admission_button.click()
    panel = screen.admission
    assert screen.pages.currentWidget() is panel
    row = next(r for r in range(panel.candidates.count()) if case_id == panel._ranked[r].case_id)
    panel.candidates.setCurrentRow(row)
    years = [
        next(i for i in screen.items if i.case_id == r.case_id).school_year or 0
        for r in panel._ranked
    ]
    younger = [y <= 6 for y in years]
    assert younger == sorted(younger, reverse=True)  # younger students suggested first
    panel.outcome.setCurrentIndex(panel.outcome.findData("granted"))
    panel.rank.setValue(panel._ranked[row].rank + 1)
    panel.save_button.click()
    assert "reason" in screen.problem.text()  # a new rank needs a written reason
    panel.reason.setText("Syskon redan i teamets stöd")
    panel.members.setText("samordnare, enhetschef")
    panel.save_button.click()
    assert screen.problem.text() == ""
    assert next(i for i in screen.items if i.case_id == case_id).status == "admitted"

    services = demo_context.services  # the decision and the start: the case workspace's tabs
    referral_service.record_decision(
        services,
        case_id,
        referral_service.DecisionInput(
            kind=DecisionKind.ASSISTANCE,
            decided_on=date.today(),
            granted=True,
            overall_goal="Ökad närvaro",
        ),
    )
    case_service.transition(services, case_id, CaseStatus.DECIDED)
    consent_service.give_consent(
        services,
        case_id,
        consent_service.ConsentInput(
            purposes=(ConsentPurpose.SHARING_BETWEEN_AUTHORITIES,),  # SST plus starts on it
            categories=(RecordCategory.MEETINGS,),
            recipient_authority=Authority.SCHOOL,
            given_on=date.today(),
            valid_until=None,
            form="written",
            parties=(
                consent_service.PartyAnswer("student", True),
                consent_service.PartyAnswer("guardian", True),
            ),
        ),
    )
    case_service.transition(services, case_id, CaseStatus.STARTED)
    assert case_detail(services, case_id).item.status == "started"
