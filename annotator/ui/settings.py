"""What the window remembers between runs (QSettings): who annotates, zoom, language, recent
projects."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from annotator.core.errors import AnnotatorError
from annotator.ops import identity

MAX_RECENT = 8


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        self.q = (
            QSettings(str(path), QSettings.Format.IniFormat)
            if path is not None
            else QSettings("annotator", "annotator")
        )

    def _get(self, key: str, default, kind):
        value = self.q.value(key, default)
        try:
            return kind(value) if kind is not bool else value in (True, "true", "1", 1)
        except (TypeError, ValueError):
            return default

    @property
    def annotator(self) -> str:
        """Who annotates: one name for the window and the command line (ops.identity). A
        name an earlier version kept in the window's own settings is carried over."""
        name = identity.configured_name()
        earlier = self._get("annotator", "", str)
        if name is None and earlier:
            with contextlib.suppress(AnnotatorError):
                identity.remember_name(earlier)
            return earlier
        return name or ""

    @annotator.setter
    def annotator(self, name: str) -> None:
        identity.remember_name(name)

    @property
    def font_size(self) -> float:
        return self._get("view/font_size", 15.0, float)

    @font_size.setter
    def font_size(self, size: float) -> None:
        self.q.setValue("view/font_size", size)

    @property
    def snap_to_words(self) -> bool:
        return self._get("edit/snap_to_words", True, bool)

    @snap_to_words.setter
    def snap_to_words(self, on: bool) -> None:
        self.q.setValue("edit/snap_to_words", on)

    @property
    def show_invisibles(self) -> bool:
        return self._get("view/show_invisibles", False, bool)

    @show_invisibles.setter
    def show_invisibles(self, on: bool) -> None:
        self.q.setValue("view/show_invisibles", on)

    @property
    def language(self) -> str:
        """The window's language ("en", "ar"), or "" to follow the system's."""
        return self._get("view/language", "", str)

    @language.setter
    def language(self, code: str) -> None:
        self.q.setValue("view/language", code)

    @property
    def digits(self) -> str:
        """How counts and figures are written: "western" (123) or "arabic-indic" (١٢٣)."""
        return self._get("view/digits", "western", str)

    @digits.setter
    def digits(self, kind: str) -> None:
        self.q.setValue("view/digits", kind)

    @property
    def recent(self) -> list[str]:
        value = self.q.value("recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value or []]

    def add_recent(self, folder: Path) -> None:
        path = str(Path(folder).resolve())
        self.q.setValue("recent", [path, *[p for p in self.recent if p != path]][:MAX_RECENT])

    def last_document(self, folder: Path) -> int | None:
        value = self.q.value(f"last_document/{Path(folder).resolve()}", None)
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def set_last_document(self, folder: Path, document_id: int) -> None:
        self.q.setValue(f"last_document/{Path(folder).resolve()}", document_id)

    @property
    def geometry(self) -> QByteArray | None:
        return self.q.value("window/geometry", None)

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.q.setValue("window/geometry", value)

    def sync(self) -> None:
        self.q.sync()
