"""The refresh token a device rotates to is bound to the one it replaces (``refresh_chain``)."""

from __future__ import annotations

from sst_rules.refresh_chain import follows, next_token


def test_a_chosen_token_follows_the_one_it_was_made_from_and_no_other() -> None:
    current = "current-refresh-token-0123456789abcdef"
    chosen = next_token(current)
    assert follows(chosen, current)
    assert not follows(chosen, current + "x")
    assert not follows(next_token(current + "x"), current)
    assert chosen != next_token(current)  # a fresh nonce each time


def test_a_token_without_the_binding_follows_nothing() -> None:
    current = "current-refresh-token-0123456789abcdef"
    nonce = next_token(current).split(".")[0]
    for token in ("", ".", "no-dot-at-all", nonce + ".", "." + nonce, nonce + ".forged"):
        assert not follows(token, current)
    assert len(next_token(current)) <= 200  # fits the protocol's limit
