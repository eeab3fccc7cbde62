"""The server, not the client, decides who writes what: plain SQL sent by a colleague's login.

Each test logs in as a hub's annotator (or lead) with psycopg and tries, as a hostile or
careless user could, to change what is not theirs; the server refuses, and the hub is as it
was (read back by the hub's owner).
"""

from __future__ import annotations

import psycopg
import pytest
from psycopg.types.json import Jsonb

from annotator.core.text import sha256_text
from annotator.ops import editing, hub_setup, syncing
from annotator.ops.opening import open_to_change
from annotator.store.project import Project
from tests.hub.conftest import ARTICLES, make_team

DEIR_1 = sha256_text(ARTICLES["deir-1"])
REFUSED = (psycopg.errors.InsufficientPrivilege,)  # permission denied, row-level security


def annotate_and_sync(folder, login: str, word: str = "الثردات") -> None:
    project = open_to_change(folder)
    try:
        doc = project.documents.id_for_sha256(DEIR_1)
        start = ARTICLES["deir-1"].index(word)
        editing.create_span(project, doc, login, "LOCATION", start, start + len(word))
        syncing.sync(project)
    finally:
        project.close()


def hub_layers(lab) -> dict[tuple[str, str], tuple]:
    """Every layer as the hub's owner reads it."""
    with psycopg.connect(lab.admin) as conn:
        rows = conn.execute(
            "SELECT document, annotator, content, fingerprint, revision FROM hub.layers"
        ).fetchall()
    return {(d, a): (c, f, r) for d, a, c, f, r in rows}


@pytest.fixture
def team(lab, tmp_path):
    team = make_team(lab, tmp_path)
    amal, omar = lab.name("amal"), lab.name("omar")
    annotate_and_sync(team.copies["amal"], amal)
    annotate_and_sync(team.copies["omar"], omar, "الميادين")
    return team


def test_an_annotator_cannot_change_or_delete_another_layer(lab, team):
    amal, omar = lab.name("amal"), lab.name("omar")
    before = hub_layers(lab)
    assert (DEIR_1, omar) in before
    with lab.connect(amal, f"{amal}-pw") as conn:
        changed = conn.execute("UPDATE hub.layers SET content = '{}' WHERE annotator = %s", (omar,))
        assert changed.rowcount == 0  # the row is not there for amal to change
        gone = conn.execute("DELETE FROM hub.layers WHERE annotator <> %s", (amal,))
        assert gone.rowcount == 0
        with pytest.raises(REFUSED, match="row-level security"):
            conn.execute("UPDATE hub.layers SET annotator = %s WHERE annotator = %s", (omar, amal))
        with pytest.raises(REFUSED, match="row-level security"):
            conn.execute(
                "INSERT INTO hub.layers(document, annotator, content, fingerprint) "
                "VALUES (%s, %s, %s, 'x') ON CONFLICT (document, annotator) DO UPDATE "
                "SET content = EXCLUDED.content",
                (DEIR_1, omar, Jsonb({"annotations": []})),
            )
        with pytest.raises(REFUSED, match="permission denied"):
            conn.execute("TRUNCATE hub.layers")
    assert hub_layers(lab) == before


def test_an_annotator_cannot_write_gold_documents_schema_or_assignments(lab, team):
    amal = lab.name("amal")
    attempts = [
        (
            "INSERT INTO hub.layers(document, annotator, content, fingerprint) "
            "VALUES (%s, 'gold', '{}', 'x')",
            (DEIR_1,),
        ),
        (
            "INSERT INTO hub.documents(sha256, name, text) VALUES (%s, 'x', 'x')",
            ("0" * 64,),
        ),
        ("UPDATE hub.documents SET text = 'x' WHERE sha256 = %s", (DEIR_1,)),
        ("DELETE FROM hub.documents WHERE sha256 = %s", (DEIR_1,)),
        ("UPDATE hub.settings SET value = '{}' WHERE key = 'schema'", ()),
        ("UPDATE hub.settings SET value = 'no' WHERE key = 'blind'", ()),
        ("INSERT INTO hub.assignments(document, annotator) VALUES (%s, %s)", (DEIR_1, amal)),
        (
            "INSERT INTO hub.layer_history(document, annotator, content, fingerprint, "
            "revision, written_by, written_at, replaced_by, replaced_at) "
            "VALUES (%s, 'gold', '{}', 'x', 1, 'x', now(), 'x', now())",
            (DEIR_1,),
        ),
        ("ALTER TABLE hub.layers DISABLE ROW LEVEL SECURITY", ()),
        ("DROP POLICY layers_update ON hub.layers", ()),
        (
            "CREATE OR REPLACE FUNCTION hub.is_lead() RETURNS boolean LANGUAGE sql "
            "AS 'SELECT true'",
            (),
        ),
        (f'SET ROLE "{lab.database}_leads"', ()),
        ("CREATE TABLE public.mine (x int)", ()),
    ]
    with psycopg.connect(lab.admin) as conn:
        before = [
            conn.execute(f"SELECT * FROM hub.{table} ORDER BY 1").fetchall()
            for table in ("documents", "settings", "assignments", "layer_history")
        ]
    before_layers = hub_layers(lab)
    for statement, parameters in attempts:
        with (
            lab.connect(amal, f"{amal}-pw") as conn,
            pytest.raises((*REFUSED, psycopg.errors.DependentObjectsStillExist)) as refused,
        ):
            conn.execute(statement, parameters)
        assert isinstance(refused.value, REFUSED), statement
    with psycopg.connect(lab.admin) as conn:
        after = [
            conn.execute(f"SELECT * FROM hub.{table} ORDER BY 1").fetchall()
            for table in ("documents", "settings", "assignments", "layer_history")
        ]
    assert after == before
    assert hub_layers(lab) == before_layers


def test_a_lead_writes_gold_but_not_an_annotators_layer(lab, team):
    lead, amal = team.lead, lab.name("amal")
    before = hub_layers(lab)
    with lab.connect(lead, f"{lead}-pw") as conn:
        assert (
            conn.execute(
                "UPDATE hub.layers SET content = '{}' WHERE annotator = %s", (amal,)
            ).rowcount
            == 0
        )
        conn.execute(
            "INSERT INTO hub.layers(document, annotator, content, fingerprint) "
            "VALUES (%s, 'gold', %s, 'g1')",
            (DEIR_1, Jsonb({"annotations": [], "status": "done"})),
        )
        written = conn.execute(
            "SELECT written_by FROM hub.layers WHERE annotator = 'gold'"
        ).fetchone()
    assert written == (lead,)  # the server says who wrote it, whatever the client sends
    after = hub_layers(lab)
    assert after[DEIR_1, amal] == before[DEIR_1, amal]


def test_in_a_blind_project_an_annotator_reads_only_their_own_layers(lab, tmp_path):
    team = make_team(lab, tmp_path, blind=True)
    amal, omar = lab.name("amal"), lab.name("omar")
    annotate_and_sync(team.copies["amal"], amal)
    annotate_and_sync(team.copies["omar"], omar, "الميادين")
    with lab.connect(amal, f"{amal}-pw") as conn:
        for table in ("layers", "spans", "events", "layer_history"):
            owners = {row[0] for row in conn.execute(f"SELECT annotator FROM hub.{table}")}
            assert owners <= {amal}, table
        assert {row[0] for row in conn.execute("SELECT annotator FROM hub.layers")} == {amal}
    with lab.connect(team.lead, f"{team.lead}-pw") as conn:
        owners = {row[0] for row in conn.execute("SELECT annotator FROM hub.layers")}
        assert owners == {amal, omar}
    # and a sync brings amal nothing of omar's
    project = open_to_change(team.copies["amal"])
    try:
        report = syncing.sync(project)
        assert report.pulled == 0
        assert project.spans.for_document(project.documents.id_for_sha256(DEIR_1), omar) == []
    finally:
        project.close()
    with Project.open(team.source) as lead_copy:
        report_lines = syncing.sync(lead_copy).lines()
        assert f"{amal}: 1" in report_lines[1] and f"{omar}: 1" in report_lines[1]


def test_a_lead_lifts_blindness_and_the_next_sync_brings_the_others_layers(lab, tmp_path):
    team = make_team(lab, tmp_path, blind=True)
    amal, omar = lab.name("amal"), lab.name("omar")
    annotate_and_sync(team.copies["amal"], amal)
    annotate_and_sync(team.copies["omar"], omar, "الميادين")
    with pytest.raises(hub_setup.HubSetupError, match="only a lead"):
        hub_setup.set_blind(lab.url(amal), False)
    assert hub_setup.set_blind(lab.url(team.lead), False) is True
    with Project.open(team.copies["amal"]) as mine:
        report = syncing.sync(mine)
        assert report.pulled_layers == {omar: 1}
        doc = mine.documents.id_for_sha256(DEIR_1)
        assert [s.text for s in mine.spans.for_document(doc, omar)] == ["الميادين"]
    hub_setup.set_blind(lab.url(team.lead), True)
    with lab.connect(amal, f"{amal}-pw") as conn:
        assert {row[0] for row in conn.execute("SELECT annotator FROM hub.layers")} == {amal}


def test_taking_on_a_group_role_does_not_make_a_login_someone_else(lab, team):
    amal = lab.name("amal")
    before = hub_layers(lab)
    with lab.connect(amal, f"{amal}-pw") as conn:
        conn.execute(f'SET ROLE "{lab.database}_annotators"')
        with pytest.raises(REFUSED, match="row-level security"):
            conn.execute(
                "INSERT INTO hub.layers(document, annotator, content, fingerprint) "
                "VALUES (%s, %s, '{}', 'x')",
                (DEIR_1, f"{lab.database}_annotators"),
            )
        conn.execute("RESET ROLE")
        conn.execute("UPDATE hub.layers SET fingerprint = 'changed' WHERE annotator = %s", (amal,))
        stamped = conn.execute(
            "SELECT written_by FROM hub.layers WHERE annotator = %s", (amal,)
        ).fetchall()
    assert stamped == [(amal,)]
    after = hub_layers(lab)
    assert {k: v for k, v in after.items() if k[1] != amal} == {
        k: v for k, v in before.items() if k[1] != amal
    }
