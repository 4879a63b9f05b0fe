"""The organisation's licensed item texts over the neutral labels: shown where the file says,
never read by scoring, and a wrong file is an error that names it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sst_desktop.config.instrument_texts import licensed_catalogue
from sst_desktop.config.organisation import load_organisation_config
from sst_desktop.instruments import DefinitionError, score_answers, shipped_catalogue

ORS_TEXTS = {
    "format": 1,
    "instrument": "ors",
    "items": {"individual": {"sv": "Personligt (licensierad text)", "en": "Individually (lic.)"}},
}


def organisation(tmp_path: Path, texts: object, name: str = "ors-texts.json") -> dict[str, str]:
    (tmp_path / "texts").mkdir(exist_ok=True)
    (tmp_path / "texts" / name).write_text(json.dumps(texts), encoding="utf-8")
    config = tmp_path / "organisation.json"
    config.write_text(json.dumps({"instrument_texts": [f"texts/{name}"]}), encoding="utf-8")
    return {"SST_ORGANISATION_CONFIG": str(config)}


def test_licensed_texts_are_laid_over_the_labels_and_never_scored(tmp_path: Path) -> None:
    catalogue = licensed_catalogue(load_organisation_config(organisation(tmp_path, ORS_TEXTS)))
    ors = catalogue.get("ors")
    texts = {item.key: item.text for item in ors.items}
    assert texts["individual"] is not None and texts["individual"].sv.startswith("Personligt")
    assert texts["social"] is None  # not in the file: the neutral label stays
    assert catalogue.get("srs").items == shipped_catalogue().get("srs").items
    answers = {"individual": 52, "interpersonal": 40, "social": 61, "overall": 45}
    plain = score_answers(shipped_catalogue().get("ors"), answers, age=15)
    assert score_answers(ors, answers, age=15).scores == plain.scores


def test_no_texts_configured_is_the_shipped_catalogue(tmp_path: Path) -> None:
    config = tmp_path / "organisation.json"
    config.write_text("{}", encoding="utf-8")
    catalogue = licensed_catalogue(
        load_organisation_config({"SST_ORGANISATION_CONFIG": str(config)})
    )
    assert all(item.text is None for item in catalogue.get("ors").items)


@pytest.mark.parametrize(
    ("texts", "field"),
    [
        ({**ORS_TEXTS, "items": {"nonsense": {"sv": "x", "en": "x"}}}, "items.nonsense"),
        ({**ORS_TEXTS, "instrument": "orz"}, "instrument"),
        ({"format": 1, "instrument": "ors"}, "items"),
        ("not an object", "(file)"),
    ],
)
def test_a_wrong_texts_file_is_an_error_naming_it(tmp_path: Path, texts, field) -> None:
    environ = organisation(tmp_path, texts, "kommunens-ors.json")
    with pytest.raises(DefinitionError) as raised:
        licensed_catalogue(load_organisation_config(environ))
    assert "kommunens-ors.json" in str(raised.value) and field in str(raised.value)
