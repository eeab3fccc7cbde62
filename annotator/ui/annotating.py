"""What the annotator does in the text: mark a selection with a label (an event label marks
the word and an event on it), relabel, resize or delete the selected span, and the
right-click menu on a span (events: :mod:`annotator.ui.event_actions`). Every
change is a command pushed to the session; a layer shown read-only refuses with a note."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from annotator.core import boundaries
from annotator.core.model import Span
from annotator.core.text import strip_span
from annotator.core.tokens import double_click_word, snap
from annotator.ui import commands, event_commands
from annotator.ui.event_actions import EventActions
from annotator.ui.language import label_name
from annotator.ui.session import Session
from annotator.ui.text_view import TextView

MOVES = {
    "start earlier": boundaries.extend_start,
    "start later": boundaries.trim_start,
    "end earlier": boundaries.trim_end,
    "end later": boundaries.extend_end,
    "proclitic in": boundaries.extend_proclitic,
    "proclitic out": boundaries.trim_proclitic,
}
MOVE_NAMES = {
    "start earlier": QT_TRANSLATE_NOOP("Annotating", "Start earlier"),
    "start later": QT_TRANSLATE_NOOP("Annotating", "Start later"),
    "end earlier": QT_TRANSLATE_NOOP("Annotating", "End earlier"),
    "end later": QT_TRANSLATE_NOOP("Annotating", "End later"),
    "proclitic in": QT_TRANSLATE_NOOP("Annotating", "Proclitic in"),
    "proclitic out": QT_TRANSLATE_NOOP("Annotating", "Proclitic out"),
}


class Annotating(QObject):
    def __init__(self, session: Session, view: TextView, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.view, self.parent_widget = session, view, parent
        self.snapping = True  # selections extend to whole words
        self.events = EventActions(session, view, parent)
        self.discuss: Callable[[], None] = lambda: None  # set by the window
        self.code: Callable[[], None] = lambda: None
        view.labelKey.connect(self.label_key)
        view.deleteRequested.connect(self.delete_selected)
        view.spanClicked.connect(self.clicked)
        view.menuRequested.connect(self.span_menu)
        view.boundaryKey.connect(self.move_boundary)
        view.word_rule = self.word_at

    def word_at(self, text: str, offset: int) -> tuple[int, int] | None:
        """What a double-click selects: the word, less a proclitic the schema leaves out,
        exactly as a drag over the word would give."""
        keep = self.session.schema.clitics == "exclude"
        return double_click_word(text, offset, keep_proclitics=keep)

    def _say(self, text: str, ms: int = 4000) -> None:
        self.session.message.emit(text, ms)

    def _writable(self) -> bool:
        session = self.session
        if session.document is None:
            return False
        if session.read_only:
            said = self.tr(
                "This is %1's layer, shown read-only. Annotator ▸ Show my layer (%2) to annotate."
            )
            self._say(said.replace("%1", session.layer).replace("%2", session.annotator))
            return False
        return True

    # -- labels ------------------------------------------------------------------------------

    def label_key(self, key: str) -> None:
        label = self.session.schema.label_for_key(key)
        if label is not None:
            self.apply_label(label.id)

    def apply_label(self, label_id: str) -> None:
        """A label key or click: mark the selected text, or relabel the selected span."""
        if not self._writable():
            return
        session = self.session
        selection = self.view.selection()
        if selection is not None:
            start, end = self.snapped(*selection)
            if start >= end:
                self._say(self.tr("The selection holds only white space."), 3000)
                return
            same = session.span_at(start, end, label_id)
            if same is None:
                if session.schema.label(label_id).kind == "event":  # the word and its event
                    command = event_commands.MarkEvent(session, label_id, start, end)
                else:
                    command = commands.CreateSpan(
                        session, session.document_id, label_id, start, end
                    )
                if not session.push(command):
                    return
            else:
                session.select(same.id)
            self.view.clear_selection()
            return
        span = session.selected_span()
        if span is None:
            self._say(self.tr("Select some text first, then press a label key."), 3000)
        elif span.label != label_id:
            session.push(commands.UpdateSpan(session, span, label=label_id))

    def snapped(self, start: int, end: int) -> tuple[int, int]:
        text = self.session.text
        if self.snapping:
            keep = self.session.schema.clitics == "exclude"
            return snap(text, start, end, keep_proclitics=keep)
        return strip_span(text, min(start, end), max(start, end))

    def move_boundary(self, move: str) -> None:
        """Move an edge of the selected span by a letter or a proclitic (see MOVES)."""
        span = self.session.selected_span()
        if span is None or not self._writable():
            return
        start, end = MOVES[move](self.session.text, span.start, span.end)
        if (start, end) == (span.start, span.end):
            if move.startswith("start"):
                said = self.tr("The start of %1 cannot move that way.")
            elif move.startswith("end"):
                said = self.tr("The end of %1 cannot move that way.")
            else:
                said = self.tr("The proclitic of %1 cannot move that way.")
            self._say(said.replace("%1", f"«{span.text}»"), 3000)
            return
        self.session.push(commands.ResizeSpan(self.session, span, start, end))

    def delete_selected(self) -> None:
        span = self.session.selected_span()
        if span is not None and self._writable():
            self.session.push(commands.DeleteSpan(self.session, span))

    def clicked(self, span_id: int | None) -> None:
        if self.session.linking_from is not None:
            self.events.finish_linking(span_id)
        else:
            self.session.select(span_id)

    # -- the right-click menu ----------------------------------------------------------------

    def span_menu(self, span_id: int | None, where: QPoint) -> None:
        menu = self.menu_for(span_id)
        if menu is not None:
            menu.exec(where)

    def menu_for(self, span_id: int | None) -> QMenu | None:
        """Label, delete, code, link, discuss, copy: what can be done with the span under
        the pointer (or with the selected text, when no span is there)."""
        session = self.session
        if session.document is None:
            return None
        menu = QMenu(self.parent_widget)
        span = session.span(span_id)
        if span is None:
            if self.view.selection() is None:
                return None
            marks = menu.addMenu(self.tr("Mark as"))
            for label in session.schema.labels:
                action = marks.addAction(f"{label.key}  {label_name(label)}".strip())
                action.triggered.connect(lambda _=False, i=label.id: self.apply_label(i))
            return menu
        session.select(span.id)
        relabel = menu.addMenu(self.tr("Label"))
        for label in session.schema.labels:
            action = relabel.addAction(f"{label.key}  {label_name(label)}".strip())
            action.setCheckable(True)
            action.setChecked(label.id == span.label)
            action.triggered.connect(lambda _=False, i=label.id: self.apply_label(i))
        menu.addAction(self.tr("Delete"), self.delete_selected)
        edges = menu.addMenu(self.tr("Boundaries"))
        for move in MOVES:
            name = self.tr(MOVE_NAMES[move])
            edges.addAction(name, lambda m=move: self.move_boundary(m))
        menu.addAction(self.tr("Code (attributes)…"), self.code)
        is_event = getattr(session.schema.label(span.label), "kind", None) == "event"
        link = menu.addAction(self.tr("Link an argument…"), self.events.start_linking)
        link.setEnabled(is_event and bool(session.events_on(span.id)))
        another = menu.addAction(self.tr("Another event on this word"), self.events.new_event_here)
        another.setEnabled(is_event)
        menu.addAction(self.tr("Discuss…"), self.discuss)
        menu.addSeparator()
        menu.addAction(self.tr("Copy text with offsets"), lambda: copy_span(span))
        return menu


def copy_span(span: Span) -> None:
    """The span's text with its offsets and label, tab-separated, on the clipboard."""
    QGuiApplication.clipboard().setText(f"{span.text}\t{span.start}\t{span.end}\t{span.label}")
