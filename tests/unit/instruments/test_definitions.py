"""The shipped definitions load and say what domain.md says; a broken file is refused with the
file and the field named; licensed texts are laid over the neutral labels."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sst_desktop.config.resources import resource_path
from sst_desktop.errors import SstError
from sst_desktop.instruments import Catalogue, DefinitionError, load_catalogue, load_definition
from sst_desktop.instruments.schema import Subscales
from sst_desktop.instruments.texts import applies, load_texts, with_texts

SHIPPED = resource_path("instruments")
Edit = Callable[[dict[str, Any]], None]


def test_the_shipped_instruments(catalogue: Catalogue) -> None:
    assert {(d.id, d.version) for d in catalogue.all()} == {
        ("ors", 1),
        ("cors", 1),
        ("ycors", 1),
        ("srs", 1),
        ("csrs", 1),
        ("sdq", 1),
        ("signs_of_safety", 1),
    }
    for definition in catalogue.all():
        assert definition.licence.sv and definition.licence.en
        assert all(item.text is None for item in definition.items)  # neutral labels only


def test_the_sdq_definition(catalogue: Catalogue) -> None:
    sdq = catalogue.get("sdq")
    assert isinstance(sdq.scoring, Subscales)
    assert sdq.scoring.reverse_items == {"7", "11", "14", "21", "25"}
    assert sdq.scoring.prorate_min_answered == 3
    assert sorted(map(len, sdq.scoring.subscales.values())) == [5] * 5
    assert {r.id: r.age.describe() for r in sdq.respondents} == {
        "parent": "4-17",
        "teacher": "4-17",
        "self": "11-17",
    }


def _broken(tmp_path: Path, source: str, edit: Edit) -> Path:
    raw = json.loads((SHIPPED / source).read_text(encoding="utf-8"))
    edit(raw)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


def _drop_licence(raw: dict[str, Any]) -> None:
    del raw["licence"]


def _set(path: str, value: object) -> Edit:
    def edit(raw: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        node: Any = raw
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = value

    return edit


@pytest.mark.parametrize(
    ("source", "edit", "field", "problem"),
    [
        ("ors.json", _drop_licence, "licence", "Field required"),
        ("ors.json", _set("colour", "red"), "colour", "Extra inputs"),
        ("ors.json", _set("items/0/scale", "slider"), "items.0.scale", "Input should be"),
        ("ors.json", _set("norms/0/age/max", 3), "norms.0.age", "max is below min"),
        ("ors.json", _set("version", 0), "version", "greater than or equal to 1"),
        ("ors.json", _set("signals/0/score", "totl"), "signals.0.score", "unknown score"),
        ("ors.json", _set("signals/1/rule/sv", "{valeu}"), "signals.1.rule.sv", "placeholder"),
        ("ors.json", _set("default_respondent", "nurse"), "default_respondent", "unknown"),
        ("ors.json", _set("norms/0/cutoffs/sum", 3), "norms.0.cutoffs.sum", "unknown score"),
        ("sdq.json", _set("scoring/subscales/peer/0", "99"), "scoring.subscales.peer", "'99'"),
        ("sdq.json", _set("scoring/reverse_items/0", "x"), "scoring.reverse_items", "'x'"),
        ("sdq.json", _set("norms/0/bands/peer/1/band", "odd"), "norms.0.bands", "band_labels"),
        ("sdq.json", _set("norms/1/bands/peer/1/max", 3), "norms.1.bands.peer", "gap"),
        ("sdq.json", _set("scoring/impact/recode", {"0": 0}), "scoring.impact.recode", "cover"),
        ("srs.json", _set("signals/1/points", None), "signals.1", "needs points"),
    ],
)
def test_a_broken_definition_names_the_file_and_the_field(
    tmp_path: Path, source: str, edit: Edit, field: str, problem: str
) -> None:
    path = _broken(tmp_path, source, edit)
    with pytest.raises(DefinitionError) as raised:
        load_definition(path)
    assert isinstance(raised.value, SstError)
    message = raised.value.message
    assert message.startswith(f"The instrument definition broken.json is not valid: {field}")
    assert problem in message


def test_a_file_that_is_not_json(tmp_path: Path) -> None:
    (tmp_path / "half.json").write_text('{"format": 1, "id": "ors"', encoding="utf-8")
    with pytest.raises(DefinitionError, match=r"half\.json is not valid: \(file\): is not JSON"):
        load_catalogue([tmp_path])


def test_one_broken_file_stops_the_whole_catalogue(tmp_path: Path) -> None:
    organisation = tmp_path / "org"
    organisation.mkdir()
    (organisation / "ors-2.json").write_text('{"format": 1}', encoding="utf-8")
    with pytest.raises(DefinitionError, match=r"ors-2\.json"):
        load_catalogue([SHIPPED, organisation])


def test_an_organisation_adds_a_newer_version(tmp_path: Path) -> None:
    raw = json.loads((SHIPPED / "ors.json").read_text(encoding="utf-8"))
    raw["version"] = 2
    raw["norms"][0]["cutoffs"]["total"] = 27
    (tmp_path / "ors-2.json").write_text(json.dumps(raw), encoding="utf-8")
    catalogue = load_catalogue([SHIPPED, tmp_path])
    assert catalogue.get("ors").version == 2
    assert catalogue.get("ors", 1).norms[0].cutoffs["total"] == 28


def test_two_instruments_of_a_family_may_not_claim_the_same_age(tmp_path: Path) -> None:
    raw = json.loads((SHIPPED / "cors.json").read_text(encoding="utf-8"))
    raw["id"] = "cors_local"
    raw["respondents"][0]["age"] = {"min": 12, "max": 14}
    (tmp_path / "local.json").write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(DefinitionError, match=r"local\.json is not valid: respondents\.self\.age"):
        load_catalogue([SHIPPED, tmp_path])


def test_licensed_texts_are_laid_over_the_labels(tmp_path: Path, catalogue: Catalogue) -> None:
    texts = tmp_path / "sdq-texts.json"
    item = {"sv": "Licensierad text", "en": "Licensed text"}
    texts.write_text(json.dumps({"format": 1, "instrument": "sdq", "items": {"1": item}}))
    loaded = load_texts(texts)
    sdq = catalogue.get("sdq")
    assert applies(loaded, sdq) and not applies(loaded, catalogue.get("ors"))
    licensed = with_texts(sdq, loaded, texts.name)
    first = licensed.items[0]
    assert first.text is not None and first.text.en == "Licensed text"
    assert first.label == sdq.items[0].label
    assert sdq.items[0].text is None  # the catalogue's definition is unchanged


def test_a_texts_file_for_an_unknown_item_is_refused(tmp_path: Path, catalogue: Catalogue) -> None:
    texts = tmp_path / "t.json"
    body = {"format": 1, "instrument": "sdq", "items": {"26": {"sv": "x", "en": "x"}}}
    texts.write_text(json.dumps(body))
    with pytest.raises(DefinitionError, match=r"t\.json is not valid: items\.26: unknown item"):
        with_texts(catalogue.get("sdq"), load_texts(texts), texts.name)
    texts.write_text(json.dumps({"format": 1, "instrument": "sdq", "items": {"1": "x"}}))
    with pytest.raises(DefinitionError, match=r"items\.1"):
        load_texts(texts)
