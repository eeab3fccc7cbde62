"""Syncs killed at any moment, many at once, two leads on one document, and a hostile layer."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from psycopg.types.json import Jsonb

from annotator.core.model import GOLD
from annotator.core.text import sha256_text
from annotator.ops import editing, hub_setup, syncing
from annotator.ops.hub_content import fingerprint, read_layer
from annotator.ops.opening import open_to_change
from annotator.store.hub import server
from annotator.store.hub.server import Hub, HubBusy
from annotator.store.hub.tables import REVISION_LOCK
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

    def run(person: str) -> tuple[int, bytes]:
        process = sync_process(team.copies[person])
        output, _ = process.communicate(timeout=120)
        return process.returncode, output

    with ThreadPoolExecutor(len(people)) as pool:
        runs = list(pool.map(run, people))
    assert [code for code, _ in runs] == [0] * 8, runs
    for _, output in runs:
        assert b"Traceback" not in output
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


def holding_the_write_lock(lab, login: str) -> psycopg.Connection:
    """A login's own connection left open inside a transaction that took the write lock."""
    holder = psycopg.connect(lab.url(login, f"{login}-pw"))
    holder.execute("SELECT pg_advisory_xact_lock(%s)", (REVISION_LOCK,))
    return holder


def test_a_connection_sitting_on_the_write_lock_makes_a_sync_say_who_and_lose_nothing(
    lab, tmp_path, monkeypatch
):
    team = make_team(lab, tmp_path, annotators=("amal", "omar"))
    amal, omar = lab.name("amal"), lab.name("omar")
    monkeypatch.setattr(server, "LOCK_WAIT_SECONDS", 1)
    with Project.open(team.copies["amal"]) as project:
        label(project, amal, "deir-1", "الثردات")
    holder = holding_the_write_lock(lab, omar)
    try:
        with Project.open(team.copies["amal"]) as project, pytest.raises(HubBusy) as busy:
            syncing.sync(project)
        said = str(busy.value)
        assert f"is busy: {omar}'s connection holds its write lock;" in said
        assert "goes on from there at the next sync" in said and "\n" not in said
        assert hub_fingerprints(lab, amal) == {}
    finally:
        holder.rollback()
        holder.close()
    with Project.open(team.copies["amal"]) as project:
        assert syncing.sync(project).pushed_layers == 1
    assert set(hub_fingerprints(lab, amal)) == {"deir-1"}


def test_every_login_s_session_is_ended_by_the_server_when_left_idle_inside_a_transaction(
    lab, tmp_path
):
    team = make_team(lab, tmp_path, annotators=("omar",))
    omar = lab.name("omar")
    with lab.connect(omar, f"{omar}-pw") as raw:  # psql's way in: no setting of ours sent
        assert raw.execute("SHOW idle_in_transaction_session_timeout").fetchone()[0] == "5min"
    with Hub.connect(lab.url(omar), "the hub") as hub:
        shown = {
            name: hub.conn.execute(f"SHOW {name}").fetchone()[0]
            for name in ("lock_timeout", "idle_in_transaction_session_timeout")
        }
        assert shown == {"lock_timeout": "1min", "idle_in_transaction_session_timeout": "5min"}
        # the server probes a silent client, and the client a silent server
        assert hub.conn.execute("SHOW tcp_keepalives_idle").fetchone()[0] == "30"
        assert hub.conn.info.get_parameters()["keepalives"] == "1"
    assert team.copies["omar"].exists()


def test_a_copy_gone_quiet_inside_a_write_holds_the_hub_only_until_the_server_ends_it(
    lab, tmp_path, monkeypatch
):
    team = make_team(lab, tmp_path, annotators=("amal", "omar"))
    amal, omar = lab.name("amal"), lab.name("omar")
    monkeypatch.setattr(server, "IDLE_IN_TRANSACTION", "1s")
    quiet = Hub.connect(lab.url(omar), "the hub")
    quiet.conn.execute("BEGIN")
    quiet.conn.execute("SELECT pg_advisory_xact_lock(%s)", (REVISION_LOCK,))
    time.sleep(2)
    monkeypatch.setattr(server, "IDLE_IN_TRANSACTION", "5min")
    with Project.open(team.copies["amal"]) as project:
        label(project, amal, "deir-2", "الحلبية")
        assert syncing.sync(project).pushed_layers == 1
    with pytest.raises(psycopg.errors.IdleInTransactionSessionTimeout):
        quiet.conn.execute("SELECT 1")
    quiet.close()


def test_a_sync_cut_off_from_the_hub_says_so_in_a_line_and_the_next_finishes_it(lab, tmp_path):
    team = make_team(lab, tmp_path, annotators=("amal", "omar"))
    amal, omar = lab.name("amal"), lab.name("omar")
    with Project.open(team.copies["amal"]) as project:
        for word in WORDS["deir-1"][:3]:
            label(project, amal, "deir-1", word)
    holder = holding_the_write_lock(lab, omar)
    try:
        process = sync_process(team.copies["amal"])
        with psycopg.connect(lab.admin, autocommit=True) as admin:
            deadline = time.monotonic() + 90  # until amal's sync waits inside its write
            while time.monotonic() < deadline:
                waiting = admin.execute(
                    "SELECT pid FROM pg_stat_activity WHERE usename = %s AND wait_event_type = "
                    "'Lock'",
                    (amal,),
                ).fetchall()
                if waiting:
                    break
                time.sleep(0.05)
            assert waiting, "the sync never reached the hub's write lock"
            admin.execute("SELECT pg_terminate_backend(%s)", (waiting[0][0],))
        output, _ = process.communicate(timeout=60)
    finally:
        holder.rollback()
        holder.close()
    lines = output.decode().strip().splitlines()
    assert process.returncode == 1 and len(lines) == 1, output
    assert "lost the connection to the hub" in lines[0]
    assert hub_fingerprints(lab, amal) == {}
    with Project.open(team.copies["amal"]) as project:
        assert syncing.sync(project).pushed_layers == 1
    with Project.open(team.source) as lead:
        syncing.sync(lead)
        assert lead.spans.count(annotator=amal) == 3


def test_a_password_given_to_the_hub_never_reaches_the_server_in_clear(lab, tmp_path):
    make_team(lab, tmp_path, annotators=())
    with psycopg.connect(lab.admin, autocommit=True) as admin:
        admin.execute(f"ALTER DATABASE \"{lab.database}\" SET log_statement = 'all'")
    secret = "سر-shared-7f3a"
    hub_setup.add_user(lab.admin, lab.name("huda"), "annotator", secret)
    with lab.connect(lab.name("huda"), secret) as conn:
        assert conn.execute("SELECT session_user").fetchone()[0] == lab.name("huda")
    log = (lab.cluster.folder / "server.log").read_text(errors="replace")
    assert f'ROLE "{lab.name("huda")}" LOGIN PASSWORD \'SCRAM-SHA-256$' in log
    assert secret not in log
