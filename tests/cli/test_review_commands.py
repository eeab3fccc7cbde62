"""annotator merge and annotator agree, run as a user runs them."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from annotator.core.model import Argument, Status
from annotator.core.schema import load_preset
from annotator.ops import editing, event_editing, reviewing
from annotator.ops.importing import import_files
from annotator.store.project import Project
from tests.conftest import snapshot, write_jsonl

TEXT = "هاجم تنظيم داعش نقاط الجيش في منطقة الثردات بريف دير الزور"


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


@pytest.fixture
def two_projects(tmp_path):
    """The lead's project with Omar's layer, and Samira's project of the same article."""
    source = write_jsonl(tmp_path / "article.jsonl", [{"text": TEXT, "name": "مقال"}])
    with Project.create(tmp_path / "lead", load_preset("conflict")) as lead:
        import_files(lead, [source])
        editing.create_span(lead, 1, "omar", "ACTOR", *at("تنظيم داعش"))
        editing.create_span(lead, 1, "omar", "LOCATION", *at("الثردات"))
        editing.set_status(lead, 1, "omar", Status.DONE)
    with Project.create(tmp_path / "samira", load_preset("conflict")) as samira:
        import_files(samira, [source])
        editing.create_span(samira, 1, "samira", "ACTOR", *at("داعش"))
        editing.create_span(samira, 1, "samira", "LOCATION", *at("الثردات"))
        editing.set_status(samira, 1, "samira", Status.DONE)
    return tmp_path / "lead", tmp_path / "samira"


def test_merge_then_agree_as_json_and_a_chart(two_projects, tmp_path, capsys):
    lead, samira = two_projects
    assert main(["merge", str(lead), str(samira)]) == 0
    out = capsys.readouterr().out
    assert "samira: 1 document updated" in out and "2 added" in out
    plot = tmp_path / "agreement.png"
    assert main(["agree", str(lead), "--json", "--plot", str(plot)]) == 0
    data = json.loads(capsys.readouterr().out)
    [pair] = data["pairs"]
    assert pair["annotators"] == ["omar", "samira"]
    assert pair["documents"] == 1
    assert pair["exact"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert pair["overlap"]["f1"] == 1.0
    assert pair["by_label"]["LOCATION"]["exact_f1"] == 1.0
    assert pair["by_label"]["ACTOR"] == {"exact_f1": 0.0, "overlap_f1": 1.0, "spans": [1, 1]}
    assert isinstance(pair["cohen_kappa"], float)
    assert data["documents"] == [
        {
            "id": 1,
            "name": "مقال",
            "annotators": ["omar", "samira"],
            "exact_f1": 0.5,
            "overlap_f1": 1.0,
        }
    ]
    assert plot.read_bytes()[:4] == b"\x89PNG"


def test_merge_brings_events_and_says_how_many(two_projects, capsys):
    lead, samira = two_projects
    with Project.open(samira) as theirs:
        [actor, place] = theirs.spans.for_document(1, "samira")
        trigger = editing.create_span(theirs, 1, "samira", "EVENT", *at("هاجم"))
        for places in ([place.id], []):
            event_editing.create_event(
                theirs,
                1,
                "samira",
                "EVENT",
                trigger.id,
                [Argument("actor1", actor.id), *(Argument("location", p) for p in places)],
            )
    assert main(["merge", str(lead), str(samira)]) == 0
    assert "events 2 added, 0 changed, 0 removed" in capsys.readouterr().out
    with Project.open(lead) as project:
        merged = project.events.for_document(1, "samira")
    assert [len(e.arguments) for e in merged] == [2, 1]
    assert merged[0].trigger == merged[1].trigger


def test_agree_prints_a_table(two_projects, capsys):
    lead, samira = two_projects
    main(["merge", str(lead), str(samira)])
    capsys.readouterr()
    assert main(["agree", str(lead), "--annotators", "omar,samira"]) == 0
    out = capsys.readouterr().out
    assert "omar / samira" in out and "Krippendorff's alpha" in out and "#1 مقال" in out


def test_agree_names_an_unknown_annotator(two_projects, capsys):
    lead, _ = two_projects
    assert main(["agree", str(lead), "--annotators", "omar,nadia"]) == 1
    assert "no annotations by nadia" in capsys.readouterr().err


def test_a_refused_merge_exits_non_zero_and_changes_nothing(two_projects, capsys):
    lead, samira = two_projects
    with Project.open(samira) as theirs:
        editing.create_span(theirs, 1, "omar", "EVENT", *at("هاجم"))
    with Project.open(lead) as project:
        before = snapshot(project)
    assert main(["merge", str(lead), str(samira)]) == 1
    assert "--overwrite omar" in capsys.readouterr().err
    with Project.open(lead) as project:
        assert snapshot(project) == before
    assert main(["merge", str(lead), str(samira), "--annotators", "samira"]) == 0


def test_gold_exports_like_any_layer_from_the_command_line(two_projects, tmp_path, capsys):
    from annotator.ops import adjudicating

    lead, samira = two_projects
    main(["merge", str(lead), str(samira)])
    with Project.open(lead) as project:
        report = adjudicating.accept_agreed(project, "lead")
    assert report.spans_added == 1  # both marked «الثردات» as LOCATION
    out = tmp_path / "gold.jsonl"
    assert (
        main(["export", str(lead), "--format", "jsonl", "--out", str(out), "--annotator", "gold"])
        == 0
    )
    [line] = out.read_text(encoding="utf-8").splitlines()
    [annotation] = json.loads(line)["annotations"]
    assert (annotation["annotator"], annotation["text"]) == ("gold", "الثردات")
    assert {s["annotator"] for s in annotation["provenance"]["from"]} == {"omar", "samira"}


def test_agree_reports_events_as_whole_records(tmp_path, capsys):
    """Samira codes the fighting in two places as two events on «هاجم», Omar codes one."""
    source = write_jsonl(tmp_path / "article.jsonl", [{"text": TEXT, "name": "مقال"}])
    battle = {"event_type": "Battles", "sub_event_type": "Armed clash"}
    with Project.create(tmp_path / "lead", load_preset("conflict")) as lead:
        import_files(lead, [source])
        for name, places in (("omar", ["الثردات"]), ("samira", ["الثردات", "دير الزور"])):
            trigger = editing.create_span(lead, 1, name, "EVENT", *at("هاجم"))
            for place in places:
                where = editing.create_span(lead, 1, name, "LOCATION", *at(place))
                event_editing.create_event(
                    lead, 1, name, "EVENT", trigger.id, [Argument("location", where.id)], battle
                )
    assert main(["agree", str(tmp_path / "lead"), "--json"]) == 0
    events = json.loads(capsys.readouterr().out)["pairs"][0]["events"]
    assert events["count"] == [1, 2]
    assert events["exact"] == {"precision": 0.5, "recall": 1.0, "f1": 0.666667}
    assert events["disagreements"] == {
        "missing event": 1,
        "event type": 0,
        "role filler": 0,
        "event attribute": 0,
    }
    assert main(["agree", str(tmp_path / "lead")]) == 0
    table = capsys.readouterr().out
    row = next(line for line in table.splitlines() if "omar / samira" in line and "1/2" in line)
    assert row.split()[3:] == ["0.667", "0.667", "1/2", "1", "0", "0", "0"]


def test_agree_counts_events_whose_other_attributes_differ_as_review_lists_them(tmp_path, capsys):
    """Omar and Samira code the same attack, with other fatalities, and the same clash, typed
    otherwise and dated otherwise: agreement counts what review's list of events shows."""
    source = write_jsonl(tmp_path / "article.jsonl", [{"text": TEXT, "name": "مقال"}])
    coding = {
        "omar": ({"fatalities": 3}, {"event_type": "Battles", "date": "2025-03-04"}),
        "samira": ({"fatalities": 5}, {"event_type": "Riots", "date": "2025-03-05"}),
    }
    with Project.create(tmp_path / "lead", load_preset("conflict")) as lead:
        import_files(lead, [source])
        for name, (attack, clash) in coding.items():
            place = editing.create_span(lead, 1, name, "LOCATION", *at("الثردات"))
            for word, attributes in (("هاجم", attack), ("نقاط", clash)):
                trigger = editing.create_span(lead, 1, name, "EVENT", *at(word))
                event_editing.create_event(
                    lead, 1, name, "EVENT", trigger.id, [Argument("location", place.id)], attributes
                )
        listed = reviewing.document_event_disagreements(lead, 1)
    assert sorted(x.kind for x in listed) == ["event attribute", "event attribute", "event type"]
    assert main(["agree", str(tmp_path / "lead"), "--json"]) == 0
    events = json.loads(capsys.readouterr().out)["pairs"][0]["events"]
    assert events["disagreements"] == {
        "missing event": 0, "event type": 1, "role filler": 0, "event attribute": 2
    }  # fmt: skip
    assert main(["agree", str(tmp_path / "lead")]) == 0
    table = capsys.readouterr().out
    assert "missing  type differs  fillers differ  attributes differ" in table
    row = next(line for line in table.splitlines() if "omar / samira" in line and "2/2" in line)
    assert row.split()[-4:] == ["0", "1", "0", "2"]
