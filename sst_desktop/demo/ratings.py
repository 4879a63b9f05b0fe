"""Demo ratings: the student rates ORS (or CORS) at the start of a home or school visit and
SRS (or CSRS) at its end, linked to the visit, on a slowly improving, noisy trajectory. A
generator of its own, seeded by the case, so the rest of the story draws what it always drew."""

from __future__ import annotations

import random
from datetime import date

from sst_desktop.casework import rating_service
from sst_desktop.casework.context import ServiceContext
from sst_desktop.casework.rating_service import RatingSessionInput

OUTCOME_ITEMS = ("individual", "interpersonal", "social", "overall")
SESSION_ITEMS = ("relationship", "goals", "approach", "overall")


def rate_visit(ctx: ServiceContext, case_id: str, contact_id: str, on: date, visit: int) -> None:
    rng = random.Random(f"{case_id}:{visit}")
    start = random.Random(case_id).randrange(30, 55)  # the case's first level, in mm per line
    level = min(95, start + 4 * visit)
    for family, items, centre in (
        ("outcome", OUTCOME_ITEMS, level),
        ("session", SESSION_ITEMS, 85),
    ):
        answers = {item: max(0, min(100, centre + rng.randrange(-12, 13))) for item in items}
        rating_service.record_rating_session(
            ctx,
            case_id,
            RatingSessionInput(family, "self", on, answers, contact_id=contact_id),
        )
