"""The search panel: matches in context, right to left for Arabic, never as HTML, and a
choice that names the article and the characters of the match."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.core.errors import ProjectError
from annotator.core.schema import load_preset
from annotator.ops.importing import import_files
from annotator.store import backups
from annotator.store.project import Project
from annotator.ui.panels import search as search_panel
from annotator.ui.panels.search import MATCH_ROLE, SearchPanel
from tests.conftest import write_jsonl

ARTICLES = [
    {"name": "airstrike", "text": "😀👨\u200d👩\u200d👧 قصفت طائرات حربية بدير الزور صباح اليوم"},
    {
        "name": "markup",
        "text": "Troops <b>entered</b> <img src=x onerror=alert(1)> Deir ez-Zor &amp; left",
    },
    {"name": "nothing", "text": "لا شيء هنا"},
]


@pytest.fixture
def panel(qtbot, project, tmp_path):
    import_files(project, [write_jsonl(tmp_path / "articles.jsonl", ARTICLES)])
    widget = SearchPanel()
    qtbot.addWidget(widget)
    widget.resize(400, 500)
    widget.show()
    widget.set_project(project)
    yield widget
    widget.set_project(None)


def rows(panel: SearchPanel) -> list[str]:
    model = panel.model
    return [model.data(model.index(row)) for row in range(model.rowCount())]


def test_a_match_after_emoji_is_chosen_with_its_code_point_offsets(panel, qtbot):
    panel.search("دير الزور")
    assert rows(panel) == ["😀👨\u200d👩\u200d👧 قصفت طائرات حربية بدير الزور صباح اليوم"]
    index = panel.model.index(0)
    rect = panel.view.visualRect(index)
    with qtbot.waitSignal(panel.matchChosen) as chosen:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    document_id, start, end = chosen.args
    text = ARTICLES[0]["text"]
    assert (start, end) == (text.index("دير الزور"), text.index("دير الزور") + 9)
    assert panel.project.documents.get(document_id).name == "airstrike"


def test_arabic_context_is_set_right_to_left_and_latin_left_to_right(panel):
    panel.search("الزور")
    arabic = panel.model.data(panel.model.index(0), Qt.ItemDataRole.TextAlignmentRole)
    assert arabic & Qt.AlignmentFlag.AlignRight
    panel.search("deir")
    latin = panel.model.data(panel.model.index(0), Qt.ItemDataRole.TextAlignmentRole)
    assert latin & Qt.AlignmentFlag.AlignLeft


def test_markup_in_an_article_is_shown_as_the_characters_it_is(panel, qtbot):
    panel.search("Deir")
    (shown,) = rows(panel)
    assert "<img src=x onerror=alert(1)> Deir ez-Zor &amp; left" in shown
    panel.view.grab()  # painting it must not interpret it either (no HTML path exists)
    panel.search("<b>entered</b>")
    assert panel.status.textFormat() == Qt.TextFormat.PlainText
    assert panel.model.data(panel.model.index(0), MATCH_ROLE)[0] == 2


def test_typing_searches_after_a_pause_and_says_how_many_articles(panel, qtbot):
    panel.field.insert("قصفت")  # as an input method types it (key clicks are ASCII only)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.status.text() == "1 article"
    panel.field.clear()
    panel.field.insert("أميركا")
    qtbot.waitUntil(lambda: panel.status.text() == "No article has \u2068«أميركا»\u2069.")
    assert panel.model.rowCount() == 0


def test_more_articles_are_fetched_as_the_list_is_scrolled(panel, project, tmp_path, monkeypatch):
    monkeypatch.setattr(panel.model, "page", 5)
    more = [{"text": f"غارة على الميادين رقم {n}"} for n in range(12)]
    import_files(project, [write_jsonl(tmp_path / "more.jsonl", more)])
    panel.search("الميادين")
    assert panel.model.rowCount() == 5
    while panel.model.canFetchMore():
        panel.model.fetchMore()
    ids = [panel.model.data(panel.model.index(r), MATCH_ROLE)[0] for r in range(12)]
    assert panel.model.rowCount() == 12 and ids == sorted(set(ids))


def test_a_large_project_is_indexed_in_the_background_then_searched(
    panel, project, tmp_path, qtbot, monkeypatch
):
    monkeypatch.setattr(search_panel, "INLINE", 3)
    more = [{"text": f"غارة على الميادين رقم {n}"} for n in range(10)]
    import_files(project, [write_jsonl(tmp_path / "more.jsonl", more)])
    panel.set_project(project)  # as when the window opens the project: nothing indexed yet
    panel.search("الميادين")
    assert panel.status.text().startswith("Preparing the search index")
    assert panel.indexing is not None
    qtbot.waitUntil(lambda: panel.model.rowCount() == 10, timeout=10000)
    assert panel.status.text() == "10 articles"


def test_nothing_is_written_before_the_first_search(qtbot, project, tmp_path):
    import_files(project, [write_jsonl(tmp_path / "articles.jsonl", ARTICLES)])
    widget = SearchPanel()
    qtbot.addWidget(widget)
    widget.set_project(project)
    assert not (project.folder / "cache").exists()
    widget.search("قصفت")
    assert (project.folder / "cache").exists()
    widget.set_project(None)


def test_leaving_the_project_lets_a_backup_be_restored(qtbot, tmp_path):
    folder = tmp_path / "restorable"
    with Project.create(folder, load_preset("conflict")) as project:
        import_files(project, [write_jsonl(tmp_path / "articles.jsonl", ARTICLES)])
    saved = backups.create(folder)
    widget = SearchPanel()
    qtbot.addWidget(widget)
    with Project.open(folder) as project:
        widget.set_project(project)
        widget.search("قصفت")
        assert widget.model.rowCount() == 1
    with pytest.raises(ProjectError):
        backups.restore(folder, saved.name)  # the panel still reads the project
    widget.set_project(None)
    backups.restore(folder, saved.name)
