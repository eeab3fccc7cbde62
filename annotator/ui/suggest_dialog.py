"""Which layer suggestions learn from, and which recommender makes them: the recommenders
listed are those the registry holds (:mod:`annotator.suggest.registry`, through
:func:`annotator.ops.suggest_verdicts.offered`), each named in the window's language where
the catalogue knows its title."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

from annotator.ops import viewing
from annotator.ops.suggest_verdicts import ALL, offered
from annotator.ui.language import translate
from annotator.ui.session import Session

TITLES = (  # the registry's titles, for the catalogue; a title it lacks shows as it is
    QT_TRANSLATE_NOOP("suggest_dialog", "all of them together"),
    QT_TRANSLATE_NOOP("suggest_dialog", "dictionary of the layer's names"),
    QT_TRANSLATE_NOOP("suggest_dialog", "learned model (CRF)"),
)


def choose_source(
    parent: QWidget, session: Session, before: tuple[str, str] | None
) -> tuple[str, str] | None:
    """(layer, recommender) chosen, or None when cancelled; the annotator's own layer first."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(translate("suggest_dialog", "Suggest from a layer"))
    layers = QComboBox()
    names = list(dict.fromkeys([session.annotator, *viewing.annotators(session.project)]))
    for name in names:
        layers.addItem(name, name)
    layers.addItem(translate("suggest_dialog", "all layers"), ALL)
    recommenders = QComboBox()
    for which, title in offered():
        recommenders.addItem(translate("suggest_dialog", title), which)
    if before is not None:
        layers.setCurrentIndex(max(layers.findData(before[0]), 0))
        recommenders.setCurrentIndex(max(recommenders.findData(before[1]), 0))
    form = QFormLayout(dialog)
    form.addRow(translate("suggest_dialog", "Learn from:"), layers)
    form.addRow(translate("suggest_dialog", "Recommender:"), recommenders)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return layers.currentData(), recommenders.currentData()
