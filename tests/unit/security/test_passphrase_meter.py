from __future__ import annotations

from sst_desktop.security.passphrase_strength import assess_passphrase


def test_short_passphrase_is_too_short_whatever_the_score() -> None:
    strength = assess_passphrase("Xq7#kP2!")
    assert "too_short" in strength.feedback and not strength.acceptable


def test_common_password_scores_low_with_a_code_not_text() -> None:
    strength = assess_passphrase("password123")
    assert strength.score < 3 and not strength.acceptable
    assert "common_password" in strength.feedback
    assert all(code.isidentifier() for code in strength.feedback)


def test_keyboard_walk_is_named() -> None:
    assert "keyboard_pattern" in assess_passphrase("zxcvbnm,.-asdfg").feedback


def test_several_unrelated_words_are_acceptable() -> None:
    strength = assess_passphrase("korrekt häst batteri häftklammer")
    assert strength.acceptable and strength.score >= 3
