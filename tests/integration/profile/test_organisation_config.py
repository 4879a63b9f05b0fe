"""The organisation's configuration: escrow on or off, its programme rules, and clear errors."""

from __future__ import annotations

import base64
import json
from datetime import date
from pathlib import Path

import platformdirs
import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from sst_desktop.app_context import OwnerInput, create_context
from sst_desktop.config import organisation as org_config
from sst_desktop.errors import SstError
from sst_desktop.security import keyfile as kf
from sst_desktop.security.escrow import unwrap_escrow
from sst_desktop.security.kdf import KdfPolicy
from sst_desktop.store.engine import key_opens
from sst_rules.enums import Authority, Programme, Role

POLICY = KdfPolicy.insecure_for_tests()
PASSPHRASE = "organisationens lösenfras för provet"
OWNER = OwnerInput("Test Användare", Role.SCHOOL_SOCIAL_WORKER, Authority.SCHOOL)


@pytest.fixture(autouse=True)
def no_machine_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Never read this machine's real configuration directories."""
    monkeypatch.setattr(platformdirs, "site_config_dir", lambda *a: str(tmp_path / "site"))
    monkeypatch.setattr(platformdirs, "user_config_dir", lambda *a: str(tmp_path / "user"))
    monkeypatch.delenv(org_config.ENV_VAR, raising=False)


def _write(path: Path, content: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = content if isinstance(content, str) else json.dumps(content)
    path.write_text(text, encoding="utf-8")
    return path


def _public_b64(key: X25519PrivateKey) -> str:
    return base64.b64encode(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()


def test_without_a_file_escrow_is_off_and_the_shipped_rules_apply() -> None:
    config = org_config.load_organisation_config()
    assert config.escrow_public_key() is None
    sst = config.rules().for_case(Programme.SST, None, date(2026, 11, 24))
    assert sst.time_limit_exceeded_requires == "reason"


def test_machine_wide_file_wins_over_the_users(tmp_path: Path) -> None:
    _write(tmp_path / "site" / "organisation.json", {"organisation": "Maskinen"})
    _write(tmp_path / "user" / "organisation.json", {"organisation": "Användaren"})
    assert org_config.load_organisation_config().organisation == "Maskinen"


def test_escrow_on_adds_a_slot_the_organisation_can_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    organisation_key = X25519PrivateKey.generate()
    path = _write(
        tmp_path / "org.json",
        {"escrow": {"enabled": True, "public_key": _public_b64(organisation_key)}},
    )
    monkeypatch.setenv(org_config.ENV_VAR, str(path))
    app, _code = create_context(tmp_path / "profile", PASSPHRASE, OWNER, policy=POLICY)
    app.close()
    body = kf.read_keyfile(tmp_path / "profile" / kf.CURRENT)
    assert body is not None
    raw_key = unwrap_escrow(body.slots_of("escrow")[0], organisation_key)
    assert key_opens(tmp_path / "profile" / "sst.db", raw_key)


def test_escrow_off_writes_no_escrow_slot(tmp_path: Path) -> None:
    app, _code = create_context(tmp_path / "profile", PASSPHRASE, OWNER, policy=POLICY)
    app.close()
    body = kf.read_keyfile(tmp_path / "profile" / kf.CURRENT)
    assert body is not None
    assert not body.slots_of("escrow")
    assert body.slots_of("passphrase")


def test_an_organisation_rules_file_overrides_a_district(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    override = {
        "entries": [
            {
                "programme": "sst",
                "district": "district-north",
                "valid_from": "2026-08-01",
                "time_limit_months": 9,
            }
        ]
    }
    _write(tmp_path / "config" / "rules-2026.json", override)
    path = _write(tmp_path / "config" / "org.json", {"programme_rules": ["rules-2026.json"]})
    monkeypatch.setenv(org_config.ENV_VAR, str(path))
    rules = org_config.load_organisation_config().rules()
    day = date(2026, 11, 24)
    assert rules.for_case(Programme.SST, "district-north", day).time_limit_months == 9
    assert rules.for_case(Programme.SST, "district-south", day).time_limit_months == 6
    assert rules.for_case(Programme.SST, "district-north", date(2026, 7, 1)).time_limit_months == 6


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ("{not json", "(file)"),
        ({"escrow": {"enabled": True, "public_key": "not base64!"}}, "escrow.public_key"),
        ({"escrow": {"enabled": True, "public_key": "AAAA"}}, "escrow.public_key"),
        ({"escorw": {"enabled": True}}, "escorw"),
        ({"programme_rules": "one.json"}, "programme_rules"),
    ],
)
def test_a_wrong_file_is_an_error_naming_file_and_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: object, field: str
) -> None:
    path = _write(tmp_path / "kommunen.json", content)
    monkeypatch.setenv(org_config.ENV_VAR, str(path))
    with pytest.raises(SstError) as caught:
        org_config.load_organisation_config()
    assert caught.value.code == "config.organisation_invalid"
    assert "kommunen.json" in caught.value.message
    assert field in caught.value.message


def test_escrow_on_without_a_key_refuses_to_create_a_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "org.json", {"escrow": {"enabled": True}})
    monkeypatch.setenv(org_config.ENV_VAR, str(path))
    with pytest.raises(SstError, match=r"escrow\.public_key"):
        create_context(tmp_path / "profile", PASSPHRASE, OWNER, policy=POLICY)
    assert not (tmp_path / "profile").exists()


def test_a_named_file_that_is_missing_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(org_config.ENV_VAR, str(tmp_path / "gone.json"))
    with pytest.raises(SstError, match=r"gone\.json"):
        org_config.load_organisation_config()
