"""Languages: Swedish by default, English selectable; a pseudo-locale for layout checks.

Source strings in the code are English (code is English). ``resources/i18n/sst_sv.ts`` holds the
Swedish, compiled to ``sst_sv.qm`` by ``scripts/build_translations.py`` (the build runs it).
English needs a catalogue only for plural forms (``sst_en.ts``, made by the same script). The
pseudo-locale ("xx") wraps and lengthens every string by about 40 %, as long Swedish compounds
do, so a screenshot or test shows clipped text.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sst_desktop.config.resources import resource_path

log = logging.getLogger(__name__)
LANGUAGES = ("sv", "en")
PSEUDO = "xx"
_installed: list[QTranslator] = []


class PseudoTranslator(QTranslator):
    """Every string longer and bracketed; placeholders and accelerators kept working."""

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        if not source:
            return source
        padding = "·" * max(2, len(source) * 2 // 5)
        return f"[{source}{padding}]"


def install_language(language: str) -> str:
    """Replace the installed translators with ``language``'s; returns the language in force."""
    app = QCoreApplication.instance()
    assert app is not None, "install_language needs a QApplication"
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == PSEUDO:
        _install(PseudoTranslator(app))
        return PSEUDO
    if language not in LANGUAGES:
        language = "sv"
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Swedish if language == "sv" else QLocale.Language.English,
            QLocale.Country.Sweden,
        )
    )
    if language == "en":  # the source strings are English; the catalogue holds the plurals
        plurals = QTranslator(app)
        if plurals.load(str(resource_path("i18n") / "sst_en.qm")):
            _install(plurals)
        return "en"
    ours = QTranslator(app)
    if ours.load(str(resource_path("i18n") / "sst_sv.qm")):
        _install(ours)
    else:
        log.error("Swedish catalogue sst_sv.qm missing; run scripts/build_translations.py")
    qt_own = QTranslator(app)  # Qt's own dialogs and buttons (OK, Cancel, Yes)
    if qt_own.load("qtbase_sv", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        _install(qt_own)
    return "sv"


def _install(translator: QTranslator) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    _installed.append(translator)
