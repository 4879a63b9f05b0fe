"""Where a goal or an intervention of a plan revision came from, without a column for it.

``new_revision`` gives each copy an id derived from the new revision's id and the id of what it
copies (a name-based UUID, version 5). So the copy of record ``r`` in revision ``n`` is found
by computing ``copy_id(n, r)``: a stable key across revisions that survives every edit of the
copy's text, needs no migration and syncs as the id it is. Unique because a revision's id is
(and copying happens once per revision). A signature's image is named the same way from the
signature. Revisions copied before this (random ids) are matched by content (``plan_diff``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping

NAMESPACE = uuid.UUID("5d1c0a52-7f55-4f0e-9a0e-3c1f6b0d2a71")  # SST Desktop plan copies


def copy_id(revision_id: str, source_id: str) -> str:
    """The id of the copy of record ``source_id`` in revision ``revision_id``."""
    return str(uuid.uuid5(NAMESPACE, f"{revision_id}/{source_id}"))


def image_id(signature_id: str) -> str:
    """The id of the attachment holding the image of a signature drawn on screen."""
    return str(uuid.uuid5(NAMESPACE, f"signature-image/{signature_id}"))


def copies(revision_id: str, old_ids: Iterable[str], new_ids: Iterable[str]) -> dict[str, str]:
    """Old id -> id of its copy in revision ``revision_id``, for those that still exist there."""
    present = set(new_ids)
    found = {old: copy_id(revision_id, old) for old in old_ids}
    return {old: new for old, new in found.items() if new in present}


def compose(first: Mapping[str, str], second: Mapping[str, str]) -> dict[str, str]:
    """a -> c from a -> b and b -> c; what the second step dropped is dropped."""
    return {a: second[b] for a, b in first.items() if b in second}
