"""The mapping on a real SQLCipher file: sections owned by their authors, the Signs of Safety
items of a draft, the 0-10 scaling as ratings, completeness (every part written or marked missing
with a reason), revisions that keep the old one as it was, a completed revision sealed in the
service and in the database, and "what needs to happen" turned into plan goals in one step."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.exc import DatabaseError

from sst_desktop.casework import (
    case_service,
    consent_service,
    mapping_plan,
    mapping_revisions,
    mapping_scaling,
    mapping_service,
    plan_service,
    rating_queries,
    student_service,
)
from sst_desktop.casework.mapping_plan import GoalPick
from sst_desktop.casework.mapping_queries import mapping_view
from sst_desktop.casework.mapping_scaling import ScalingInput
from sst_desktop.casework.mapping_service import SectionInput
from sst_desktop.config.absence_functions import load_absence_functions
from sst_desktop.errors import NotAllowedError, SstError, ValidationError, WorkflowError
from sst_desktop.models.case import Case
from sst_desktop.models.closure import Rating
from sst_desktop.models.mapping import Mapping, MappingItem, MappingScaling, MappingSection
from sst_desktop.models.plan import Plan, PlanGoal, PlanRevision
from sst_rules import categories
from sst_rules.enums import (
    Authority,
    CaseStatus,
    ConsentPurpose,
    MappingItemKind,
    MappingPart,
    MappingPerspective,
    PlanKind,
    PlanPerspective,
    PlanRevisionStatus,
    RecordCategory,
    RecordClass,
    SignerRole,
)
from tests.unit.casework.test_sst_plus_workflow import admit, apply, decide

K = MappingItemKind
TODAY = date(2026, 3, 2)  # the fixed clock's day


@pytest.fixture
def case_id(world) -> str:
    """An SST plus case in mapping, its student born 2012-03-14."""
    case = apply(world)
    admit(world, case)
    decide(world, case)
    for step in (CaseStatus.STARTED, CaseStatus.MAPPING):
        case_service.transition(world.therapist, case, step)
    return case


@pytest.fixture
def mapping_id(world, case_id) -> str:
    return mapping_service.start_mapping(world.therapist, case_id, TODAY)


def guardian(world, engine, case_id) -> str:
    with engine.connect() as conn:
        student = conn.execute(select(Case.student_id).where(Case.id == case_id)).scalar_one()
    return student_service.add_guardian(
        world.therapist, student, student_service.GuardianInput(name="Anna Andersson")
    )


def section(perspective: MappingPerspective, **texts: str) -> SectionInput:
    return SectionInput(perspective=perspective, **texts)


def fill_everything(world, engine, case_id, mapping_id) -> None:
    """Every part written, each by the one who would write it."""
    writers = {
        MappingPerspective.PEDAGOGICAL: world.educator,
        MappingPerspective.PSYCHOLOGICAL: world.psychologist,
        MappingPerspective.SOCIAL_THERAPEUTIC: world.therapist,
    }
    for perspective, ctx in writers.items():
        mapping_service.write_section(
            ctx,
            mapping_id,
            section(perspective, student_view="Skolan är stökig.", guardian_view="Oro för sömn."),
        )
    mapping_service.add_trial(world.therapist, mapping_id, "Kortare skoldag", TODAY)
    for kind in MappingItemKind:
        mapping_service.add_item(world.therapist, mapping_id, kind, f"En rad: {kind.value}")
    mapping_service.set_absence_function(world.therapist, mapping_id, ["avoid_distress"], None)
    parent = guardian(world, engine, case_id)
    for respondent, extra in (("self", {}), ("parent", {"guardian_id": parent}), ("team", {})):
        scaling = ScalingInput(respondent=respondent, value=5, rated_on=TODAY, **extra)
        mapping_scaling.record_scaling(world.therapist, mapping_id, scaling)
    mapping_service.write_analysis(world.therapist, mapping_id, "Undvikande; svarar på struktur.")


def completed(world, engine, case_id, mapping_id) -> str:
    fill_everything(world, engine, case_id, mapping_id)
    mapping_revisions.complete_mapping(world.therapist, mapping_id)
    return mapping_id


def count(engine, model) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


# -- sections, items and the revision's own fields -------------------------------------------------


def test_a_section_is_changed_only_by_its_author(world, case_id, mapping_id):
    pedagogical = section(MappingPerspective.PEDAGOGICAL, observations="Läser bra.")
    mapping_service.write_section(world.educator, mapping_id, pedagogical)
    with pytest.raises(NotAllowedError):  # a colleague of the same authority is not the author
        mapping_service.write_section(world.psychologist, mapping_id, pedagogical)
    mapping_service.write_section(
        world.educator, mapping_id, section(MappingPerspective.PEDAGOGICAL, observations="Nytt.")
    )
    written = mapping_view(world.educator, case_id).section(MappingPerspective.PEDAGOGICAL)
    assert written is not None and written.observations == "Nytt." and written.mine


def test_items_are_added_edited_and_removed_in_a_draft(world, case_id, mapping_id, engine):
    worry = mapping_service.add_item(world.therapist, mapping_id, K.WORRY, "Sover dåligt")
    second = mapping_service.add_item(world.therapist, mapping_id, K.WORRY, "Ensam på raster")
    need = mapping_service.add_item(world.educator, mapping_id, K.NEEDS_TO_HAPPEN, "Schema")
    mapping_service.edit_item(world.therapist, worry, "Sover dåligt på söndagar")
    mapping_service.edit_item(world.officer, second, "Ensam på rasterna")  # same authority
    with pytest.raises(NotAllowedError):  # the other authority's item
        mapping_service.edit_item(world.therapist, need, "Ändrat")
    with pytest.raises(ValidationError):
        mapping_service.add_item(world.therapist, mapping_id, K.WORRY, "   ")
    mapping_service.remove_item(world.therapist, second)
    view = mapping_view(world.therapist, case_id)
    assert [i.text for i in view.items_of(K.WORRY)] == ["Sover dåligt på söndagar"]
    with engine.connect() as conn:  # removing is a tombstone, like every removal
        assert conn.execute(select(MappingItem.deleted).where(MappingItem.id == second)).scalar()
    assert view.items_of(K.WORRY)[0].editable and view.items_of(K.WORRY)[0].author_name


def test_the_revisions_own_fields_belong_to_the_authority_that_started_it(world, mapping_id):
    for write in (
        lambda ctx: mapping_service.write_analysis(ctx, mapping_id, "Analys"),
        lambda ctx: mapping_service.set_absence_function(ctx, mapping_id, [], "Text"),
        lambda ctx: mapping_service.mark_missing(ctx, mapping_id, MappingPart.TRIALS, "Nej"),
        lambda ctx: mapping_revisions.complete_mapping(ctx, mapping_id),
    ):
        with pytest.raises(NotAllowedError) as refused:
            write(world.educator)
        assert refused.value.code == mapping_service.MAPPING_OWNER
    mapping_service.write_analysis(world.officer, mapping_id, "Analys")  # same authority


def test_another_team_neither_writes_nor_reads(world, case_id, mapping_id):
    with pytest.raises(NotAllowedError):
        mapping_service.add_item(world.outsider, mapping_id, K.WORRY, "Oro")
    with pytest.raises(NotAllowedError):
        mapping_view(world.outsider, case_id)
    with pytest.raises(NotAllowedError):
        mapping_service.start_mapping(world.outsider, case_id, TODAY)


def test_the_function_of_the_absence_comes_from_the_catalogue(world, case_id, mapping_id, tmp_path):
    with pytest.raises(ValidationError):
        mapping_service.set_absence_function(world.therapist, mapping_id, ["truancy"], None)
    mapping_service.set_absence_function(
        world.therapist, mapping_id, ["attention", "avoid_distress"], "  Vill vara hemma.  "
    )
    view = mapping_view(world.therapist, case_id)
    assert view.absence_functions == ("avoid_distress", "attention")  # the catalogue's order
    assert view.absence_function_note == "Vill vara hemma."
    own = tmp_path / "functions.json"
    own.write_text(
        json.dumps({"categories": [{"code": "truancy", "sv": "Skolk", "en": "Truancy"}]}),
        encoding="utf-8",
    )
    catalogue = load_absence_functions(own)
    mapping_service.set_absence_function(
        world.therapist, mapping_id, ["truancy"], None, catalogue=catalogue
    )
    own.write_text('{"categories": []}', encoding="utf-8")
    with pytest.raises(SstError, match=r"functions\.json"):
        load_absence_functions(own)


# -- scaling ---------------------------------------------------------------------------------------


def test_scaling_is_a_signs_of_safety_rating_linked_to_the_revision(
    world, engine, case_id, mapping_id
):
    mapping_scaling.record_scaling(
        world.therapist, mapping_id, ScalingInput(respondent="self", value=3, rated_on=TODAY)
    )
    mapping_scaling.record_scaling(
        world.officer, mapping_id, ScalingInput(respondent="team", value=6, rated_on=TODAY)
    )
    with pytest.raises(ValidationError):  # a guardian's scaling says which guardian
        mapping_scaling.record_scaling(
            world.therapist, mapping_id, ScalingInput(respondent="parent", value=4, rated_on=TODAY)
        )
    before = count(engine, Rating), count(engine, MappingScaling)
    with pytest.raises(ValidationError):  # 0-10, checked by the instrument engine
        mapping_scaling.record_scaling(
            world.therapist, mapping_id, ScalingInput(respondent="self", value=11, rated_on=TODAY)
        )
    assert (count(engine, Rating), count(engine, MappingScaling)) == before  # nothing half-saved
    parent = guardian(world, engine, case_id)
    mapping_scaling.record_scaling(
        world.therapist,
        mapping_id,
        ScalingInput(respondent="parent", value=4, rated_on=TODAY, guardian_id=parent),
    )
    mapping_scaling.record_scaling(  # scaled again: the newest counts
        world.therapist, mapping_id, ScalingInput(respondent="self", value=5, rated_on=TODAY)
    )
    view = mapping_view(world.therapist, case_id)
    assert [(s.respondent, s.guardian_number, s.value) for s in view.scalings] == [
        ("self", None, 5),
        ("parent", 1, 4),
        ("team", None, 6),
    ]
    rows = rating_queries.case_ratings(world.therapist, case_id).rows
    assert {r.instrument for r in rows} == {"signs_of_safety"}


# -- completeness --------------------------------------------------------------------------------


def test_completing_names_every_part_neither_written_nor_marked_missing(
    world, engine, case_id, mapping_id
):
    with pytest.raises(ValidationError) as refused:
        mapping_revisions.complete_mapping(world.therapist, mapping_id)
    assert refused.value.code == mapping_revisions.INCOMPLETE
    assert refused.value.params["missing"].split(", ") == [p.value for p in MappingPart]
    fill_everything(world, engine, case_id, mapping_id)
    mapping_service.remove_item(
        world.therapist,
        mapping_view(world.therapist, case_id).items_of(K.DANGER_STATEMENT)[0].item_id,
    )
    with pytest.raises(ValidationError) as refused:
        mapping_revisions.complete_mapping(world.therapist, mapping_id)
    assert refused.value.params == {"missing": "danger_statement", "count": 1}
    with pytest.raises(ValidationError):  # missing needs a reason
        mapping_service.mark_missing(world.therapist, mapping_id, MappingPart.DANGER_STATEMENT, " ")
    mapping_service.mark_missing(
        world.therapist, mapping_id, MappingPart.DANGER_STATEMENT, "Ingen fara har framkommit."
    )
    view = mapping_view(world.therapist, case_id)
    state = {p.part: p for p in view.parts}[MappingPart.DANGER_STATEMENT]
    assert not state.written and state.missing_reason == "Ingen fara har framkommit."
    assert all(p.accounted for p in view.parts)
    mapping_revisions.complete_mapping(world.therapist, mapping_id)
    assert mapping_view(world.therapist, case_id).completed_on == TODAY


def test_an_unmarked_part_counts_again_once_its_mark_is_taken_away(world, mapping_id):
    mapping_service.mark_missing(world.therapist, mapping_id, MappingPart.TRIALS, "Inget prövat")
    mapping_service.mark_missing(world.therapist, mapping_id, MappingPart.TRIALS, None)
    with pytest.raises(ValidationError) as refused:
        mapping_revisions.complete_mapping(world.therapist, mapping_id)
    assert "trials" in refused.value.params["missing"]


# -- a completed revision is sealed --------------------------------------------------------------


def test_a_completed_revision_cannot_be_changed_through_the_services(
    world, engine, case_id, mapping_id
):
    completed(world, engine, case_id, mapping_id)
    item = mapping_view(world.therapist, case_id).items_of(K.WORRY)[0].item_id
    for write in (
        lambda: mapping_service.write_section(
            world.therapist, mapping_id, section(MappingPerspective.SOCIAL_THERAPEUTIC)
        ),
        lambda: mapping_service.add_item(world.therapist, mapping_id, K.WORRY, "Mer"),
        lambda: mapping_service.edit_item(world.therapist, item, "Ändrat"),
        lambda: mapping_service.remove_item(world.therapist, item),
        lambda: mapping_service.add_trial(world.therapist, mapping_id, "Mer", TODAY),
        lambda: mapping_service.write_analysis(world.therapist, mapping_id, "Ny"),
        lambda: mapping_service.mark_missing(world.therapist, mapping_id, MappingPart.TRIALS, "x"),
        lambda: mapping_revisions.complete_mapping(world.therapist, mapping_id),
        lambda: mapping_scaling.record_scaling(
            world.therapist, mapping_id, ScalingInput(respondent="self", value=1, rated_on=TODAY)
        ),
    ):
        with pytest.raises(NotAllowedError) as refused:
            write()
        assert refused.value.code == mapping_service.COMPLETED


def test_a_completed_revision_cannot_be_changed_in_the_file(world, engine, case_id, mapping_id):
    for part in (MappingPart.TRIALS, MappingPart.STRENGTHS):  # two marks: an object to reorder
        mapping_service.mark_missing(world.therapist, mapping_id, part, f"Skäl {part.value}")
    completed(world, engine, case_id, mapping_id)
    with engine.connect() as conn:
        section_id = conn.execute(
            select(MappingSection.id).where(MappingSection.mapping_id == mapping_id)
        ).first()[0]
        item = conn.execute(select(MappingItem).where(MappingItem.mapping_id == mapping_id)).first()
    attempts = [
        update(Mapping).where(Mapping.id == mapping_id).values(analysis="Ändrad i efterhand"),
        update(Mapping).where(Mapping.id == mapping_id).values(completed_on=None),
        update(Mapping).where(Mapping.id == mapping_id).values(missing={}),
        update(MappingSection).where(MappingSection.id == section_id).values(observations="x"),
        update(MappingItem).where(MappingItem.id == item.id).values(deleted=True),
        text("DELETE FROM mapping_items WHERE id = :id").bindparams(id=item.id),
        text("DELETE FROM mappings WHERE id = :id").bindparams(id=mapping_id),
        text(
            "INSERT INTO mapping_items (id, mapping_id, kind, text, author_id, position, case_id,"
            " authority, record_class, created_at, created_by, updated_at, updated_by, deleted)"
            " SELECT 'x', mapping_id, kind, 'smugglad', author_id, 9, case_id, authority,"
            " record_class, created_at, created_by, updated_at, updated_by, 0"
            " FROM mapping_items WHERE id = :id"
        ).bindparams(id=item.id),
    ]
    for statement in attempts:
        with engine.begin() as conn, pytest.raises(DatabaseError, match="sst:mapping_completed"):
            conn.execute(statement)
    # The same marks with their keys in another order (as PostgreSQL's jsonb hands them back)
    # are no change.
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE mappings SET missing = :value WHERE id = :id").bindparams(
                value='{"strengths": "Skäl strengths", "trials": "Skäl trials"}', id=mapping_id
            )
        )
    # What sync brings (the server's copy, with its version) is let through: a device must
    # never refuse what the server holds, or its sync would stop for good.
    with engine.begin() as conn:
        conn.execute(
            update(MappingItem)
            .where(MappingItem.id == item.id)
            .values(text="Serverns version", server_version=41)
        )
        conn.execute(update(Mapping).where(Mapping.id == mapping_id).values(server_version=42))


# -- revisions -----------------------------------------------------------------------------------


def test_revising_keeps_the_old_revision_as_it_was(world, engine, case_id, mapping_id):
    completed(world, engine, case_id, mapping_id)
    with pytest.raises(WorkflowError):  # one mapping per case: a change is a revision
        mapping_service.start_mapping(world.therapist, case_id, TODAY)
    second = mapping_revisions.revise_mapping(world.therapist, mapping_id)
    view = mapping_view(world.therapist, case_id)
    assert (view.mapping_id, view.revision, view.draft, view.newest) == (second, 2, True, True)
    assert [r.revision for r in view.revisions] == [2, 1]
    # The reviser's authority's parts came along; the school's sections wait for their authors.
    assert [s.perspective for s in view.sections] == [MappingPerspective.SOCIAL_THERAPEUTIC]
    assert len(view.items) == len(MappingItemKind) and view.analysis
    assert view.scalings == ()  # each revision is scaled anew
    assert view.carry_over == 0
    school = mapping_view(world.educator, case_id)
    assert school.carry_over == 2  # the school's two sections
    assert mapping_revisions.carry_over(world.educator, second) == 2
    assert mapping_revisions.carry_over(world.psychologist, second) == 0  # already here
    brought = mapping_view(world.educator, case_id)
    pedagogical = brought.section(MappingPerspective.PEDAGOGICAL)
    psychological = brought.section(MappingPerspective.PSYCHOLOGICAL)
    assert pedagogical is not None and pedagogical.mine  # still each author's to change
    assert psychological is not None and not psychological.mine
    mapping_service.write_section(
        world.educator, second, section(MappingPerspective.PEDAGOGICAL, observations="Nytt.")
    )
    old = mapping_view(world.educator, case_id, mapping_id)
    assert old.completed_on == TODAY and not old.newest
    kept = old.section(MappingPerspective.PEDAGOGICAL)
    assert kept is not None and kept.observations is None  # the old revision as it was


def test_only_the_newest_completed_revision_is_revised(world, engine, case_id, mapping_id):
    with pytest.raises(WorkflowError) as refused:
        mapping_revisions.revise_mapping(world.therapist, mapping_id)
    assert refused.value.code == mapping_revisions.STILL_DRAFT
    completed(world, engine, case_id, mapping_id)
    mapping_revisions.revise_mapping(world.therapist, mapping_id)
    with pytest.raises(WorkflowError) as refused:
        mapping_revisions.revise_mapping(world.therapist, mapping_id)
    assert refused.value.code == mapping_revisions.NOT_NEWEST


def test_a_revision_by_the_other_authority_starts_its_own_fields_afresh(
    world, engine, case_id, mapping_id
):
    completed(world, engine, case_id, mapping_id)
    second = mapping_revisions.revise_mapping(world.educator, mapping_id)
    with world.educator.unit_of_work() as uow:
        new = uow.session.get(Mapping, second)
        assert (new.authority, new.analysis, new.missing) == (Authority.SCHOOL, None, {})
    mapping_service.write_analysis(world.educator, second, "Skolans analys")


# -- what the other authority may read ----------------------------------------------------------


def test_the_other_authoritys_parts_are_counted_not_shown_without_consent(
    world, engine, case_id, mapping_id
):
    fill_everything(world, engine, case_id, mapping_id)
    school = mapping_view(world.educator, case_id)
    assert school.hidden_sections == (MappingPerspective.SOCIAL_THERAPEUTIC,)
    assert school.analysis is None and school.items == () and school.withheld > 0
    assert all(p.written for p in school.parts)  # what exists is known, not what it says
    consent_service.give_consent(
        world.officer,
        case_id,
        consent_service.ConsentInput(
            purposes=(ConsentPurpose.SHARING_BETWEEN_AUTHORITIES,),
            categories=(RecordCategory.MAPPING_SOCIAL, RecordCategory.RATINGS),
            recipient_authority=Authority.SCHOOL,
            given_on=TODAY,
            valid_until=date(2027, 3, 1),
            form="written",
            parties=(
                consent_service.PartyAnswer("student", True),
                consent_service.PartyAnswer("guardian", True),
            ),
        ),
    )
    shared = mapping_view(world.educator, case_id)
    assert shared.hidden_sections == () and shared.analysis and len(shared.scalings) == 3


def test_the_new_tables_take_the_category_of_their_writer():
    for table in ("mapping_items", "mapping_scalings"):
        assert table in categories.MAPPING_BY_WRITER
        social = categories.category_of(table, record_class=RecordClass.SOCIAL_SERVICES_RECORD)
        health = categories.category_of(table, record_class=RecordClass.PUPIL_HEALTH_RECORD)
        assert (social, health) == (
            RecordCategory.MAPPING_SOCIAL,
            RecordCategory.MAPPING_PSYCHOLOGICAL,
        )


# -- what needs to happen becomes plan goals -------------------------------------------------------


def needs(world, mapping_id) -> list[str]:
    return [
        mapping_service.add_item(world.therapist, mapping_id, K.NEEDS_TO_HAPPEN, "Ett schema"),
        mapping_service.add_item(world.therapist, mapping_id, K.SAFETY_GOAL, "Sover hemma"),
    ]


def plan_goals(engine, revision_id) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        return [
            (row.text, row.perspective)
            for row in conn.execute(
                select(PlanGoal.text, PlanGoal.perspective)
                .where(PlanGoal.revision_id == revision_id)
                .order_by(PlanGoal.position)
            )
        ]


def test_needs_become_goals_of_a_new_plan_draft_in_one_step(world, engine, case_id, mapping_id):
    need, goal = needs(world, mapping_id)
    mapping_service.write_analysis(world.therapist, mapping_id, "Frånvaron skyddar mot oro.")
    made = mapping_plan.goals_from_mapping(
        world.therapist,
        mapping_id,
        [GoalPick(need, PlanPerspective.SCHOOL), GoalPick(goal)],
        with_analysis=True,
    )
    assert len(made.goal_ids) == 2 and made.already == 0 and made.analysis_added
    assert plan_goals(engine, made.revision_id) == [
        ("Ett schema", PlanPerspective.SCHOOL),
        ("Sover hemma", PlanPerspective.INDIVIDUAL),  # the default perspective
    ]
    with engine.connect() as conn:
        kind, aims = conn.execute(
            select(Plan.kind, PlanRevision.overall_aims)
            .join(PlanRevision, PlanRevision.plan_id == Plan.id)
            .where(PlanRevision.id == made.revision_id)
        ).one()
    assert kind == PlanKind.IMPLEMENTATION_PLAN and aims == "Frånvaron skyddar mot oro."
    again = mapping_plan.goals_from_mapping(
        world.therapist, mapping_id, [GoalPick(need)], with_analysis=True
    )
    assert (again.revision_id, again.goal_ids, again.already, again.analysis_added) == (
        made.revision_id,
        (),
        1,
        False,
    )


def test_only_needs_and_safety_goals_become_goals(world, engine, mapping_id):
    worry = mapping_service.add_item(world.therapist, mapping_id, K.WORRY, "Oro")
    with pytest.raises(ValidationError):
        mapping_plan.goals_from_mapping(world.therapist, mapping_id, [GoalPick(worry)])
    with pytest.raises(ValidationError):  # nothing chosen
        mapping_plan.goals_from_mapping(world.therapist, mapping_id, [])
    with pytest.raises(ValidationError):  # no analysis written
        mapping_plan.goals_from_mapping(world.therapist, mapping_id, [], with_analysis=True)
    assert count(engine, Plan) == 0  # nothing written before everything was checked


def test_a_signed_plan_gets_a_new_revision_for_the_goals(world, engine, case_id, mapping_id):
    need, _goal = needs(world, mapping_id)
    first = mapping_plan.goals_from_mapping(world.therapist, mapping_id, [GoalPick(need)])
    plan_service.submit_for_signatures(world.therapist, first.revision_id)
    with pytest.raises(WorkflowError):  # awaiting signatures: no goals slip in
        mapping_plan.goals_from_mapping(world.therapist, mapping_id, [GoalPick(need)])
    for role in SignerRole:
        plan_service.add_signature(world.therapist, first.revision_id, role, "Namn", TODAY)
    plan_service.complete_signing(world.therapist, first.revision_id)
    _need, goal = needs(world, mapping_id)
    made = mapping_plan.goals_from_mapping(world.therapist, mapping_id, [GoalPick(goal)])
    assert made.revision_id != first.revision_id
    with engine.connect() as conn:
        status = conn.execute(
            select(PlanRevision.status).where(PlanRevision.id == made.revision_id)
        ).scalar_one()
    assert status == PlanRevisionStatus.DRAFT
    assert [t for t, _p in plan_goals(engine, made.revision_id)] == ["Ett schema", "Sover hemma"]
