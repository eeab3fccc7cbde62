"""The one place where offsets cross the Qt boundary.

Qt's document positions count UTF-16 code units, and one position for each paragraph break;
stored text has one LF per paragraph break, so the only difference is the astral characters.
"""

from __future__ import annotations

from annotator.core.text import Utf16Map


class Positions:
    """Converts between our offsets (code points) and positions in the Qt document."""

    def __init__(self, text: str) -> None:
        self._map = Utf16Map(text)
        self.length = len(text)

    def offset(self, qt_position: int) -> int:
        """Our offset of a Qt position (Qt never places a cursor inside a surrogate pair)."""
        return self._map.from_utf16(max(0, min(qt_position, self._map.utf16_length)))

    def qt(self, offset: int) -> int:
        """The Qt position of our offset."""
        return self._map.to_utf16(max(0, min(offset, self.length)))
