"""Import, export, merge and corpus search from the window, run off the GUI thread."""

from __future__ import annotations

import json
import sqlite3

import sqlite_utils
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from annotator.core.schema import load_preset
from annotator.ops.importing import import_files
from annotator.store import backups
from annotator.store.project import Project
from annotator.ui import transfer
from tests.conftest import write_jsonl
from tests.ui.test_window import press

TEXT = "قصفت طائرات مواقع في قرية المعماري"


def test_labels_from_elsewhere_are_mapped_or_added_when_importing(
    qtbot, make_window, tmp_path, monkeypatch
):
    window = make_window([{"text": TEXT}])
    coded = write_jsonl(
        tmp_path / "other-tool.jsonl",
        [
            {
                "text": "وصلت عائلات إلى الحسكة من الرقة",
                "label": [[16, 22, "GPE"], [26, 31, "Location"]],
            }
        ],
    )
    offered = {}

    def accept(dialog):
        offered.update({name: box.currentData() for name, box in dialog.choices.items()})
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(transfer.LabelMapDialog, "exec", accept)
    transfer.run_import(window, window.session, [str(coded)])
    assert offered == {"GPE": None, "Location": "LOCATION"}  # add one, map the other
    assert window.documents.model.rowCount() == 2
    assert "GPE" in window.palette_panel.buttons  # the schema change reached the palette
    second = window.documents.model.document_id(1)
    spans = window.session.project.spans.for_document(second)
    assert sorted((s.text, s.label) for s in spans) == [("الحسكة", "GPE"), ("الرقة", "LOCATION")]


def test_a_failed_import_changes_nothing(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window([{"text": TEXT}])
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "نص"}\n{"text": \n', encoding="utf-8")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    transfer.run_import(window, window.session, [str(broken)])
    assert warnings and "broken.jsonl, line 2" in warnings[0]
    assert window.session.project.documents.count() == 1


def test_exporting_one_layer_from_the_window(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window([{"text": TEXT, "label": [[5, 11, "ACTOR"]]}])
    out = tmp_path / "samira.jsonl"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))

    def choose(dialog):
        dialog.format.setCurrentIndex(dialog.format.findData("jsonl"))
        dialog.layer.setCurrentIndex(dialog.layer.findData("samira"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(transfer.ExportDialog, "exec", choose)
    window.export_project()
    (document,) = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [a["text"] for a in document["annotations"]] == ["طائرات"]


def test_merging_a_colleagues_project_from_the_window(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window([{"text": TEXT}])
    with Project.create(tmp_path / "omar", load_preset("conflict")) as colleague:
        import_files(
            colleague,
            [write_jsonl(tmp_path / "o.jsonl", [{"text": TEXT, "label": [[21, 34, "LOCATION"]]}])],
            annotator="omar",
        )
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        lambda *a, **k: (str(tmp_path / "omar" / "project.sqlite"), ""),
    )
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    window.merge()
    assert "1 document matched" in shown[0]
    assert [s.text for s in window.session.project.spans.for_document(1, "omar")] == [
        "قرية المعماري"
    ]


def test_a_corpus_search_match_opens_and_is_marked_with_a_label_key(qtbot, make_window):
    window = make_window(
        [{"text": "خبر أول", "name": "a"}, {"text": "😀 مواقع في قريه المعماري", "name": "b"}]
    )
    window.open_search()
    window.search.field.setText("قرية")
    window.search.search()
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1, timeout=10000)
    window.search.view.activated.emit(window.search.model.index(0, 0))
    assert window.session.project.documents.name(window.session.document_id) == "b"
    press(qtbot, window, Qt.Key.Key_2)
    (span,) = window.session.project.spans.for_document(window.session.document_id)
    assert (span.text, span.label) == ("قريه", "LOCATION")


def test_an_import_from_the_window_backs_the_project_up_first_and_shows_its_notes(
    qtbot, make_window, tmp_path, monkeypatch
):
    window = make_window([{"text": TEXT}])
    window.session.opened.backup.join()  # the backup made when the project opened
    start = TEXT.index("المعماري")
    window.text_view.select_range(start, start + len("المعماري"))
    press(qtbot, window, Qt.Key.Key_2)  # a change since that backup
    lines = "".join(f"قال O\nالجيش B-ORG\nفي O\nحلب B-LOC\n{n} O\n\n" for n in range(60))
    unmarked = tmp_path / "unmarked.conll"
    unmarked.write_text(lines, encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(transfer.LabelMapDialog, "exec", lambda _d: QDialog.DialogCode.Accepted)
    transfer.run_import(window, window.session, [str(unmarked)], "conll")
    assert window.session.project.documents.count() == 2
    assert shown and "marks no documents" in shown[0] and "--sentences-per-document" in shown[0]
    newest = backups.all_backups(window.session.project.folder)[0]
    before = sqlite_utils.Database(sqlite3.connect(f"file:{newest.path}?mode=ro", uri=True))
    assert before["documents"].count == 1  # the project as it was just before the import
    assert [row["text"] for row in before["spans"].rows] == ["المعماري"]
