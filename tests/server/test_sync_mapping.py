"""A completed mapping revision through the real server: its rows reach a second device (the
sealing triggers let the server's copy in), and an edit made offline before the completion was
known does not stop the completing device's sync."""

from __future__ import annotations

from datetime import date

import pytest

from sst_desktop.casework import mapping_revisions, mapping_service
from sst_desktop.models.mapping import Mapping, MappingItem
from sst_rules.enums import MappingItemKind, MappingPart
from tests.server.laptops import _open_case

pytestmark = pytest.mark.usefixtures("_fast_kdf")


def _drafted(device, case_id: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    services = device.context.services
    mapping_id = mapping_service.start_mapping(services, case_id, date(2026, 3, 2))
    worry = mapping_service.add_item(services, mapping_id, MappingItemKind.WORRY, "Sover dåligt")
    mapping_service.write_analysis(services, mapping_id, "Undvikande.")
    for part in MappingPart:
        if part not in (MappingPart.WORRIES, MappingPart.ANALYSIS):
            mapping_service.mark_missing(services, mapping_id, part, "Inte i det här testet.")
    return mapping_id, worry


def test_a_completed_revision_reaches_another_device_whole(team) -> None:  # type: ignore[no-untyped-def]
    laptop, tablet, _school, team_id = team
    case_id = _open_case(laptop, team_id)
    mapping_id, worry = _drafted(laptop, case_id)
    mapping_revisions.complete_mapping(laptop.context.services, mapping_id)
    laptop.sync()
    report = tablet.sync()
    assert report.rejected == 0
    (copy,) = tablet.rows(Mapping)
    assert copy.completed_on is not None and copy.analysis == "Undvikande."
    assert [(i.id, i.text) for i in tablet.rows(MappingItem)] == [(worry, "Sover dåligt")]


def test_an_offline_edit_from_before_the_completion_does_not_stop_sync(team) -> None:  # type: ignore[no-untyped-def]
    laptop, tablet, _school, team_id = team
    case_id = _open_case(laptop, team_id)
    mapping_id, worry = _drafted(laptop, case_id)
    laptop.sync()
    tablet.sync()
    mapping_service.edit_item(tablet.context.services, worry, "Sover dåligt på söndagar")
    mapping_revisions.complete_mapping(laptop.context.services, mapping_id)
    laptop.sync()
    tablet.sync()  # its edit was made on the draft it held
    laptop.sync()  # the server's copy comes in although the revision is complete here
    for device in (laptop, tablet):
        (item,) = device.rows(MappingItem)
        assert item.text == "Sover dåligt på söndagar"
        (mapping,) = device.rows(Mapping)
        assert mapping.completed_on is not None
