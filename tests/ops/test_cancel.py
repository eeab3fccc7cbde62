"""Long operations report progress, and stopping one leaves no partial data behind."""

from __future__ import annotations

import pytest

from annotator.core.errors import Cancelled
from annotator.core.schema import load_preset
from annotator.ops import reviewing
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from annotator.ops.merging import merge
from annotator.store.project import Project
from tests.conftest import snapshot, write_jsonl


def article(n: int) -> dict:
    text = f"😀 قصفت طائرات حربية مدينة الميادين {n} وقتل 2359 مسلحاً في دير الزور"
    place = text.index("دير الزور")
    return {
        "name": f"مقال {n}",
        "text": text,
        "label": [[2, 6, "EVENT"], [place, place + len("دير الزور"), "LOCATION"]],
    }


ARTICLES = [article(n) for n in range(1, 31)]


def recorder(seen: list[tuple[int, int | None]]):
    return lambda done, total: seen.append((done, total))


def stop_after(count: int, seen: list[tuple[int, int | None]]):
    """A progress callback that records what it is told and cancels after ``count`` reports."""

    def progress(done: int, total: int | None) -> None:
        seen.append((done, total))
        if done >= count:
            raise Cancelled()

    return progress


@pytest.fixture
def articles(tmp_path):
    return write_jsonl(tmp_path / "articles.jsonl", ARTICLES)


def test_an_import_reports_each_record_it_reads_and_how_many_a_jsonl_file_holds(
    project, articles, tmp_path
):
    seen = []
    spaced = articles.read_text("utf-8").replace("\n", "\n  \n", 3)  # blank lines hold none
    articles.write_text(spaced, "utf-8")
    report = import_files(project, [articles], annotator="samira", progress=recorder(seen))
    assert report.documents_added == 30
    assert seen == [(n, 30) for n in range(1, 31)]

    seen.clear()
    two = [articles, write_jsonl(tmp_path / "more.jsonl", [article(n) for n in range(40, 45)])]
    import_files(project, two, annotator="omar", progress=recorder(seen))
    assert seen == [(n, 35) for n in range(1, 36)]  # over both files

    seen.clear()
    csv = tmp_path / "articles.csv"
    csv.write_text("name,text\n" + "".join(f"a{n},نص {n}\n" for n in range(4)), "utf-8")
    import_files(project, [csv], annotator="samira", progress=recorder(seen))
    assert seen == [(n, None) for n in range(1, 5)]  # not counted ahead: counted as read


def test_an_import_cancelled_halfway_leaves_the_project_exactly_as_it_was(project, articles):
    import_files(project, [write_jsonl(articles.with_name("one.jsonl"), ARTICLES[:1])])
    before = snapshot(project)
    seen: list = []
    with pytest.raises(Cancelled):
        import_files(
            project,
            [articles],
            annotator="omar",
            add_labels=True,
            progress=stop_after(15, seen),
        )
    assert seen[-1] == (15, 30)
    assert snapshot(project) == before
    assert project.documents.count() == 1
    assert not project.db.conn.in_transaction


def test_labels_an_import_would_have_added_are_not_kept_when_it_is_cancelled(project, tmp_path):
    records = [{"text": a["text"], "label": [[2, 6, "AIRSTRIKE"]]} for a in ARTICLES]
    path = write_jsonl(tmp_path / "new-labels.jsonl", records)
    labels = project.schema.label_ids
    with pytest.raises(Cancelled):
        import_files(project, [path], add_labels=True, progress=stop_after(10, []))
    assert project.schema.label_ids == labels
    reopened = Project.open(project.folder)
    try:
        assert reopened.schema.label_ids == labels
    finally:
        reopened.close()


def test_an_export_reports_documents_written_out_of_all(project, articles, tmp_path):
    import_files(project, [articles])
    seen: list = []
    export(project, "jsonl", tmp_path / "out.jsonl", progress=recorder(seen))
    assert seen == [(n, 30) for n in range(1, 31)]


def test_a_cancelled_export_writes_no_file(project, articles, tmp_path):
    import_files(project, [articles])
    out = tmp_path / "out.jsonl"
    with pytest.raises(Cancelled):
        export(project, "jsonl", out, progress=stop_after(12, []))
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_a_cancelled_export_leaves_the_previous_file_untouched(project, articles, tmp_path):
    import_files(project, [articles])
    out = tmp_path / "out.jsonl"
    out.write_text("the export of last week\n", encoding="utf-8")
    with pytest.raises(Cancelled):
        export(project, "jsonl", out, progress=stop_after(29, []))
    assert out.read_text(encoding="utf-8") == "the export of last week\n"


def test_a_cancelled_split_export_leaves_no_folder(project, articles, tmp_path):
    import_files(project, [articles])
    out = tmp_path / "parts"
    with pytest.raises(Cancelled):
        export(project, "jsonl", out, split="train=0.8,test=0.2", progress=stop_after(20, []))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles.jsonl", "project"]


def test_a_cancelled_merge_leaves_the_project_exactly_as_it_was(project, articles, tmp_path):
    import_files(project, [articles], annotator="omar")
    with Project.create(tmp_path / "samira", load_preset("conflict")) as theirs:
        import_files(theirs, [articles], annotator="samira")
    before = snapshot(project)
    seen: list = []
    with pytest.raises(Cancelled):
        merge(project, tmp_path / "samira", progress=stop_after(20, seen))
    assert seen[0] == (0, 30)
    assert snapshot(project) == before
    report = merge(project, tmp_path / "samira")
    assert report.layers["samira"].spans_added == 60


def test_agreement_reports_its_progress_and_can_be_stopped(project, articles):
    import_files(project, [articles], annotator="omar")
    import_files(project, [articles], annotator="samira")
    seen: list = []
    result = reviewing.agreement(project, progress=recorder(seen))
    assert seen[-1] == (30, 30)
    assert result.pair("omar", "samira").exact.f1 == 1.0
    with pytest.raises(Cancelled):
        reviewing.agreement(project, progress=stop_after(3, []))
