from __future__ import annotations

import time

import pytest

from sst_desktop.security.kdf import (
    INSECURE_ENV,
    KdfFloor,
    KdfParams,
    KdfPolicy,
    calibrate,
    derive_key,
    is_below_floor,
    is_weaker_than_policy,
)

SALT = bytes(range(16))


def test_policy_is_insecure_only_when_explicitly_set() -> None:
    assert KdfPolicy.from_environment({}) == KdfPolicy.production()
    assert KdfPolicy.from_environment({INSECURE_ENV: "yes"}) == KdfPolicy.production()
    assert KdfPolicy.from_environment({INSECURE_ENV: "1"}) == KdfPolicy.insecure_for_tests()


def test_production_policy_matches_design() -> None:
    policy = KdfPolicy.production()
    assert (policy.memory_kib, policy.parallelism, policy.target_seconds) == (262_144, 4, 1.0)
    assert policy.floor == KdfFloor(memory_kib=65_536, iterations=3, parallelism=4)


def test_params_round_trip_and_reject_tampered_values() -> None:
    params = KdfParams(memory_kib=64, iterations=2, parallelism=1, salt=SALT)
    assert KdfParams.from_dict(params.to_dict()) == params
    for field, value in [("memory_kib", 2**40), ("iterations", 0), ("parallelism", 1.5)]:
        with pytest.raises((ValueError, TypeError)):
            KdfParams.from_dict({**params.to_dict(), field: value})
    with pytest.raises(ValueError):
        KdfParams.from_dict({**params.to_dict(), "algorithm": "argon2i"})


def test_derive_key_is_32_bytes_deterministic_and_salted() -> None:
    params = KdfParams(memory_kib=64, iterations=1, parallelism=1, salt=SALT)
    key = derive_key(b"secret", params)
    assert isinstance(key, bytearray) and len(key) == 32
    assert key == derive_key(b"secret", params)
    assert key != derive_key(b"secret", KdfParams(64, 1, 1, bytes(16)))


def test_calibrate_uses_the_injected_clock() -> None:
    ticks = iter([10.0, 10.3])  # a floor-iteration run (t=3) takes 0.3 s -> 0.1 s per pass
    policy = KdfPolicy(64, 1, 1.0, KdfFloor(8, 3, 1))
    assert calibrate(policy, clock=lambda: next(ticks)).iterations == 10
    slow = iter([0.0, 30.0])
    assert calibrate(policy, clock=lambda: next(slow)).iterations == 3  # never below the floor


def test_real_calibration_hits_a_small_target_and_respects_the_floor() -> None:
    policy = KdfPolicy(memory_kib=4096, parallelism=1, target_seconds=0.15, floor=KdfFloor(8, 2, 1))
    params = calibrate(policy)
    assert params.iterations >= 2 and params.memory_kib == 4096
    start = time.perf_counter()
    derive_key(b"x", params)
    elapsed = time.perf_counter() - start
    assert params.iterations == 2 or 0.03 < elapsed < 1.0
    assert not is_below_floor(params, policy)


def test_floor_and_weaker_than_policy() -> None:
    policy = KdfPolicy.production()
    strong = KdfParams(262_144, 3, 4, SALT)
    assert not is_below_floor(strong, policy) and not is_weaker_than_policy(strong, policy)
    at_floor = KdfParams(65_536, 3, 4, SALT)
    assert not is_below_floor(at_floor, policy) and is_weaker_than_policy(at_floor, policy)
    for weak in (
        KdfParams(32_768, 3, 4, SALT),
        KdfParams(65_536, 2, 4, SALT),
        KdfParams(65_536, 3, 2, SALT),
    ):
        assert is_below_floor(weak, policy)
    assert not is_weaker_than_policy(KdfParams(64, 1, 1, SALT), KdfPolicy.insecure_for_tests())
