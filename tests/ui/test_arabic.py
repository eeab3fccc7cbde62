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
buttons, and the status line's reports and refusals); the discussion threads' titles, the
place panel and its undo texts, the suggestions panel, the export's list of formats, the
backups listed to restore, the sample project's name, and the common troubles' sentences.

Data is allowed only as whole names: the schema's label ids and names, attribute names and
values, role names (and, where the guidelines show them, its descriptions as whole texts);
the names of documents, people, places and formats; never a word found anywhere in it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QLocale, Qt
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
from annotator.core import schema as schemas
from annotator.ops import formats_offered
from annotator.ops.sync_report import SyncNote
from annotator.shipped import resource
from annotator.ui import language, report_words
from tests.ui.test_coding import mark

ARTICLE = {"id": "a1", "text": "قصف مدفعي على بلدة الميادين شرق دير الزور."}
SHORTCUT = re.compile(  # keys keep their names (in Arabic, «و» may join one: «وShift+F4»)
    r"(?<![A-Za-z])(Ctrl|Shift|Alt|Enter|Esc|Tab|Backspace|Delete|F\d+)(?![A-Za-z])"
)
TOOLS = {  # the names of formats and tools, written as they write them
    "JSONL", "JSON", "CoNLL", "CoNLL-U", "BIO", "UD", "MISC", "spaCy", "DocBin", "Hugging Face",
    "brat", "doccano", "Label Studio", "WebAnno", "TSV", "INCEpTION", "UIMA", "CAS", "XMI",
    "TypeSystem.xml", "Excel", "pandas", "GeoJSON", "txt", "ann",
}  # fmt: skip


@pytest.fixture
def arabic():
    app = QApplication.instance()
    translators = language.install(app, "ar")
    yield
    language.uninstall(app, translators)


def english_left(text: str, data: set[str]) -> list[str]:
    """The English words of ``text`` once the names in ``data`` are taken out, each only where
    it stands whole: ``actor1`` in «actor1 → …», never «actor» inside «actors» or «of» from a
    description."""
    for name in sorted(data, key=len, reverse=True):
        text = re.sub(rf"(?<![A-Za-z0-9_]){re.escape(name)}(?![A-Za-z0-9_])", " ", text)
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
    for table in (window.documents.view, window.annotations, window.events_panel.table):
        model = table.model()
        columns = range(model.columnCount())
        texts += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns]
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
    data = {"samira", "a1", *language.LANGUAGES.values()}  # own names
    left = {t: english_left(t, data) for t in window_texts(window) if english_left(t, data)}
    assert left == {}


def schema_names(window) -> set[str]:
    """What the schema names, shown as the schema says it: label ids and names, attribute
    names and values, role names (never the words of its descriptions)."""
    names: set[str] = set()
    for label in window.session.schema.labels:
        names |= {label.id, *label.names.values(), *(role.name for role in label.roles)}
        for attribute in label.attributes:
            shown = attribute.name.replace("_", " ")  # as the coding panel captions it
            names |= {attribute.name, shown, *attribute.values, *attribute.values_by}
            names |= {value for values in attribute.values_by.values() for value in values}
    return names


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
        words = english_left(text, data)
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
    data = {*schema_names(window), "samira", "a1", "a2"}
    schema = window.session.schema  # the guidelines, as the schema's author wrote them
    data |= {schema.name, schema.description}
    for label in schema.labels:
        data |= {label.description, *label.examples}
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
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda _p, *a, **_k: record(*a[:2], *a[2]) or ("", False)
    )  # its title, its question and every choice
    for name in ("getSaveFileName", "getOpenFileName", "getOpenFileNames"):
        monkeypatch.setattr(QFileDialog, name, lambda _p, *a, **k: record(*a[:1]) or ("", ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda _p, *a: record(*a) or "")
    messages: list[str] = []
    window.session.message.connect(lambda text, _ms: messages.append(text))
    project_actions.new_project(window, window.session)
    project_actions.choose_and_open(window, window.session)
    project_actions.restore(window, window.session)  # no backups yet
    project_actions.back_up(window, window.session)
    before = len(asked)
    project_actions.restore(window, window.session)  # the backups listed, to choose one
    listed = asked[before + 2 :]
    assert listed and all("المستندات: 1" in backup for backup in listed)
    transfer.import_files(window, window.session)
    transfer.import_folder(window, window.session)
    transfer.merge(window, window.session)
    people.switch_annotator(window, window.session, window.settings)
    people.view_layer(window, window.session)
    browsing.confirm_done(window, [f"problem {n}" for n in range(14)])
    window.annotating.events.new_event_without_word()
    texts = list(asked)
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
    offered = formats_offered.readable() + formats_offered.writable()
    formats = {f.name for f in offered} | {e.lstrip(".") for f in offered for e in f.extensions}
    data = {*schema_names(window), *schemas.PRESETS, "samira", "gold", "PER", "problem"}
    data |= {*formats, *TOOLS, "sqlite"}
    assert english_words(texts, data) == {}
    assert any("geojson — " in text for text in texts)  # the export's formats were read
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
    before = QLocale()
    try:
        QLocale.setDefault(QLocale("ar_SY"))  # an Arabic system, no choice made
        assert language.choose(None, "") == "ar"
        assert language.choose(None, "en") == "en"  # a choice made beats the system's
        QLocale.setDefault(QLocale("en_GB"))
        assert language.choose(None, "") == "en"
        QLocale.setDefault(QLocale("fr_FR"))  # no catalogue for it: English
        assert language.choose(None, "") == "en"
    finally:
        QLocale.setDefault(before)


def test_the_language_menu_keeps_the_choice_for_the_next_start(make_window, settings, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    noted: list[tuple] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, *texts: noted.append(texts))
    window = make_window([ARTICLE])
    view = window.menu_actions.view
    menus = {a.menu().title(): a.menu() for a in view.actions() if a.menu() is not None}
    languages = {a.data(): a for a in menus["&Language"].actions()}
    assert set(languages) == {"", "en", "ar"} and languages[""].isChecked()
    languages["ar"].trigger()
    assert settings.language == "ar" and len(noted) == 1  # from the next start, it says
    assert language.choose(None, settings.language) == "ar"
    languages[""].trigger()
    assert settings.language == ""
    digits = {a.data(): a for a in menus["&Digits in counts"].actions()}
    digits["arabic-indic"].trigger()
    assert settings.digits == "arabic-indic"


def test_gui_language_ar_is_kept_for_the_next_start(tmp_path):
    from annotator.core.schema import load_preset
    from annotator.store.project import Project
    from annotator.ui.settings import Settings
    from tests.ui.test_app import run_app

    folder = tmp_path / "project"
    Project.create(folder, load_preset("conflict")).close()
    kept = tmp_path / "config" / "annotator" / "annotator.conf"  # the window's settings
    english = {"LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"}
    started = run_app(tmp_path, "gui", str(folder), "--annotator", "samira", "--language", "ar")
    assert started.returncode == 0, started.stderr
    assert Settings(kept).language == "ar"
    again = run_app(tmp_path, "gui", str(folder), "--annotator", "samira", **english)
    assert again.returncode == 0, again.stderr
    assert Settings(kept).language == "ar"  # kept, though the system speaks English
    back = run_app(tmp_path, "gui", str(folder), "--annotator", "samira", "--language", "en")
    assert back.returncode == 0 and Settings(kept).language == "en"


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
    texts += [str(listing.headerData(c, Qt.Orientation.Horizontal)) for c in range(3)]
    texts += model_texts(listing, range(3))  # the names, figures, and who annotated each
    window.review.accept_agreed_here()
    window.review.accept_agreed_everywhere()
    dialog = window.review.dashboard()
    qtbot.addWidget(dialog)
    texts += [dialog.windowTitle(), *widget_texts(dialog), *shown, *chart_texts(dialog)]
    tabs = dialog.findChild(QTabWidget)
    texts += [tabs.tabText(i) for i in range(tabs.count())]
    for table in (dialog.pairs, dialog.labels, dialog.worst):
        texts += [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    data = {*schema_names(window), "samira", "omar", "lead", "clashes", "agreed", "PNG", "SVG"}
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
    data = {*schema_names(window), "samira", "project", "Delete"}  # and the keys
    data |= {"civilian_targeting", "target"}  # examples of names: ids are written in Latin
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


def test_the_document_list_counts_follow_the_digits_setting(qtbot, make_window):
    app = QApplication.instance()
    translators = language.install(app, "ar", "arabic-indic")
    try:
        window = make_window([ARTICLE, {"id": "a2", "text": "اشتباكات في حلب."}])
        mark(qtbot, window, "قصف مدفعي", Qt.Key.Key_1)
        mark(qtbot, window, "الميادين", Qt.Key.Key_2)
        model = window.documents.model
        counts = [model.index(row, 2).data() for row in range(model.rowCount())]
    finally:
        language.uninstall(app, translators)
    assert counts == ["٢", "٠"]


def test_the_sample_project_is_named_in_arabic(qtbot, tmp_path, settings, arabic):
    from annotator.core.schema import load_preset
    from annotator.shipped import SAMPLE_NAME
    from annotator.store.project import Project
    from annotator.ui.main_window import MainWindow

    folder = tmp_path / "sample"
    Project.create(folder, load_preset("conflict"), SAMPLE_NAME).close()
    window = MainWindow(settings, "samira")
    qtbot.addWidget(window)
    window.open_project(folder)
    assert english_left(window.windowTitle(), {"annotator", "samira"}) == []
    assert window.windowTitle().startswith(language.project_name(SAMPLE_NAME))


def test_discussion_threads_in_arabic_have_no_english_left(qtbot, make_window, arabic):
    from tests.ui.test_window import press

    window = make_window([ARTICLE])
    actor = mark(qtbot, window, "قصف مدفعي", Qt.Key.Key_1)
    panel = window.discussion
    window.session.select(actor.id)
    panel.body.setPlainText("فاعل أم حدث؟")
    panel.on_span.click()
    panel.body.setPlainText("خبر من مصدر واحد")
    panel.on_document.click()
    panel.on_document.click()  # nothing written: the box says to write first
    texts = [panel.body.placeholderText()]
    panel.tree.setCurrentItem(panel.tree.topLevelItem(1))
    panel.resolve_button.click()
    window.session.select(actor.id)
    press(qtbot, window, Qt.Key.Key_Delete)  # the span a thread is on goes
    panel.refresh()
    titles = [panel.tree.topLevelItem(n).text(0) for n in range(panel.tree.topLevelItemCount())]
    assert len(titles) == 2 and any("فاعل" in title for title in titles)
    texts += titles + widget_texts(panel)
    data = {*schema_names(window), "samira"}
    assert english_words(texts, data) == {}


def test_the_place_panel_in_arabic_has_no_english_left(
    qtbot, tmp_path, settings, arabic, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from tests.places.gazetteer_file import PLACES
    from tests.ui.test_places import select, window_with_places

    window = window_with_places(qtbot, tmp_path, settings)
    refused: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, *texts: refused.extend(texts))
    panel = window.place_panel
    select(window, "دير الزور")
    texts = [panel.title.text(), panel.where.text(), *widget_texts(panel)]
    texts += [panel.candidates.item(n).text() for n in range(panel.candidates.count())]
    panel.candidates.itemActivated.emit(panel.candidates.item(0))
    texts.append(panel.where.text())
    panel.coordinates.setText("35.1، 40.2")
    panel.coordinates.returnPressed.emit()
    panel.coordinates.setText("35.1")  # one figure: refused
    panel.coordinates.returnPressed.emit()
    panel.clear_button.click()
    stack = window.session.undo_group.activeStack()
    undo = [stack.text(n) for n in range(stack.count())]
    assert len(undo) == 3 and len(refused) == 2
    texts += [*refused, *undo, panel.where.text()]
    data = {*schema_names(window), "samira"}
    data |= {word for place in PLACES for word in (place.name, place.ascii, place.feature_code)}
    data |= {place.country for place in PLACES}
    assert english_words(texts, data) == {}


def test_the_suggestions_panel_in_arabic_has_no_english_left(qtbot, make_window, arabic):
    from tests.ui.test_suggestions import choose, key, open_with_suggestions

    window = open_with_suggestions(qtbot, make_window)
    messages: list[str] = []
    window.session.message.connect(lambda text, _ms: messages.append(text))
    choose(qtbot, window, "حمص")
    key(qtbot, window, Qt.Key.Key_Backspace)
    choose(qtbot, window, "حلب")
    key(qtbot, window, Qt.Key.Key_Return)
    panel = window.suggestions_panel
    table = panel.table
    texts = [*widget_texts(panel), *messages]
    texts += [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    texts += [cell for row in panel.rows() for cell in row]
    stack = window.session.undo_group.activeStack()
    texts += [stack.text(n) for n in range(stack.count())]
    assert len(panel.rows()) == 1
    data = {*schema_names(window), "samira", "crf"}
    assert english_words(texts, data) == {}


def test_common_troubles_are_said_in_arabic_before_their_details(
    qtbot, make_window, arabic, monkeypatch, tmp_path
):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from annotator.ops import backing_up
    from annotator.store.project import Project
    from annotator.ui import project_actions, transfer
    from annotator.ui.trouble_words import HEADLINES, explained
    from tests.conftest import write_jsonl

    window = make_window([ARTICLE])
    folder = window.session.project.folder
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _title, text: warned.append(text))
    project_actions.open_folder(window, window.session, tmp_path / "nowhere")
    transfer.run_import(window, window.session, [str(tmp_path / "missing.jsonl")])
    backing_up.back_up(folder)
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _q, items, *_a: (items[0], True))
    with Project.open(folder):  # another program has it while the backup is put back
        project_actions.restore(window, window.session)
    assert window.session.project is not None  # opened again
    bad = write_jsonl(tmp_path / "bad.jsonl", [{"text": 1}])
    transfer.run_import(window, window.session, [str(bad)])  # its content is refused
    assert len(warned) == 4
    said = [text.split("\n\n", 1) for text in warned[:3]]
    assert english_words([headline for headline, _detail in said], set()) == {}
    details = [detail for _headline, detail in said]
    assert "no project here" in details[0] and "missing.jsonl" in details[1]
    assert "open elsewhere" in details[2]
    assert warned[3].startswith(str(bad))  # as it comes: a file's content, in its own words
    assert english_words([explained("", kind) for kind in HEADLINES], set()) == {}
