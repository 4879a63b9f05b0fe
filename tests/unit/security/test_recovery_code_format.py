from __future__ import annotations

import re

from sst_desktop.security.recovery_code import (
    format_recovery_code,
    new_recovery_code,
    parse_recovery_code,
)


def test_format_is_eight_groups_of_five_crockford_characters() -> None:
    code = new_recovery_code()
    assert len(code) * 8 >= 128
    text = format_recovery_code(code)
    assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}", text)
    assert parse_recovery_code(text) == code


def test_parse_forgives_case_spaces_dashes_and_lookalikes() -> None:
    code = bytes(range(25))
    text = format_recovery_code(code)
    assert parse_recovery_code(text.lower().replace("-", " ")) == code
    assert parse_recovery_code(" " + text.replace("-", "") + "\n") == code
    assert parse_recovery_code(text.replace("0", "o").replace("1", "l")) == code


def test_things_that_are_not_codes() -> None:
    assert parse_recovery_code("korrekt häst batteri") is None
    assert parse_recovery_code(format_recovery_code(bytes(25))[:-1]) is None
    assert parse_recovery_code("U" * 40) is None
