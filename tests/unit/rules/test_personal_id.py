"""Personal identity numbers: python-stdnum is the oracle for the checksum and date rules."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import luhn
from stdnum.se import personnummer

from sst_desktop.errors import ValidationError
from sst_desktop.models.rules.personal_id import (
    format_personal_id,
    parse_personal_id,
    synthetic_personal_id,
)

TODAY = date(2026, 11, 24)
births = st.dates(min_value=date(1920, 1, 1), max_value=TODAY)


def _number(birth: date, serial: int, *, coordination: bool = False) -> str:
    day = birth.day + (60 if coordination else 0)
    nine = f"{birth:%y%m}{day:02d}{serial:03d}"
    return f"{birth.year // 100:02d}{nine}{luhn.calc_check_digit(nine)}"


def _reason(text: str) -> str:
    with pytest.raises(ValidationError) as caught:
        parse_personal_id(text, today=TODAY)
    assert caught.value.code == "personal_id.invalid"
    if len(text.strip()) >= 4:
        assert text.strip()[-4:] not in caught.value.message  # never echoes the number
    return str(caught.value.params["reason"])


@settings(max_examples=200)
@given(birth=births, serial=st.integers(0, 999))
def test_every_valid_number_parses_in_every_written_form(birth: date, serial: int) -> None:
    twelve = _number(birth, serial)
    assert personnummer.is_valid(twelve)  # the oracle agrees it is valid
    forms = [twelve, f"{twelve[:8]}-{twelve[8:]}", f" {twelve[:8]} {twelve[8:]} "]
    if TODAY.year - birth.year < 99:  # ten digits are ambiguous for the very old
        forms += [twelve[2:], f"{twelve[2:8]}-{twelve[8:]}"]
    for form in forms:
        parsed = parse_personal_id(form, today=TODAY)
        assert parsed.canonical == twelve
        assert parsed.birth_date == birth
        assert not parsed.is_coordination_number
        assert format_personal_id(parsed) == f"{twelve[:8]}-{twelve[8:]}"


@settings(max_examples=100)
@given(
    birth=births, serial=st.integers(0, 999), position=st.integers(0, 9), delta=st.integers(1, 9)
)
def test_any_single_digit_change_is_refused(
    birth: date, serial: int, position: int, delta: int
) -> None:
    twelve = _number(birth, serial)
    digits = list(twelve[2:])
    digits[position] = str((int(digits[position]) + delta) % 10)
    changed = "".join(digits)
    if personnummer.is_valid(changed):  # cannot happen with Luhn, but let the oracle decide
        return
    assert _reason(twelve[:2] + changed) in ("checksum", "date")


@settings(max_examples=100)
@given(birth=births, serial=st.integers(0, 999))
def test_coordination_numbers_have_day_plus_sixty(birth: date, serial: int) -> None:
    number = _number(birth, serial, coordination=True)
    assert luhn.is_valid(number[2:])  # stdnum's personnummer does not know coordination numbers
    parsed = parse_personal_id(number, today=TODAY)
    assert parsed.is_coordination_number
    assert parsed.birth_date == birth


def test_ten_digits_take_the_latest_century_not_in_the_future() -> None:
    assert parse_personal_id("121212-1212", today=TODAY).birth_date == date(2012, 12, 12)
    assert parse_personal_id("301212-1236", today=TODAY).birth_date.year == 1930


def test_a_plus_sign_means_a_hundred_years_or_more() -> None:
    assert parse_personal_id("121212+1212", today=TODAY).birth_date == date(1912, 12, 12)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "format"),
        ("abc", "format"),
        ("1212121213", "checksum"),  # ten digits, wrong check digit
        ("20121212-121", "format"),
        ("201213011230", "date"),  # month 13 with a valid Luhn digit
        ("201202301238", "date"),  # 30 February
    ],
)
def test_malformed_numbers_say_why(text: str, reason: str) -> None:
    assert _reason(text) == reason


def test_a_birth_date_in_the_future_is_refused() -> None:
    tomorrow = TODAY + timedelta(days=1)
    assert _reason(_number(tomorrow, 123)) == "date"


@settings(max_examples=200)
@given(
    birth=st.dates(min_value=date(2005, 1, 1), max_value=date(2022, 12, 31)),
    serial=st.integers(0, 10_000),
)
def test_synthetic_numbers_are_valid_and_in_the_reserved_range(birth: date, serial: int) -> None:
    number = synthetic_personal_id(birth, serial)
    assert personnummer.is_valid(number)
    assert 980 <= int(number[8:11]) <= 999
    assert parse_personal_id(number, today=TODAY).birth_date == birth
