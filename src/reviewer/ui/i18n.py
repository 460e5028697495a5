"""The UI's language: Swedish unless the locale asks for English; translations from Qt Linguist .qm files."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reviewer.domain.text import Language, language_from_environment


def install_translator(qt_app: QCoreApplication, language: Language | None = None) -> Language:
    """Install the translator for `language` (default: from the environment) and return the language in use.

    Source strings are English, so English needs only the singular and plural of the "%n case(s)" messages
    (`i18n/reviewer_en.qm`, without it the source text shows); Swedish comes from `i18n/reviewer_sv.qm`,
    built from `resources/translations/reviewer_sv.ts` by `make translations`, plus Qt's own catalogue for its
    standard buttons and dialogs.
    """
    chosen = language or language_from_environment()
    for old in qt_app.findChildren(QTranslator):
        qt_app.removeTranslator(old)
        old.deleteLater()
    if chosen == "en":
        plurals = QTranslator(qt_app)
        qm = resources.files("reviewer.ui") / "i18n" / "reviewer_en.qm"
        if plurals.load(str(qm)):
            qt_app.installTranslator(plurals)
    if chosen == "sv":
        translator = QTranslator(qt_app)
        qm = resources.files("reviewer.ui") / "i18n" / "reviewer_sv.qm"
        if not translator.load(str(qm)):
            raise RuntimeError(f"Swedish translation missing: {qm} (run 'make translations')")
        qt_app.installTranslator(translator)
        qt_own = QTranslator(qt_app)
        if qt_own.load(
            QLocale(QLocale.Language.Swedish),
            "qtbase",
            "_",
            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        ):
            qt_app.installTranslator(qt_own)
    return chosen
