"""Lookups derived from a definition, built once per definition object (scoring 10,000 forms
must not rebuild them per form).

Not ``functools.cached_property``: pydantic's ``model_copy`` copies the cached value into the
copy, so a copy with other items would keep the old lookup. Here an entry holds its owner and
is used only for that very object.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar, cast

T = TypeVar("T")
_MAX_ENTRIES = 512
_cache: dict[tuple[int, str], tuple[object, object]] = {}


def memo(owner: object, name: str, build: Callable[[], T]) -> T:
    key = (id(owner), name)
    hit = _cache.get(key)
    if hit is not None and hit[0] is owner:
        return cast(T, hit[1])
    if len(_cache) >= _MAX_ENTRIES:
        _cache.clear()
    value = build()
    _cache[key] = (owner, value)
    return value
