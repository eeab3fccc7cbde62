"""Fonts for article text: one that shapes Arabic well, from those installed."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

ARABIC_FONTS = (
    "Noto Naskh Arabic",
    "Noto Sans Arabic",
    "Amiri",
    "Scheherazade New",
    "Noto Naskh Arabic UI",
    "Geeza Pro",
    "Segoe UI",
    "Arial",
    "DejaVu Sans",
)


def arabic_font(size: float) -> QFont:
    """A font that shapes Arabic well, from those installed."""
    families = set(QFontDatabase.families())
    family = next((f for f in ARABIC_FONTS if f in families), None)
    font = QFont(family) if family else QFont()
    font.setPointSizeF(size)
    return font
