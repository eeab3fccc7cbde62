"""The article, read-only: each paragraph in its own direction, spans painted in, selectable
by mouse and keyboard. Speaks code-point offsets to the rest of the window.

Everything it shows derives from one call, :meth:`TextView.show_document`, which replaces
all that was derived from the previous text (painted spans, bars, marks, the last click, a
tooltip) before the new text is set.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPaintEvent, QTextCursor, QTextOption
from PySide6.QtWidgets import QToolTip, QWidget

from annotator.core.model import Event, Relation, Span
from annotator.core.suggestions import Suggestion
from annotator.ui import event_links, paragraphs, span_bars, suggestion_outlines
from annotator.ui.fonts import arabic_font
from annotator.ui.highlighter import SpanHighlighter
from annotator.ui.paragraphs import tooltip
from annotator.ui.positions import Positions
from annotator.ui.text_input import TextInput, WordRule


class TextView(TextInput):
    """Shows one document; emits what the annotator asks for in code-point offsets
    (:class:`annotator.ui.text_input.TextInput`)."""

    MIN_SIZE, MAX_SIZE = 8.0, 40.0

    def __init__(self, parent: QWidget | None = None, font_size: float = 15.0) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # text wraps
        self.setFont(arabic_font(font_size))
        self.setMouseTracking(True)
        self.document().setDocumentMargin(18)
        self.highlighter = SpanHighlighter(self.document())
        self.label_keys: frozenset[str] = frozenset()
        self.word_rule: WordRule | None = None  # which word a double-click selects
        self.missing: Callable[[Span], list[str]] | None = None  # a span's missing coding
        self.key_hook = None  # suggestions take Enter, Backspace and label keys when one is chosen
        self._forget()

    def _forget(self) -> None:
        """Drop everything derived from the text shown so far."""
        self.positions = Positions("")
        self.spans: list[Span] = []
        self.by_id: dict[int, Span] = {}
        self.relations: list[Relation] = []
        self.events: list[Event] = []
        self.shown_event: Event | None = None  # its links are drawn
        self.colors: dict[str, str] = {}
        self.drawn_bars: list[span_bars.Bar] = []
        self.runs = span_bars.GlyphRuns()  # where spans' characters were laid out
        self.drawn_links: list[event_links.Link] = []
        self.suggestions: list[Suggestion] = []  # outlined, never spans
        self.suggestion_selected: int | None = None  # an index into them
        self.drawn_outlines: list[suggestion_outlines.Outline] = []
        self._press: QPoint | None = None
        self._last_click: tuple[int, list[int]] | None = None
        QToolTip.hideText()
        self.setExtraSelections([])

    # -- showing ----------------------------------------------------------------------------

    def show_document(
        self,
        text: str,
        spans: list[Span],
        colors: dict[str, str],
        relations: list[Relation] = (),
        selected: int | None = None,
        events: list[Event] = (),
    ) -> None:
        self._forget()
        self.highlighter.forget()
        self.positions = Positions(text)
        self.setPlainText(text)  # never HTML: an article may contain < and &
        paragraphs.set_directions(
            self.document(), room_below=span_bars.ROOM, room_above=event_links.ROOM_ABOVE
        )
        self.spans, self.relations, self.colors = spans, list(relations), dict(colors)
        self.events = list(events)
        self.by_id = {s.id: s for s in spans}
        self.highlighter.show(spans, colors, self.positions, selected)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.reveal_visible()

    def update_spans(
        self, spans: list[Span], removed: list[Span], added: list[Span], relations=None, events=None
    ) -> None:
        """Spans after an edit (in text order), with what the edit removed and added (and the
        layer's links and events, when they may have changed)."""
        self.spans = spans
        for span in removed:
            self.by_id.pop(span.id, None)
        for span in added:
            self.by_id[span.id] = span
        if relations is not None:
            self.relations = list(relations)
        if events is not None:
            self.events = list(events)
        self.highlighter.update_spans(spans, removed, added)
        self.viewport().update()

    def set_colors(self, colors: dict[str, str]) -> None:
        self.colors = dict(colors)
        self.highlighter.set_colors(colors)
        self.viewport().update()

    def show_invisibles(self, on: bool) -> None:
        paragraphs.show_invisibles(self.document(), on)

    def visible_blocks(self) -> tuple[int, int]:
        viewport = self.viewport().rect()
        top = self.cursorForPosition(viewport.topLeft()).block().blockNumber()
        bottom = self.cursorForPosition(viewport.bottomRight()).block().blockNumber()
        return top, bottom

    def reveal_visible(self) -> None:
        """Format the paragraphs on screen, and a screenful either side."""
        top, bottom = self.visible_blocks()
        margin = max(bottom - top, 10)
        self.highlighter.reveal(top - margin, bottom + margin)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.reveal_visible()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.reveal_visible()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        current = self.highlighter.current()
        self.drawn_bars = span_bars.draw(self) if current else []
        event = self.shown_event if current else None
        color = self.colors.get(event.label, "#808080") if event else ""
        self.drawn_links = event_links.draw(self, event, color) if event else []
        shown = current and self.suggestions
        self.drawn_outlines = suggestion_outlines.draw(self) if shown else []

    def show_suggestions(self, suggestions: list[Suggestion], selected: int | None) -> None:
        """Outline suggestions for the shown text (``selected``: the index of the chosen one)."""
        self.suggestions, self.suggestion_selected = list(suggestions), selected
        self.viewport().update()

    def show_event(self, event: Event | None) -> None:
        """Draw an event's links from its trigger to its arguments (None: no event's)."""
        self.shown_event = event
        self.viewport().update()

    def select_span(self, span_id: int | None, *, scroll: bool = True) -> None:
        self.highlighter.select(span_id, self.by_id)
        self.viewport().update()
        span = self.by_id.get(span_id)
        if span is not None and scroll:
            self.scroll_to(span.start)

    def scroll_to(self, offset: int) -> None:
        """Put the cursor at an offset and bring it into view."""
        cursor = self.textCursor()
        cursor.setPosition(self.positions.qt(offset))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def spans_at(self, offset: int) -> list[Span]:
        """Spans under a click, innermost first. A click between two characters may mean
        either (Qt places the cursor at the nearest edge, which differs with direction)."""
        near = self.highlighter.spans_touching(offset, offset)
        inside = [s for s in near if s.start <= offset < s.end]
        if not inside:
            inside = [s for s in near if s.start < offset <= s.end]
        return sorted(inside, key=lambda s: (s.end - s.start, s.id))

    # -- zoom -----------------------------------------------------------------------------------

    def font_size(self) -> float:
        return self.font().pointSizeF()

    def set_font_size(self, size: float) -> None:
        font = self.font()
        font.setPointSizeF(max(self.MIN_SIZE, min(self.MAX_SIZE, size)))
        self.setFont(font)

    def tooltip_for(self, spans: list[Span]) -> str:
        return tooltip(spans, self.relations, self.events, self.by_id, self.missing)

    def mark_spans(self, spans: list[Span], color: str | None) -> None:
        """Wavy underlines in ``color`` under some spans (an event's arguments, disagreements)."""
        self.setExtraSelections(
            paragraphs.wavy_marks(self.document(), self.positions, spans, color)
        )
