"""Suggestions in the window: a model trained on a layer in the background, its suggestions
for the shown document outlined in the text where the annotator's layer holds nothing yet,
walked with F4 / Shift+F4 and judged with keys — Enter accepts, a label key accepts with that
label, Backspace rejects, Shift+Enter accepts every suggestion of the chosen one's label.

What is outlined derives from the shown document alone: another document replaces them all,
and an edit or a verdict filters them again; a name the annotator last rejected with a label
is outlined with it nowhere. The model is trained again, still in the background, once the
layer it learned from holds enough new spans or the annotator has rejected enough suggestions
(the learned model takes rejections as evidence)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from annotator.core.suggestions import Suggestion
from annotator.ops import suggest_verdicts
from annotator.ops.suggest_verdicts import Model
from annotator.ui import keys
from annotator.ui.language import figure
from annotator.ui.panels.suggestions import SuggestionsPanel
from annotator.ui.session import Session
from annotator.ui.suggest_commands import AcceptSuggestions, RejectSuggestion
from annotator.ui.suggest_dialog import choose_source
from annotator.ui.suggest_order import UncertaintyOrder
from annotator.ui.tasks import Outcome, Task
from annotator.ui.text_view import TextView

RETRAIN_EVERY = 10  # new spans in the layer learned from (or rejections) before retraining
ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class Suggesting(QObject):
    modelTrained = Signal()  # a model was trained (again)

    def __init__(
        self, session: Session, view: TextView, panel: SuggestionsPanel, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.session, self.view, self.panel, self.parent_widget = session, view, panel, parent
        self.source: tuple[str, str] | None = None  # the layer learned from, the recommender
        self.model: Model | None = None
        self.task: Task | None = None
        self.again = False  # train once more when the running training ends
        self.ruled_out: frozenset[tuple[str, str]] = frozenset()  # names last rejected
        self.found: list[Suggestion] = []  # the model's suggestions for the shown document
        self.shown: list[Suggestion] = []  # those still open (outlined)
        self.selected: int | None = None  # index into shown
        self.order = UncertaintyOrder(session, self)  # the document list, most uncertain first
        if getattr(parent, "browsing", None) is not None:  # the window's document list
            self.order.attach(parent.browsing)
        view.key_hook = self.key
        panel.startRequested.connect(self.choose)
        session.projectChanged.connect(self.stop)
        session.documentShown.connect(self._document_shown)
        session.layerChanged.connect(self._refilter)
        session.layerEdited.connect(self._layer_edited)
        session.selectionChanged.connect(self._span_selected)

    # -- training --------------------------------------------------------------------------

    def choose(self) -> None:
        """Ask which layer to learn from and which recommender, then start."""
        if self.session.project is None:
            return
        chosen = choose_source(self.parent_widget, self.session, self.source)
        if chosen is not None:
            self.start(*chosen)

    def start(self, layer: str, which: str) -> None:
        """Train on ``layer`` in the background; suggestions appear when it is done."""
        self.source = (layer, which)
        self._train()

    def stop(self) -> None:
        """No more suggestions (the project closed): wait for a training still running, and
        stop measuring uncertainty."""
        self.order.stop()
        if self.task is not None:
            task, self.task = self.task, None
            task.finished.disconnect(self._trained)
            task.wait()
        self.source, self.model, self.again = None, None, False
        self.found = []
        self._refilter()
        self.panel.show_status("")
        self.panel.show_precision([])

    def training(self) -> bool:
        return self.task is not None

    def _train(self) -> None:
        if self.task is not None:
            self.again = True
            return
        layer, which = self.source
        annotator = self.session.annotator

        def operation(project, _progress) -> Model:
            return suggest_verdicts.train(project, layer, which, annotator)

        self.panel.show_status(self.tr("Learning from «%1»…").replace("%1", layer))
        self.task = Task(self.session.project.folder, operation, self)
        self.task.finished.connect(self._trained)
        self.task.start()

    def _trained(self, outcome: Outcome) -> None:
        self.task = None
        if outcome.error is not None:
            self.panel.show_status(outcome.error)
            self.session.message.emit(outcome.error, 8000)
        elif outcome.ok:
            self.model = outcome.result
            said = self.tr("Learned from «%1» (%2 spans).").replace("%1", self.model.layer)
            self.panel.show_status(said.replace("%2", figure(self.model.spans)))
            session = self.session
            self.panel.show_precision(
                suggest_verdicts.precision(session.project, session.annotator)
            )
            self._document_shown()
            self.modelTrained.emit()
        if self.again and self.source is not None:
            self.again = False
            self._train()

    def _layer_edited(self, document_id: int, layer: str) -> None:
        session = self.session
        model = self.model
        if model is not None and layer == session.annotator:
            self.ruled_out = suggest_verdicts.vetoes(session.project, session.annotator)
        if document_id == session.document_id and layer == session.annotator:
            self._refilter()
        self.panel.show_precision(suggest_verdicts.precision(session.project, session.annotator))
        if model is None or layer not in (model.layer, session.annotator):
            return
        learned_from = None if model.layer == suggest_verdicts.ALL else model.layer
        new = suggest_verdicts.layer_spans(session.project, learned_from) - model.spans
        rejected = suggest_verdicts.rejections(session.project, session.annotator)
        if max(new, rejected - model.rejections) >= RETRAIN_EVERY and self.task is None:
            self._train()

    # -- what is shown ---------------------------------------------------------------------

    def _document_shown(self) -> None:
        """Another document: the old one's suggestions go, the new one's come."""
        session = self.session
        self.selected = None
        self.found = []
        if self.model is not None and session.document is not None:
            self.ruled_out = suggest_verdicts.vetoes(session.project, session.annotator)
            self.found = suggest_verdicts.suggested(self.model, session.text, self.ruled_out)
        self._refilter()

    def _refilter(self) -> None:
        """Outline the suggestions still open: none over a span, none judged already."""
        session = self.session
        chosen = self.shown[self.selected] if self.selected is not None else None
        if self.found and session.document is not None and not session.read_only:
            self.shown = suggest_verdicts.still_open(
                session.project, session.document_id, session.annotator, session.spans,
                self.found, self.ruled_out,
            )  # fmt: skip
        else:
            self.shown = []
        self.selected = self.shown.index(chosen) if chosen in self.shown else None
        self.view.show_suggestions(self.shown, self.selected)
        if self.model is not None:
            said = self.tr("%1 suggestions in this document.").replace(
                "%1", figure(len(self.shown))
            )
            self.panel.show_count(said)
        else:
            self.panel.show_count("")

    def _span_selected(self) -> None:
        if self.session.selected is not None and self.selected is not None:
            self._choose(None)

    def _choose(self, index: int | None) -> None:
        self.selected = index
        self.view.show_suggestions(self.shown, index)
        if index is not None:
            self.view.scroll_to(self.shown[index].start)

    def chosen(self) -> Suggestion | None:
        return self.shown[self.selected] if self.selected is not None else None

    # -- the keys --------------------------------------------------------------------------

    def step(self, direction: int) -> None:
        """Choose the next (1) or previous (-1) suggestion, after the cursor when none is."""
        if not self.shown:
            self.session.message.emit(self.tr("No suggestions in this document."), 3000)
            return
        if self.selected is not None:
            index = (self.selected + direction) % len(self.shown)
        else:
            cursor = self.view.positions.offset(self.view.textCursor().position())
            after = [i for i, s in enumerate(self.shown) if s.start >= cursor]
            index = (after[0] if after else 0) if direction > 0 else (len(self.shown) - 1)
        if self.session.selected is not None:
            self.session.select(None)
        self.view.clear_selection()
        self._choose(index)

    def key(self, event: QKeyEvent) -> bool:
        """Enter, Shift+Enter, Backspace and label keys judge the chosen suggestion."""
        if self.chosen() is None:
            return False
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        label_key = keys.label_key(event, self.view.label_keys)
        if event.key() in ENTER:
            self.accept_all() if shift else self.accept()
        elif event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.reject()
        elif label_key is not None:
            label = self.session.schema.label_for_key(label_key)
            self.accept(label.id if label else None)
        elif event.key() == Qt.Key.Key_Escape:
            self._choose(None)
            return False
        else:
            return False
        return True

    def _writable(self) -> bool:
        if self.session.read_only:
            said = self.tr("This layer is shown read-only: its suggestions cannot be judged.")
            self.session.message.emit(said, 4000)
            return False
        return True

    def accept(self, label: str | None = None) -> None:
        """Accept the chosen suggestion, with its label or ``label``."""
        found = self.chosen()
        if found is not None and self._writable():
            self.session.push(AcceptSuggestions(self.session, [(found, label or found.label)]))

    def accept_all(self) -> None:
        """Accept every open suggestion of the chosen one's label, in one undoable step."""
        found = self.chosen()
        if found is None:
            self.session.message.emit(self.tr("Choose a suggestion first (F4)."), 3000)
        elif self._writable():
            same = [(s, s.label) for s in self.shown if s.label == found.label]
            self.session.push(AcceptSuggestions(self.session, same))

    def reject(self) -> None:
        """Reject the chosen suggestion and choose the one after it."""
        found = self.chosen()
        if found is None or not self._writable():
            return
        index = self.selected
        if self.session.push(RejectSuggestion(self.session, found)) and self.shown:
            self._choose(min(index, len(self.shown) - 1))
