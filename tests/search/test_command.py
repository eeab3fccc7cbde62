"""annotator search, as a user types it."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.commands.search import format_results
from annotator.ops.importing import import_files
from annotator.ops.searching import CorpusSearch
from tests.conftest import write_jsonl

TEXTS = [
    "😀 قال مسؤول في اميركا إن الوفد وصل إلى دير الزور",
    "🇸🇾 اشتباكات عنيفة بدير الزور بين الجيـــش والمسلحين",
    "لا شيء هنا عن المدينة",
]


def run(capsys, *args):
    code = main(list(map(str, args)))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_prints_each_article_and_each_match_with_its_offsets(project, tmp_path, capsys):
    records = [{"name": f"مقال {n}", "text": t} for n, t in enumerate(TEXTS, 1)]
    import_files(project, [write_jsonl(tmp_path / "a.jsonl", records)])
    code, out, err = run(capsys, "search", project.folder, "دير الزور", "--json")
    assert code == 0
    assert "building the search index: 3 articles" in err
    data = json.loads(out)
    assert data["query"] == "دير الزور"
    assert [r["name"] for r in data["results"]] == ["مقال 1", "مقال 2"]
    for result in data["results"]:
        text = TEXTS[result["id"] - 1]
        for match in result["matches"]:
            assert text[match["start"] : match["end"]] == match["text"] == "دير الزور"
    code, out, err = run(capsys, "search", project.folder, "أميركا")
    assert code == 0 and err == ""  # the index is already built
    start = TEXTS[0].index("اميركا")
    assert out.splitlines()[0] == "1 article matches «أميركا»"
    assert f"  {start}-{start + 6}  😀 قال مسؤول في ⟦اميركا⟧ إن الوفد وصل إلى دير الزور\n" in out


def test_search_says_when_nothing_matches_and_limits_what_it_prints(project, tmp_path, capsys):
    records = [{"text": f"وصل الجيش إلى القرية {n}"} for n in range(5)]
    import_files(project, [write_jsonl(tmp_path / "a.jsonl", records)])
    code, out, _ = run(capsys, "search", project.folder, "الحسكة")
    assert code == 0 and out.strip() == "no article has «الحسكة»"
    code, out, _ = run(capsys, "search", project.folder, "الجيش", "--limit", "2", "--json")
    assert len(json.loads(out)["results"]) == 2
    code, out, _ = run(capsys, "search", project.folder, "الجيش", "--limit", "2")
    assert out.splitlines()[0] == "5 articles match «الجيش»; 2 shown"
    assert out.splitlines()[-1] == "… more: raise --limit (now 2)"


def test_a_phrase_search_says_how_many_articles_matched_and_marks_each_match(
    project, tmp_path, capsys
):
    records = [
        {"text": "وصلت قافلة إلى دير الزور عبر «دير» قديم"},
        {"text": "الزور و دير في خبر آخر"},  # every word, not the phrase
    ]
    import_files(project, [write_jsonl(tmp_path / "a.jsonl", records)])
    code, out, _ = run(capsys, "search", project.folder, "دير الزور")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "1 article matches «دير الزور»"
    assert lines[2].endswith("وصلت قافلة إلى ⟦دير الزور⟧ عبر «دير» قديم")  # the article's «» kept
    with CorpusSearch(project) as searching:
        results = searching.search("دير الزور", 20)
    on_a_terminal = format_results(results, bold=True)
    assert "إلى \x1b[1mدير الزور\x1b[0m عبر" in on_a_terminal and "⟦" not in on_a_terminal
