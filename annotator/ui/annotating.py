"""What the annotator does in the text: mark a selection with a label, relabel or delete the
selected span, link an event to its arguments, and the right-click menu on a span. Every
change is a command pushed to the session; a layer shown read-only refuses with a note."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from annotator.core import boundaries
from annotator.core.model import Span
from annotator.core.schema import Role
from annotator.core.text import isolate, strip_span
from annotator.core.tokens import double_click_word, snap
from annotator.ui import commands, link_commands
from annotator.ui.session import Session
from annotator.ui.text_view import TextView

RoleChooser = Callable[[list[Role], Span], "str | None"]
MOVES = {
    "start earlier": boundaries.extend_start,
    "start later": boundaries.trim_start,
    "end earlier": boundaries.trim_end,
    "end later": boundaries.extend_end,
    "proclitic in": boundaries.extend_proclitic,
    "proclitic out": boundaries.trim_proclitic,
}


class Annotating(QObject):
    def __init__(self, session: Session, view: TextView, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.view, self.parent_widget = session, view, parent
        self.snapping = True  # selections extend to whole words
        self.choose_role: RoleChooser = self._role_menu
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
            self._say(
                f"This is {session.layer}'s layer, shown read-only. Annotator ▸ Show my layer "
                f"({session.annotator}) to annotate."
            )
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
                self._say("The selection holds only white space.", 3000)
                return
            same = next(
                (s for s in session.spans if (s.start, s.end, s.label) == (start, end, label_id)),
                None,
            )
            if same is None:
                command = commands.CreateSpan(session, session.document_id, label_id, start, end)
                if not session.push(command):
                    return
            else:
                session.select(same.id)
            self.view.clear_selection()
            return
        span = session.selected_span()
        if span is None:
            self._say("Select some text first, then press a label key.", 3000)
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
            self._say(f"The {move.split()[0]} of «{span.text}» cannot move that way.", 3000)
            return
        self.session.push(commands.ResizeSpan(self.session, span, start, end))

    def delete_selected(self) -> None:
        span = self.session.selected_span()
        if span is not None and self._writable():
            self.session.push(commands.DeleteSpan(self.session, span))

    def picked(self, span: Span) -> None:
        """A span chosen in the annotations list with Enter: in link mode, the argument."""
        if self.session.linking_from is not None:
            self.finish_linking(span.id)

    def clicked(self, span_id: int | None) -> None:
        if self.session.linking_from is not None:
            self.finish_linking(span_id)
        else:
            self.session.select(span_id)

    # -- role links --------------------------------------------------------------------------

    def start_linking(self) -> None:
        span = self.session.selected_span()
        label = self.session.schema.label(span.label) if span else None
        if label is None or not label.roles:
            self._say("Select an event span first, then link its arguments.")
            return
        if not self._writable():
            return
        self.session.start_linking(span.id)
        self._say(
            f"Click the span that fills a role of {isolate('«' + span.text + '»')} (or pick it "
            "in the annotations list and press Enter); Esc cancels.",
            0,
        )

    def finish_linking(self, target_id: int | None) -> None:
        session = self.session
        event = session.span(session.linking_from)
        session.start_linking(None)
        self._say("", 1)
        target = session.span(target_id)
        if event is None or target is None or target.id == event.id:
            return
        label = session.schema.label(event.label)
        target_kind = getattr(session.schema.label(target.label), "kind", None)
        roles = [r for r in label.roles if not r.kinds or target_kind in r.kinds]
        if not roles:
            self._say(f"{event.label} has no role for a {target.label} span.")
            return
        role = self.choose_role(roles, target)
        if role is not None:
            session.push(link_commands.LinkArgument(session, event, target, role))
        session.select(event.id)

    def _role_menu(self, roles: list[Role], target: Span) -> str | None:
        """A menu of the roles the argument may fill; number keys pick one."""
        menu = QMenu(self.parent_widget)
        for number, role in enumerate(roles, 1):
            action = menu.addAction(f"&{number}  {role.name}")
            action.setData(role.name)
        cursor = self.view.cursorRect()
        chosen = menu.exec(self.view.viewport().mapToGlobal(cursor.bottomRight()))
        return chosen.data() if chosen else None

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
            marks = menu.addMenu("Mark as")
            for label in session.schema.labels:
                action = marks.addAction(f"{label.key}  {label.name('en')}".strip())
                action.triggered.connect(lambda _=False, i=label.id: self.apply_label(i))
            return menu
        session.select(span.id)
        relabel = menu.addMenu("Label")
        for label in session.schema.labels:
            action = relabel.addAction(f"{label.key}  {label.name('en')}".strip())
            action.setCheckable(True)
            action.setChecked(label.id == span.label)
            action.triggered.connect(lambda _=False, i=label.id: self.apply_label(i))
        menu.addAction("Delete", self.delete_selected)
        edges = menu.addMenu("Boundaries")
        for move in MOVES:
            edges.addAction(move.capitalize(), lambda m=move: self.move_boundary(m))
        menu.addAction("Code (attributes)…", self.code)
        schema_label = session.schema.label(span.label)
        link = menu.addAction("Link an argument…", self.start_linking)
        link.setEnabled(bool(schema_label and schema_label.roles))
        menu.addAction("Discuss…", self.discuss)
        menu.addSeparator()
        menu.addAction("Copy text with offsets", lambda: copy_span(span))
        return menu


def copy_span(span: Span) -> None:
    """The span's text with its offsets and label, tab-separated, on the clipboard."""
    QGuiApplication.clipboard().setText(f"{span.text}\t{span.start}\t{span.end}\t{span.label}")
