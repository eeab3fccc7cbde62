"""Syncs killed at any moment, many at once, two leads on one document, and a hostile layer."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import psycopg
from psycopg.types.json import Jsonb

from annotator.core.model import GOLD
from annotator.core.text import sha256_text
from annotator.ops import editing, hub_setup, syncing
from annotator.ops.hub_content import fingerprint, read_layer
from annotator.ops.opening import open_to_change
from annotator.store.project import Project
from tests.hub.conftest import ARTICLES, make_team

WORDS = {
    "deir-1": ["اشتباكات", "الثردات", "الميادين", "الجيش", "تنظيم", "مدنيين", "الجورة"],
    "deir-2": ["انفجار", "سيارة", "دوار", "الحلبية", "دير"],
    "deir-3": ["قافلة", "مساعدات", "البوكمال"],
    "deir-4": ["قوات", "الأمن", "شبان", "الميادين"],
}


def label(project: Project, login: str, name: str, word: str, label: str = "LOCATION", by=None):
    doc = project.documents.id_for_sha256(sha256_text(ARTICLES[name]))
    start = ARTICLES[name].index(word)
    return editing.create_span(project, doc, login, label, start, start + len(word), by=by)


def sync_process(folder) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "annotator", "sync", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ},
    )


def layers_here(folder, login: str) -> dict[str, str]:
    with Project.open(folder) as project:
        entities = project.entities.names()
        return {
            name: fingerprint(
                read_layer(project, project.documents.id_for_sha256(sha256_text(text)), login),
                entities,
            )
            for name, text in ARTICLES.items()
        }


def hub_fingerprints(lab, login: str) -> dict[str, str]:
    names = {sha256_text(text): name for name, text in ARTICLES.items()}
    with psycopg.connect(lab.admin) as conn:
        rows = conn.execute(
            "SELECT document, fingerprint FROM hub.layers WHERE annotator = %s", (login,)
        ).fetchall()
    return {names[d]: f for d, f in rows}


def test_syncs_killed_at_any_moment_leave_both_sides_whole_and_the_next_finishes(lab, tmp_path):
    team = make_team(lab, tmp_path, annotators=("amal",))
    amal = lab.name("amal")
    folder = team.copies["amal"]
    delays = [0.05, 0.25, 0.4, 0.5, 0.6, 0.7, 0.85, 1.0, 1.3]
    words = [(name, word) for name, ws in WORDS.items() for word in ws]
    for round_, delay in enumerate(delays):
        with Project.open(folder) as project:
            for name, word in words[round_ * 2 : round_ * 2 + 2]:
                label(project, amal, name, word)
        process = sync_process(folder)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        with Project.open(folder) as project:  # whole after every kill
            assert project.spans.count() == min(len(words), round_ * 2 + 2)
    finished = sync_process(folder)
    out = finished.communicate(timeout=120)[0].decode()
    assert finished.returncode == 0, out
    here = layers_here(folder, amal)
    on_hub = hub_fingerprints(lab, amal)
    assert {name: here[name] for name in on_hub} == on_hub
    assert set(on_hub) == {name for name, _ in words[: len(delays) * 2]}
    # the lead receives exactly what amal holds, nothing doubled
    with Project.open(team.source) as lead:
        syncing.sync(lead)
    assert {n: f for n, f in layers_here(team.source, amal).items() if n in on_hub} == on_hub
    with Project.open(team.source) as lead:
        assert lead.spans.count(annotator=amal) == len(delays) * 2


def test_eight_annotators_syncing_at_the_same_moment_all_succeed(lab, tmp_path):
    people = tuple(f"coder{i}" for i in range(8))
    team = make_team(lab, tmp_path, annotators=people)
    for i, person in enumerate(people):
        with Project.open(team.copies[person]) as project:
            name = list(WORDS)[i % 4]
            for word in WORDS[name][:3]:
                label(project, lab.name(person), name, word)
    with ThreadPoolExecutor(len(people)) as pool:
        runs = list(
            pool.map(lambda p: sync_process(team.copies[p]).communicate(timeout=120), people)
        )
    with Project.open(team.source) as lead:
        report = syncing.sync(lead)
    assert report.pulled == 8, runs
    for person in people:
        assert report.pulled_layers[lab.name(person)] == 1
    with Project.open(team.source) as lead:
        assert lead.spans.count() == 8 * 3


def test_two_leads_adjudicating_one_document_the_later_wins_and_the_earlier_is_kept(lab, tmp_path):
    team = make_team(lab, tmp_path, annotators=())
    second = lab.name("sami")
    hub_setup.add_user(lab.admin, second, "lead", f"{second}-pw")
    lab.remember(second, f"{second}-pw")
    hub_setup.clone(lab.url(second), tmp_path / second)
    with Project.open(team.source) as first_copy:
        label(first_copy, GOLD, "deir-1", "الثردات", by=team.lead)
    with Project.open(tmp_path / second) as second_copy:
        label(second_copy, GOLD, "deir-1", "الميادين", by=second)
    with Project.open(team.source) as first_copy:
        assert syncing.sync(first_copy).pushed_layers == 1
    with Project.open(tmp_path / second) as second_copy:
        report = syncing.sync(second_copy)
    assert report.pushed_layers == 1
    assert len(report.replaced) == 1 and team.lead in report.replaced[0]
    assert "kept in the hub's history" in report.replaced[0]
    with Project.open(team.source) as first_copy:
        syncing.sync(first_copy)
        doc = first_copy.documents.id_for_sha256(sha256_text(ARTICLES["deir-1"]))
        assert [s.text for s in first_copy.spans.for_document(doc, GOLD)] == ["الميادين"]
    with psycopg.connect(lab.admin) as conn:
        history = conn.execute(
            "SELECT written_by, replaced_by, content->'annotations'->0->>'text' "
            "FROM hub.layer_history WHERE annotator = 'gold'"
        ).fetchall()
    assert history == [(team.lead, second, "الثردات")]


def test_a_hostile_layer_on_the_hub_is_refused_by_name_and_changes_nothing(lab, tmp_path):
    team = make_team(lab, tmp_path, annotators=("amal", "omar"))
    amal, omar = lab.name("amal"), lab.name("omar")
    with Project.open(team.copies["omar"]) as project:
        label(project, omar, "deir-3", "البوكمال")
        syncing.sync(project)
    deep = "[" * 5000 + "]" * 5000  # deeper than Python's JSON reader goes
    bad = {
        "deir-1": {"annotations": [{"start": 9, "end": 2, "label": "LOCATION"}]},
        "deir-2": {"annotations": "x", "status": 3},
        "deir-3": {
            "annotations": [
                {"start": 0, "end": 4, "label": "LOCATION", "annotator": omar, "text": "انفج"}
            ]
        },
    }
    with lab.connect(amal, f"{amal}-pw") as conn:
        for name, content in bad.items():
            conn.execute(
                "INSERT INTO hub.layers(document, annotator, content, fingerprint) "
                "VALUES (%s, %s, %s, %s)",
                (sha256_text(ARTICLES[name]), amal, Jsonb(content), name),
            )
        conn.execute(
            "INSERT INTO hub.layers(document, annotator, content, fingerprint) "
            "VALUES (%s, %s, ('{\"annotations\": [], \"x\": ' || %s || '}')::jsonb, 'deep')",
            (sha256_text(ARTICLES["deir-4"]), amal, deep),
        )
    project = open_to_change(team.source)
    try:
        before = project.spans.count()
        report = syncing.sync(project)
        assert report.pulled_layers == {omar: 1}
        refused = "\n".join(report.refused)
        assert len(report.refused) == 4, refused
        for name in ("deir-1", "deir-2", "deir-3", "deir-4"):
            assert f"{amal} layer of «{name}»" in refused
        assert "offsets 9-2" in refused
        assert project.spans.count() == before + 1
        assert syncing.sync(project).refused == []  # said once, not at every sync
    finally:
        project.close()
