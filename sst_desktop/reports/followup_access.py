"""The read rule for the export: the person exporting knows the children of their own team, so a
pseudonymous row tells them as much as the record does. A fact therefore goes into the file only
when its record passes the same rule as on screen (``sst_rules.authorisation.can_read``):
their own authority's records, and the other authority's where an active consent covers the
category. What is left out is counted per episode, never guessed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from sst_desktop.casework import access
from sst_desktop.models.consent import Consent
from sst_desktop.reports.followup_facts import EpisodeFacts
from sst_desktop.store.unit_of_work import Actor, UnitOfWork
from sst_rules import authorisation as authz
from sst_rules.consent import ConsentState

CaseIds = Select[str]  # a subquery of the exported cases' ids


class ReadRule:
    """``can_read`` for many records at once: the decision depends only on the case, the
    record's authority and its category, so it is made once per such triple."""

    def __init__(self, actor: Actor, consents: dict[str, list[ConsentState]], on: date) -> None:
        self._user = access.user_scope(actor)
        self._consents, self._on = consents, on
        self._decided: dict[tuple[str, str, str], bool] = {}

    def allows(self, case_id: str, authority: str, category: str) -> bool:
        key = (case_id, authority, category)
        if key not in self._decided:
            tags = authz.RecordTags(authority, "", category, case_id)
            scope = authz.CaseScope(case_id, self._user.team_id)
            consents = self._consents.get(case_id, [])
            decision = authz.can_read(self._user, tags, scope, consents, on=self._on)
            self._decided[key] = decision.allowed
        return self._decided[key]

    def keep(self, facts: EpisodeFacts, authority: str, category: str, records: int = 1) -> bool:
        """True when the actor may read it; otherwise count ``records`` as withheld."""
        if self.allows(facts.case_id, authority, category):
            return True
        facts.withheld += records
        facts.withheld_categories.add(category)
        return False


def load_read_rule(uow: UnitOfWork, actor: Actor, case_ids: CaseIds, on: date) -> ReadRule:
    consents: dict[str, list[ConsentState]] = {}
    rows: Iterable[Consent] = uow.session.scalars(
        select(Consent)
        .where(Consent.case_id.in_(case_ids), Consent.deleted.is_(False))
        .options(selectinload(Consent.parties))
    )
    for consent in rows:
        consents.setdefault(consent.case_id, []).append(ConsentState.from_record(consent))
    return ReadRule(actor, consents, on)
