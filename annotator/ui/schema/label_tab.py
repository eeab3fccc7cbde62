"""The schema editor's Label tab: a label's id, names, kind, colour, key, description and
examples; each field commits when it is left or picked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from annotator.core.schema import KINDS, Label
from annotator.ops import schema_changes
from annotator.ui.language import fill, kind_name, label_name
from annotator.ui.schema.widgets import Editing, TextBox, swatch


class LabelTab(QWidget):
    def __init__(self, editor: Editing) -> None:
        super().__init__()
        self.editor = editor
        form = QFormLayout(self)
        self.id_edit = QLineEdit()
        self.id_edit.setToolTip(self.tr("The id exports use as the label's tag; no spaces"))
        self.name_en_edit = QLineEdit()
        self.name_ar_edit = QLineEdit()
        self.name_ar_edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.kind_combo = QComboBox()
        for kind in KINDS:
            self.kind_combo.addItem(kind_name(kind), kind)
        self.color_button = QPushButton()
        self.color_button.setToolTip(self.tr("Choose the colour spans of this label are drawn in"))
        self.key_edit = QLineEdit()
        self.key_edit.setMaxLength(1)
        self.key_edit.setMaximumWidth(60)
        self.key_edit.setToolTip(self.tr("The key that applies this label to selected text"))
        self.description_edit = TextBox()
        self.description_edit.setPlaceholderText(
            self.tr("What to mark, and where its boundaries are")
        )
        self.examples_edit = TextBox()
        self.examples_edit.setPlaceholderText(self.tr("One example per line"))
        rows: list[tuple[str, QWidget]] = [
            (self.tr("&Id"), self.id_edit),
            (self.tr("&English name"), self.name_en_edit),
            (self.tr("Ara&bic name"), self.name_ar_edit),
            (self.tr("&Kind"), self.kind_combo),
            (self.tr("&Colour"), self.color_button),
            (self.tr("Ke&y"), self.key_edit),
            (self.tr("Descri&ption"), self.description_edit),
            (self.tr("E&xamples"), self.examples_edit),
        ]
        for text, field in rows:
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        for line in (self.id_edit, self.name_en_edit, self.name_ar_edit, self.key_edit):
            line.editingFinished.connect(self.commit)
        self.description_edit.editingFinished.connect(self.commit)
        self.examples_edit.editingFinished.connect(self.commit)
        self.kind_combo.activated.connect(self._kind_chosen)
        self.color_button.clicked.connect(self.choose_color)

    def show_label(self, label: Label) -> None:
        self.id_edit.setText(label.id)
        self.name_en_edit.setText(label.names.get("en", ""))
        self.name_ar_edit.setText(label.names.get("ar", ""))
        self.kind_combo.setCurrentIndex(KINDS.index(label.kind) if label.kind in KINDS else -1)
        self.color_button.setText(f"  {label.color}")
        self.color_button.setIcon(swatch(label.color, 18))
        self.key_edit.setText(label.key)
        self.description_edit.setPlainText(label.description)
        self.examples_edit.setPlainText("\n".join(label.examples))

    def commit(self) -> None:
        """Write what the label's fields say, where it differs from the stored label."""
        editor = self.editor
        label = editor.current_label()
        if label is None:
            return
        new_id = self.id_edit.text().strip()
        if new_id != label.id:
            if not editor.apply(schema_changes.rename_label, label.id, new_id, select=new_id):
                return
            label = editor.current_label()
        names = {**label.names, "en": self.name_en_edit.text(), "ar": self.name_ar_edit.text()}
        examples = self.examples_edit.text().split("\n")
        changes = {
            "names": {k: v.strip() for k, v in names.items() if v.strip()},
            "key": self.key_edit.text().strip(),
            "description": self.description_edit.text().strip(),
            "examples": tuple(e.strip() for e in examples if e.strip()),
        }
        differing = {k: v for k, v in changes.items() if getattr(label, k) != v}
        if differing:
            editor.apply(schema_changes.update_label, label.id, **differing)

    def _kind_chosen(self, index: int) -> None:
        label = self.editor.current_label()
        if label is not None and KINDS[index] != label.kind:
            self.editor.apply(schema_changes.update_label, label.id, kind=KINDS[index])

    def choose_color(self) -> None:
        label = self.editor.current_label()
        if label is None:
            return
        title = fill(self.tr("Colour of %1"), label_name(label))
        color = QColorDialog.getColor(QColor(label.color), self, title)
        if color.isValid():
            self.editor.apply(schema_changes.update_label, label.id, color=color.name())

    def start_rename(self) -> None:
        """Put the cursor in the id field: typing a new id and leaving it renames the label."""
        self.id_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.id_edit.selectAll()
