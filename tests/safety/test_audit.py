"""The audit trail says who created, changed or deleted each annotation and when, across
processes, and ``annotator audit`` shows it as a table or writes it as CSV or JSONL."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime

from annotator.cli import main
from annotator.ops import editing, event_editing
from annotator.store.project import Project
from tests.safety.conftest import SENTENCE
from tests.safety.harness import Child, run_annotator


def at(words: str) -> tuple[int, int]:
    start = SENTENCE.index(words)
    return start, start + len(words)


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def history(folder) -> dict[str, object]:
    """Edits by two people in two processes: omar's in a child, samira's here."""
    began = datetime.now(UTC).replace(microsecond=0)  # the trail keeps milliseconds
    with Child(["-m", "tests.safety.child", "spans", folder, "1", "omar", "3"]) as other:
        other.wait_for("ready")
        other.send("go")
        assert other.finish() == 0
        omar = [int(line.split()[1]) for line in other.lines if line.startswith("span ")]
    with Project.open(folder) as project:
        actor = editing.create_span(project, 1, "samira", "ACTOR", *at("دورية للشرطة"))
        event = editing.create_span(project, 1, "samira", "EVENT", *at("وصلت"))
        record = event_editing.create_event(project, 1, "samira", "EVENT", event.id)
        editing.update_span(project, actor.id, "samira", label="LOCATION")
        editing.update_span(project, actor.id, "samira", label="ACTOR")
        event_editing.add_argument(project, record.id, "samira", "actor1", actor.id)
        event_editing.remove_argument(project, record.id, "samira", 0)
        editing.set_status(project, 1, "samira", "done")
        deleted = editing.delete_span(project, event.id, "samira")
        editing.restore_span(project, deleted, "samira")
        editing.delete_span(project, omar[0], "samira")  # a reviewer removes omar's span
    return {"began": began, "ended": datetime.now(UTC), "omar": omar, "actor": actor.id,
            "event": event.id, "record": record.id}  # fmt: skip


def test_the_trail_says_who_did_what_to_each_span_and_when_across_processes(folder, tmp_path):
    made = history(folder)
    out = tmp_path / "trail.jsonl"
    written = run_annotator("audit", folder, "--out", out)
    assert written.returncode == 0, written.stderr
    trail = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert f"Wrote {len(trail)} audit entries" in written.stdout
    for entry in trail:
        assert made["began"] <= datetime.fromisoformat(entry["time"]) <= made["ended"]
    assert [e["id"] for e in trail] == sorted(e["id"] for e in trail)

    def of(span_id):
        return [(e["annotator"], e["action"]) for e in trail if e["span_id"] == span_id]

    first, *others = made["omar"]
    assert of(first) == [("omar", "create"), ("samira", "delete")]
    for span_id in others:
        assert of(span_id) == [("omar", "create")]
    assert of(made["actor"]) == [("samira", "create"), ("samira", "update"), ("samira", "update")]
    assert of(made["event"]) == [  # the word, and the event on it
        ("samira", "create"),
        ("samira", "event create"),
        ("samira", "event arguments"),
        ("samira", "event arguments"),
        ("samira", "delete"),
        ("samira", "event delete"),  # the event went with its word
        ("samira", "restore"),
        ("samira", "event restore"),  # and came back with it
    ]
    given = next(e for e in trail if e["action"] == "event arguments")
    assert given["before"] == {"event": made["record"], "arguments": []}
    assert given["after"] == {
        "event": made["record"], "arguments": [{"role": "actor1", "span": made["actor"]}]
    }  # fmt: skip
    relabel = next(e for e in trail if e["span_id"] == made["actor"] and e["action"] == "update")
    assert (relabel["before"], relabel["after"]) == ({"label": "ACTOR"}, {"label": "LOCATION"})
    deletion = next(e for e in trail if e["span_id"] == first and e["action"] == "delete")
    assert deletion["before"]["annotator"] == "omar" and deletion["before"]["text"]
    status = next(e for e in trail if e["action"] == "status")
    assert (status["annotator"], status["document_id"], status["after"]) == ("samira", 1, "done")


def test_the_table_shows_one_span_with_the_roles_it_was_given(folder, capsys):
    made = history(folder)
    code, out, _ = run(capsys, "audit", folder, "--span", made["actor"])
    assert code == 0
    rows = out.splitlines()
    assert rows[0].split() == ["time", "annotator", "action", "document", "span", "change"]
    actions = [row.split()[3] for row in rows[1:]]  # date, time, annotator, action
    assert actions == ["create", "update", "update", "event", "event"]  # arguments, twice
    assert "ACTOR «دورية للشرطة»" in rows[1]
    assert "label: ACTOR → LOCATION" in rows[2]
    assert rows[4].endswith(f"event {made['record']}: + actor1 → span {made['actor']}")
    assert rows[5].endswith(f"event {made['record']}: − actor1 → span {made['actor']}")
    datetime.strptime(" ".join(rows[1].split()[:2]), "%Y-%m-%d %H:%M:%S")  # local time
    code, out, _ = run(capsys, "audit", folder, "--span", 9999)
    assert code == 0 and out.strip() == "No edits recorded for that."


def test_filters_and_csv(folder, tmp_path, capsys):
    history(folder)
    out = tmp_path / "omar.csv"
    code, printed, _ = run(capsys, "audit", folder, "--annotator", "omar", "--out", out)
    assert code == 0 and "Wrote 3 audit entries" in printed
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert [r["action"] for r in rows] == ["create"] * 3
    assert all(r["annotator"] == "omar" and r["document_id"] == "1" for r in rows)
    assert json.loads(rows[0]["after"])["label"] == "ACTOR" and rows[0]["before"] == ""
    code, printed, _ = run(capsys, "audit", folder, "--document", 1, "--annotator", "samira")
    assert code == 0 and len(printed.splitlines()) == 1 + 13  # header and samira's 13 edits
    code, _, err = run(capsys, "audit", folder, "--out", tmp_path / "trail.xlsx")
    assert code == 1 and "trail.xlsx: give a file name ending in .csv or .jsonl" in err
    code, _, err = run(capsys, "audit", folder, "--out", tmp_path / "missing" / "t.csv")
    assert code == 1 and "its folder does not exist" in err


def test_a_deleted_span_keeps_its_id_so_its_trail_stays_its_own(folder, capsys):
    with Project.open(folder) as project:
        first = editing.create_span(project, 1, "samira", "ACTOR", *at("دورية للشرطة"))
        editing.delete_span(project, first.id, "samira")
        second = editing.create_span(project, 1, "samira", "EVENT", *at("وصلت"))
        assert second.id != first.id
        assert [e.action for e in project.audit.for_span(first.id)] == ["create", "delete"]


def test_undo_of_a_delete_works_after_another_window_added_a_span(folder):
    with Project.open(folder) as window_a, Project.open(folder) as window_b:
        span = editing.create_span(window_a, 1, "samira", "ACTOR", *at("دورية للشرطة"))
        deleted = editing.delete_span(window_a, span.id, "samira")
        editing.create_span(window_b, 1, "omar", "EVENT", *at("وصلت"))
        restored = editing.restore_span(window_a, deleted, "samira")
        assert restored == span
        assert window_b.spans.count() == 2
