"""The instrument is chosen by the student's age on the rating date: the birthday itself counts."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sst_desktop.instruments import AnswerError, Catalogue, age_on


@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        (date(2013, 3, 14), date(2026, 3, 13), 12),
        (date(2013, 3, 14), date(2026, 3, 14), 13),
        (date(2013, 12, 31), date(2026, 1, 1), 12),
        (date(2012, 2, 29), date(2025, 2, 28), 12),
        (date(2012, 2, 29), date(2025, 3, 1), 13),
        (date(2012, 2, 29), date(2024, 2, 29), 12),
    ],
)
def test_age_in_full_years(born: date, on: date, age: int) -> None:
    assert age_on(born, on) == age


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)), st.integers(0, 30))
def test_the_age_rises_by_one_on_each_birthday(born: date, years: int) -> None:
    if (born.month, born.day) == (2, 29):
        return
    birthday = born.replace(year=born.year + years)
    assert age_on(born, birthday) == years
    if years:
        assert age_on(born, date.fromordinal(birthday.toordinal() - 1)) == years - 1


@pytest.mark.parametrize(
    ("family", "respondent", "born", "on", "expected"),
    [
        ("outcome", "self", date(2013, 3, 14), date(2026, 3, 13), "cors"),
        ("outcome", "self", date(2013, 3, 14), date(2026, 3, 14), "ors"),  # 13th birthday
        ("outcome", "self", date(2020, 8, 20), date(2026, 8, 19), "ycors"),
        ("outcome", "self", date(2020, 8, 20), date(2026, 8, 20), "cors"),  # 6th birthday
        ("outcome", "parent", date(2016, 1, 1), date(2026, 6, 1), "cors"),
        ("outcome", "teacher", date(2008, 1, 1), date(2026, 6, 1), "ors"),  # 18: adults' line
        ("session", "self", date(2013, 3, 14), date(2026, 3, 13), "csrs"),
        ("session", "self", date(2013, 3, 14), date(2026, 3, 14), "srs"),
        ("session", "parent", date(2017, 5, 5), date(2026, 5, 5), "srs"),  # the adult rates
        ("sdq", "self", date(2015, 2, 1), date(2026, 2, 1), "sdq"),
        ("signs_of_safety", "team", date(2015, 2, 1), date(2026, 2, 1), "signs_of_safety"),
    ],
)
def test_the_version_for_the_age_on_the_rating_date(
    catalogue: Catalogue, family: str, respondent: str, born: date, on: date, expected: str
) -> None:
    assert catalogue.choose(family, respondent, born, on).id == expected


@pytest.mark.parametrize(
    ("family", "respondent", "born", "on"),
    [
        ("sdq", "self", date(2015, 2, 2), date(2026, 2, 1)),  # 10 the day before the 11th
        ("outcome", "parent", date(2021, 1, 1), date(2026, 1, 1)),  # YCORS is the child's
        ("sdq", "parent", date(2008, 1, 1), date(2026, 1, 1)),  # 18
        ("nonesuch", "self", date(2015, 1, 1), date(2026, 1, 1)),
    ],
)
def test_no_version_is_an_error_naming_the_age(
    catalogue: Catalogue, family: str, respondent: str, born: date, on: date
) -> None:
    with pytest.raises(AnswerError, match=f"student aged {age_on(born, on)}"):
        catalogue.choose(family, respondent, born, on)


def test_lookup_by_id_and_version(catalogue: Catalogue) -> None:
    assert catalogue.get("sdq").version == 1
    assert catalogue.get("sdq", 1) is catalogue.get("sdq")
    with pytest.raises(AnswerError, match="Version 2 of sdq is not installed"):
        catalogue.get("sdq", 2)
    with pytest.raises(AnswerError, match="No instrument phq9"):
        catalogue.get("phq9")
