"""Whatever a team does in whatever order, once everyone has synced, every copy agrees.

Hypothesis draws a sequence of what a lead and two annotators do — label a word, delete a
label, mark a document done, adjudicate into gold, sync — in any order; then each syncs twice.
Afterwards every copy holds, for every layer, exactly what its owner's copy holds, and no
change waits to be sent.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import GOLD, Status
from annotator.core.text import sha256_text
from annotator.ops import editing, syncing
from annotator.ops.hub_content import fingerprint, read_layer
from annotator.store.project import Project
from tests.hub.conftest import ARTICLES, Lab, make_team

WORDS = [
    (name, word)
    for name, text in ARTICLES.items()
    for word in sorted(set(text.replace(".", " ").replace("،", " ").split()))
    if len(word) > 3
][:24]
PEOPLE = ("lead", "amal", "omar")
_databases = itertools.count(1)

actions = st.lists(
    st.one_of(
        st.tuples(st.just("label"), st.sampled_from(PEOPLE), st.integers(0, len(WORDS) - 1)),
        st.tuples(st.just("unlabel"), st.sampled_from(PEOPLE), st.integers(0, len(WORDS) - 1)),
        st.tuples(st.just("done"), st.sampled_from(PEOPLE), st.sampled_from(list(ARTICLES))),
        st.tuples(st.just("sync"), st.sampled_from(PEOPLE), st.just(0)),
    ),
    min_size=1,
    max_size=14,
)


def _layer_of(person: str, team) -> str:
    return team.lead if person == "lead" else team.lab.name(person)


def _do(team, folders, action) -> None:
    kind, person, what = action
    folder = folders[person]
    with Project.open(folder) as project:
        layer = GOLD if person == "lead" and kind != "done" else _layer_of(person, team)
        if kind == "sync":
            syncing.sync(project)
            return
        if kind == "done":
            doc = project.documents.id_for_sha256(sha256_text(ARTICLES[what]))
            editing.set_status(project, doc, layer, Status.DONE)
            return
        name, word = WORDS[what]
        doc = project.documents.id_for_sha256(sha256_text(ARTICLES[name]))
        start = ARTICLES[name].index(word)
        there = project.spans.overlapping(doc, layer, start, start + len(word))
        if kind == "label" and not there:
            editing.create_span(
                project, doc, layer, "LOCATION", start, start + len(word), by=team.lead
            )
        elif kind == "unlabel" and there:
            editing.delete_span(project, there[0].id, layer)


def _layers(folder) -> dict[tuple[str, str], str]:
    with Project.open(folder) as project:
        entities = project.entities.names()
        found = {}
        for name, text in ARTICLES.items():
            doc = project.documents.id_for_sha256(sha256_text(text))
            for owner in project.annotators():
                here = read_layer(project, doc, owner)
                if here.exists:
                    found[name, owner] = fingerprint(here, entities)
        return found


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=actions)
def test_every_copy_agrees_once_everyone_has_synced(cluster, tmp_path_factory, steps):
    import psycopg

    database = f"converge{next(_databases)}"
    with psycopg.connect(cluster.url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database}"')
        conn.execute(f'CREATE DATABASE "{database}"')
    folder = tmp_path_factory.mktemp("team")
    pgpass = folder / "pgpass"
    pgpass.touch(mode=0o600)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PGPASSFILE", str(pgpass))
        _converge(Lab(cluster, database, f"_c{database[8:]}", pgpass), folder, steps)


def _converge(lab: Lab, folder, steps) -> None:
    team = make_team(lab, folder, annotators=("amal", "omar"))
    folders = {"lead": team.source, **team.copies}
    for step in steps:
        _do(team, folders, step)
    for _ in range(2):
        for person in PEOPLE:
            _do(team, folders, ("sync", person, 0))
    views = {person: _layers(folders[person]) for person in PEOPLE}
    owners = {GOLD: "lead", team.lead: "lead", lab.name("amal"): "amal", lab.name("omar"): "omar"}
    for person, view in views.items():
        for (name, owner), print_ in view.items():
            assert views[owners[owner]].get((name, owner)) == print_, (person, name, owner)
        for (name, owner), print_ in views[person].items():
            own = views[owners[owner]]
            assert own.get((name, owner)) == print_
        mine = {key for key in views[person] if owners[key[1]] == person}
        for other in PEOPLE:
            theirs = {key for key in views[other] if owners[key[1]] == person}
            assert theirs == mine, (person, other)
    for person in PEOPLE:
        with Project.open(folders[person]) as project:
            state = syncing.hub_state(project)
            assert state is not None and state.waiting == 0, person


def test_a_layer_changed_after_a_colleague_received_it_reaches_them_again(lab, tmp_path):
    team = make_team(lab, tmp_path, annotators=("amal",))
    folders = {"lead": team.source, **team.copies}
    steps = [("label", "amal", 0), ("sync", "amal", 0), ("sync", "lead", 0)]
    steps += [("label", "amal", 1), ("unlabel", "amal", 0), ("sync", "amal", 0)]
    steps += [("sync", "lead", 0)]
    for step in steps:
        _do(team, folders, step)
    amal = lab.name("amal")
    assert (
        _layers(team.source)[WORDS[1][0], amal] == _layers(team.copies["amal"])[WORDS[1][0], amal]
    )
    with Project.open(team.source) as lead:
        doc = lead.documents.id_for_sha256(sha256_text(ARTICLES[WORDS[0][0]]))
        assert WORDS[0][1] not in [s.text for s in lead.spans.for_document(doc, amal)]
