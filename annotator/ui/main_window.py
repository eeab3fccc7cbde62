"""The annotation window: it lays out the panels around the text and connects them to the
session (:mod:`annotator.ui.session`), which holds all state. What each part does lives with
the part: annotating, coding, browsing, review, the status bar, the file dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QWidget,
)

from annotator.core.text import is_rtl
from annotator.ops import viewing
from annotator.ui import (
    language_menu,
    menus,
    people,
    project_actions,
    suggest_menu,
    transfer,
    window_layout,
)
from annotator.ui.annotating import Annotating
from annotator.ui.browsing import Browsing, confirm_done
from annotator.ui.coding import Coding
from annotator.ui.document_list import DocumentList
from annotator.ui.find_bar import FindBar
from annotator.ui.icons import icon
from annotator.ui.language import project_name
from annotator.ui.panels.annotations import AnnotationsPanel
from annotator.ui.panels.attributes import AttributesPanel
from annotator.ui.panels.discussion import DiscussionPanel
from annotator.ui.panels.events import EventsPanel
from annotator.ui.panels.guidelines import GuidelinesPanel
from annotator.ui.panels.history import HistoryPanel
from annotator.ui.panels.labels import LabelPalette
from annotator.ui.panels.place import PlacePanel
from annotator.ui.panels.search import SearchPanel
from annotator.ui.panels.suggestions import SuggestionsPanel
from annotator.ui.place_coding import PlaceCoding
from annotator.ui.review.mode import ReviewMode
from annotator.ui.schema.editor import open_schema_editor
from annotator.ui.session import Session
from annotator.ui.settings import Settings
from annotator.ui.showing import ShownDocument
from annotator.ui.status_bar import StatusBar
from annotator.ui.suggesting import Suggesting
from annotator.ui.team_hub import TeamHub
from annotator.ui.text_view import TextView


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, annotator: str) -> None:
        super().__init__()
        self.settings = settings
        self.session = session = Session(annotator, self)
        self.resize(1280, 800)
        self.documents = DocumentList()
        self.search = SearchPanel()
        self.text_view = TextView(font_size=settings.font_size)
        self.find_bar = FindBar()
        self.palette_panel = LabelPalette()
        self.annotations = AnnotationsPanel()
        self.events_panel = EventsPanel()
        self.guidelines = GuidelinesPanel()
        self.discussion = DiscussionPanel()
        self.history = HistoryPanel()
        self.coding = AttributesPanel()
        self.annotating = Annotating(session, self.text_view, self)
        self.coder = Coding(session, self.coding, self.text_view, self.guidelines)
        self.place_panel = PlacePanel()
        self.places = PlaceCoding(session, self.place_panel)
        self.browsing = Browsing(session, self.documents, settings)
        self.review = ReviewMode(session, self.browsing, self)
        # what the Review menu does is review mode's own
        self.review_step, self.dashboard = self.review.view.step, self.review.dashboard
        self.accept_agreed_here = self.review.accept_agreed_here
        self.accept_agreed_everywhere = self.review.accept_agreed_everywhere
        events = self.annotating.events  # so are the Edit menu's, annotating's and coding's
        self.start_linking, self.delete_event = events.start_linking, events.delete_event
        self.new_event_here, self.new_event_without_word = (
            events.new_event_here,
            events.new_event_without_word,
        )
        self.delete_span, self.code_span = self.annotating.delete_selected, self.coder.focus
        self.shown = ShownDocument(
            session,
            self.text_view,
            self.annotations,
            self.find_bar,
            self.discussion,
            self.history,
            self.events_panel,
        )
        self.suggestions_panel = SuggestionsPanel()
        self.suggesting = Suggesting(session, self.text_view, self.suggestions_panel, self)
        self.menu_actions = menus.build(self, self, session.undo_group)
        suggest_menu.add(self, self.menu_actions.view, self.suggesting)
        language_menu.add(self, self.menu_actions.view, settings)
        self.status = StatusBar(session, self.browsing, self.statusBar())
        self.hub = TeamHub(session, self, self.menu_actions.file)  # clone, sync, hub status
        window_layout.build(self)
        self._tab_before: QWidget | None = None  # the side tab shown before link mode
        self._connect()
        self.menu_actions.snap.setChecked(settings.snap_to_words)
        self.annotating.snapping = settings.snap_to_words
        self.menu_actions.invisibles.setChecked(settings.show_invisibles)
        self.setWindowTitle("annotator")
        if settings.geometry is not None:
            self.restoreGeometry(settings.geometry)

    def _connect(self) -> None:
        session = self.session
        session.projectChanged.connect(self._project_changed)
        session.schemaChanged.connect(self._schema_changed)
        session.layerChanged.connect(self._update_title)
        session.reviewChanged.connect(self._review_toggled)
        session.projectLost.connect(lambda e: project_actions.project_lost(self, session, e))
        self.palette_panel.labelChosen.connect(self.annotating.apply_label)
        self.annotating.events.attach(self.coding, self.events_panel, self.annotations)
        self.annotating.discuss = lambda: self.side_tabs.setCurrentWidget(self.discussion)
        self.annotating.code = self.coder.focus
        session.linkingChanged.connect(self._linking_changed)
        self.search.matchChosen.connect(self.show_match)
        self.find_bar.matchChosen.connect(self.text_view.select_range)
        self.find_bar.closed.connect(self.text_view.setFocus)

    def _linking_changed(self) -> None:
        """While an event's argument is being chosen, the annotations list takes the keys:
        arrows move through the spans, Enter picks one (a click in the text does as well)."""
        if self.session.linking_from is not None:
            self._tab_before = self.side_tabs.currentWidget()
            self.side_tabs.setCurrentWidget(self.annotations)
            self.annotations.setFocus()
        elif self._tab_before is not None:
            self.side_tabs.setCurrentWidget(self._tab_before)
            self._tab_before = None
            self.text_view.setFocus()

    # -- the project -----------------------------------------------------------------------

    def open_project(self, folder: Path) -> None:
        """Open a project (raises AnnotatorError, keeping the one open, when it cannot)."""
        project_actions.open_project(self, self.session, Path(folder))

    def _project_changed(self) -> None:
        project = self.session.project
        self.menu_actions.review.setChecked(False)
        self.search.set_project(project)
        if project is not None:
            self._schema_changed()
            self.settings.add_recent(project.folder)
            self._follow_direction()
        project_actions.fill_recent_menu(
            self.menu_actions.recent, self, self.session, self.settings
        )
        self._update_title()

    def _follow_direction(self) -> None:
        """Mirror the panels and the arrows when the project's articles or the window's language
        read right to left."""
        project = self.session.project
        first = viewing.first_document(project)
        document = viewing.document(project, first) if first is not None else None
        window = QApplication.layoutDirection()  # right to left when the window is in Arabic
        rtl = window == Qt.LayoutDirection.RightToLeft or bool(document and is_rtl(document.text))
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        self.splitter.setLayoutDirection(direction)
        for panel in (self.left_tabs, self.side):  # forms read the way the window's language does
            panel.setLayoutDirection(window)
        back, forward = ("right", "left") if rtl else ("left", "right")
        self.menu_actions.previous.setIcon(icon(back))
        self.menu_actions.next.setIcon(icon(forward))

    def _schema_changed(self) -> None:
        schema = self.session.schema
        self.palette_panel.set_schema(schema)
        self.guidelines.set_schema(schema)
        self.text_view.label_keys = frozenset(label.key for label in schema.labels if label.key)

    def edit_schema(self) -> None:
        session = self.session
        if session.project is not None and open_schema_editor(
            self, session.project, session.annotator
        ):
            session.undo_group.clear()  # edits made under the old labels no longer undo cleanly
            session.schemaChanged.emit()
            session.reshow()

    def _update_title(self) -> None:
        session = self.session
        name = project_name(session.project.name) if session.project else ""
        title = self.tr("%1 — annotator (%2)")
        self.setWindowTitle(title.replace("%1", name).replace("%2", session.annotator))
        button = self.tr("Annotator: %1 ▾").replace("%1", session.annotator)
        self.menu_actions.annotator_button.setText(button)

    # -- review ----------------------------------------------------------------------------

    def toggle_review(self, on: bool) -> None:
        self.session.set_review(on)
        self.menu_actions.review.setChecked(self.session.review)

    def _review_toggled(self, on: bool) -> None:
        if on:
            self._sizes = self.splitter.sizes()
            self.review.view.font_size = self.text_view.font_size()
            self.splitter.setSizes([200, sum(self._sizes) - 480, 280])  # room for the panes
            self.center.setCurrentWidget(self.review.view)
        else:
            self.center.setCurrentIndex(0)
            self.splitter.setSizes(self._sizes)

    # -- menu handlers -----------------------------------------------------------------------

    def new_project(self) -> None:
        project_actions.new_project(self, self.session)

    def open_project_dialog(self) -> None:
        project_actions.choose_and_open(self, self.session)

    def import_files(self) -> None:
        transfer.import_files(self, self.session)

    def import_folder(self) -> None:
        transfer.import_folder(self, self.session)

    def export_project(self) -> None:
        transfer.export_project(self, self.session)

    def merge(self) -> None:
        transfer.merge(self, self.session)

    def back_up(self) -> None:
        project_actions.back_up(self, self.session)

    def restore(self) -> None:
        project_actions.restore(self, self.session)

    def step(self, direction: int) -> None:
        self.browsing.step(direction)

    def set_status(self, status: str) -> bool:
        return self.browsing.set_status(status)

    def mark_done_and_next(self) -> None:
        problems = self.browsing.missing_before_done() if self.session.document else []
        if not problems or confirm_done(self, problems):
            self.browsing.done_and_next()

    def show_match(self, document_id: int, start: int, end: int) -> None:
        """A corpus-search match: open its document and select it, so a label key marks it."""
        if document_id != self.session.document_id:
            self.session.show_document(document_id)
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
        self.annotating.snapping = on
        self.settings.snap_to_words = on

    def show_invisibles(self, on: bool) -> None:
        """Show bidi marks, zero-width joiners and other invisible characters (they are in the
        text and count in offsets either way)."""
        self.text_view.show_invisibles(on)
        self.settings.show_invisibles = on

    def switch_annotator(self) -> None:
        people.switch_annotator(self, self.session, self.settings)

    def view_layer(self) -> None:
        people.view_layer(self, self.session)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        self.search.set_project(None)
        self.suggesting.stop()
        self.hub.stop()
        self.session.close_project(quietly=True)
        super().closeEvent(event)
