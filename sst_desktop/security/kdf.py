"""Argon2id as data: parameters live in each key slot; a policy says what is strong enough.

The policy is chosen explicitly (``KdfPolicy.from_environment``): tiny parameters only when
``SST_INSECURE_TEST_KDF=1`` is set, never because a test runner is detected.
"""

from __future__ import annotations

import base64
import logging
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from argon2.low_level import Type, hash_secret_raw

log = logging.getLogger(__name__)

ALGORITHM = "argon2id"
SALT_BYTES = 16
KEY_BYTES = 32
INSECURE_ENV = "SST_INSECURE_TEST_KDF"
# Bounds for parameters read from a key file: a tampered file must not make us allocate 1 TiB.
_MAX_MEMORY_KIB = 4 * 1024 * 1024
_MAX_ITERATIONS = 64
_MAX_PARALLELISM = 64


@dataclass(frozen=True)
class KdfParams:
    """One slot's Argon2id parameters (the salt is not secret)."""

    memory_kib: int
    iterations: int
    parallelism: int
    salt: bytes
    algorithm: str = ALGORITHM

    def __post_init__(self) -> None:
        if self.algorithm != ALGORITHM:
            raise ValueError("unsupported KDF algorithm")
        if len(self.salt) != SALT_BYTES:
            raise ValueError("KDF salt must be 16 bytes")
        if not 1 <= self.parallelism <= _MAX_PARALLELISM:
            raise ValueError("KDF parallelism out of range")
        if not 8 * self.parallelism <= self.memory_kib <= _MAX_MEMORY_KIB:
            raise ValueError("KDF memory out of range")
        if not 1 <= self.iterations <= _MAX_ITERATIONS:
            raise ValueError("KDF iterations out of range")

    def to_dict(self) -> dict[str, Any]:
        return {
            "algorithm": self.algorithm,
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "parallelism": self.parallelism,
            "salt": base64.b64encode(self.salt).decode("ascii"),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> KdfParams:
        """Parse and validate; raises ValueError/TypeError/KeyError on anything unexpected."""
        if set(data) != {"algorithm", "memory_kib", "iterations", "parallelism", "salt"}:
            raise ValueError("unexpected KDF fields")
        ints = [data["memory_kib"], data["iterations"], data["parallelism"]]
        if not all(type(v) is int for v in ints):
            raise TypeError("KDF parameters must be integers")
        return cls(
            memory_kib=ints[0],
            iterations=ints[1],
            parallelism=ints[2],
            salt=base64.b64decode(data["salt"], validate=True),
            algorithm=data["algorithm"],
        )


@dataclass(frozen=True)
class KdfFloor:
    """The weakest parameters ever accepted without rewrapping."""

    memory_kib: int
    iterations: int
    parallelism: int


@dataclass(frozen=True)
class KdfPolicy:
    memory_kib: int
    parallelism: int
    target_seconds: float
    floor: KdfFloor

    @classmethod
    def production(cls) -> KdfPolicy:
        return cls(262_144, 4, 1.0, KdfFloor(memory_kib=65_536, iterations=3, parallelism=4))

    @classmethod
    def insecure_for_tests(cls) -> KdfPolicy:
        return cls(64, 1, 0.0, KdfFloor(memory_kib=8, iterations=1, parallelism=1))

    @classmethod
    def from_environment(cls, environ: Mapping[str, str]) -> KdfPolicy:
        if environ.get(INSECURE_ENV) == "1":
            log.warning("SST_INSECURE_TEST_KDF=1: using the insecure test KDF policy")
            return cls.insecure_for_tests()
        return cls.production()


def derive_key(secret: bytes, params: KdfParams) -> bytearray:
    """32 bytes of Argon2id output; the caller zeroes the bytearray when done."""
    raw = hash_secret_raw(
        secret=secret,
        salt=params.salt,
        time_cost=params.iterations,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )
    return bytearray(raw)


def calibrate(policy: KdfPolicy, clock: Callable[[], float] = time.perf_counter) -> KdfParams:
    """Fresh-salted parameters whose derivation takes about ``policy.target_seconds`` here."""
    params = KdfParams(
        memory_kib=policy.memory_kib,
        iterations=policy.floor.iterations,
        parallelism=policy.parallelism,
        salt=secrets.token_bytes(SALT_BYTES),
    )
    if policy.target_seconds <= 0:
        return params
    start = clock()
    derive_key(b"calibration", params)
    per_iteration = max(clock() - start, 1e-6) / params.iterations
    wanted = round(policy.target_seconds / per_iteration)
    iterations = min(_MAX_ITERATIONS, max(policy.floor.iterations, wanted))
    return replace(params, iterations=iterations)


def is_below_floor(params: KdfParams, policy: KdfPolicy) -> bool:
    floor = policy.floor
    return (
        params.memory_kib < floor.memory_kib
        or params.iterations < floor.iterations
        or params.parallelism < floor.parallelism
    )


def is_weaker_than_policy(params: KdfParams, policy: KdfPolicy) -> bool:
    """Below the floor, or less memory than the policy asks (iterations are per machine)."""
    return is_below_floor(params, policy) or params.memory_kib < policy.memory_kib
