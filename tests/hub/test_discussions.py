"""Discussions travel through the hub: each person's comments, under the right thread."""

from __future__ import annotations

import psycopg
import pytest
from psycopg.types.json import Jsonb

from annotator.core.text import sha256_text
from annotator.ops import discussing, editing, syncing
from annotator.store.project import Project
from tests.hub.conftest import ARTICLES, make_team

DEIR_1 = sha256_text(ARTICLES["deir-1"])


def threads_of(folder) -> list[tuple]:
    with Project.open(folder) as project:
        doc = project.documents.id_for_sha256(DEIR_1)
        return [
            (
                t.anchor["text"] if t.anchor else None,
                t.span_id is not None,
                t.resolved,
                [(c.author, c.body) for c in t.comments],
            )
            for t in project.comments.for_document(doc)
        ]


def test_a_question_on_a_span_and_its_answer_reach_everyone(lab, tmp_path):
    team = make_team(lab, tmp_path)
    amal = lab.name("amal")
    word = "الثردات"
    with Project.open(team.copies["amal"]) as mine:
        doc = mine.documents.id_for_sha256(DEIR_1)
        start = ARTICLES["deir-1"].index(word)
        span = editing.create_span(mine, doc, amal, "LOCATION", start, start + len(word))
        discussing.start_thread(mine, doc, amal, "قرية أم بلدة؟", span.id)
        report = syncing.sync(mine)
    assert report.pushed_layers == 1 and report.pushed_comments == 1
    with Project.open(team.source) as lead:
        report = syncing.sync(lead)
        assert report.pulled_comments == 1
        thread = lead.comments.for_document(lead.documents.id_for_sha256(DEIR_1))[0]
        discussing.reply(lead, thread.id, team.lead, "بلدة، حسب الخريطة.")
        discussing.resolve(lead, thread.id, team.lead)
        assert syncing.sync(lead).pushed_comments == 1
    with Project.open(team.copies["amal"]) as mine:
        assert syncing.sync(mine).pulled_comments == 1
    expected = [(word, True, True, [(amal, "قرية أم بلدة؟"), (team.lead, "بلدة، حسب الخريطة.")])]
    assert threads_of(team.copies["amal"]) == expected
    assert threads_of(team.source) == expected
    with Project.open(team.copies["omar"]) as theirs:
        syncing.sync(theirs)
    assert threads_of(team.copies["omar"]) == expected  # the span came with amal's layer
    for folder in (team.copies["amal"], team.source, team.copies["omar"]):
        with Project.open(folder) as project:  # a second sync brings nothing twice
            assert syncing.sync(project).pulled_comments == 0
    assert threads_of(team.copies["omar"]) == expected


def test_a_comment_signed_with_another_name_is_not_taken(lab, tmp_path):
    team = make_team(lab, tmp_path)
    amal, omar = lab.name("amal"), lab.name("omar")
    forged = {
        "threads": [
            {
                "thread": [omar, "2026-01-01T00:00:00Z"],
                "created": "2026-01-01T00:00:00Z",
                "messages": [{"body": "أنا عمر", "created": "2026-01-01T00:00:00Z"}],
            },
            {
                "thread": [amal, "2026-01-02T00:00:00Z"],
                "created": "2026-01-02T00:00:00Z",
                "messages": [
                    {"body": "سؤال", "created": "2026-01-02T00:00:00Z", "author": omar},
                ],
            },
        ]
    }
    with lab.connect(amal, f"{amal}-pw") as conn:
        conn.execute(
            "INSERT INTO hub.discussions(document, author, content) VALUES (%s, %s, %s)",
            (DEIR_1, amal, Jsonb(forged)),
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(
                "INSERT INTO hub.discussions(document, author, content) VALUES (%s, %s, %s)",
                (DEIR_1, omar, Jsonb(forged)),
            )
    with Project.open(team.source) as lead:
        report = syncing.sync(lead)
    assert report.pulled_comments == 1
    # omar's "thread" is not omar's; the message is amal's whatever it claims
    assert threads_of(team.source) == [(None, False, False, [(amal, "سؤال")])]
