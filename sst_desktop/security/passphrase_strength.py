"""Passphrase strength, shared by profile creation and the UI's meter.

Returns a zxcvbn score and stable feedback codes derived from the matched patterns (never
zxcvbn's English sentences), so the UI can translate them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from zxcvbn import zxcvbn

MIN_LENGTH = 10
MIN_SCORE = 3
# zxcvbn's cost grows fast with length; the first 100 characters decide the score anyway.
_MAX_CHECKED = 100
# Words an attacker would try first against this app.
_APP_WORDS = ["sst", "desktop", "skola", "elev", "elevhalsa", "socialtjanst", "kommun"]

_DICTIONARY_CODES = {
    "passwords": "common_password",
    "surnames": "name",
    "male_names": "name",
    "female_names": "name",
    "user_inputs": "app_word",
}
_PATTERN_CODES = {
    "spatial": "keyboard_pattern",
    "repeat": "repeat",
    "sequence": "sequence",
    "regex": "year",
    "date": "date",
}


@dataclass(frozen=True)
class Strength:
    score: int  # 0 (guessable) .. 4 (very strong)
    feedback: tuple[str, ...]  # codes such as "too_short", "common_password", "keyboard_pattern"

    @property
    def acceptable(self) -> bool:
        return "too_short" not in self.feedback and self.score >= MIN_SCORE


def assess_passphrase(passphrase: str) -> Strength:
    normalised = unicodedata.normalize("NFC", passphrase)
    result = zxcvbn(normalised[:_MAX_CHECKED], user_inputs=_APP_WORDS)
    codes: list[str] = []
    if len(normalised) < MIN_LENGTH:
        codes.append("too_short")
    for match in result["sequence"]:
        code = _match_code(match)
        if code is not None and code not in codes:
            codes.append(code)
    return Strength(score=int(result["score"]), feedback=tuple(codes))


def _match_code(match: dict[str, object]) -> str | None:
    pattern = match.get("pattern")
    if pattern == "dictionary":
        if match.get("l33t") or match.get("reversed"):
            return "predictable_substitution"
        return _DICTIONARY_CODES.get(str(match.get("dictionary_name")), "common_word")
    return _PATTERN_CODES.get(str(pattern))
