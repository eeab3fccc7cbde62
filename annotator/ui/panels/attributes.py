"""The selected span's coding: its attributes, its canonical entity, and its role links.

Every field commits on its own (choice picked, Enter or leaving a text field, box ticked),
so each change is one undoable edit; Tab moves through the fields.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QIntValidator, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Span
from annotator.core.schema import Attribute, Label
from annotator.core.text import isolate
from annotator.ui.language import label_name
from annotator.ui.problems import coding_problems


class AttributesPanel(QScrollArea):
    attributesEdited = Signal(dict)  # the span's complete new attributes
    entityChosen = Signal(str)  # a canonical name ("" to untie the span)
    unlinkRequested = Signal(int)  # the position of the argument in the event
    linkRequested = Signal()  # start linking the selected event to an argument

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self._body = QWidget()
        self.setWidget(self._body)
        self._column = QVBoxLayout(self._body)
        self._column.setContentsMargins(6, 6, 6, 6)
        self.title = QLabel(self.tr("Select a span to code it."))
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self._column.addWidget(self.title)
        self._form_host = QWidget()
        self.form = QFormLayout(self._form_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        self._column.addWidget(self._form_host)
        self.problems = QLabel()
        self.problems.setStyleSheet("color: #b00020;")
        self.problems.setWordWrap(True)
        self._column.addWidget(self.problems)
        self.links_title = QLabel()
        self._column.addWidget(self.links_title)
        self._links_host = QWidget()
        self.links = QVBoxLayout(self._links_host)
        self.links.setContentsMargins(0, 0, 0, 0)
        self._column.addWidget(self._links_host)
        self._column.addStretch(1)
        self.span: Span | None = None
        self.label: Label | None = None
        self.editors: dict[str, QWidget] = {}
        self.entity_box: QComboBox | None = None
        self._built: tuple[Label, dict[str, QWidget], QComboBox | None] | None = None
        self._loading = False

    # -- showing a span ----------------------------------------------------------------------

    def show_span(
        self,
        span: Span | None,
        label: Label | None,
        entity_names: list[str] | None = None,
        entity_name: str | None = None,
        links: list[tuple[int, str, str]] | None = None,
        linked_from: list[str] | None = None,
    ) -> None:
        """Show the coding of a span, or of an event (``span.id`` then is ("event", id)).
        ``links``: (position, role, argument text) of an event's arguments; ``linked_from``:
        descriptions of the events this span is an argument of."""
        same_span = span is not None and self.span is not None and span.id == self.span.id
        self.span, self.label = span, label
        if span is None or label is None:
            self._form_host.hide()  # kept for the next span of its label
            self.editors, self.entity_box = {}, None
            self.title.setText(self.tr("Select a span to code it."))
            self._show_links([], [], False)
            self.problems.clear()
            return
        name = html.escape(label_name(label))
        if not span.text:
            title = self.tr("<b>%1</b> with no word").replace("%1", name)
        elif isinstance(span.id, tuple):  # an event, not its word
            title = self.tr("<b>%1</b> on %2").replace("%1", name)
        else:
            title = self.tr("<b>%1</b> %2").replace("%1", name)
        self.title.setText(title.replace("%2", html.escape(isolate(f"«{span.text}»"))))
        if self._built is None or self._built[0] != label:
            self._build_form(label, entity_names)
        else:  # the same fields serve every span of a label
            _, self.editors, self.entity_box = self._built
            if self.entity_box is not None:
                self._set_items(self.entity_box, ["", *(entity_names or [])])
        self._form_host.show()
        self._load_values(span, entity_name, keep_typing=same_span)
        self._show_links(links or [], linked_from or [], isinstance(span.id, tuple))

    def set_read_only(self, read_only: bool) -> None:
        """Another annotator's layer is shown: its coding is read, not changed."""
        self._form_host.setEnabled(not read_only)
        self._links_host.setEnabled(not read_only)

    def _clear_form(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors = {}
        self.entity_box = None
        self._built = None

    def _build_form(self, label: Label, entity_names: list[str] | None) -> None:
        self._clear_form()
        for attribute in label.attributes:
            editor = self._editor(attribute)
            self.editors[attribute.name] = editor
            caption = attribute.name.replace("_", " ") + (" *" if attribute.required else "")
            self.form.addRow(caption, editor)
        if label.kind in ("actor", "location"):
            box = QComboBox()
            box.setEditable(True)
            box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            box.addItems(["", *(entity_names or [])])
            completer = QCompleter(box.model(), box)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            box.setCompleter(completer)
            box.setToolTip(
                self.tr(
                    "The canonical actor or place this mention refers to, shared across "
                    "documents. Pick one already used, or type a new name and press Enter."
                )
            )
            box.lineEdit().editingFinished.connect(self._entity_edited)
            box.activated.connect(lambda _index: self._entity_edited())
            self.entity_box = box
            self.form.addRow(self.tr("canonical"), box)
        self._built = (label, self.editors, self.entity_box)

    def _editor(self, attribute: Attribute) -> QWidget:
        if attribute.type == "choice":
            box = QComboBox()
            box.activated.connect(lambda _index, name=attribute.name: self._edited(name))
            return box
        if attribute.type == "boolean":
            check = QCheckBox()
            check.toggled.connect(lambda _on, name=attribute.name: self._edited(name))
            return check
        field = QLineEdit()
        if attribute.type == "integer":
            low = attribute.minimum if attribute.minimum is not None else -(2**31)
            high = attribute.maximum if attribute.maximum is not None else 2**31 - 1
            field.setValidator(QIntValidator(low, high, field))
        elif attribute.type == "date":
            pattern = QRegularExpression(r"^\d{0,4}(-\d{0,2}(-\d{0,2})?)?$")
            field.setValidator(QRegularExpressionValidator(pattern, field))
            field.setPlaceholderText(self.tr("YYYY-MM-DD"))
        field.editingFinished.connect(lambda name=attribute.name: self._edited(name))
        return field

    @staticmethod
    def _set_items(box: QComboBox, items: list[str]) -> None:
        if [box.itemText(i) for i in range(box.count())] != items:
            box.clear()
            box.addItems(items)

    def _load_values(self, span: Span, entity_name: str | None, keep_typing: bool) -> None:
        """The span's values in the fields; a field being typed in keeps its text when it is
        the same span shown again (``keep_typing``), never when another span is."""
        self._loading = True
        try:
            for attribute in self.label.attributes:
                editor = self.editors[attribute.name]
                value = span.attributes.get(attribute.name)
                if isinstance(editor, QComboBox):
                    choices = ["", *attribute.choices(span.attributes)]
                    if value not in (None, "") and value not in choices:
                        choices.append(str(value))  # keep a value the schema no longer offers
                    self._set_items(editor, choices)
                    editor.setCurrentText("" if value is None else str(value))
                elif isinstance(editor, QCheckBox):
                    editor.setChecked(bool(value))
                elif not (keep_typing and editor.hasFocus()):
                    editor.setText("" if value is None else str(value))
            typing = keep_typing and self.entity_box and self.entity_box.lineEdit().hasFocus()
            if self.entity_box is not None and not typing:
                self.entity_box.setCurrentText(entity_name or "")
            problems = coding_problems(self.label, span.attributes)
            self.problems.setText("\n".join(problems))
        finally:
            self._loading = False

    # -- editing --------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The attributes as the editors now show them (empty fields left out)."""
        result: dict[str, Any] = dict(self.span.attributes) if self.span else {}
        for attribute in self.label.attributes if self.label else ():
            editor = self.editors[attribute.name]
            if isinstance(editor, QComboBox):
                value: Any = editor.currentText() or None
            elif isinstance(editor, QCheckBox):
                value = editor.isChecked()
            else:
                text = editor.text().strip()
                value = (int(text) if attribute.type == "integer" else text) if text else None
            if value is None:
                result.pop(attribute.name, None)
            else:
                result[attribute.name] = value
        # a value that depends on another (a sub-type under its type) must still fit it
        for attribute in self.label.attributes if self.label else ():
            if attribute.depends_on and result.get(attribute.name) not in (
                None,
                *attribute.choices(result),
            ):
                result.pop(attribute.name)
        return result

    def _edited(self, _name: str) -> None:
        if self._loading or self.span is None:
            return
        values = self.values()
        if values != self.span.attributes:
            self.attributesEdited.emit(values)

    def _entity_edited(self) -> None:
        if self._loading or self.span is None or self.entity_box is None:
            return
        self.entityChosen.emit(self.entity_box.currentText().strip())

    # -- role links -----------------------------------------------------------------------------

    def _show_links(
        self, links: list[tuple[int, str, str]], linked_from: list[str], is_event: bool
    ) -> None:
        while self.links.count():
            item = self.links.takeAt(0)
            if item.widget():  # off screen now, not at the next turn of the event loop
                item.widget().hide()
                item.widget().deleteLater()
        if is_event:
            self.links_title.setText(
                self.tr("<b>Roles</b> (Ctrl+L, then click the span that fills one)")
            )
            for position, role, text in links:
                row = QWidget()
                line = QHBoxLayout(row)
                line.setContentsMargins(0, 0, 0, 0)
                line.addWidget(QLabel(f"{role} → {isolate(f'«{text}»')}"), 1)
                remove = QPushButton(self.tr("Unlink"))
                remove.clicked.connect(lambda _=False, n=position: self.unlinkRequested.emit(n))
                line.addWidget(remove)
                self.links.addWidget(row)
            button = QPushButton(self.tr("Link an argument…"))
            button.clicked.connect(self.linkRequested.emit)
            self.links.addWidget(button)
        elif linked_from:
            self.links_title.setText(self.tr("<b>Argument of</b>"))
            for description in linked_from:
                self.links.addWidget(QLabel(description))
        else:
            self.links_title.clear()
