"""The team hub in the window, against a real PostgreSQL server: cloning, Sync now and the
background sync, the status bar's word on the hub, assignments first in the list, and the
hub's standing per annotator."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QInputDialog, QLineEdit

from annotator.core.model import Status
from annotator.ops import editing, hub_setup, syncing
from annotator.store.project import Project
from annotator.ui import hub_sync
from annotator.ui.hub_label import ago
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from tests.hub.conftest import ARTICLES, make_source, make_team
from tests.hub.test_team_week import document_id, label_word
from tests.ui.painted import differences
from tests.ui.test_window import select

SYNC_KEY = "Ctrl+Shift+S"


@pytest.fixture(autouse=True)
def no_sync_at_opening(monkeypatch):
    """Syncs start when a test says so (one test looks at the sync made after opening)."""
    monkeypatch.setattr(hub_sync, "FIRST_SYNC_MS", 10 * 60 * 1000)


@pytest.fixture
def open_window(qtbot, tmp_path):
    def make(folder, annotator: str) -> MainWindow:
        window = MainWindow(Settings(tmp_path / f"{annotator}.ini"), annotator)
        qtbot.addWidget(window)
        if folder is not None:
            window.open_project(folder)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return window

    return make


def action_of(window, sequence: str):
    found = [a for a in window.actions() if any(s.toString() == sequence for s in a.shortcuts())]
    assert len(found) == 1, f"{len(found)} actions have the shortcut {sequence}"
    return found[0]


def sync_in(qtbot, window, how=None):
    """Press Sync now (or start the sync another way) and wait for it to end."""
    with qtbot.waitSignal(window.hub.sync.synced, timeout=30000) as done:
        (how or action_of(window, SYNC_KEY).trigger)()
    return done.args[0]


def show(window, name: str) -> None:
    window.session.show_document(document_id(window.session.project, name))


def list_names(window) -> list[str]:
    model = window.documents.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_sync_now_paints_a_colleague_s_layer_in_the_lead_s_window(
    qtbot, lab, tmp_path, open_window
):
    team = make_team(lab, tmp_path)
    amal = lab.name("amal")
    window = open_window(team.source, team.lead)
    show(window, "deir-1")
    window.session.show_layer(amal)
    assert window.session.spans == []
    with Project.open(team.copies["amal"]) as mine:
        label_word(mine, "deir-1", amal, "LOCATION", "الثردات")
        label_word(mine, "deir-1", amal, "ACTOR", "الجيش")
        assert syncing.sync(mine).pushed_layers == 1

    attempt = sync_in(qtbot, window)

    assert attempt.ok and attempt.report.pulled_layers == {amal: 1}
    session = window.session
    assert sorted(s.text for s in session.spans) == ["الثردات", "الجيش"]
    stored = session.project.spans.for_document(session.document_id, amal)
    colors = session.colors
    assert differences(window.text_view, session.text, stored, colors, session.selected) == []
    row = window.documents.model.row_of(session.document_id)
    assert window.documents.model.index(row, 2).data() == "2"  # amal's spans, as listed
    assert f"{amal}: 1" in window.statusBar().currentMessage()
    assert window.hub.label.text() == "synced just now"


def test_the_status_bar_says_when_the_copy_synced_or_that_it_is_offline(
    qtbot, lab, tmp_path, open_window
):
    team = make_team(lab, tmp_path, annotators=("amal",))
    amal = lab.name("amal")
    window = open_window(team.copies["amal"], amal)
    label = window.hub.label
    assert label.isVisible() and label.text() == "synced just now"
    assert lab.url(amal) in label.toolTip() and amal in label.toolTip()
    assert label.clock.isActive() and label.clock.interval() == 30_000
    with Project.open(team.copies["amal"]) as mine, mine.write():
        two_minutes = datetime.now(UTC) - timedelta(minutes=2, seconds=5)
        mine.set_meta("hub.synced", two_minutes.isoformat(timespec="milliseconds"))
    label.update_text()  # as its clock does every 30 s
    assert label.text() == "synced 2 min ago"

    action_of(window, SYNC_KEY).trigger()
    assert label.text() == "syncing…"
    qtbot.waitUntil(lambda: not window.hub.sync.running, timeout=30000)
    assert label.text() == "synced just now"

    with Project.open(team.copies["amal"]) as mine:
        label_word(mine, "deir-1", amal, "LOCATION", "الثردات")
        label_word(mine, "deir-2", amal, "LOCATION", "دير الزور")
        url = mine.meta("hub.url")
        with mine.write():
            mine.set_meta("hub.url", url.replace(str(lab.cluster.port), "1"))
    attempt = sync_in(qtbot, window)
    assert attempt.offline and not attempt.ok
    assert label.text() == "offline: 2 changes waiting"
    assert "cannot reach the hub" in label.toolTip()
    assert "\n" not in attempt.problem and "Traceback" not in attempt.problem

    with Project.open(team.copies["amal"]) as mine, mine.write():
        mine.set_meta("hub.url", url)
    attempt = sync_in(qtbot, window)
    assert attempt.ok and attempt.report.pushed_layers == 2
    assert label.text() == "synced just now"


def test_a_project_that_is_no_hub_copy_shows_nothing_of_a_hub(qtbot, tmp_path, open_window):
    from tests.hub.conftest import make_source

    window = open_window(make_source(tmp_path / "alone"), "samira")
    assert not window.hub.label.isVisible() and window.hub.label.text() == ""
    assert not window.hub.sync_action.isEnabled() and not window.hub.status_action.isEnabled()
    assert window.hub.clone_action.isEnabled()
    assert not window.hub.sync.sync_now()
    assert window.hub.show_status() is None


def test_the_password_is_asked_only_when_the_server_wants_one_and_kept_for_the_session(
    qtbot, lab, tmp_path, open_window, monkeypatch
):
    team = make_team(lab, tmp_path, annotators=("amal",))
    amal = lab.name("amal")
    lab.pgpass.write_text("")  # nothing where libpq looks: the window must ask
    asked = []
    answers = iter([("not-it", True), (f"{amal}-pw", True)])

    def get_text(_parent, _title, label, echo):
        asked.append((label, echo))
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    window = open_window(team.copies["amal"], amal)

    attempt = sync_in(qtbot, window, window.hub.sync.start)  # in the background: nobody asked
    assert attempt.wants_password and asked == []
    assert window.hub.label.text().startswith("not synced: the hub wants a password")

    attempt = sync_in(qtbot, window)  # Sync now: asked, refused, asked again
    assert attempt.ok
    assert [echo for _, echo in asked] == [QLineEdit.EchoMode.Password] * 2
    assert "asks for a password" in asked[0][0] and "refused" in asked[1][0]
    assert amal in asked[0][0]
    assert window.hub.sync.passwords == {lab.url(amal): f"{amal}-pw"}
    with Project.open(team.copies["amal"]) as mine:
        assert f"{amal}-pw" not in str(list(mine.db.conn.iterdump()))

    assert sync_in(qtbot, window).ok and len(asked) == 2  # kept: not asked again
    dashboard = window.hub.show_status()
    qtbot.waitUntil(lambda: dashboard.call is None, timeout=30000)
    assert dashboard.table.rowCount() >= 1 and dashboard.table.item(0, 0).text() == amal


def test_a_sync_starts_shortly_after_opening_and_never_two_at_once(
    qtbot, lab, tmp_path, open_window, monkeypatch
):
    team = make_team(lab, tmp_path)
    amal, omar = lab.name("amal"), lab.name("omar")
    with Project.open(team.copies["omar"]) as theirs:
        label_word(theirs, "deir-2", omar, "LOCATION", "دير الزور")
        syncing.sync(theirs)
    monkeypatch.setattr(hub_sync, "FIRST_SYNC_MS", 50)
    window = open_window(None, amal)
    sync = window.hub.sync
    with qtbot.waitSignal(sync.synced, timeout=30000) as done:
        window.open_project(team.copies["amal"])
        assert sync.timer.isActive() and sync.timer.interval() == 5 * 60 * 1000
        qtbot.waitUntil(lambda: sync.running, timeout=5000)
        assert not sync.start() and not sync.sync_now()  # one at a time
        show(window, "deir-1")  # the window goes on meanwhile: an edit is saved
        text = ARTICLES["deir-1"]
        window.text_view.select_range(text.index("الجيش"), text.index("الجيش") + len("الجيش"))
        window.annotating.apply_label("ACTOR")
    assert done.args[0].ok and done.args[0].report.pulled_layers == {omar: 1}
    project = window.session.project
    assert [s.text for s in project.spans.for_document(document_id(project, "deir-1"), amal)] == [
        "الجيش"
    ]
    window.session.show_layer(omar)
    show(window, "deir-2")
    assert [s.text for s in window.session.spans] == ["دير الزور"]


def test_the_documents_assigned_to_me_come_first_and_are_marked(qtbot, lab, tmp_path, open_window):
    team = make_team(lab, tmp_path, annotators=("amal",))
    amal = lab.name("amal")
    pairs = tmp_path / "assign.csv"
    pairs.write_text(f"deir-4,{amal}\ndeir-3,{amal}\n", encoding="utf-8")
    assert hub_setup.assign(lab.url(team.lead), from_file=pairs) == 2
    window = open_window(team.copies["amal"], amal)
    assert list_names(window) == ["deir-1", "deir-2", "deir-3", "deir-4"]

    assert sync_in(qtbot, window).report.assignments == 2

    assert list_names(window) == ["deir-3", "deir-4", "deir-1", "deir-2"]
    model = window.documents.model
    fonts = [model.index(row, 0).data(Qt.ItemDataRole.FontRole) for row in range(4)]
    assert [isinstance(f, QFont) and f.bold() for f in fonts] == [True, True, False, False]
    assert amal in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    show(window, "deir-4")
    assert window.status.position.text() == "2 / 4"
    assert window.documents.view.currentIndex().row() == 1
    action_of(window, "PgDown").trigger()
    assert window.session.document.name == "deir-1"
    assert window.documents.view.currentIndex().row() == 2
    action_of(window, "PgUp").trigger()
    action_of(window, "PgUp").trigger()
    assert window.session.document.name == "deir-3"


def test_the_hub_status_shows_where_each_annotator_stands(qtbot, lab, tmp_path, open_window):
    team = make_team(lab, tmp_path)
    amal, omar = lab.name("amal"), lab.name("omar")
    hub_setup.assign(lab.url(team.lead), [amal, omar], per_document=1)  # deir-1, 3 / 2, 4
    with Project.open(team.copies["amal"]) as mine:
        syncing.sync(mine)
        label_word(mine, "deir-1", amal, "LOCATION", "الثردات")
        editing.set_status(mine, document_id(mine, "deir-1"), amal, Status.DONE)
        label_word(mine, "deir-3", amal, "LOCATION", "البوكمال")
        syncing.sync(mine)
    window = open_window(team.source, team.lead)
    assert window.hub.status_action.isEnabled()

    window.hub.status_action.trigger()
    dashboard = window.hub.dashboard
    assert dashboard.isVisible() and not dashboard.isModal()
    qtbot.waitUntil(lambda: dashboard.call is None, timeout=30000)

    table = dashboard.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Annotator", "Assigned", "Done", "In progress", "Untouched", "Last sync"]
    rows = {
        table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 6)]
        for r in range(table.rowCount())
    }
    assert rows[amal] == ["2", "1", "1", "0", "just now"]
    assert rows[omar] == ["2", "0", "0", "2", "just now"]
    assert team.lead in dashboard.heading.text() and amal in dashboard.heading.text()


def test_clone_from_a_hub_makes_a_copy_and_opens_it(qtbot, lab, tmp_path, open_window):
    team = make_team(lab, tmp_path, annotators=())
    sara = lab.name("sara")
    hub_setup.add_user(lab.admin, sara, "annotator", "sara-pw")  # not in ~/.pgpass
    window = open_window(None, sara)
    assert "Clone from a hub…" in [
        a.text().replace("&", "") for a in window.menuBar().actions()[0].menu().actions()
    ]
    dialog = window.hub.clone()
    assert dialog.isVisible()
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password

    dialog.clone_button.click()
    assert "Give the hub's URL" in dialog.status.text()  # nothing given yet

    folder = tmp_path / "sara-copy"
    dialog.url.setText(lab.url(sara))
    dialog.password.setText("not-it")
    dialog.folder.setText(str(folder))
    dialog.clone_button.click()
    assert not dialog.url.isEnabled()  # while it clones
    qtbot.waitUntil(lambda: dialog.call is None, timeout=30000)
    assert "password" in dialog.status.text() and "\n" not in dialog.status.text()
    assert dialog.isVisible() and not folder.exists()  # nothing half made is left

    dialog.password.setText("sara-pw")
    with qtbot.waitSignal(window.session.projectChanged, timeout=30000):
        dialog.clone_button.click()
    assert not dialog.isVisible()
    project = window.session.project
    assert project.folder == folder and project.documents.count() == len(ARTICLES)
    assert window.session.document is not None
    assert window.hub.sync.passwords == {lab.url(sara): "sara-pw"}
    assert window.hub.sync_action.isEnabled()
    assert window.hub.label.text() == "synced just now"
    assert "sara-pw" not in str(list(project.db.conn.iterdump()))
    assert team.lead not in window.hub.label.text()


def test_relative_times_read_as_a_person_says_them():
    now = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    for delta, said in [
        (timedelta(seconds=20), "just now"),
        (timedelta(minutes=2, seconds=40), "2 min ago"),
        (timedelta(hours=3, minutes=5), "3 h ago"),
        (timedelta(days=1, hours=2), "1 day ago"),
        (timedelta(days=9), "9 days ago"),
    ]:
        assert ago((now - delta).isoformat(), now) == said
    assert ago("2025-03-01 11:57:50.5+00", now) == "2 min ago"  # as the server writes it
    assert ago(None) == ""


def test_a_hub_copy_is_annotated_as_its_login_whatever_name_the_window_was_given(
    qtbot, lab, tmp_path, open_window
):
    team = make_team(lab, tmp_path, annotators=("amal",))
    amal = lab.name("amal")
    window = open_window(team.copies["amal"], "someone else")
    assert window.status.who.text() == f"Annotator: {amal}"
    show(window, "deir-2")
    word = "دوار الحلبية"
    start = ARTICLES["deir-2"].index(word)
    select(window, start, start + len(word))
    qtbot.keyClicks(window.text_view, "2")  # the label key of LOCATION
    doc = document_id(window.session.project, "deir-2")
    assert [s.text for s in window.session.project.spans.for_document(doc, amal)] == [word]
    attempt = sync_in(qtbot, window)
    assert attempt.report.pushed_layers == 1  # amal's layer: hers to send
    window.open_project(team.source)  # the lead's copy: annotated as the lead
    assert window.status.who.text() == f"Annotator: {team.lead}"
    window.open_project(make_source(tmp_path / "plain"))  # no hub: the name given
    assert window.status.who.text() == "Annotator: someone else"


def standing_of(lab, team) -> dict[str, int]:
    """Each annotator's assigned documents, as the hub counts them."""
    return {s.annotator: s.assigned for s in hub_setup.status(lab.url(team.lead)).standing}


def test_a_lead_deals_out_documents_from_the_hub_status(qtbot, lab, tmp_path, open_window):
    team = make_team(lab, tmp_path)
    amal, omar = lab.name("amal"), lab.name("omar")
    window = open_window(team.source, team.lead)
    dashboard = window.hub.show_status()
    qtbot.waitUntil(lambda: dashboard.call is None, timeout=30000)
    panel = dashboard.assigning
    assert panel.isVisible() and panel.title() == "Assign documents"
    assert [panel.names.item(r).text() for r in range(panel.names.count())] == [amal, omar]
    assert panel.chosen() == [amal, omar]  # everyone ticked at first

    panel.names.item(0).setCheckState(Qt.CheckState.Unchecked)
    panel.names.item(1).setCheckState(Qt.CheckState.Unchecked)
    panel.assign_button.click()
    assert dashboard.status.text() == "Tick at least one annotator."
    assert standing_of(lab, team) == {amal: 0, omar: 0}

    panel.names.item(0).setCheckState(Qt.CheckState.Checked)
    panel.per_document.setValue(2)  # both of them on every document: one is not enough
    panel.assign_button.click()
    assert dashboard.status.text() == "Tick as many annotators as there are to be per document (2)."
    panel.names.item(1).setCheckState(Qt.CheckState.Checked)
    panel.assign_button.click()
    qtbot.waitUntil(lambda: panel.call is None and dashboard.call is None, timeout=30000)
    assert dashboard.status.text().startswith("8 new assignments")
    table = dashboard.table
    shown = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert shown == {amal: "4", omar: "4"}  # the table was read again
    assert standing_of(lab, team) == {amal: 4, omar: 4}

    panel.assign_button.click()  # every document has its annotators now
    qtbot.waitUntil(lambda: panel.call is None, timeout=30000)
    assert dashboard.status.text() == "Every document has its annotators: nothing to assign."

    with Project.open(team.copies["amal"]) as mine:  # amal begins one of hers
        syncing.sync(mine)
        label_word(mine, "deir-1", amal, "LOCATION", "الثردات")
        syncing.sync(mine)
    panel.names.item(1).setCheckState(Qt.CheckState.Unchecked)  # amal only
    panel.end_button.click()
    qtbot.waitUntil(lambda: panel.call is None and dashboard.call is None, timeout=30000)
    assert dashboard.status.text() == "3 assignments ended; 1 begun ones kept."
    assert standing_of(lab, team) == {amal: 1, omar: 4}


def test_an_annotator_s_hub_status_offers_no_assigning(qtbot, lab, tmp_path, open_window):
    team = make_team(lab, tmp_path)
    window = open_window(team.copies["amal"], lab.name("amal"))
    dashboard = window.hub.show_status()
    qtbot.waitUntil(lambda: dashboard.call is None, timeout=30000)
    assert team.lead in dashboard.heading.text()  # the hub's standing was read
    assert dashboard.isVisible() and not dashboard.assigning.isVisible()
