"""What a text view paints, read back from Qt, against what the store holds.

``painted`` reads the formats Qt lays out for each paragraph (the highlighter's output, as
drawn) and maps them to code-point offsets with a mapping of its own; ``expected`` derives,
from stored spans alone, what each character should look like. The nesting bars are read
from the view's last paint (and their places checked against Qt's layout asked afresh), and
the wavy marks from its extra selections. A test compares
them with the store for everything on screen, and checks that nothing off screen is painted
wrongly either.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QTextCharFormat

from annotator.core.model import Event, Span
from annotator.ui import span_bars

DEPTH_ALPHA = (60, 110, 160)  # a character under one, two, three or more spans
SELECTED_ALPHA = 210


@dataclass(frozen=True)
class Look:
    """How one character is painted: its background, text colour and underline colour."""

    background: str | None  # #AARRGGBB
    foreground: str | None
    underline: str | None  # colour of the underline, None when not underlined


def _argb(color: QColor) -> str:
    return color.name(QColor.NameFormat.HexArgb)


def _tint(color: str, alpha: int) -> str:
    value = QColor(color)
    value.setAlpha(alpha)
    return _argb(value)


def _look(fmt: QTextCharFormat) -> Look:
    none = Qt.BrushStyle.NoBrush
    background = _argb(fmt.background().color()) if fmt.background().style() != none else None
    foreground = _argb(fmt.foreground().color()) if fmt.foreground().style() != none else None
    underline = None
    if fmt.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline:
        underline = _argb(fmt.underlineColor())
    return Look(background, foreground, underline)


def _code_points(text: str) -> list[int]:
    """For each UTF-16 unit of ``text``, the code-point offset it belongs to."""
    units: list[int] = []
    for offset, char in enumerate(text):
        units.extend([offset] * (2 if ord(char) > 0xFFFF else 1))
    return units


def _text(view) -> str:
    return view.document().toPlainText().replace("\u2029", "\n")


def painted(view) -> dict[int, Look]:
    """Every character the view paints with a format, by code-point offset of its text."""
    document = view.document()
    units = _code_points(_text(view))
    found: dict[int, Look] = {}
    block = document.begin()
    while block.isValid():
        for piece in block.layout().formats():
            look = _look(piece.format)
            for unit in range(piece.start, piece.start + piece.length):
                found[units[block.position() + unit]] = look
        block = block.next()
    return found


def expected(text: str, spans: list[Span], colors: dict[str, str], selected: int | None):
    """How each character covered by a stored span must look; characters of no span are
    absent. The innermost span gives the colour, stronger the deeper the character is
    nested; the selected span is drawn strong with white text where no span inside it is."""
    looks: dict[int, Look] = {}
    for offset, char in enumerate(text):
        if char == "\n":
            continue
        covering = [s for s in spans if s.start <= offset < s.end]
        if not covering:
            continue
        inner = min(covering, key=lambda s: (s.end - s.start, s.id))
        chosen = next((s for s in covering if s.id == selected), None)
        if chosen is not None and chosen.end - chosen.start == inner.end - inner.start:
            color = colors.get(chosen.label, "#808080")
            looks[offset] = Look(_tint(color, SELECTED_ALPHA), _argb(QColor("white")), None)
        else:
            alpha = DEPTH_ALPHA[min(len(covering), 3) - 1]
            looks[offset] = Look(_tint(colors.get(inner.label, "#808080"), alpha), None, None)
    return looks


def on_screen(view) -> range:
    """The code-point offsets of the paragraphs visible in the view's viewport."""
    viewport = view.viewport().rect()
    top = view.cursorForPosition(viewport.topLeft()).block()
    bottom = view.cursorForPosition(viewport.bottomRight()).block()
    text = _text(view)
    units = _code_points(text)
    first = units[top.position()] if top.position() < len(units) else len(text)
    end_unit = bottom.position() + bottom.length() - 1
    last = units[end_unit - 1] + 1 if 0 < end_unit <= len(units) else len(text)
    return range(first, max(first, last))


def incomplete(span: Span, schema, events: list[Event]) -> bool:
    """Whether the span's required coding is missing, as ``annotator check`` says it: an
    entity's on the span itself, an event's word's on the events it triggers (their type an
    event label), never on the word's own attributes."""
    kinds = {label.id: label.kind for label in schema.labels}
    if kinds.get(span.label) not in (None, "event") and schema.missing(span.label, span.attributes):
        return True
    return any(
        schema.missing(event.label, event.attributes)
        for event in events
        if event.trigger == span.id and kinds.get(event.label) == "event"
    )


def _bar_problems(
    view, spans: list[Span], colors, selected, visible: range, schema, events: list[Event]
) -> list[str]:
    """Every stored span on screen has one bar, in its label's colour, below the bars of
    the spans it encloses, dashed when its required coding is missing; no bar belongs to a
    span the store does not hold."""
    view.viewport().repaint()
    bars = {bar.span_id: bar for bar in view.drawn_bars}
    stored = {s.id: s for s in spans}
    problems = [f"a bar for span {i}, which the store does not hold" for i in bars.keys() - stored]
    for span in spans:
        if span.start >= visible.stop or span.end <= visible.start:
            continue
        bar = bars.get(span.id)
        if bar is None or not bar.rects:
            problems.append(f"no bar under {span.label} «{span.text}» ({span.start}-{span.end})")
            continue
        if QColor(bar.color) != QColor(colors.get(span.label, "#808080")):
            problems.append(f"the bar of «{span.text}» is {bar.color}, its label's colour is not")
        if bar.selected != (span.id == selected):
            problems.append(f"the bar of «{span.text}» is drawn selected={bar.selected}")
        if schema is not None and bar.incomplete != incomplete(span, schema, events):
            problems.append(f"the bar of «{span.text}» is drawn incomplete={bar.incomplete}")
        if _placed(bar) != _under(view, span, bar.row):
            problems.append(f"the bar of «{span.text}» is not under its text as Qt lays it out")
        for inner in spans:
            nested = span.start <= inner.start and inner.end <= span.end and inner.id != span.id
            shorter = inner.end - inner.start < span.end - span.start
            below = inner.id in bars and bars[inner.id].row < 2  # deeper rows share the last
            if nested and shorter and below and bar.row <= bars[inner.id].row:
                problems.append(f"«{span.text}» encloses «{inner.text}» but its bar is not lower")
    return problems


def _placed(bar) -> list[tuple[float, float, float]]:
    return [(round(r.left(), 1), round(r.top(), 1), round(r.width(), 1)) for r in bar.rects]


def _under(view, span: Span, row: int) -> list[tuple[float, float, float]]:
    """Where a bar in ``row`` belongs: under the span's glyphs as Qt lays them out now,
    asked afresh (the view keeps what it found from one paint to the next)."""
    offset = QPointF(-view.horizontalScrollBar().value(), -view.verticalScrollBar().value())
    found = span_bars.text_rects(view.document(), view.positions, span, offset)
    below = span_bars.GAP + row * span_bars.ROW
    return [(round(r.left(), 1), round(r.bottom() + below, 1), round(r.width(), 1)) for r in found]


def _mark_problems(view, spans: list[Span], text: str) -> list[str]:
    """Each wavy mark (an event's arguments, a disagreement) lies on a stored span."""
    units = _code_points(_text(view))
    extents = {(s.start, s.end) for s in spans}
    problems = []
    for selection in view.extraSelections():
        cursor = selection.cursor
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        at = (
            units[start] if start < len(units) else len(text),
            units[end - 1] + 1 if end else 0,
        )
        if at not in extents:
            problems.append(f"a mark on {at} «{text[at[0] : at[1]]}», where no stored span is")
    return problems


def differences(
    view, text: str, spans: list[Span], colors, selected, schema=None, events=()
) -> list[str]:
    """Where what is painted differs from what is stored: on screen every character must
    match; off screen a paragraph may be not yet painted, but never painted wrongly. With
    ``schema``, a bar is dashed when the span, or an event among the stored ``events`` of
    its layer that it triggers, lacks required coding."""
    if _text(view) != text:
        return [f"the view shows another text than the stored document ({_text(view)[:20]!r})"]
    shown, wanted = painted(view), expected(text, spans, colors, selected)
    visible = on_screen(view)
    problems = []
    for offset in sorted(set(shown) | set(wanted)):
        have, want = shown.get(offset), wanted.get(offset)
        if have == want or (offset not in visible and have is None):
            continue
        where = text[max(0, offset - 6) : offset + 6].replace("\n", "⏎")
        problems.append(f"offset {offset} «{where}»: painted {have}, stored says {want}")
    problems += _bar_problems(view, spans, colors, selected, visible, schema, list(events))
    problems += _mark_problems(view, spans, text)
    return problems
