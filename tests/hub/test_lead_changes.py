"""What only a lead sends: new documents and schema changes; and what a URL carries."""

from __future__ import annotations

import psycopg
import pytest

from annotator.cli import main
from annotator.core.errors import AnnotatorError
from annotator.core.text import sha256_text
from annotator.ops import editing, hub_setup, importing, schema_changes, syncing
from annotator.store.project import DATABASE, Project
from tests.hub.conftest import ARTICLES, make_source, make_team

NEW_ARTICLE = "قصفت طائرات مسيّرة مواقع قرب الشحيل مساء السبت."


def test_documents_a_lead_adds_reach_everyone_and_an_annotators_stay_with_them(lab, tmp_path):
    team = make_team(lab, tmp_path, annotators=("amal",))
    article = tmp_path / "shuhail.txt"
    article.write_text(NEW_ARTICLE, encoding="utf-8")
    with Project.open(team.source) as lead:
        importing.import_files(lead, [article])
        report = syncing.sync(lead)
    assert report.pushed_documents == 1
    other = tmp_path / "own.txt"
    other.write_text("مقال لم يرسله أحد إلى المركز.", encoding="utf-8")
    with Project.open(team.copies["amal"]) as mine:
        importing.import_files(mine, [other])
        report = syncing.sync(mine)
        assert report.pulled_documents == 1
        assert report.pushed_documents == 0
        assert any("only a lead adds documents" in note for note in report.not_sent)
        assert mine.documents.count() == 6
    with Project.open(team.source) as lead:
        assert lead.documents.count() == 5  # amal's own article did not travel


def test_a_leads_schema_change_reaches_annotators_and_theirs_does_not_travel(lab, tmp_path):
    team = make_team(lab, tmp_path, annotators=("amal",))
    with Project.open(team.source) as lead:
        label = schema_changes.fresh_label(lead.schema, "other")
        schema_changes.add_label(lead, team.lead, label)
        assert syncing.sync(lead).pushed_schema
        added = label.id
    with Project.open(team.copies["amal"]) as mine:
        report = syncing.sync(mine)
        assert report.pulled_schema
        assert added in mine.schema.label_ids
        mine_label = schema_changes.fresh_label(mine.schema, "other")
        schema_changes.add_label(mine, lab.name("amal"), mine_label)
        report = syncing.sync(mine)
        assert not report.pushed_schema
        assert any("only a lead changes the hub's schema" in n for n in report.not_sent)
        assert report.pulled_schema and mine_label.id not in mine.schema.label_ids
        assert added in mine.schema.label_ids
    with Project.open(team.source) as lead:
        syncing.sync(lead)
        assert mine_label.id not in lead.schema.label_ids
    # a second sync of the lead sends nothing: the schema did not change
    with Project.open(team.source) as lead:
        assert not syncing.sync(lead).pushed_schema


def test_a_password_in_the_url_is_used_once_and_never_stored(lab, tmp_path, capsys):
    make_team(lab, tmp_path, annotators=())
    nada = lab.name("nada")
    secret = "s3cret-مرور"
    hub_setup.add_user(lab.admin, nada, "annotator", secret)
    assert main(["clone", lab.url(nada, secret), str(tmp_path / nada)]) == 0
    assert secret.encode() not in (tmp_path / nada / DATABASE).read_bytes()
    with Project.open(tmp_path / nada) as copy:
        assert copy.meta("hub.url") == lab.url(nada, None)
    capsys.readouterr()
    # without it anywhere libpq looks, the sync says so in one line
    assert main(["sync", str(tmp_path / nada)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("error: cannot reach the hub at") and "password" in error
    assert error.count("\n") == 1
    assert main(["sync", str(tmp_path / nada), "--password", secret]) == 0


def test_sslmode_in_the_url_is_honoured(lab, tmp_path, capsys):
    team = make_team(lab, tmp_path, annotators=())
    url = lab.url(team.lead) + "?sslmode=require"  # this server speaks no TLS
    assert main(["clone", url, str(tmp_path / "copy")]) == 1
    error = capsys.readouterr().err
    assert "SSL" in error and error.count("\n") == 1
    assert not (tmp_path / "copy").exists()
    assert main(["clone", lab.url(team.lead) + "?sslmode=prefer", str(tmp_path / "copy")]) == 0
    with Project.open(tmp_path / "copy") as copy:
        assert copy.meta("hub.url").endswith("?sslmode=prefer")


def test_a_service_file_names_the_hub(lab, tmp_path, capsys, monkeypatch):
    team = make_team(lab, tmp_path, annotators=())
    services = tmp_path / "pg_service.conf"
    services.write_text(
        f"[deirezzor]\nhost=127.0.0.1\nport={lab.cluster.port}\ndbname={lab.database}\n"
    )
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    url = f"postgresql://{team.lead}@?service=deirezzor"
    assert main(["clone", url, str(tmp_path / "copy")]) == 0, capsys.readouterr()
    with Project.open(tmp_path / "copy") as copy:
        assert copy.meta("hub.url") == url
        assert copy.documents.count() == 4
    assert main(["sync", str(tmp_path / "copy")]) == 0
    assert main(["clone", "postgresql://", str(tmp_path / "other")]) == 1
    assert "not a hub URL" in capsys.readouterr().err


def test_what_cannot_be_done_is_one_line_and_changes_nothing(lab, tmp_path, capsys):
    team = make_team(lab, tmp_path, annotators=("amal",))
    plain = make_source(tmp_path / "plain")
    cases = [
        (["sync", str(plain)], "not a hub's copy"),
        (["sync", str(tmp_path / "nowhere")], "no project here"),
        (["clone", lab.url(team.lead), str(team.copies["amal"])], "a project already exists"),
        (["hub", "init", lab.admin, "--from", str(plain), "--lead", "x"], "already holds a hub"),
        (["hub", "add-user", lab.admin, "gold", "--role", "annotator"], "cannot be a login"),
        (["hub", "add-user", lab.admin, " ", "--role", "lead"], "login name"),
        (["hub", "assign", lab.url(team.lead)], "name the annotators"),
        (
            ["hub", "assign", lab.url(team.lead), "--annotators", "a", "--per-document", "2"],
            "--per-document",
        ),
        (["hub", "blind", lab.url(lab.name("amal")), "no"], "only a lead"),
        (["hub", "status", lab.cluster.url()], "holds no hub"),
    ]
    with psycopg.connect(lab.admin) as conn:
        before = conn.execute("SELECT count(*), max(revision) FROM hub.layers").fetchone()
    for argv, said in cases:
        assert main(argv) == 1, argv
        error = capsys.readouterr().err
        assert error.startswith("error: ") and error.count("\n") == 1, (argv, error)
        assert said in error, (argv, error)
        assert "Traceback" not in error
    with psycopg.connect(lab.admin) as conn:
        assert conn.execute("SELECT count(*), max(revision) FROM hub.layers").fetchone() == before


def test_giving_a_role_again_moves_a_person_between_annotator_and_lead(lab, tmp_path):
    team = make_team(lab, tmp_path, annotators=("amal",))
    amal = lab.name("amal")
    assert hub_setup.add_user(lab.admin, amal, "lead") is False  # the login was there
    roles = dict(hub_setup.status(lab.admin).members)
    assert roles[amal] == "lead" and roles[team.lead] == "lead"
    assert hub_setup.set_blind(lab.url(amal), True) is False  # a lead now
    hub_setup.add_user(lab.admin, amal, "annotator")
    assert dict(hub_setup.status(lab.admin).members)[amal] == "annotator"
    with Project.open(team.copies["amal"]) as mine:
        doc = mine.documents.id_for_sha256(sha256_text(ARTICLES["deir-3"]))
        editing.create_span(mine, doc, "gold", "LOCATION", 0, 4)
        report = syncing.sync(mine)
    assert report.pushed_layers == 0  # gold is not an annotator's to send
    assert any("not yours to send" in note for note in report.not_sent)


def test_a_colleague_taken_off_the_hub_reads_and_writes_nothing_and_their_work_stays(
    lab, tmp_path, capsys
):
    team = make_team(lab, tmp_path, annotators=("amal", "omar"))
    amal = lab.name("amal")
    with Project.open(team.copies["amal"]) as mine:
        doc = mine.documents.id_for_sha256(sha256_text(ARTICLES["deir-3"]))
        editing.create_span(mine, doc, amal, "LOCATION", 0, 4)
        syncing.sync(mine)
    assert main(["hub", "remove-user", lab.admin, amal]) == 0
    assert "is off the hub" in capsys.readouterr().out
    assert amal not in dict(hub_setup.status(lab.admin).members)
    with (
        Project.open(team.copies["amal"]) as mine,
        pytest.raises(AnnotatorError, match="permission denied"),
    ):
        syncing.sync(mine)
    with Project.open(team.source) as lead:
        assert syncing.sync(lead).pulled_layers == {amal: 1}  # her work stays
    assert main(["hub", "remove-user", lab.admin, amal]) == 0
    assert "was not on the hub" in capsys.readouterr().out
