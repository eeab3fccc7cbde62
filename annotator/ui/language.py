"""The window's language: which catalogue is loaded (ours and Qt's own), the direction the
whole window reads in, and how counts and figures are written (Western or Arabic-Indic
digits; offsets are always written with Western digits)."""

from __future__ import annotations

import re

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    Qt,
    QTranslator,
)

from annotator.shipped import SAMPLE_NAME, resource

translate = QCoreApplication.translate  # translate("context", "text"): lupdate finds these

LANGUAGES = {"en": "English", "ar": "العربية"}
RIGHT_TO_LEFT = frozenset({"ar"})
ARABIC_INDIC = str.maketrans("0123456789,.", "٠١٢٣٤٥٦٧٨٩٬٫")

_state = {"digits": "western", "language": "en"}


def choose(asked: str | None, remembered: str) -> str:
    """The language to use: the one asked on the command line, else the one remembered in
    the settings, else the system's when we have a catalogue for it, else English."""
    for choice in (asked, remembered):
        if choice in LANGUAGES:
            return choice
    return system_language()


def system_language() -> str:
    """The system's language when we have a catalogue for it, else English. Read from the
    default locale: the system's, unless ``QLocale.setDefault`` chose another."""
    system = QLocale().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def catalogues() -> str:
    """The folder holding our compiled catalogues (annotator_<language>.qm)."""
    return str(resource("translations"))


def install(app: QCoreApplication, language: str, digits: str = "western") -> list[QTranslator]:
    """Load our catalogue and Qt's own for ``language`` into ``app`` and turn the window's
    layout the way the language reads. Returns the translators, which belong to ``app``."""
    _state["digits"] = digits if digits in ("western", "arabic-indic") else "western"
    _state["language"] = language if language in LANGUAGES else "en"
    loaded: list[QTranslator] = []
    if language != "en":
        for name, folder in (
            (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            (f"annotator_{language}", catalogues()),
        ):
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                loaded.append(translator)
    rtl = language in RIGHT_TO_LEFT
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    return loaded


def uninstall(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Back to English, left to right, Western digits (tests switch languages in one run)."""
    for translator in translators:
        app.removeTranslator(translator)
    _state["digits"], _state["language"] = "western", "en"
    app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def current() -> str:
    """The window's language ("en", "ar")."""
    return _state["language"]


def fill(text: str, *values: object) -> str:
    """A translated text with its %1, %2… put in, at once (so that a value holding "%2" stays)."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m.group(1)) - 1]), text)


def listed(names) -> str:
    """Names one after another, with the comma the window's language writes."""
    return ("، " if _state["language"] == "ar" else ", ").join(names)


def figure(value: int | float | str, grouped: bool = True) -> str:
    """A count or figure as the reader expects it: ``1,234`` or ``١٬٢٣٤``."""
    text = f"{value:,}" if isinstance(value, int) and grouped else str(value)
    return text.translate(ARABIC_INDIC) if _state["digits"] == "arabic-indic" else text


def project_name(name: str) -> str:
    """A project's name as the window shows it: the sample project's in the window's
    language, any other as its owner named it."""
    return translate("language", "Sample project") if name == SAMPLE_NAME else name


def label_name(label) -> str:
    """A label's name in the window's language (the schema's English name when it has none)."""
    return label.name(_state["language"])


KIND_NAMES = {
    "actor": QT_TRANSLATE_NOOP("kinds", "actor"),
    "location": QT_TRANSLATE_NOOP("kinds", "location"),
    "event": QT_TRANSLATE_NOOP("kinds", "event"),
    "other": QT_TRANSLATE_NOOP("kinds", "other"),
    "choice": QT_TRANSLATE_NOOP("kinds", "choice"),
    "text": QT_TRANSLATE_NOOP("kinds", "text"),
    "integer": QT_TRANSLATE_NOOP("kinds", "integer"),
    "date": QT_TRANSLATE_NOOP("kinds", "date"),
    "boolean": QT_TRANSLATE_NOOP("kinds", "boolean"),
}


def kind_name(kind: str) -> str:
    """A label's kind or an attribute's type as the reader says it (``actor`` → فاعل)."""
    return translate("kinds", KIND_NAMES[kind]) if kind in KIND_NAMES else kind
