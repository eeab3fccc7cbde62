"""The annotation window: document list, text, label palette, annotations, status bar."""

from __future__ import annotations

from bisect import bisect_left
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import (
    QCheckBox,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.model import Relation, Span, Status
from annotator.core.text import is_rtl, isolate, strip_span
from annotator.core.tokens import snap
from annotator.ops import editing
from annotator.store.project import Project
from annotator.ui import commands, project_actions
from annotator.ui.document_list import DocumentList
from annotator.ui.find_bar import FindBar
from annotator.ui.models.documents import DocumentListModel
from annotator.ui.panels.annotations import AnnotationsPanel
from annotator.ui.panels.attributes import AttributesPanel
from annotator.ui.panels.labels import LabelPalette
from annotator.ui.session import Session
from annotator.ui.settings import Settings
from annotator.ui.text_view import TextView


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, annotator: str) -> None:
        super().__init__()
        self.settings = settings
        self.annotator = annotator
        self.session: Session | None = None
        self.document_id: int | None = None
        self.text = ""
        self.selected_span: int | None = None
        self.resize(1280, 800)

        self.documents = DocumentList()
        self.text_view = TextView(font_size=settings.font_size)
        self.find_bar = FindBar()
        self.palette_panel = LabelPalette()
        self.annotations = AnnotationsPanel()
        self.coding = AttributesPanel()
        self.side_tabs = QTabWidget()
        self.relations: list[Relation] = []
        self.linking_from: int | None = None  # the event span being linked, in link mode
        self._build_layout()
        self._build_actions()
        self._build_status_bar()
        self._connect()
        self.setWindowTitle("annotator")
        self._data_version: int | None = None
        self.watch = QTimer(self)  # picks up changes another window or process made
        self.watch.setInterval(1500)
        self.watch.timeout.connect(self.pick_up_changes)
        if settings.geometry is not None:
            self.restoreGeometry(settings.geometry)

    # -- building ----------------------------------------------------------------------------

    def _build_layout(self) -> None:
        center = QWidget()
        column = QVBoxLayout(center)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.text_view, 1)
        column.addWidget(self.find_bar)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.palette_panel)
        self.side_tabs.addTab(self.annotations, "Annotations")
        side.addWidget(self.side_tabs)
        side.addWidget(self.coding)
        side.setStretchFactor(1, 1)
        side.setStretchFactor(2, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.documents)
        self.splitter.addWidget(center)
        self.splitter.addWidget(side)
        self.splitter.setSizes([250, 720, 400])
        side.setSizes([120, 330, 350])
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)  # its shortcut works wherever the focus is in this window
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(
            file_menu,
            "&New project…",
            lambda: project_actions.new_project(self),
            QKeySequence.StandardKey.New,
        )
        self._action(
            file_menu,
            "&Open project…",
            lambda: project_actions.open_project(self),
            QKeySequence.StandardKey.Open,
        )
        self.recent_menu = file_menu.addMenu("Open &recent")
        file_menu.addSeparator()
        self._action(
            file_menu, "&Import articles…", lambda: project_actions.import_files(self), "Ctrl+I"
        )
        self._action(file_menu, "&Export…", lambda: project_actions.export_project(self), "Ctrl+E")
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        edit = bar.addMenu("&Edit")
        self.undo_group = QUndoGroup(self)
        self.undo_action = self.undo_group.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_group.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        self.addActions([self.undo_action, self.redo_action])
        edit.addSeparator()
        self._action(edit, "&Find…", self.open_find, QKeySequence.StandardKey.Find)
        self.delete_action = self._action(edit, "&Delete span", self.delete_selected_span)
        self._action(edit, "&Link event to an argument…", self.start_linking, "Ctrl+L")
        self._action(edit, "Code the selected span", self.focus_coding, "F2")
        self.snap_action = QAction("&Snap selections to whole words", self, checkable=True)
        self.snap_action.setChecked(self.settings.snap_to_words)
        self.snap_action.toggled.connect(self._snap_toggled)
        edit.addAction(self.snap_action)

        document = bar.addMenu("&Document")
        self.next_action = self._action(
            document, "&Next document", lambda: self.step(1), Qt.Key.Key_PageDown
        )
        self.previous_action = self._action(
            document, "&Previous document", lambda: self.step(-1), Qt.Key.Key_PageUp
        )
        self._action(
            document,
            "Mark &done and open next",
            self.mark_done_and_next,
            ["Ctrl+Return", "Ctrl+Enter"],
        )
        self._action(document, "Mark &in progress", lambda: self.set_status(Status.IN_PROGRESS))

        view = bar.addMenu("&View")
        self._action(view, "Zoom &in", lambda: self.zoom(1), ["Ctrl+=", "Ctrl++"])
        self._action(view, "Zoom &out", lambda: self.zoom(-1), "Ctrl+-")
        self._action(view, "&Reset zoom", lambda: self.zoom(0), "Ctrl+0")

        who = bar.addMenu("&Annotator")
        self._action(who, "&Switch annotator…", self.switch_annotator)

        toolbar = self.addToolBar("Navigation")
        toolbar.setObjectName("navigation")
        toolbar.setMovable(False)
        self.previous_button = QToolButton()
        self.previous_button.setDefaultAction(self.previous_action)
        self.next_button = QToolButton()
        self.next_button.setDefaultAction(self.next_action)
        toolbar.addWidget(self.previous_button)
        toolbar.addWidget(self.next_button)
        toolbar.addSeparator()
        self.snap_box = QCheckBox("Snap to words")
        self.snap_box.setChecked(self.snap_action.isChecked())
        self.snap_box.toggled.connect(self.snap_action.setChecked)
        self.snap_action.toggled.connect(self.snap_box.setChecked)
        toolbar.addWidget(self.snap_box)
        toolbar.addSeparator()
        self.annotator_button = QToolButton()
        self.annotator_button.clicked.connect(self.switch_annotator)
        toolbar.addWidget(self.annotator_button)

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
        self.coding.attributesEdited.connect(self._attributes_edited)
        self.coding.entityChosen.connect(self._entity_chosen)
        self.coding.unlinkRequested.connect(self._unlink)
        self.coding.linkRequested.connect(self.start_linking)
        self.find_bar.matchChosen.connect(self.text_view.select_range)
        self.find_bar.closed.connect(self.text_view.setFocus)

    # -- project -----------------------------------------------------------------------------

    def open_project(self, folder: Path) -> None:
        project = Project.open(folder)
        if self.session is not None:
            self.session.close()
        self.session = Session(project, self.annotator, self.undo_group)
        self.session.spansChanged.connect(self._spans_changed)
        self.session.documentChanged.connect(self._document_changed)
        self.session.saved.connect(lambda time: self.saved_label.setText(f"Saved {time}"))
        self.session.failed.connect(self._failed)
        self.palette_panel.set_schema(project.schema)
        self.text_view.label_keys = frozenset(
            label.key for label in project.schema.labels if label.key
        )
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
        self.watch.start()

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
        self.linking_from = None
        self.text_view.relations = self.relations
        self.text_view.show_document(document.text, spans, self._colors())
        self.annotations.spans_model.set_spans(spans, self._colors())
        self.find_bar.set_text(document.text)
        self.session.activate(document_id)
        self.documents.show_document(document_id)
        self.settings.set_last_document(project.folder, document_id)
        self._update_status()

    def step(self, direction: int) -> None:
        if self.project is None or self.document_id is None:
            return
        model = self.documents.model
        neighbour = self.project.documents.neighbour(self.document_id, direction, model.name_filter)
        if neighbour is not None:
            self.open_document(neighbour)
        else:
            self.statusBar().showMessage(
                "This is the last document." if direction > 0 else "This is the first document.",
                3000,
            )

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
                    for s in self.text_view.spans
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
        span = self._span(self.selected_span)
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
        span = self._span(self.selected_span)
        if span is not None:
            self.session.push(commands.DeleteSpan(self.session, self.document_id, span.id))
            self.select_span(None)

    def _span(self, span_id: int | None) -> Span | None:
        return self.text_view.by_id.get(span_id)

    def select_span(self, span_id: int | None, *, scroll: bool = False) -> None:
        if self.linking_from is not None:
            self._finish_linking(span_id)
            return
        self.selected_span = span_id if self._span(span_id) is not None else None
        self.text_view.select_span(self.selected_span, scroll=scroll)
        self.annotations.show_span(self.selected_span)
        self._show_coding()

    def _show_coding(self) -> None:
        """The coding panel and the argument marks follow the selected span."""
        span = self._span(self.selected_span)
        label = self.project.schema.label(span.label) if span else None
        if span is None or label is None:
            self.coding.show_span(None, None)
            self.text_view.mark_arguments([], None)
            return
        names = {s.id: s.text for s in self.text_view.spans}
        links = [
            (r.id, r.role, names.get(r.target, "?")) for r in self.relations if r.source == span.id
        ]
        linked_from = [
            f"{r.role} of {isolate('«' + names.get(r.source, '?') + '»')}"
            for r in self.relations
            if r.target == span.id
        ]
        entity_names, entity_name = [], None
        if label.kind in ("actor", "location"):
            entity_names = [e.name for e, _uses in self.project.entities.of_kind(label.kind)]
            if span.entity_id is not None:
                entity = self.project.entities.get(span.entity_id)
                entity_name = entity.name if entity else None
        self.coding.show_span(span, label, entity_names, entity_name, links, linked_from)
        arguments = [self._span(r.target) for r in self.relations if r.source == span.id]
        self.text_view.mark_arguments([a for a in arguments if a], label.color)

    def focus_coding(self) -> None:
        if self.coding.editors:
            next(iter(self.coding.editors.values())).setFocus()
        elif self.coding.entity_box is not None:
            self.coding.entity_box.setFocus()

    def _attributes_edited(self, values: dict) -> None:
        span = self._span(self.selected_span)
        if span is not None and values != span.attributes:
            self.session.push(
                commands.UpdateSpan(self.session, self.document_id, span.id, attributes=values)
            )

    def _entity_chosen(self, name: str) -> None:
        span = self._span(self.selected_span)
        if span is None:
            return
        label = self.project.schema.label(span.label)
        try:
            entity_id = editing.ensure_entity(self.project, label.kind, name) if name else None
        except AnnotatorError as error:
            self.show_error(error)
            return
        if entity_id != span.entity_id:
            self.session.push(
                commands.UpdateSpan(self.session, self.document_id, span.id, entity_id=entity_id)
            )

    # -- role links ---------------------------------------------------------------------------

    def start_linking(self) -> None:
        span = self._span(self.selected_span)
        label = self.project.schema.label(span.label) if span else None
        if label is None or not label.roles:
            self.statusBar().showMessage(
                "Select an event span first, then link its arguments.", 4000
            )
            return
        self.linking_from = span.id
        self.statusBar().showMessage(
            f"Click the span that fills a role of «{span.text}» (or pick it in the annotations "
            "list and press Enter); Esc cancels."
        )

    def _span_activated_in_panel(self, index) -> None:
        if self.linking_from is not None:
            self._finish_linking(self.annotations.spans_model.spans[index.row()].id)

    def _finish_linking(self, target_id: int | None) -> None:
        source_id, self.linking_from = self.linking_from, None
        self.statusBar().clearMessage()
        event, target = self._span(source_id), self._span(target_id)
        if event is None or target is None or target.id == event.id:
            return
        label = self.project.schema.label(event.label)
        target_kind = getattr(self.project.schema.label(target.label), "kind", None)
        roles = [r for r in label.roles if not r.kinds or target_kind in r.kinds]
        if not roles:
            self.statusBar().showMessage(
                f"{event.label} has no role for a {target.label} span.", 4000
            )
            return
        role = self.choose_role(roles, target)
        if role is not None:
            self.session.push(
                commands.Link(self.session, self.document_id, event.id, target.id, role)
            )
        self.select_span(event.id)

    def choose_role(self, roles, target: Span) -> str | None:
        """A menu of the roles the argument may fill; number keys pick one."""
        menu = QMenu(self)
        for number, role in enumerate(roles, 1):
            action = menu.addAction(f"&{number}  {role.name}")
            action.setData(role.name)
        cursor = self.text_view.cursorRect()
        chosen = menu.exec(self.text_view.viewport().mapToGlobal(cursor.bottomRight()))
        return chosen.data() if chosen else None

    def _unlink(self, relation_id: int) -> None:
        self.session.push(commands.Unlink(self.session, self.document_id, relation_id))

    def _span_from_panel(self, span_id: int | None) -> None:
        self.select_span(span_id, scroll=True)
        self.text_view.setFocus()

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
        self._show_coding()
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
        project = self.project
        if project is None:
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

    def open_find(self) -> None:
        selection = self.text_view.selection()
        self.find_bar.open(selection[1] if selection else 0)

    def zoom(self, step: int) -> None:
        size = 15.0 if step == 0 else self.text_view.font_size() + step
        self.text_view.set_font_size(size)
        self.settings.font_size = self.text_view.font_size()

    def _snap_toggled(self, on: bool) -> None:
        self.settings.snap_to_words = on

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

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        if self.session is not None:
            self.session.close()
            self.session = None
        super().closeEvent(event)
