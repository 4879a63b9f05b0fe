"""The installer's files (issue 8): the spec and scripts parse, the Linux menu entry and the Inno
Setup script say what each platform needs, and the icons render in every size. Building the
bundle itself is slow: scripts/check-bundle.sh does that and runs the bundle's self-test."""

from __future__ import annotations

import configparser
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "sst_desktop.spec"
ISS = INSTALLER / "windows" / "sst-desktop.iss"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@pytest.mark.parametrize(
    "name", ["sst_desktop.spec", "build.py", "make_icons.py", "entry_desktop.py", "entry_sst.py"]
)
def test_the_spec_and_scripts_compile(name: str) -> None:
    path = INSTALLER / name
    compile(path.read_text(encoding="utf-8"), str(path), "exec")


def test_the_spec_builds_both_programs_into_one_folder_and_a_mac_app() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    assert spec.count("COLLECT(") == 1
    assert 'program(desktop, "sst-desktop"' in spec
    assert 'program(cli, "sst"' in spec
    for setting in ("bundle_identifier=", '"NSHighResolutionCapable": True', "sst-desktop.icns"):
        assert setting in spec


def test_the_desktop_entry_has_the_keys_a_menu_needs() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(INSTALLER / "linux" / "sst-desktop.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "SST Desktop"
    assert entry["Exec"].split()[0] == "sst-desktop"
    assert entry["Icon"] == "sst-desktop"  # the hicolor name make_icons.py writes
    assert entry["Categories"].endswith(";")


def test_the_inno_script_takes_the_version_from_the_package_metadata() -> None:
    iss = ISS.read_text(encoding="utf-8-sig")
    assert 'GetStringFileInfo(AddBackslash(BundleDir) + "sst-desktop.exe", "ProductVersion")' in iss
    assert "AppVersion={#AppVersion}" in iss
    assert not re.search(r"^AppVersion=\d", iss, re.MULTILINE)  # never written by hand
    spec = SPEC.read_text(encoding="utf-8")
    assert 'VERSION = importlib.metadata.version("sst-desktop")' in spec
    assert '"ProductVersion": VERSION' in spec


def test_the_inno_script_installs_per_machine_and_silently() -> None:
    iss = ISS.read_text(encoding="utf-8-sig")
    assert "PrivilegesRequired=admin" in iss
    assert "{autoprograms}\\SST Desktop" in iss  # the Start-menu entry
    assert "skipifsilent" in iss  # /SILENT and /VERYSILENT do not start the app
    # The uninstaller's only question is skipped when silent; the parameter removes profiles.
    assert iss.count("MsgBox(") == 1
    assert "(not UninstallSilent)" in iss
    assert "/REMOVEUSERDATA" in iss


def test_make_icons_renders_every_size(tmp_path: Path) -> None:
    from PIL import Image as image  # the build extra, installed by the test command

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run(
        [sys.executable, str(INSTALLER / "make_icons.py"), str(tmp_path)],
        check=True,
        env=env,
        capture_output=True,
    )
    for size in HICOLOR_SIZES:
        drawn = tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "sst-desktop.png"
        with image.open(drawn) as png:
            assert png.size == (size, size)
            assert png.getpixel((0, 0))[3] == 0  # the rounded corner is transparent
            assert png.getpixel((size // 2, size // 2))[3] == 255  # the book is opaque
    assert (tmp_path / "hicolor" / "scalable" / "apps" / "sst-desktop.svg").is_file()
    with image.open(tmp_path / "sst-desktop.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= ico.info["sizes"]
    with image.open(tmp_path / "sst-desktop.icns") as icns:
        assert icns.size == (1024, 1024)
