"""A format-1 project's links from event spans, brought up to events: a link whose role the
schema declares for the event becomes an argument, any other stays a link; and
``annotator check`` names every event that breaks the schema's rules for events."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.cli import main
from annotator.ops.checking import check
from annotator.store.project import DATABASE, Project
from tests.safety.test_upgrades import FIXTURES, copy_fixture

# the format-1 fixture's first article, as tests/fixtures/projects/content.py codes it
CLASH, GOVERNMENT, MILITIAS, RUMMANA = 1, 2, 3, 4  # samira's span ids: the event, its fillers


def with_links(folder: Path, *links: tuple[int, int, str]) -> None:
    """Add links (source span, target span, role) to samira's layer of the fixture's first
    document, as format 1 stored them."""
    conn = sqlite3.connect(folder / DATABASE, isolation_level=None)
    try:
        conn.executemany(
            "INSERT INTO relations(document_id, annotator, source, target, role, created) "
            "VALUES (1, 'samira', ?, ?, ?, '2026-11-26T09:30:00.000+00:00')",
            links,
        )
    finally:
        conn.close()


def the_clash(project: Project):
    (event,) = project.events.on_trigger(CLASH)
    texts = {s.id: s.text for s in project.spans.for_document(1)}
    return event, [(a.role, texts[a.span]) for a in event.arguments], texts


def test_a_link_of_a_role_the_event_does_not_have_stays_a_link(tmp_path):
    folder = copy_fixture(FIXTURES / "format-1", tmp_path)
    with_links(folder, (CLASH, MILITIAS, "ally"), (GOVERNMENT, RUMMANA, "based in"))
    with Project.open(folder) as project:
        _, arguments, texts = the_clash(project)
        assert arguments == [
            ("actor1", "قوات الحكومة"),
            ("actor2", "مسلحين محليين"),
            ("location", "بلدة الرمانة"),
        ]  # the roles the schema declares for EVENT, in the order they were made
        links = {(texts[r.source], r.role, texts[r.target]) for r in project.relations.iter_all()}
        assert links == {
            ("اشتباكات", "ally", "مسلحين محليين"),  # kept as it was: nothing lost
            ("قوات الحكومة", "based in", "بلدة الرمانة"),
        }
    report = check(folder)
    assert report.findings == []


def test_check_names_the_events_that_break_the_schema_s_rules(tmp_path, capsys):
    folder = copy_fixture(FIXTURES / "format-1", tmp_path)
    # declared roles, broken otherwise: a location that is an actor, the event's own word
    with_links(folder, (CLASH, GOVERNMENT, "location"), (CLASH, CLASH, "actor1"))
    with Project.open(folder) as project:
        event, arguments, _ = the_clash(project)
        assert arguments[-2:] == [("location", "قوات الحكومة"), ("actor1", "اشتباكات")]
    report = check(folder)
    assert not report.damaged
    (finding,) = report.findings
    assert (finding.table, finding.document_id, finding.document) == ("events", 1, "اشتباك-الرمانة")
    assert finding.what == (
        f"event {event.id} (EVENT, samira, «اشتباكات»): the role location of EVENT takes "
        "location spans, not ACTOR «قوات الحكومة»; «اشتباكات» is the event's trigger; it cannot "
        "be its actor1"
    )
    conn = sqlite3.connect(folder / DATABASE, isolation_level=None)
    try:  # the two broken arguments gone, and a role the schema does not declare
        conn.execute("DELETE FROM arguments WHERE position > 2")
        conn.execute("UPDATE arguments SET role = 'ally' WHERE role = 'actor2'")
    finally:
        conn.close()
    assert main(["check", str(folder)]) == 1
    err = capsys.readouterr().err
    where = f"events, document 1 (اشتباك-الرمانة): event {event.id} (EVENT, samira, «اشتباكات»)"
    assert f"{where}: EVENT has no role ally (its roles: actor1, actor2, location)" in err
