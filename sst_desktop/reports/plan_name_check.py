"""Does a plan's own text name the family? "Initials only" replaces the name fields (the
student, the family's signatures); a name someone typed into a goal stays as it was written
(rewriting it would print something other than what was signed), so the caller warns."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sst_desktop.reports.plan_document import PlanDocument

_SEPARATORS = re.compile(r"[\s\-]+")


def plan_texts(doc: PlanDocument) -> list[str]:
    texts = [doc.overall_aims or ""]
    texts += [f"{g.text}\n{g.criterion or ''}" for g in doc.goals]
    texts += [f"{i.label}\n{i.responsible}\n{i.recipient or ''}" for i in doc.interventions]
    return texts


def mentions_any(names: Iterable[str], texts: Iterable[str]) -> bool:
    """Whether a text holds any part of any name as a whole word (case-insensitive); parts of
    one letter are ignored."""
    words = {w.casefold() for name in names for w in _SEPARATORS.split(name) if len(w) > 1}
    if not words:
        return False
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words)) + r")(?!\w)")
    return any(pattern.search(text.casefold()) for text in texts)
