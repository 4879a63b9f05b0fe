"""The mapping's 0-10 scaling (skalfråga) by the student, a guardian and the team: a rating of the
Signs of Safety instrument, checked and written by the rating service's own rules, and linked to
the draft revision in the same transaction. Scaling again adds a new scaling; the newest counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sst_desktop.casework import rating_service
from sst_desktop.casework.context import ServiceContext, owner_tags
from sst_desktop.casework.mapping_service import draft_mapping, visible_case
from sst_desktop.casework.rating_service import RatingSessionInput
from sst_desktop.instruments import Catalogue, shipped_catalogue
from sst_desktop.models.mapping import MappingScaling
from sst_rules.enums import RatingEntry

FAMILY = "signs_of_safety"
ITEM = "scale"  # the instrument's one item (resources/instruments/signs_of_safety.json)


@dataclass(frozen=True)
class ScalingInput:
    respondent: str  # self, parent or team
    value: int  # 0-10
    rated_on: date
    guardian_id: str | None = None  # which guardian, when a guardian scales
    entry: RatingEntry = RatingEntry.CLINICIAN


def record_scaling(
    ctx: ServiceContext,
    mapping_id: str,
    data: ScalingInput,
    *,
    catalogue: Catalogue | None = None,
) -> str:
    """Check the rating as any rating is checked, write it and link it; returns the rating id."""
    chosen = catalogue or shipped_catalogue()
    rating = RatingSessionInput(
        family=FAMILY,
        respondent=data.respondent,
        rated_on=data.rated_on,
        answers={ITEM: data.value},
        entry=data.entry,
        guardian_id=data.guardian_id,
    )
    with ctx.unit_of_work() as uow:
        mapping = draft_mapping(uow, ctx, mapping_id)
        case = visible_case(uow, ctx, mapping.case_id)
        definition = rating_service.check_rating(uow, ctx, case, rating, chosen)
        written = rating_service.add_rating(uow, ctx, case, definition, rating, chosen)
        uow.add(
            MappingScaling(
                case_id=case.id,
                mapping_id=mapping.id,
                rating_id=written.id,
                **owner_tags(ctx.actor),
            )
        )
        uow.commit()
        return str(written.id)
