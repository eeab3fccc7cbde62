"""The document list, most uncertain first, in a real window: offered beside the filter, it
lists the documents not annotated yet with the one the learned model is torn about on top,
measured in the background, read a page at a time, and measured anew when the model is
trained again; without a learned model it says what to do and keeps import order."""

from __future__ import annotations

from annotator.ops import editing
from annotator.ui.document_list import IMPORT_ORDER, UNCERTAIN
from annotator.ui.models.documents import DocumentListModel
from annotator.ui.suggest_order_list import UncertaintyListModel
from tests.suggest.test_uncertainty import TORN, records

PLAIN = 600  # more than two pages of the list


def choose_order(window, order: str) -> None:
    """Pick an order in the list's box, as a click does."""
    box = window.documents.order
    index = box.findData(order)
    box.setCurrentIndex(index)
    box.activated.emit(index)


def test_most_uncertain_first_puts_the_torn_document_on_top_and_stays_lazy(qtbot, make_window):
    window = make_window(records(plain=PLAIN), schema="ner")
    suggesting = window.suggesting
    suggesting.start("samira", "all")
    qtbot.waitUntil(lambda: not suggesting.training(), timeout=30000)
    choose_order(window, UNCERTAIN)
    qtbot.waitUntil(lambda: not suggesting.order.measuring(), timeout=60000)
    listing = window.documents.view.model()
    assert isinstance(listing, UncertaintyListModel)
    assert listing.rowCount() == PLAIN + 2  # «sure», the plain ones, «torn»: not a0…a3
    assert listing.index(0, 0).data() == "torn"
    assert float(listing.index(0, 1).data()) > float(listing.index(1, 1).data())
    assert listing.pages_read == 1  # only the rows shown were read
    assert not window.documents.filter.isEnabled()
    window.session.show_document(listing.document_id(0))
    assert window.session.document.text.strip() == TORN
    first = listing.model
    torn = window.session.document_id
    at = TORN.index("الشام")
    editing.create_span(window.session.project, torn, "samira", "LOC", at, at + 5, by="samira")
    suggesting.start("samira", "all")  # trained again on one more span: measured anew
    qtbot.waitUntil(lambda: not suggesting.training(), timeout=30000)
    qtbot.waitUntil(lambda: not suggesting.order.measuring(), timeout=60000)
    again = window.documents.view.model()
    assert isinstance(again, UncertaintyListModel) and again.model != first
    assert again.rowCount() == PLAIN + 1 and again.row_of(torn) is None
    choose_order(window, IMPORT_ORDER)
    assert isinstance(window.documents.view.model(), DocumentListModel)
    assert window.documents.filter.isEnabled()


def test_without_a_learned_model_the_list_says_what_to_do_and_keeps_import_order(
    qtbot, make_window
):
    window = make_window(records(plain=2), schema="ner")
    said: list[str] = []
    window.session.message.connect(lambda text, _ms: said.append(text))
    choose_order(window, UNCERTAIN)
    assert isinstance(window.documents.view.model(), DocumentListModel)
    assert window.documents.order.currentData() == IMPORT_ORDER
    assert any("needs the learned model" in text for text in said)
    window.suggesting.start("samira", "dictionary")  # the dictionary cannot tell
    qtbot.waitUntil(lambda: not window.suggesting.training(), timeout=30000)
    choose_order(window, UNCERTAIN)
    assert isinstance(window.documents.view.model(), DocumentListModel)
