"""Every visible string is translatable and has Swedish; the pseudo-locale shows nothing
untranslated and nothing clipped."""

from __future__ import annotations

import enum
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QListWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

import sst_rules.enums as domain_enums
from sst_desktop.casework.queries import list_cases
from sst_desktop.config.settings import Settings
from sst_desktop.ui.i18n import install_language
from sst_desktop.ui.labels import LABELS
from sst_desktop.ui.main_window import MainWindow
from sst_desktop.ui.workspace import NAVIGATION
from tests.ui.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "i18n" / "sst_sv.ts"
# Visible texts that are data or language-neutral by design.
NEUTRAL = {"Svenska", "English", "SST Desktop", ""}


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (ctx.findtext("name") or "", m.findtext("source") or "", m.find("translation"))  # type: ignore[misc]
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    ]


def test_every_string_has_a_finished_swedish_translation() -> None:
    unfinished = [
        (ctx, src)
        for ctx, src, tr in _messages(TS_FILE)
        if tr is None
        or tr.get("type") in ("unfinished", "vanished", "obsolete")
        or not ((tr.text or "").strip() or tr.findtext("numerusform"))
    ]
    assert unfinished == []


@pytest.mark.parametrize("catalogue", ["sst_sv.ts", "sst_en.ts"])
def test_every_plural_has_both_forms(catalogue: str) -> None:
    """Swedish and English have two forms (1, other); an empty one shows the raw source."""
    missing = [
        src
        for _ctx, src, tr in _messages(TS_FILE.with_name(catalogue))
        if tr is not None
        and len(tr.findall("numerusform")) > 0
        and not all((f.text or "").strip() for f in tr.findall("numerusform"))
    ]
    assert missing == []
    if catalogue == "sst_en.ts":  # and every English plural of the code is in it
        plurals = {
            src
            for _c, src, tr in _messages(TS_FILE)
            if tr is not None and tr.findall("numerusform")
        }
        assert plurals == {src for _c, src, _tr in _messages(TS_FILE.with_name(catalogue))}


def test_the_catalogue_holds_every_string_of_the_code(tmp_path: Path) -> None:
    """lupdate over ui/ finds nothing the committed .ts lacks (run update_translations.py)."""
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in (ROOT / "sst_desktop" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code = {(c, s) for c, s, _ in _messages(fresh)}
    in_catalogue = {(c, s) for c, s, _ in _messages(TS_FILE)}
    assert in_code - in_catalogue == set()


def test_every_error_code_has_a_template_in_the_catalogue() -> None:
    """In a fresh process: tests may register codes of their own in this one."""
    script = (
        "import sys; from scripts.update_translations import catalogue_text, registered_codes; "
        "sys.stdout.write(catalogue_text(registered_codes()))"
    )
    fresh = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    generated = (ROOT / "sst_desktop" / "ui" / "error_catalogue.py").read_text(encoding="utf-8")
    assert generated == fresh


def test_every_enum_member_has_a_label() -> None:
    missing = [
        f"{name}.{member.value}"
        for name, cls in vars(domain_enums).items()
        if isinstance(cls, type)
        and issubclass(cls, enum.Enum)
        and cls.__module__ == domain_enums.__name__
        for member in cls
        if member.value not in LABELS.get(name, {})
    ]
    assert missing == []


def _visible_texts(root: QWidget) -> list[tuple[QWidget, str]]:
    found: list[tuple[QWidget, str]] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            found.append((widget, widget.text().replace("&", "")))
        elif isinstance(widget, QListWidget):
            found += [(widget, widget.item(i).text()) for i in range(widget.count())]
        elif isinstance(widget, QComboBox) and widget.count():
            found.append((widget, widget.itemText(0)))  # the "All ..." entry
    return found


@pytest.fixture
def pseudo_window(qtbot: QtBot, demo_profile: Path, settings: Settings):  # type: ignore[no-untyped-def]
    install_language("xx")
    window = MainWindow(demo_profile, settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield window
    install_language("en")


def _is_data(text: str) -> bool:
    stripped = text.strip()
    return stripped in NEUTRAL or stripped.replace(".", "").replace(" %", "").isdigit()


def test_pseudo_locale_leaves_nothing_untranslated(qtbot: QtBot, pseudo_window: MainWindow):
    window = pseudo_window
    untranslated = [
        t for _w, t in _visible_texts(window) if not t.startswith("[") and not _is_data(t)
    ]
    assert window.unlock_screen is not None
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    window.unlock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: not window.locked, timeout=15_000)
    assert window.workspace is not None
    for key, _title in NAVIGATION:
        screen = window.workspace.show_screen(key)
        qtbot.wait(50)
        untranslated += [
            t for _w, t in _visible_texts(screen) if not t.startswith("[") and not _is_data(t)
        ]
    assert untranslated == []


def test_pseudo_locale_clips_no_label_or_button(qtbot: QtBot, pseudo_window: MainWindow):
    window = pseudo_window
    qtbot.wait(50)
    clipped = [
        text
        for widget, text in _visible_texts(window)
        if isinstance(widget, QAbstractButton | QLabel)
        and not (isinstance(widget, QLabel) and widget.wordWrap())
        and widget.width() < widget.minimumSizeHint().width()
    ]
    assert clipped == []
    assert QApplication.instance() is not None


def test_no_label_or_button_is_clipped_at_twice_the_text_size(
    qtbot: QtBot, demo_profile: Path, settings: Settings
) -> None:
    from sst_desktop.ui.appearance import apply_text_size

    apply_text_size(200)
    try:
        window = MainWindow(demo_profile, settings)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        assert window.unlock_screen is not None
        window.unlock_screen.passphrase.setText(PASSPHRASE)
        window.unlock_screen.unlock_button.click()
        qtbot.waitUntil(lambda: not window.locked, timeout=15_000)
        assert window.workspace is not None
        clipped = []
        for key, _title in NAVIGATION:
            screen = window.workspace.show_screen(key)
            qtbot.wait(50)
            clipped += [
                f"{key}: {text}"
                for widget, text in _visible_texts(screen)
                if isinstance(widget, QAbstractButton | QLabel)
                and not (isinstance(widget, QLabel) and widget.wordWrap())
                and widget.width() < widget.minimumSizeHint().width()
            ]
        case = window.workspace.open_case(list_cases(window.context.services)[0].case_id)
        qtbot.waitUntil(lambda: case.detail is not None, timeout=15_000)
        assert window.minimumSizeHint().width() <= 1280  # wide forms scroll, never widen
        navigation = window.workspace.navigation
        assert navigation.viewport().width() >= navigation.sizeHintForColumn(0)  # no cut titles
        assert clipped == []
    finally:
        apply_text_size(100)
