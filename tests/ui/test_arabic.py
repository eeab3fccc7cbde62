"""The window in Arabic: our catalogue and Qt's loaded, the whole window right to left, and no
English left on the screens the catalogue covers (names of labels, documents and people are
data and stay as they are).

Covered so far: the menus and their actions, the toolbar, the side and left tabs, the document
list, the table headers (documents, annotations, events, history), the events and discussion
panels' buttons, the find bar and the status bar; the attributes panel (a span, an event and
its roles), what a span lacks in the annotations and events tables, the history rows, the
label palette, the guidelines and the search panel; the project, import, export, merge and
people dialogs, the confirm-done question, the right-click menu on a span, the messages of
marking, linking and browsing, and the undo texts; review mode (the summary line, the panes'
titles, the disagreements and their descriptions, its status messages, the review order's
headers, accepting all agreed, the agreement dashboard with its charts); the schema editor
(its labels list, tabs, fields, kinds and attribute types, the attributes and roles tables,
buttons, and the status line's reports and refusals)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

from annotator.commands.gui import register
from annotator.ops.sync_report import SyncNote
from annotator.shipped import resource
from annotator.ui import language, report_words
from tests.ui.test_coding import mark

ARTICLE = {"id": "a1", "text": "قصف مدفعي على بلدة الميادين شرق دير الزور."}
SHORTCUT = re.compile(r"\b(Ctrl|Shift|Alt|Enter|Esc|Tab|F\d+)\b")  # keys keep their names


@pytest.fixture
def arabic():
    app = QApplication.instance()
    translators = language.install(app, "ar")
    yield
    language.uninstall(app, translators)


def english_left(text: str, data: set[str]) -> list[str]:
    for name in data:
        text = text.replace(name, "")
    text = SHORTCUT.sub("", text)
    return re.findall(r"[A-Za-z]{2,}", text)


def menu_texts(menu: QMenu) -> list[str]:
    texts = [menu.title()]
    for action in menu.actions():
        if (action.data() and "/" in str(action.data())) or "/" in action.text():
            continue  # a recent project's folder: data
        if action.menu() is not None:
            texts += menu_texts(action.menu())
        elif not action.isSeparator():
            texts += [action.text(), action.toolTip()]
    return texts


def window_texts(window) -> list[str]:
    texts = []
    for action in window.menuBar().actions():
        texts += menu_texts(action.menu())
    for tabs in (window.left_tabs, window.side_tabs):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    tables = (window.documents.view, window.annotations, window.events_panel.table)
    for table, columns in zip(tables, (3, 3, 2), strict=True):  # events: then roles (data)
        model = table.model()
        texts += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(columns)]
    history = window.history
    texts += [history.horizontalHeaderItem(c).text() for c in range(history.columnCount())]
    for widget in (
        window.documents,
        window.events_panel,
        window.discussion,
        window.find_bar,
        window.statusBar(),
        *window.findChildren(type(window.addToolBar("probe"))),
    ):
        for child in widget.findChildren(QAbstractButton):
            texts += [child.text(), child.toolTip()]
        texts += [child.text() for child in widget.findChildren(QLabel)]
        texts += [child.placeholderText() for child in widget.findChildren(QLineEdit)]
    return texts


def test_every_message_of_the_catalogue_is_translated():
    folder = resource("translations")
    messages = ET.parse(str(folder / "annotator_ar.ts")).getroot().iter("message")
    unfinished = [m.findtext("source") for m in messages if m.find("translation").get("type")]
    assert unfinished == []
    assert (folder / "annotator_ar.qm").is_file()


def test_the_window_in_arabic_has_no_english_left(make_window, arabic):
    window = make_window([ARTICLE])
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.menuBar().actions()[0].text() == "&ملف"
    data = {"samira", "project", "annotator", "a1", *language.LANGUAGES.values()}  # own names
    left = {t: english_left(t, data) for t in window_texts(window) if english_left(t, data)}
    assert left == {}


def schema_words(window) -> set[str]:
    """Every word the schema holds (label ids and names, descriptions, attributes, values, roles):
    data, shown as the schema says it."""
    return set(re.findall(r"[A-Za-z]{2,}", json.dumps(window.session.schema.to_json())))


def widget_texts(widget) -> list[str]:
    texts = [widget.toolTip()]
    for child in widget.findChildren(QAbstractButton):
        texts += [child.text(), child.toolTip()]
    for child in widget.findChildren(QLabel):
        texts += [child.text(), child.toolTip()]
    for child in widget.findChildren(QLineEdit):
        texts += [child.placeholderText(), child.toolTip()]
    for child in widget.findChildren(QComboBox):
        texts.append(child.toolTip())
    return texts


def model_texts(model, columns) -> list[str]:
    return [
        str(model.index(row, column).data(role) or "")
        for row in range(model.rowCount())
        for column in columns
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    ]


def english_words(texts: list[str], data: set[str]) -> dict[str, list[str]]:
    left = {}
    for text in texts:
        words = [w for w in english_left(text, set()) if w not in data]
        if words:
            left[text] = words
    return left


def test_the_panels_in_arabic_have_no_english_left(qtbot, make_window, arabic, monkeypatch):
    window = make_window([ARTICLE, {"id": "a2", "text": "اشتباكات في حلب."}])
    actor = mark(qtbot, window, "قصف مدفعي", Qt.Key.Key_1)
    mark(qtbot, window, "الميادين", Qt.Key.Key_2)
    event = mark(qtbot, window, "بلدة", Qt.Key.Key_3)
    monkeypatch.setattr(window.annotating.events, "choose_role", lambda roles, span: roles[0].name)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    window.text_view.spanClicked.emit(actor.id)
    data = {*schema_words(window), "samira", "a1", "a2"}
    texts = widget_texts(window.coding)  # the event: its roles, unlink, link an argument
    assert window.coding.findChildren(QAbstractButton)
    window.session.select(event.id)
    texts += widget_texts(window.coding)
    window.session.select(actor.id)
    texts += widget_texts(window.coding)  # a span: canonical, argument of
    texts += model_texts(window.annotations.model(), range(3))  # ⚠ what a span lacks
    texts += model_texts(window.events_panel.table.model(), [0])
    texts += model_texts(window.history.model(), range(window.history.columnCount()))
    texts += widget_texts(window.palette_panel)
    texts.append(window.guidelines.toPlainText())
    window.coding.show_span(None, None)
    texts += widget_texts(window.coding)
    for query in ("حلب", "أميركا"):
        window.search.search(query)
        texts += widget_texts(window.search)
    window.search._indexing_progressed(3, 10)
    texts += widget_texts(window.search)
    assert english_words(texts, data) == {}
    assert any("مطلوبة" in text for text in texts)  # what a span lacks is said in Arabic


def test_the_dialogs_menus_and_messages_in_arabic_have_no_english_left(
    qtbot, make_window, arabic, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    from annotator.ui import browsing, people, project_actions, transfer

    window = make_window([ARTICLE])
    asked: list[str] = []

    def record(*texts):
        asked.extend(t for t in texts if isinstance(t, str))

    for name in ("question", "information", "warning"):
        monkeypatch.setattr(
            QMessageBox,
            name,
            lambda _parent, *texts, **_kw: record(*texts) or QMessageBox.StandardButton.No,
        )
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, *a, **_k: record(*a[:2]) or ("", False))
    for name in ("getSaveFileName", "getOpenFileName", "getOpenFileNames"):
        monkeypatch.setattr(QFileDialog, name, lambda _p, *a, **k: record(*a[:1]) or ("", ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda _p, *a: record(*a) or "")
    project_actions.new_project(window, window.session)
    project_actions.choose_and_open(window, window.session)
    project_actions.restore(window, window.session)  # no backups yet
    transfer.import_files(window, window.session)
    transfer.import_folder(window, window.session)
    transfer.merge(window, window.session)
    people.switch_annotator(window, window.session, window.settings)
    people.view_layer(window, window.session)
    browsing.confirm_done(window, [f"problem {n}" for n in range(14)])
    window.annotating.events.new_event_without_word()
    texts = list(asked)
    messages: list[str] = []
    window.session.message.connect(lambda text, _ms: messages.append(text))
    window.annotating.apply_label("ACTOR")  # nothing selected
    window.browsing.step(1)
    window.annotating.events.delete_event()
    window.annotating.events.start_linking()
    actor = mark(qtbot, window, "قصف مدفعي", Qt.Key.Key_1)
    window.annotating.move_boundary("start earlier")
    mark(qtbot, window, "بلدة", Qt.Key.Key_3)
    window.session.select(actor.id)
    menu = window.annotating.menu_for(actor.id)
    texts += menu_texts(menu) + messages
    stack = window.session.undo_group.activeStack()
    texts += [stack.text(n) for n in range(stack.count())]
    for dialog in (
        transfer.ExportDialog(window, ["samira"]),
        transfer.LabelMapDialog(window, ["ACTOR"], ["PER"]),
    ):
        texts += [dialog.windowTitle(), *widget_texts(dialog)]
        texts += [box.itemText(i) for box in dialog.findChildren(QComboBox)
                  for i in range(box.count())]  # fmt: skip
    data = {*schema_words(window), "samira", "gold", "PER", "problem", "jsonl", "json", "sqlite"}
    data |= {"brat", "webanno", "conll", "csv", "tsv", "txt", "tei", "xml"}  # format names
    left = {t: w for t, w in english_words(texts, data).items() if "—" not in t}  # a format's own
    assert left == {}
    assert len(texts) > 30


def test_qt_own_buttons_are_arabic(arabic):
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() != "Cancel"


def test_english_stays_the_default(make_window):
    window = make_window([ARTICLE])
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.menuBar().actions()[0].text() == "&File"


def test_the_language_is_asked_remembered_or_the_system_s():
    assert language.choose("ar", "en") == "ar"
    assert language.choose(None, "ar") == "ar"
    assert language.choose(None, "") in language.LANGUAGES


def test_gui_takes_a_language():
    import argparse

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    assert parser.parse_args(["gui", "--language", "ar"]).language == "ar"
    with pytest.raises(SystemExit):
        parser.parse_args(["gui", "--language", "fr"])


def test_the_language_and_digits_are_kept_in_the_settings(settings):
    settings.language, settings.digits = "ar", "arabic-indic"
    assert (settings.language, settings.digits) == ("ar", "arabic-indic")


def test_counts_follow_the_digits_setting():
    app = QApplication.instance()
    translators = language.install(app, "en", "arabic-indic")
    try:
        assert language.figure(1234) == "١٬٢٣٤"
    finally:
        language.uninstall(app, translators)
    assert language.figure(1234) == "1,234"


def review_records() -> list[dict]:
    """Two annotators' spans and events over one article: a missing span, a label, an event
    one of them lacks, an event type and an argument they set differently."""
    from tests.ui.test_review_events import TEXT, layer, span

    samira = layer("samira", 1, ["الثردات", "الميادين"])
    omar = layer("omar", 11, ["الثردات"])
    omar[0][3]["label"] = "ACTOR"  # «الميادين»: a label disagreement
    omar[1][0]["attributes"] = {"event_type": "Riots", "sub_event_type": "Mob violence"}
    samira[0].append(span(5, "داعش", "ACTOR", "samira"))  # omar misses it
    samira[1][1]["arguments"][0]["span"] = 5  # the second clash: actor1 «داعش»
    other = {"text": "خبر آخر عن دير الزور", "name": "agreed", "annotations": [
        {"start": 11, "end": 20, "label": "LOCATION", "annotator": a} for a in ("samira", "omar")
    ]}  # fmt: skip
    return [
        {"text": TEXT, "name": "clashes", "annotations": samira[0] + omar[0],
         "events": samira[1] + omar[1]},
        other,
    ]  # fmt: skip


def chart_texts(dialog) -> list[str]:
    from matplotlib.figure import Figure

    texts = []
    for chart in dialog.findChildren(QWidget):
        figure = getattr(chart, "figure", None)
        if isinstance(figure, Figure):
            axes = figure.axes[0]
            texts += [axes.get_title(), axes.get_xlabel(), axes.get_ylabel()]
            legend = axes.get_legend()
            texts += [t.get_text() for t in legend.get_texts()] if legend else []
    return texts


def test_review_mode_in_arabic_has_no_english_left(qtbot, make_window, arabic, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from annotator.ui.review.disagreements import summary

    window = make_window(review_records(), annotator="lead")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, *texts: shown.extend(texts))
    monkeypatch.setattr(QInputDialog, "getInt", lambda _p, *a: shown.extend(a[:2]) or (2, False))
    window.session.message.connect(lambda text, _ms: shown.append(text))
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    view = window.review.view
    assert window.review.active and view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    model = view.model
    kinds = {model.index(row, 0).data() for row in range(model.rowCount())}
    assert {"مقطع ناقص", "وسم", "حدث ناقص"} <= kinds
    for row in range(model.rowCount()):
        view.go_to(row)
        view.accept_version(view.layers.index("omar") + 1)  # omar lacks some of them
    view._span_clicked("samira", view.spans[0].id)
    texts = [view.summary.text(), summary(["samira"], []), *shown]
    texts += widget_texts(view) + [pane.title.text() for pane in view.panes.panes]
    texts += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(5)]
    texts += model_texts(model, range(5))
    listing = window.documents.view.model()
    texts += [str(listing.headerData(c, Qt.Orientation.Horizontal)) for c in range(4)]
    texts += model_texts(listing, range(1, 4))
    window.review.accept_agreed_here()
    window.review.accept_agreed_everywhere()
    dialog = window.review.dashboard()
    qtbot.addWidget(dialog)
    texts += [dialog.windowTitle(), *widget_texts(dialog), *shown, *chart_texts(dialog)]
    tabs = dialog.findChild(QTabWidget)
    texts += [tabs.tabText(i) for i in range(tabs.count())]
    for table in (dialog.pairs, dialog.labels, dialog.worst):
        texts += [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    data = {*schema_words(window), "samira", "omar", "lead", "clashes", "agreed", "PNG", "SVG"}
    assert english_words(texts, data) == {}
    assert any("ليس لدى omar" in text for text in texts)  # the missing event, said in Arabic


def test_the_schema_editor_in_arabic_has_no_english_left(qtbot, make_window, arabic):
    from annotator.ui.schema.editor import SchemaEditor

    window = make_window([ARTICLE])
    dialog = SchemaEditor(window.session.project, "samira", window)
    qtbot.addWidget(dialog)
    texts = [dialog.windowTitle(), *widget_texts(dialog)]
    texts += [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    texts += [dialog.label_list.item(i).toolTip() for i in range(dialog.label_list.count())]
    for box in (dialog.label_tab.kind_combo, dialog.attributes_tab.new_type):
        texts += [box.itemText(i) for i in range(box.count())]
    for label in dialog.project.schema.labels:
        dialog.label_list.setCurrentRow(dialog.project.schema.label_ids.index(label.id))
        for table in (dialog.attributes_tab.table, dialog.roles_tab.table):
            texts += [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
            texts += [table.item(r, c).text() for r in range(table.rowCount())
                      for c in range(1, table.columnCount())]  # fmt: skip
        texts += [dialog.attributes_tab.values_box.title(), dialog.tabs.tabToolTip(2)]
    dialog.label_tab.key_edit.setText("2")  # another label's key: refused
    dialog.label_tab.commit()
    texts.append(dialog.status.text())
    dialog.version_edit.setText("2.0")
    dialog._version_edited()
    texts.append(dialog.status.text())
    data = {*schema_words(window), "samira", "project", "Delete"}  # and the keys
    data |= {"civilian", "targeting", "target"}  # example names: ids are written in Latin
    assert english_words(texts, data) == {}
    assert "لم يتغير" in texts[-2] and "الإرشادات" in texts[-1]


def test_the_team_hub_in_arabic_has_no_english_left(qtbot, make_window, arabic, monkeypatch):
    from datetime import UTC, datetime, timedelta

    from PySide6.QtWidgets import QInputDialog, QTableWidget

    from annotator.ops.hub_setup import HubStatus, Unassigned
    from annotator.ops.hub_window import SyncAttempt
    from annotator.ops.sync_report import SyncReport
    from annotator.store import hub_link
    from annotator.store.hub.server import Standing
    from annotator.store.project import Project
    from annotator.ui.hub_dashboard import HubDashboard
    from annotator.ui.tasks import Outcome

    window = make_window([ARTICLE, {"id": "a2", "text": "اشتباكات في حلب."}])
    folder = window.session.project.folder
    url = "postgresql://samira@127.0.0.1:5432/deirezzor"
    with Project.open(folder) as copy, copy.write():
        synced = datetime.now(UTC) - timedelta(days=3)
        hub_link.link(
            copy, {"hub.url": url, "hub.login": "samira", "hub.synced": synced.isoformat()}
        )
        hub_link.set_assignments(copy, [(2, "samira", True)])
    window.open_project(folder)
    hub, sync, label = window.hub, window.hub.sync, window.hub.label
    texts = menu_texts(window.menuBar().actions()[0].menu())
    model = window.documents.model
    texts += model_texts(model, range(3))  # the document assigned by the hub, first
    assert model.document_id(0) == 2 and model.is_assigned(0) and not model.is_assigned(1)
    for last in (
        None,
        SyncAttempt(problem="", offline=True),
        SyncAttempt(problem="", wants_password=True),
        SyncAttempt(problem=""),
    ):
        sync.last = last
        label.update_text()
        texts += [label.text(), label.toolTip()]
    sync.task = object()  # a sync under way
    label.update_text()
    texts.append(label.text())
    sync.task = None
    for minutes in (0, 5, 120, 60 * 24, 60 * 24 * 5):
        with Project.open(folder) as copy, copy.write():
            when = datetime.now(UTC) - timedelta(minutes=minutes, seconds=5)
            copy.set_meta("hub.synced", when.isoformat())
        sync.last = None
        label.update_text()
        texts.append(label.text())
    assert label.text().startswith("آخر مزامنة")

    report = SyncReport(
        url,
        "samira",
        pushed_layers=2,
        pushed_documents=3,
        pushed_schema=True,
        pulled_documents=4,
        pulled_layers={"omar": 2, "lina": 1},
        pulled_schema=True,
        pushed_comments=2,
        pulled_comments=3,
        assignments=5,
    )
    texts.append(report_words.sync_summary(report))
    texts.append(
        report_words.sync_summary(
            SyncReport(
                url,
                "samira",
                pushed_layers=1,
                pushed_documents=1,
                pulled_documents=1,
                pulled_layers={"omar": 1},
                pushed_comments=1,
                pulled_comments=1,
                assignments=1,
            )
        )
    )
    report.notes += [
        SyncNote("replaced", ("gold", "—", "lina", "—")),
        SyncNote("kept_here", ("samira", "—", "lina")),
        SyncNote("bad_layer", ("omar", "—", "omar", "—")),
        SyncNote("bad_text", ("—",)),
        SyncNote("documents_stay", ("2",)),
        SyncNote("schema_gives_way"),
        SyncNote("others_stay", ("omar",)),
    ]
    sync._tell(SyncAttempt(report), asking=True)
    texts += [sync.notes_box.windowTitle(), sync.notes_box.text()]
    sync.notes_box.close()
    sync._tell(SyncAttempt(problem="—"), asking=True)
    texts.append(window.statusBar().currentMessage())
    asked = []
    monkeypatch.setattr(
        QInputDialog,
        "getText",
        lambda _p, title, said, _echo: asked.extend([title, said]) or ("", False),
    )
    sync.ask_password(sync.state())
    sync.ask_password(sync.state(), refused=True)
    texts += asked

    dialog = hub.clone()
    qtbot.addWidget(dialog)
    texts += [dialog.windowTitle(), *widget_texts(dialog)]
    dialog.clone_button.click()  # nothing given
    texts.append(dialog.status.text())
    dialog.close()

    dashboard = HubDashboard(url, None, window)
    qtbot.addWidget(dashboard)
    status = HubStatus(
        url,
        "deir-ez-zor",
        True,
        [("lina", "lead"), ("samira", "annotator"), ("omar", "annotator")],
        [
            Standing("omar", 2, 1, 0, 1, 0, None),
            Standing("samira", 2, 0, 1, 1, 3, synced.isoformat()),
        ],
    )
    dashboard._finished(Outcome(result=status))
    table = dashboard.findChild(QTableWidget)
    texts += [dashboard.windowTitle(), *widget_texts(dashboard)]
    texts += [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    texts += [table.item(r, c).text() for r in range(table.rowCount()) for c in range(1, 6)]
    synced_cell = texts[-1]

    panel = dashboard.assigning  # as a lead sees it, with every word it can say
    panel.said.disconnect()
    panel.said.connect(lambda said, _changed: texts.append(said))
    panel.show_members([("samira", "lead"), ("omar", "annotator"), ("lina", "annotator")], "samira")
    texts += [panel.title(), *widget_texts(panel)]
    for row in range(panel.names.count()):
        panel.names.item(row).setCheckState(Qt.CheckState.Unchecked)
    panel.assign_button.click()
    panel.names.item(0).setCheckState(Qt.CheckState.Checked)
    panel.per_document.setValue(2)
    panel.assign_button.click()
    for result in (Unassigned(3, 1), 5, 0):
        panel._finished(Outcome(result=result))
    assert len(texts[-5:]) == 5 and all(texts[-5:])
    names = " ".join(model.index(row, 0).data() for row in range(model.rowCount()))
    data = {"samira", "omar", "lina", "postgresql", "deirezzor", "deir", "ez", "zor"}
    data |= set(re.findall(r"[A-Za-z]{2,}", names))  # the documents' names
    data |= {"PGPASSWORD", "pgpass", "NAME", "HOST", "DATABASE"}  # what libpq and a URL say
    assert english_words(texts, data) == {}
    assert "منذ" in synced_cell or "لم يزامن" in synced_cell
    assert len(texts) > 40


def test_import_merge_and_sync_reports_are_said_in_arabic(arabic):
    from annotator.ops.importing import ImportReport
    from annotator.ops.merge_report import LayerReport, MergeReport
    from annotator.ops.sync_report import SyncReport

    imported = ImportReport(
        documents_added=3,
        documents_matched=1,
        spans_added=40,
        spans_already_there=2,
        events_added=5,
        relations_added=1,
        threads_added=2,
        labels_added=["WEAPON"],
    )
    merged = MergeReport("colleague.jsonl", documents_matched=4, documents_added=1)
    merged.layers["omar"] = LayerReport(documents=3, unchanged=1, spans_added=7)
    merged.threads_added, merged.comments_added = 1, 2
    synced = SyncReport(
        "postgresql://samira@db/lab",
        "samira",
        pushed_layers=1,
        pulled_layers={"omar": 2},
        pulled_comments=1,
        assignments=3,
    )
    texts = [
        report_words.import_summary(imported),
        *report_words.merge_lines(merged, "colleague.jsonl"),
        report_words.sync_summary(synced),
    ]
    data = {"WEAPON", "colleague", "jsonl", "omar"}  # names are shown as they are
    assert english_words(texts, data) == {}
    assert "أُضيف 40 من المقاطع" in texts[0]
    assert texts[1].startswith("دُمج colleague.jsonl")
