"""Merging events: nested events, what this schema does not take, layers merged before events
were records, and that a merge replaces a layer exactly and a second one changes nothing."""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import Argument, Status
from annotator.core.schema import Schema, from_json, load_preset
from annotator.ops import editing, event_editing
from annotator.ops.exporting import export
from annotator.ops.merge_layer import fingerprint
from annotator.ops.merging import MergeConflict, merge
from annotator.store.project import DATABASE, Project
from tests.conftest import snapshot
from tests.ops.test_merging import BATTLE, TEXT, _articles, at, events, layer

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "projects"


def extended(changes: dict, *labels: dict) -> Schema:
    """The conflict schema with EVENT's JSON changed and other labels added."""
    data = load_preset("conflict").to_json()
    changed = [
        {**label, **changes} if label["id"] == "EVENT" else label for label in data["labels"]
    ]
    return from_json({**data, "labels": [*changed, *labels]})


REPORT = {"id": "REPORT", "kind": "event", "roles": [{"name": "reported", "kinds": ["event"]}]}


def test_an_event_that_is_an_argument_arrives_as_the_argument(tmp_path):
    schema = extended({}, REPORT)
    with (
        Project.create(tmp_path / "ours", schema) as ours,
        Project.create(tmp_path / "theirs", schema) as theirs,
    ):
        _articles(ours, tmp_path, TEXT)
        _articles(theirs, tmp_path, TEXT)
        clash = editing.create_span(theirs, 1, "huda", "EVENT", *at("هاجم"))
        inner = event_editing.create_event(theirs, 1, "huda", "EVENT", clash.id, (), BATTLE)
        said = editing.create_span(theirs, 1, "huda", "REPORT", *at("أمس"))
        event_editing.create_event(
            theirs, 1, "huda", "REPORT", said.id, [Argument("reported", event=inner.id)]
        )
        assert merge(ours, theirs.folder).layers["huda"].events_added == 2
        merged = {e.label: e for e in ours.events.for_document(1, "huda")}
        assert merged["REPORT"].arguments == (Argument("reported", event=merged["EVENT"].id),)
        assert merged["EVENT"].attributes == BATTLE
        assert merge(ours, theirs.folder).layers["huda"].unchanged == 1


@pytest.fixture
def stranger(tmp_path):
    """Omar codes under a schema of his own: EVENT has a ``target`` role and takes several
    locations, and there is an ATTACK event type."""
    roles = [
        {"name": "actor1", "kinds": ["actor"], "many": True},
        {"name": "target", "kinds": ["actor"]},
        {"name": "location", "kinds": ["location"], "many": True},
    ]
    attack = {"id": "ATTACK", "kind": "event", "roles": []}
    with Project.create(tmp_path / "omar", extended({"roles": roles}, attack)) as theirs:
        _articles(theirs, tmp_path, TEXT)
        trigger = editing.create_span(theirs, 1, "omar", "EVENT", *at("هاجم"))
        isis = editing.create_span(theirs, 1, "omar", "ACTOR", *at("تنظيم داعش"))
        army = editing.create_span(theirs, 1, "omar", "ACTOR", *at("الجيش"))
        places = [
            editing.create_span(theirs, 1, "omar", "LOCATION", *at(word))
            for word in ("الثردات", "دير الزور")
        ]
        event_editing.create_event(
            theirs,
            1,
            "omar",
            "EVENT",
            trigger.id,
            [Argument("actor1", isis.id), Argument("target", army.id)],
            BATTLE,
        )
        event_editing.create_event(
            theirs, 1, "omar", "EVENT", trigger.id, [Argument("location", p.id) for p in places]
        )
        event_editing.create_event(theirs, 1, "omar", "ATTACK")
        yield theirs


def test_events_this_schema_does_not_take_are_reported_and_strict_refuses(project, stranger):
    _articles(project, stranger.folder.parent, TEXT)
    before = snapshot(project)
    with pytest.raises(MergeConflict, match="--strict"):
        merge(project, stranger.folder, strict=True)
    assert snapshot(project) == before
    report = merge(project, stranger.folder)
    assert report.roles_unknown == 1  # the target: the event comes without it
    assert dict(report.unmatched.event_labels) == {"ATTACK": 1}
    assert report.events_refused == [
        "«مقال 1»: EVENT has one location; «دير الزور» would be a second"
    ]
    problems = " ".join(report.problems())
    assert "ATTACK (1)" in problems and "1 event arguments" in problems
    assert "does not allow them (the first: «مقال 1»: EVENT has one location" in problems
    assert events(project, "omar") == [
        ("EVENT", "هاجم", (("actor1", "تنظيم داعش"),), json.dumps(BATTLE, sort_keys=True))
    ]


def _fingerprint_before_events(folder: Path, document_id: int, annotator: str) -> str:
    """What a merge of the time recorded for a layer of a format 1 project."""
    conn = sqlite3.connect(folder / DATABASE)
    try:
        names = dict(conn.execute("SELECT id, name FROM entities"))
        rows = conn.execute(
            "SELECT id, start, end, label, attributes, entity_id FROM spans "
            "WHERE document_id = ? AND annotator = ?",
            [document_id, annotator],
        ).fetchall()
        extents = {row[0]: (row[1], row[2], row[3]) for row in rows}
        links = conn.execute(
            "SELECT source, target, role FROM relations WHERE document_id = ? AND annotator = ?",
            [document_id, annotator],
        ).fetchall()
        [status] = conn.execute(
            "SELECT status FROM progress WHERE document_id = ? AND annotator = ?",
            [document_id, annotator],
        ).fetchone()
        return fingerprint(
            ((s, e, label, json.loads(a), names.get(entity)) for _, s, e, label, a, entity in rows),
            ((extents[a], extents[b], role) for a, b, role in links),
            status,
        )
    finally:
        conn.close()


def test_a_layer_merged_before_events_were_records_is_not_taken_for_an_edit(tmp_path):
    """A lead merged Samira's layer into a format 1 project; the project is upgraded (her
    event span and its links become an event) and she sends her layer again."""
    folder = tmp_path / "lead"
    folder.mkdir()
    shutil.copyfile(FIXTURES / "format-1" / DATABASE, folder / DATABASE)
    merged = _fingerprint_before_events(folder, 1, "samira")
    conn = sqlite3.connect(folder / DATABASE)
    with conn:
        conn.execute(
            "INSERT INTO merged_layers VALUES (1, 'samira', ?, 'samira', '2026-01-01')", [merged]
        )
    conn.close()
    with Project.open(folder) as lead:
        [event] = lead.events.for_document(1, "samira")
        out = tmp_path / "samira.jsonl"
        export(lead, "jsonl", out, "samira")
        document = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
        document["status"] = {"samira": Status.IN_PROGRESS}
        out.write_text(json.dumps(document, ensure_ascii=False) + "\n", encoding="utf-8")
        report = merge(lead, out)
        assert report.layers["samira"].documents == 1
        assert lead.progress.get(1, "samira") == Status.IN_PROGRESS
        assert lead.events.for_document(1, "samira") == [event]
        event_editing.update_event(lead, event.id, "lead", attributes={**BATTLE, "fatalities": 2})
        document["status"] = {"samira": Status.DONE}
        out.write_text(json.dumps(document, ensure_ascii=False) + "\n", encoding="utf-8")
        with pytest.raises(MergeConflict, match="--overwrite samira"):
            merge(lead, out)


# -- a merge replaces a layer exactly, and a second merge changes nothing ---------------------

WORDS = [
    ("هاجم", "EVENT"),
    ("نقاط", "EVENT"),
    ("تنظيم داعش", "ACTOR"),
    ("الجيش", "ACTOR"),
    ("الثردات", "LOCATION"),
    ("دير الزور", "LOCATION"),
]
ROLE_OF = {"ACTOR": ("actor1", "actor2"), "LOCATION": ("location",)}


@st.composite
def layers(draw) -> tuple[list[int], list[tuple]]:
    """Some of the words marked, and events on them: (trigger word or None, arguments as
    (role, word), attributes), each keeping the conflict schema's rules."""
    marked = sorted(draw(st.sets(st.integers(0, len(WORDS) - 1))))
    triggers = [n for n in marked if WORDS[n][1] == "EVENT"]
    fillers = [n for n in marked if WORDS[n][1] != "EVENT"]
    drawn = []
    for _ in range(draw(st.integers(0, 4))):
        trigger = draw(st.sampled_from([None, *triggers]))
        arguments, located = [], False
        for n in (
            draw(st.lists(st.sampled_from(fillers), max_size=3, unique=True)) if fillers else []
        ):
            role = draw(st.sampled_from(ROLE_OF[WORDS[n][1]]))
            if role == "location" and located:
                continue
            located |= role == "location"
            arguments.append((role, n))
        fatalities = draw(st.sampled_from([None, 0, 3]))
        drawn.append((trigger, arguments, {} if fatalities is None else {"fatalities": fatalities}))
    return marked, drawn


def _colleague(folder: Path, marked: list[int], drawn: list[tuple]) -> Project:
    theirs = Project.create(folder, load_preset("conflict"))
    _articles(theirs, folder.parent, TEXT)
    ids = {
        n: editing.create_span(theirs, 1, "samira", WORDS[n][1], *at(WORDS[n][0])).id
        for n in marked
    }
    for trigger, arguments, attributes in drawn:
        event_editing.create_event(
            theirs,
            1,
            "samira",
            "EVENT",
            ids[trigger] if trigger is not None else None,
            [Argument(role, ids[n]) for role, n in arguments],
            attributes,
        )
    editing.set_status(theirs, 1, "samira", Status.DONE)  # the layer is hers even when empty
    return theirs


def _content(project: Project) -> list[str]:
    """The project as SQL, less what a merge records of itself."""
    return [line for line in snapshot(project) if "merged_layers" not in line]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=layers(), second=layers())
def test_a_merge_leaves_the_colleagues_layer_and_merging_it_again_changes_nothing(first, second):
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        with (
            Project.create(root / "ours", load_preset("conflict")) as ours,
            _colleague(root / "a" / "samira", *first) as before,
            _colleague(root / "b" / "samira", *second) as after,
        ):
            _articles(ours, root, TEXT)
            merge(ours, before.folder)
            assert (layer(ours, "samira"), events(ours, "samira")) == (
                layer(before, "samira"),
                events(before, "samira"),
            )
            merge(ours, after.folder)  # her layer changed: ours follows, without a conflict
            assert (layer(ours, "samira"), events(ours, "samira")) == (
                layer(after, "samira"),
                events(after, "samira"),
            )
            merged = _content(ours)
            again = merge(ours, after.folder).layers["samira"]
            assert (again.documents, again.unchanged) == (0, 1)
            assert _content(ours) == merged
