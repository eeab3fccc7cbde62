"""The annotation window: document list, text, label palette, annotations, status bar."""

from __future__ import annotations

from bisect import bisect_left
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.model import Relation, Span, Status
from annotator.core.text import is_rtl, strip_span
from annotator.core.tokens import snap
from annotator.ops import editing
from annotator.store import locking
from annotator.store.project import Project, database_path
from annotator.ui import commands, menus, project_actions
from annotator.ui.coding import Coding, role_menu
from annotator.ui.document_list import DocumentList
from annotator.ui.find_bar import FindBar
from annotator.ui.models.documents import DocumentListModel
from annotator.ui.panels.annotations import AnnotationsPanel
from annotator.ui.panels.attributes import AttributesPanel
from annotator.ui.panels.discussion import DiscussionPanel
from annotator.ui.panels.guidelines import GuidelinesPanel
from annotator.ui.panels.history import HistoryPanel
from annotator.ui.panels.labels import LabelPalette
from annotator.ui.panels.search import SearchPanel
from annotator.ui.review.mode import ReviewMode
from annotator.ui.schema_editor import open_schema_editor
from annotator.ui.session import Session
from annotator.ui.settings import Settings
from annotator.ui.text_view import TextView


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, annotator: str) -> None:
        super().__init__()
        self.settings = settings
        self.annotator = annotator
        self.session: Session | None = None
        self.claim: locking.Session | None = None  # this window's note that it has the project
        self.document_id: int | None = None
        self.text = ""
        self.selected_span: int | None = None
        self.relations: list[Relation] = []
        self.resize(1280, 800)

        self.documents = DocumentList()
        self.search = SearchPanel()
        self.left_tabs = QTabWidget()
        self.text_view = TextView(font_size=settings.font_size)
        self.find_bar = FindBar()
        self.palette_panel = LabelPalette()
        self.annotations = AnnotationsPanel()
        self.guidelines = GuidelinesPanel()
        self.discussion = DiscussionPanel()
        self.history = HistoryPanel()
        self.coding = AttributesPanel()
        self.side_tabs = QTabWidget()
        self.coder = Coding(self)
        self.review = ReviewMode(self)
        self._build_layout()
        menus.build(self)
        self._build_status_bar()
        self._connect()
        self.setWindowTitle("annotator")
        self._data_version: int | None = None
        self.watch = QTimer(self)  # picks up changes another window or process made
        self.watch.setInterval(1500)
        self.watch.timeout.connect(self.pick_up_changes)
        self.heartbeat = QTimer(self)  # tells other computers this window still has the project
        self.heartbeat.setInterval(locking.HEARTBEAT_SECONDS * 1000)
        self.heartbeat.timeout.connect(lambda: self.claim and self.claim.refresh())
        if settings.geometry is not None:
            self.restoreGeometry(settings.geometry)
        if settings.q.value("view/show_invisibles", False) in (True, "true"):
            self.invisibles_action.setChecked(True)

    # -- building ----------------------------------------------------------------------------

    def _build_layout(self) -> None:
        annotate = QWidget()
        column = QVBoxLayout(annotate)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.text_view, 1)
        column.addWidget(self.find_bar)
        self.center = QStackedWidget()
        self.center.addWidget(annotate)
        self.center.addWidget(self.review.view)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.palette_panel)
        self.side_tabs.addTab(self.annotations, "Annotations")
        self.side_tabs.addTab(self.guidelines, "Guidelines")
        self.side_tabs.addTab(self.discussion, "Discussion")
        self.side_tabs.addTab(self.history, "History")
        side.addWidget(self.side_tabs)
        side.addWidget(self.coding)
        side.setStretchFactor(1, 1)
        side.setStretchFactor(2, 1)
        self.left_tabs.addTab(self.documents, "Documents")
        self.left_tabs.addTab(self.search, "Search")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left_tabs)
        self.splitter.addWidget(self.center)
        self.splitter.addWidget(side)
        self.splitter.setSizes([290, 690, 400])
        side.setSizes([120, 330, 350])
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.position_label = QLabel()
        self.spans_label = QLabel()
        self.saved_label = QLabel("All changes saved")
        self.annotator_label = QLabel()
        for label in (
            self.position_label,
            self.spans_label,
            self.saved_label,
            self.annotator_label,
        ):
            status.addPermanentWidget(label)

    def _connect(self) -> None:
        self.documents.documentChosen.connect(self.open_document)
        self.text_view.labelKey.connect(self._label_key)
        self.text_view.deleteRequested.connect(self.delete_selected_span)
        self.text_view.spanClicked.connect(self.select_span)
        self.palette_panel.labelChosen.connect(self.apply_label)
        self.annotations.spanSelected.connect(self._span_from_panel)
        self.annotations.activated.connect(self._span_activated_in_panel)
        self.discussion.spanChosen.connect(lambda span_id: self.select_span(span_id, scroll=True))
        self.search.matchChosen.connect(self.show_match)
        self.find_bar.matchChosen.connect(self.text_view.select_range)
        self.find_bar.closed.connect(self.text_view.setFocus)

    # -- project -----------------------------------------------------------------------------

    def open_project(self, folder: Path) -> None:
        database = database_path(folder)
        if not database.exists():
            Project.open(folder)  # refuses, saying plainly that there is no project here
        claim = project_actions.claim(self, database.parent)
        try:
            project = Project.open(folder)
        except AnnotatorError:
            claim.release()
            raise
        if self.session is not None:
            self.session.close()
        if self.claim is not None:
            self.claim.release()
        self.claim = claim
        self.session = Session(project, self.annotator, self.undo_group)
        self.session.spansChanged.connect(self._spans_changed)
        self.session.documentChanged.connect(self._document_changed)
        self.session.saved.connect(lambda time: self.saved_label.setText(f"Saved {time}"))
        self.session.failed.connect(self._failed)
        self._schema_changed(reopen=False)
        self.review_action.setChecked(False)
        self.documents.set_model(DocumentListModel(project, self.annotator))
        self.settings.add_recent(project.folder)
        project_actions.fill_recent_menu(self)
        self._follow_direction(project)
        self.document_id = None
        first = self.settings.last_document(project.folder) or project.documents.first_id()
        if first is not None and project.documents.name(first) is None:
            first = project.documents.first_id()
        if first is not None:
            self.open_document(first)
        else:
            self.text_view.show_document("", [], {})
        self._update_title()
        self._update_status()
        self._data_version = project.data_version()
        self.search.set_project(project)
        self.watch.start()
        self.heartbeat.start()
        project_actions.back_up_in_background(self, project.folder)

    def pick_up_changes(self) -> None:
        """Re-read what the window shows when another connection has changed the project."""
        project = self.project
        if project is None:
            return
        version = project.data_version()
        if version == self._data_version:
            return
        self._data_version = version
        project.forget_cached_schema()
        self._schema_changed(reopen=False)
        self.documents.model.refresh()
        if self.document_id is not None:
            self._spans_changed(self.document_id, [(0, len(self.text))])
        self.statusBar().showMessage("Updated with changes made elsewhere.", 3000)

    @property
    def project(self) -> Project | None:
        return self.session.project if self.session else None

    def _follow_direction(self, project: Project) -> None:
        """Mirror the panels and the arrows when the project's articles read right to left."""
        first = project.documents.first_id()
        document = project.documents.get(first) if first is not None else None
        rtl = bool(document and is_rtl(document.text))
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        self.splitter.setLayoutDirection(direction)
        for panel in (self.splitter.widget(0), self.splitter.widget(2)):  # forms read in English
            panel.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        style = self.style()
        back, forward = QStyle.StandardPixmap.SP_ArrowLeft, QStyle.StandardPixmap.SP_ArrowRight
        if rtl:
            back, forward = forward, back
        self.previous_action.setIcon(style.standardIcon(back))
        self.next_action.setIcon(style.standardIcon(forward))

    def _colors(self) -> dict[str, str]:
        return {label.id: label.color for label in self.project.schema.labels}

    def edit_schema(self) -> None:
        if self.project is not None and open_schema_editor(self, self.project, self.annotator):
            self.session.clear_undo()  # edits made under the old labels no longer undo cleanly
            self._schema_changed()

    def _schema_changed(self, reopen: bool = True) -> None:
        schema = self.project.schema
        self.palette_panel.set_schema(schema)
        self.guidelines.set_schema(schema)
        self.text_view.label_keys = frozenset(label.key for label in schema.labels if label.key)
        if reopen and self.document_id is not None:
            self.open_document(self.document_id)

    # -- documents ---------------------------------------------------------------------------

    def open_document(self, document_id: int) -> None:
        project = self.project
        document = project.documents.get(document_id)
        if document is None:
            return
        self.document_id = document_id
        self.text = document.text
        self.selected_span = None
        spans = project.spans.for_document(document_id, self.annotator)
        self.relations = project.relations.for_document(document_id, self.annotator)
        self.coder.linking_from = None
        self.text_view.relations = self.relations
        self.text_view.show_document(document.text, spans, self._colors())
        self.annotations.spans_model.set_spans(spans, self._colors())
        self.find_bar.set_text(document.text)
        self.session.activate(document_id)
        self.documents.show_document(document_id)
        self.settings.set_last_document(project.folder, document_id)
        self.discussion.set_context(self.session, document_id, None)
        self.coder.show()
        self.review.document_opened(document_id)
        self._update_status()

    def step(self, direction: int) -> None:
        if self.project is None or self.document_id is None:
            return
        neighbour = self.documents.model.neighbour(self.document_id, direction)
        if neighbour is not None:
            self.open_document(neighbour)
        else:
            last = "This is the last document." if direction > 0 else "This is the first document."
            self.statusBar().showMessage(last, 3000)

    def set_status(self, status: str) -> bool:
        if self.document_id is None:
            return False
        return self.session.push(commands.SetStatus(self.session, self.document_id, status))

    def mark_done_and_next(self) -> None:
        if self.document_id is None:
            return
        problems = editing.missing_required(self.project, self.document_id, self.annotator)
        if problems:
            shown = "\n".join(f"• {p}" for p in problems[:12])
            more = f"\n… and {len(problems) - 12} more" if len(problems) > 12 else ""
            answer = QMessageBox.question(
                self,
                "Required attributes missing",
                f"Some spans are not fully coded:\n{shown}{more}\n\nMark the document done anyway?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        if self.set_status(Status.DONE):
            self.step(1)

    # -- annotating --------------------------------------------------------------------------

    def _label_key(self, key: str) -> None:
        label = self.project.schema.label_for_key(key)
        if label is not None:
            self.apply_label(label.id)

    def apply_label(self, label_id: str) -> None:
        """A label key or click: mark the selected text, or relabel the selected span."""
        if self.document_id is None:
            return
        selection = self.text_view.selection()
        if selection is not None:
            start, end = self._snapped(*selection)
            if start >= end:
                self.statusBar().showMessage("The selection holds only white space.", 3000)
                return
            same = next(
                (
                    s
                    for s in self.text_view.highlighter.spans_touching(start, end)
                    if (s.start, s.end, s.label) == (start, end, label_id)
                ),
                None,
            )
            if same is not None:
                self.select_span(same.id)
                return
            command = commands.CreateSpan(self.session, self.document_id, label_id, start, end)
            if self.session.push(command):
                self.text_view.clear_selection()
                self.select_span(command.span_id)
            return
        span = self.selected()
        if span is None:
            self.statusBar().showMessage("Select some text first, then press a label key.", 3000)
        elif span.label != label_id:
            self.session.push(
                commands.UpdateSpan(self.session, self.document_id, span.id, label=label_id)
            )

    def _snapped(self, start: int, end: int) -> tuple[int, int]:
        if self.snap_action.isChecked():
            keep = self.project.schema.clitics == "exclude"
            return snap(self.text, start, end, keep_proclitics=keep)
        return strip_span(self.text, min(start, end), max(start, end))

    def delete_selected_span(self) -> None:
        span = self.selected()
        if span is not None:
            self.session.push(commands.DeleteSpan(self.session, self.document_id, span.id))
            self.select_span(None)

    def _span(self, span_id: int | None) -> Span | None:
        return self.text_view.by_id.get(span_id)

    def selected(self) -> Span | None:
        return self._span(self.selected_span)

    def select_span(self, span_id: int | None, *, scroll: bool = False) -> None:
        if self.coder.linking_from is not None:
            self.coder.finish_linking(span_id)
            return
        self.selected_span = span_id if self._span(span_id) is not None else None
        self.text_view.select_span(self.selected_span, scroll=scroll)
        self.annotations.show_span(self.selected_span)
        self.coder.show()
        self.discussion.set_context(self.session, self.document_id, self.selected())
        span_id = self.selected_span
        self.history.show_entries(self.project.audit.for_span(span_id) if span_id else [])

    @property
    def linking_from(self) -> int | None:
        return self.coder.linking_from

    def choose_role(self, roles, target: Span) -> str | None:
        return role_menu(self, roles, target)

    def _span_from_panel(self, span_id: int | None) -> None:
        self.select_span(span_id, scroll=True)
        self.text_view.setFocus()

    def _span_activated_in_panel(self, index) -> None:
        if self.coder.linking_from is not None:
            self.coder.finish_linking(self.annotations.spans_model.spans[index.row()].id)

    # -- what changed ------------------------------------------------------------------------

    def _spans_changed(self, document_id: int, touched: list) -> None:
        if document_id != self.document_id:
            return
        spans, removed, added = self._merged_spans(document_id, touched)
        self.relations = self.project.relations.for_document(document_id, self.annotator)
        self.text_view.relations = self.relations
        self.text_view.update_spans(spans, removed, added)
        self.annotations.spans_model.set_spans(spans, self._colors())
        if self._span(self.selected_span) is None:
            self.selected_span = None
        self.annotations.show_span(self.selected_span)
        self.coder.show()
        self.review.spans_changed(document_id)
        self._update_status()

    def _merged_spans(
        self, document_id: int, touched: list
    ) -> tuple[list[Span], list[Span], list[Span]]:
        """The shown spans with those in the edited ranges re-read, and what was removed and
        added: an edit costs the size of what it touched, not of the document."""
        shown = self.text_view.spans
        fresh: dict[int, Span] = {}
        for start, end in touched:
            for span in self.project.spans.overlapping(document_id, self.annotator, start, end):
                fresh[span.id] = span
        near = {
            s.id: s
            for start, end in touched
            for s in self.text_view.highlighter.spans_touching(start, end)
        }
        removed = [s for s in near.values() if fresh.get(s.id) != s]
        kept_ids = {s.id for s in shown} - {s.id for s in removed}
        added = [s for s in fresh.values() if s.id not in kept_ids]
        gone = {s.id for s in removed}
        merged = [s for s in shown if s.id not in gone]
        keys = [(s.start, -s.end, s.id) for s in merged]
        for span in added:
            key = (span.start, -span.end, span.id)
            at = bisect_left(keys, key)
            keys.insert(at, key)
            merged.insert(at, span)
        return merged, removed, added

    def _document_changed(self, document_id: int) -> None:
        self.documents.model.document_changed(document_id)
        self._update_status()

    def _failed(self, message: str) -> None:
        self.saved_label.setText("Not saved!")
        QMessageBox.warning(self, "The edit was not made", message)

    def _update_status(self) -> None:
        if self.project is None:
            return
        model = self.documents.model
        total = model.rowCount() if model else 0
        row = model.row_of(self.document_id) if model and self.document_id else None
        self.position_label.setText(f"{row + 1} / {total}" if row is not None else f"– / {total}")
        count = len(self.text_view.spans)
        self.spans_label.setText(f"{count} span{'s' * (count != 1)}")
        self.annotator_label.setText(f"Annotator: {self.annotator}")
        self.annotator_button.setText(f"Annotator: {self.annotator} ▾")

    def _update_title(self) -> None:
        name = self.project.name if self.project else ""
        self.setWindowTitle(f"{name} — annotator ({self.annotator})")

    # -- small commands ----------------------------------------------------------------------

    def show_match(self, document_id: int, start: int, end: int) -> None:
        """A corpus-search match: open its document and select it, so a label key marks it."""
        if document_id != self.document_id:
            self.open_document(document_id)
        self.text_view.select_range(start, end)
        self.text_view.setFocus()

    def open_search(self) -> None:
        self.left_tabs.setCurrentWidget(self.search)
        self.search.field.setFocus()
        self.search.field.selectAll()

    def open_find(self) -> None:
        selection = self.text_view.selection()
        self.find_bar.open(selection[1] if selection else 0)

    def zoom(self, step: int) -> None:
        size = 15.0 if step == 0 else self.text_view.font_size() + step
        self.text_view.set_font_size(size)
        self.settings.font_size = self.text_view.font_size()

    def snap_toggled(self, on: bool) -> None:
        self.settings.snap_to_words = on

    def show_invisibles(self, on: bool) -> None:
        """Show bidi marks, zero-width joiners and other invisible characters (they are in the
        text and count in offsets either way)."""
        self.text_view.show_invisibles(on)
        self.settings.q.setValue("view/show_invisibles", on)

    def switch_annotator(self) -> None:
        name, ok = QInputDialog.getText(self, "Annotator", "Annotate as:", text=self.annotator)
        name = name.strip()
        if ok and name and name != self.annotator:
            self.set_annotator(name)

    def set_annotator(self, name: str) -> None:
        self.annotator = name
        self.settings.annotator = name
        if self.session is not None:
            self.session.set_annotator(name)
            self.documents.model.set_annotator(name)
            if self.document_id is not None:
                self.open_document(self.document_id)
        self._update_title()
        self._update_status()

    def show_error(self, error: AnnotatorError) -> None:
        QMessageBox.warning(self, "annotator", str(error))

    def close_project(self) -> Path | None:
        """Close the project (to restore a backup, say); returns its folder."""
        if self.session is None:
            return None
        folder = self.session.project.folder
        self.search.set_project(None)
        self.watch.stop()
        self.heartbeat.stop()
        self.session.close()
        self.session = None
        if self.claim is not None:
            self.claim.release()
            self.claim = None
        return folder

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        self.close_project()
        super().closeEvent(event)
