"""How the article's paragraphs are laid out: each in the direction of its own text, with
room for the nesting bars, invisible characters shown on request; wavy marks under spans and
the tooltip over them."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QTextEdit

from annotator.core.events import event_title
from annotator.core.model import Event, Relation, Span
from annotator.core.text import is_rtl
from annotator.ui.language import translate
from annotator.ui.positions import Positions


def set_directions(document: QTextDocument, room_below: int, room_above: float = 0) -> None:
    """Each paragraph right-to-left and right-aligned when its text is RTL, with
    ``room_below`` pixels under each line and ``room_above`` over the first paragraph."""
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    block = document.begin()
    distance = QTextBlockFormat.LineHeightTypes.LineDistanceHeight.value
    while block.isValid():
        rtl = is_rtl(block.text())
        fmt = QTextBlockFormat(block.blockFormat())
        fmt.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        fmt.setAlignment(
            (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
            | Qt.AlignmentFlag.AlignAbsolute
        )
        fmt.setLineHeight(room_below, distance)
        if block.blockNumber() == 0:
            fmt.setTopMargin(room_above)
        cursor.setPosition(block.position())
        cursor.setBlockFormat(fmt)
        block = block.next()
    cursor.endEditBlock()


def show_invisibles(document: QTextDocument, on: bool) -> None:
    """Draw bidi marks, zero-width joiners and other invisible characters (they are in the
    text and count in offsets either way)."""
    option = document.defaultTextOption()
    flag = QTextOption.Flag.ShowDefaultIgnorables
    option.setFlags(option.flags() | flag if on else option.flags() & ~flag)
    document.setDefaultTextOption(option)


def wavy_marks(
    document: QTextDocument, positions: Positions, spans: list[Span], color: str | None
) -> list[QTextEdit.ExtraSelection]:
    marks = []
    for span in spans:
        mark = QTextEdit.ExtraSelection()
        cursor = QTextCursor(document)
        cursor.setPosition(positions.qt(span.start))
        cursor.setPosition(positions.qt(span.end), QTextCursor.MoveMode.KeepAnchor)
        mark.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor(color or "#000000").darker(140))
        mark.format = fmt
        marks.append(mark)
    return marks


def tooltip(
    spans: list[Span],
    relations: list[Relation],
    events: list[Event],
    by_id: dict[int, Span],
    missing=None,
) -> str:
    """The labels, missing coding, events and links of the spans under the pointer, as rich
    text built from escaped plain text (span text may contain < and &)."""
    indent = "&nbsp;&nbsp;"

    def text_of(span_id: int) -> str:
        return html.escape(by_id[span_id].text if span_id in by_id else "?")

    lines = []
    for span in spans:
        lines.append(f"<b>{html.escape(span.label)}</b>: {html.escape(span.text)}")
        for problem in missing(span) if missing else ():
            lines.append(f"{indent}⚠ {html.escape(problem)}")
        for event in (e for e in events if e.trigger == span.id):
            title = event_title(event.label, event.attributes)
            said = translate("paragraphs", "event: %1").replace("%1", html.escape(title))
            lines.append(f"{indent}<i>{said}</i>")
            for argument in event.arguments:
                role = html.escape(argument.role)
                lines.append(f"{indent}{indent}{role} → {text_of(argument.span)}")
        for relation in relations:
            if relation.source == span.id:
                lines.append(f"{indent}{html.escape(relation.role)} → {text_of(relation.target)}")
    return f"<p style='white-space:pre'>{'<br>'.join(lines)}</p>"
