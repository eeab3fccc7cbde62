"""Reading back the events an edit may have changed: by id, by word, by argument, within
one layer of one document."""

from __future__ import annotations

import hypothesis.strategies as st
from hypothesis import HealthCheck, given, settings

from annotator.core.model import Argument
from annotator.core.schema import load_preset
from annotator.ops import editing, event_editing
from annotator.ops.importing import import_files
from annotator.store.project import Project
from tests.conftest import write_jsonl

TEXT = "اشتباكات عنيفة بين قوات الحكومة وتنظيم داعش في الثردات والميادين"
WORDS = ("اشتباكات", "قوات الحكومة", "تنظيم داعش", "الثردات", "الميادين")
LABELS = ("EVENT", "ACTOR", "ACTOR", "LOCATION", "LOCATION")
ROLES = {"ACTOR": "actor1", "LOCATION": "location"}


def coded(project, tmp_path, annotator="samira"):
    """Both documents with the same words; events in the first, in two layers."""
    if project.documents.count() == 0:
        records = [{"text": TEXT}, {"text": TEXT + "\nخبر ثان"}]
        import_files(project, [write_jsonl(tmp_path / "in.jsonl", records)])
    spans = {}
    for document in (1, 2):
        for words, label in zip(WORDS, LABELS, strict=True):
            start = TEXT.index(words)
            span = editing.create_span(
                project, document, annotator, label, start, start + len(words)
            )
            spans[document, words] = span
    return spans


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    fillers=st.lists(st.lists(st.sampled_from(WORDS[1:]), max_size=3, unique=True), max_size=4),
    asked_spans=st.sets(st.sampled_from(WORDS)),
    asked_events=st.sets(st.integers(0, 5)),
)
def test_the_events_touching_spans_or_named_are_exactly_those(
    tmp_path_factory, fillers, asked_spans, asked_events
):
    tmp_path = tmp_path_factory.mktemp("rows")
    with Project.create(tmp_path / "project", load_preset("conflict")) as project:
        _check(project, tmp_path, fillers, asked_spans, asked_events)


def _check(project, tmp_path, fillers, asked_spans, asked_events) -> None:
    spans = coded(project, tmp_path)
    others = coded(project, tmp_path, "omar")
    made = []
    for document, layer in ((1, spans), (2, spans), (1, others)):
        for chosen in fillers:
            arguments = [
                Argument(ROLES[layer[document, w].label], layer[document, w].id) for w in chosen
            ]
            # one actor1 at most: the schema allows one
            seen, kept = set(), []
            for argument in arguments:
                if argument.role not in seen:
                    seen.add(argument.role)
                    kept.append(argument)
            made.append(
                event_editing.create_event(
                    project,
                    document,
                    layer[document, WORDS[0]].annotator,
                    "EVENT",
                    layer[document, WORDS[0]].id if len(made) % 2 else None,
                    kept,
                )
            )
    span_ids = {spans[1, w].id for w in asked_spans}
    event_ids = {made[n].id for n in asked_events if n < len(made)}
    found = project.events.touching(1, "samira", span_ids, event_ids)
    expected = [
        e
        for e in project.events.for_document(1, "samira")
        if e.id in event_ids
        or e.trigger in span_ids
        or any(a.span in span_ids for a in e.arguments)
    ]
    assert found == expected
