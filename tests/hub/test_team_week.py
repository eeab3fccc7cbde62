"""A lead and two annotators run a project through a hub from the command line."""

from __future__ import annotations

import re
from pathlib import Path

from annotator.bench.cluster import ADMIN
from annotator.cli import main
from annotator.core.model import GOLD, Status
from annotator.core.text import sha256_text
from annotator.ops import adjudicating, editing, syncing
from annotator.store.project import Project
from tests.hub.conftest import ARTICLES, make_source, make_team

TEAM_DOC = Path(__file__).resolve().parents[2] / "docs" / "team.md"


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def document_id(project: Project, name: str) -> int:
    return project.documents.id_for_sha256(sha256_text(ARTICLES[name]))


def label_word(project: Project, name: str, annotator: str, label: str, word: str) -> int:
    doc = document_id(project, name)
    start = ARTICLES[name].index(word)
    return editing.create_span(project, doc, annotator, label, start, start + len(word)).id


def layer(project: Project, name: str, annotator: str) -> list[tuple[str, str]]:
    spans = project.spans.for_document(document_id(project, name), annotator)
    return sorted((s.label, s.text) for s in spans)


def test_a_lead_and_two_annotators_share_a_project_through_the_hub(lab, tmp_path, capsys):
    lina, amal, omar = lab.name("lina"), lab.name("amal"), lab.name("omar")
    source = make_source(tmp_path / "lina")
    code, out = run(
        capsys,
        "hub",
        "init",
        lab.admin,
        "--from",
        str(source),
        "--lead",
        lina,
        "--password",
        "lina-pw",
    )
    assert code == 0, out
    assert "4 documents" in out and lina in out
    for person in (amal, omar):
        code, out = run(
            capsys,
            "hub",
            "add-user",
            lab.admin,
            person,
            "--role",
            "annotator",
            "--password",
            f"{person}-pw",
        )
        assert code == 0, out
        lab.remember(person, f"{person}-pw")
    lab.remember(lina, "lina-pw")

    code, out = run(
        capsys, "hub", "assign", lab.url(lina), "--annotators", amal, omar, "--per-document", "2"
    )
    assert code == 0 and "8 new assignments" in out, out

    for person in (amal, omar):
        code, out = run(capsys, "clone", lab.url(person), str(tmp_path / person))
        assert code == 0, out
        assert "4 documents" in out and "8 assignments" in out, out

    with Project.open(tmp_path / amal) as mine:
        assert mine.documents.count() == 4
        assert mine.meta("hub.login") == amal
        assert "lina-pw" not in str(mine.db.conn.execute("SELECT * FROM meta").fetchall())
        label_word(mine, "deir-1", amal, "LOCATION", "الثردات")
        label_word(mine, "deir-1", amal, "ACTOR", "الجيش")
        editing.set_status(mine, document_id(mine, "deir-1"), amal, Status.DONE)
    with Project.open(tmp_path / omar) as theirs:
        label_word(theirs, "deir-1", omar, "LOCATION", "الميادين")

    code, out = run(capsys, "sync", str(tmp_path / amal))
    assert code == 0 and "sent 1 layers" in out, out
    code, out = run(capsys, "sync", str(tmp_path / omar))
    assert code == 0 and "sent 1 layers" in out and f"{amal}: 1" in out, out

    code, out = run(capsys, "sync", str(source))
    assert code == 0 and f"{amal}: 1" in out and f"{omar}: 1" in out, out
    with Project.open(source) as lead:
        assert layer(lead, "deir-1", amal) == [("ACTOR", "الجيش"), ("LOCATION", "الثردات")]
        assert layer(lead, "deir-1", omar) == [("LOCATION", "الميادين")]
        assert lead.progress.get(document_id(lead, "deir-1"), amal) == Status.DONE
        place = next(
            s
            for s in lead.spans.for_document(document_id(lead, "deir-1"), amal)
            if s.label == "LOCATION"
        )
        adjudicating.accept(lead, place.id, lina)
    code, out = run(capsys, "sync", str(source))
    assert code == 0 and "sent 1 layers" in out, out

    code, out = run(capsys, "sync", str(tmp_path / amal))
    assert code == 0 and f"{GOLD}: 1" in out and f"{omar}: 1" in out, out
    with Project.open(tmp_path / amal) as mine:
        assert layer(mine, "deir-1", GOLD) == [("LOCATION", "الثردات")]
        assert layer(mine, "deir-1", omar) == [("LOCATION", "الميادين")]
        assert layer(mine, "deir-1", amal) == [("ACTOR", "الجيش"), ("LOCATION", "الثردات")]

    code, out = run(capsys, "hub", "status", lab.url(lina))
    assert code == 0, out
    rows = {line.split()[0]: line.split()[1:5] for line in out.splitlines()[3:]}
    assert rows[amal] == ["4", "1", "0", "3"], out  # assigned, done, in progress, untouched
    assert rows[omar] == ["4", "0", "1", "3"], out


def test_a_second_sync_with_nothing_new_moves_nothing(lab, tmp_path, capsys):
    team = make_team(lab, tmp_path, annotators=())
    code, out = run(capsys, "sync", str(team.source))
    assert code == 0, out
    assert out.splitlines()[:2] == [
        f"sent 0 layers to {lab.url(team.lead, None)} as {team.lead}",
        "received 0 layers",
    ]


def test_the_hub_unreachable_is_one_line_and_leaves_the_work_waiting(lab, tmp_path, capsys):
    team = make_team(lab, tmp_path, annotators=())
    with Project.open(team.source) as lead:
        label_word(lead, "deir-2", team.lead, "LOCATION", "دير الزور")
        url = lead.meta("hub.url")
        with lead.write():
            lead.set_meta("hub.url", url.replace(str(lab.cluster.port), "1"))
        moved = list(lead.db.conn.iterdump())
    code, out = run(capsys, "sync", str(team.source))
    assert code == 1
    assert out.startswith("error: cannot reach the hub at postgresql://") and out.count("\n") == 1
    with Project.open(team.source) as lead:
        assert list(lead.db.conn.iterdump()) == moved  # nothing here changed
        with lead.write():
            lead.set_meta("hub.url", url)
    code, out = run(capsys, "sync", str(team.source))
    assert code == 0 and "sent 1 layers" in out, out


def test_assigning_again_gives_out_only_the_documents_no_one_has(lab, tmp_path, capsys):
    team = make_team(lab, tmp_path, annotators=("amal", "omar"))
    amal, omar = lab.name("amal"), lab.name("omar")
    lead_url = lab.url(team.lead)
    code, out = run(capsys, "hub", "assign", lead_url, "--annotators", amal, omar)
    assert code == 0 and "4 new assignments" in out, out
    code, out = run(capsys, "hub", "assign", lead_url, "--annotators", omar, amal)
    assert code == 0 and "0 new assignments" in out, out  # every document has someone
    listing = tmp_path / "more.tsv"
    listing.write_text(f"deir-2\t{amal}\n{sha256_text(ARTICLES['deir-3'])}\t{amal}\n")
    code, out = run(capsys, "hub", "assign", lead_url, "--from", str(listing))
    assert code == 0 and "1 new assignment;" in out, out  # deir-3 was amal's already
    listing.write_text(f"deir-9\t{amal}\n")
    code, out = run(capsys, "hub", "assign", lead_url, "--from", str(listing))
    assert code == 1 and "more.tsv" in out and "line 1" in out and "deir-9" in out, out
    with Project.open(team.copies["amal"]) as mine:
        syncing.sync(mine)
        assigned = syncing.assigned_to(mine, amal)
        names = sorted(mine.documents.name(d) for d in assigned)
    assert names == ["deir-1", "deir-2", "deir-3"]
    code, out = run(capsys, "hub", "status", lab.url(amal))
    assert code == 0, out
    rows = {line.split()[0]: line.split()[1:5] for line in out.splitlines()[3:]}
    assert rows[amal] == ["3", "0", "0", "3"]
    assert rows[omar] == ["2", "0", "0", "2"]  # the project is not blind


def test_a_lead_who_owns_the_hub_is_told_the_policies_do_not_bind_them(lab, tmp_path, capsys):
    source = make_source(tmp_path / "own")
    code, out = run(capsys, "hub", "init", lab.admin, "--from", str(source), "--lead", ADMIN)
    assert code == 0, out
    assert "owns its tables" in out and "row-level policies" in out


def test_a_lead_moves_an_annotators_unbegun_documents_to_a_colleague(lab, tmp_path, capsys):
    team = make_team(lab, tmp_path, annotators=("amal", "omar"))
    amal, omar = lab.name("amal"), lab.name("omar")
    lead_url = lab.url(team.lead)
    assert run(capsys, "hub", "assign", lead_url, "--annotators", amal)[0] == 0
    with Project.open(team.copies["amal"]) as mine:
        syncing.sync(mine)
        label_word(mine, "deir-2", amal, "LOCATION", "دير الزور")
        syncing.sync(mine)
        assert len(syncing.assigned_to(mine, amal)) == 4
    code, out = run(capsys, "hub", "unassign", lead_url, "--annotators", amal)
    assert code == 0, out
    assert "3 assignments ended; 1 assignment kept, begun already" in out, out
    code, out = run(capsys, "hub", "assign", lead_url, "--annotators", omar)
    assert code == 0 and "3 new assignments" in out, out
    with Project.open(team.copies["amal"]) as mine:
        syncing.sync(mine)
        names = [mine.documents.name(d) for d in syncing.assigned_to(mine, amal)]
        assert names == ["deir-2"]
        assert layer(mine, "deir-2", amal) == [("LOCATION", "دير الزور")]  # her work stays
    with Project.open(team.copies["omar"]) as theirs:
        syncing.sync(theirs)
        names = sorted(theirs.documents.name(d) for d in syncing.assigned_to(theirs, omar))
        assert names == ["deir-1", "deir-3", "deir-4"]
    code, out = run(capsys, "hub", "unassign", lead_url, "--annotators", amal, "--started")
    assert code == 0 and "1 assignment ended" in out, out


def test_a_lead_reads_the_teams_spans_and_events_with_sql(lab, tmp_path):
    import psycopg

    from annotator.core.model import Argument
    from annotator.ops import event_editing

    team = make_team(lab, tmp_path, annotators=("amal",))
    amal = lab.name("amal")
    with Project.open(team.copies["amal"]) as mine:
        trigger = label_word(mine, "deir-1", amal, "EVENT", "اشتباكات")
        place = label_word(mine, "deir-1", amal, "LOCATION", "الثردات")
        event = event_editing.create_event(
            mine,
            document_id(mine, "deir-1"),
            amal,
            "EVENT",
            trigger,
            [Argument("location", place)],
            {"event_type": "Battles", "fatalities": 3},
        )
        assert syncing.sync(mine).pushed_layers == 1
    with psycopg.connect(lab.url(team.lead, f"{team.lead}-pw")) as conn:
        spans = conn.execute(
            "SELECT annotator, label, text FROM hub.spans ORDER BY label"
        ).fetchall()
        events = conn.execute(
            "SELECT annotator, type, trigger, arguments->0->>'role', attributes->>'fatalities' "
            "FROM hub.events"
        ).fetchall()
        queries = re.findall(r"```sql\n(.*?)```", TEAM_DOC.read_text(), re.S)
        documented = [conn.execute(query).fetchall() for query in queries]
    assert spans == [(amal, "EVENT", "اشتباكات"), (amal, "LOCATION", "الثردات")]
    assert events == [(amal, "EVENT", str(trigger), "location", "3")]
    assert event.label == "EVENT"
    # the queries docs/team.md offers a lab's analysts run, and say what they promise
    assert documented == [
        [(amal, "EVENT", 1), (amal, "LOCATION", 1)],
        [(amal, "Battles", "اشتباكات", "الثردات", "3")],
    ]
