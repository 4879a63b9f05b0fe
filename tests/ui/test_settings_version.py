"""Settings shows the version the package metadata gives, translated."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from sst_desktop import __version__
from sst_desktop.app_context import open_context
from sst_desktop.config.settings import Settings
from sst_desktop.ui.i18n import install_language
from sst_desktop.ui.screens.settings.settings_screen import SettingsScreen
from sst_desktop.ui.tasks import TaskRunner
from tests.ui.conftest import PASSPHRASE


def test_settings_shows_the_installed_version(
    qtbot: QtBot, empty_profile: Path, settings: Settings
) -> None:
    assert __version__ and not __version__.endswith("+unknown")  # read from the metadata
    context = open_context(empty_profile, PASSPHRASE)
    try:
        install_language("sv")
        screen = SettingsScreen(settings, context, TaskRunner(synchronous=True))
        qtbot.addWidget(screen)
        assert screen.version.text() == f"Version {__version__}"
    finally:
        install_language("en")
        context.close()
