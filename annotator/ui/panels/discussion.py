"""Discussion on annotations: the open document's threads, on a span or on the document,
with replies and an open/resolved state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.discussion import Thread
from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.core.schema import Schema
from annotator.core.text import isolate
from annotator.ops import discussing
from annotator.ui.language import fill, label_name, translate

if TYPE_CHECKING:
    from annotator.ui.session import Session


def thread_title(thread: Thread, schema: Schema | None = None) -> str:
    """``[open] on the document``, ``[resolved] on Actor «الجيش» (samira)``: the span's label
    by its name in ``schema`` when it has it."""
    if thread.is_open:
        state = translate("DiscussionPanel", "open")
    else:
        state = translate("DiscussionPanel", "resolved")
    anchor = thread.anchor
    if anchor is None:
        return fill(translate("DiscussionPanel", "[%1] on the document"), state)
    label = schema.label(str(anchor.get("label"))) if schema is not None else None
    name = label_name(label) if label is not None else str(anchor.get("label"))
    quoted = isolate("«" + str(anchor.get("text", "")) + "»")
    if thread.span_id is None:
        said = translate("DiscussionPanel", "[%1] on %2 %3 (%4), span since removed")
    else:
        said = translate("DiscussionPanel", "[%1] on %2 %3 (%4)")
    return fill(said, state, name, quoted, anchor.get("annotator"))


class DiscussionPanel(QWidget):
    changed = Signal()  # a thread was started, answered, resolved or reopened
    spanChosen = Signal(int)  # the span a thread is about was picked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        self.open_only = QCheckBox(self.tr("Open threads only"))
        column.addWidget(self.open_only)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        column.addWidget(self.tree, 1)
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(self.tr("Write a comment…"))
        self.body.setFixedHeight(70)
        column.addWidget(self.body)
        buttons = QHBoxLayout()
        self.on_span = QPushButton(self.tr("On selected span"))
        self.on_document = QPushButton(self.tr("On document"))
        self.reply_button = QPushButton(self.tr("Reply"))
        self.resolve_button = QPushButton(self.tr("Resolve"))
        for button in (self.on_span, self.on_document, self.reply_button, self.resolve_button):
            buttons.addWidget(button)
        column.addLayout(buttons)
        self.session: Session | None = None
        self.document_id: int | None = None
        self.span: Span | None = None
        self.threads: list[Thread] = []
        self.open_only.toggled.connect(lambda _on: self.refresh())
        self.on_span.clicked.connect(lambda: self.start(on_span=True))
        self.on_document.clicked.connect(lambda: self.start(on_span=False))
        self.reply_button.clicked.connect(self.reply)
        self.resolve_button.clicked.connect(self.toggle_resolved)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(self._activated)

    def set_context(self, session: Session, document_id: int | None, span: Span | None) -> None:
        self.session, self.document_id, self.span = session, document_id, span
        self.on_span.setEnabled(span is not None)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        if self.session is None or self.document_id is None:
            self.threads = []
            return
        self.threads = discussing.threads(
            self.session.project, self.document_id, self.open_only.isChecked()
        )
        for thread in self.threads:
            item = QTreeWidgetItem([thread_title(thread, self.session.schema)])
            item.setData(0, Qt.ItemDataRole.UserRole, thread.id)
            for comment in thread.comments:
                child = QTreeWidgetItem([f"{comment.author}: {comment.body}"])
                child.setData(0, Qt.ItemDataRole.UserRole, thread.id)
                child.setToolTip(0, comment.created)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
        self._current_changed()

    def current_thread(self) -> Thread | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        thread_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((t for t in self.threads if t.id == thread_id), None)

    def _current_changed(self, *_args) -> None:
        thread = self.current_thread()
        self.reply_button.setEnabled(thread is not None)
        self.resolve_button.setEnabled(thread is not None)
        self.resolve_button.setText(
            self.tr("Reopen") if thread and thread.resolved else self.tr("Resolve")
        )

    def _activated(self, item: QTreeWidgetItem) -> None:
        thread = self.current_thread()
        if thread is not None and thread.span_id is not None:
            self.spanChosen.emit(thread.span_id)

    def _written(self) -> bool:
        """Whether there is a comment to send; if not, the box says to write it first."""
        if self.body.toPlainText().strip():
            return True
        self.body.setPlaceholderText(self.tr("Write the comment here first."))
        return False

    def _run(self, action) -> None:
        try:
            action()
        except AnnotatorError as error:
            self.body.setPlaceholderText(str(error))
            return
        self.body.clear()
        self.refresh()
        self.changed.emit()

    def start(self, on_span: bool) -> None:
        if self.session is None or self.document_id is None or not self._written():
            return
        span_id = self.span.id if on_span and self.span is not None else None
        self._run(
            lambda: discussing.start_thread(
                self.session.project,
                self.document_id,
                self.session.annotator,
                self.body.toPlainText(),
                span_id,
            )
        )

    def reply(self) -> None:
        thread = self.current_thread()
        if thread is not None and self._written():
            self._run(
                lambda: discussing.reply(
                    self.session.project, thread.id, self.session.annotator, self.body.toPlainText()
                )
            )

    def toggle_resolved(self) -> None:
        thread = self.current_thread()
        if thread is None:
            return
        change = discussing.reopen if thread.resolved else discussing.resolve
        self._run(lambda: change(self.session.project, thread.id, self.session.annotator))
