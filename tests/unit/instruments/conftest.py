"""The shipped catalogue, loaded once; helpers to build answers."""

from __future__ import annotations

import pytest

from sst_desktop.instruments import Catalogue, shipped_catalogue


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return shipped_catalogue()


def lines(individual: int, interpersonal: int, social: int, overall: int) -> dict[str, object]:
    """ORS/CORS answers in millimetres."""
    return {
        "individual": individual,
        "interpersonal": interpersonal,
        "social": social,
        "overall": overall,
    }


def ors_total(cm: float) -> dict[str, object]:
    """Four ORS marks whose total is ``cm`` (to 0.1), spread as evenly as mm allow."""
    millimetres = round(cm * 10)
    base, rest = divmod(millimetres, 4)
    marks = [base + (1 if n < rest else 0) for n in range(4)]
    return lines(*marks)


def session(relationship: int, goals: int, approach: int, overall: int) -> dict[str, object]:
    return {"relationship": relationship, "goals": goals, "approach": approach, "overall": overall}


def srs_total(cm: float) -> dict[str, object]:
    millimetres = round(cm * 10)
    base, rest = divmod(millimetres, 4)
    return session(*[base + (1 if n < rest else 0) for n in range(4)])
