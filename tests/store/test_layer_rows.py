"""Agreement reads spans as rows grouped by layer and events as rows (``streams.iter_layers``):
the same spans, links, statuses and events as the documents the rest of the app streams, and
the same figures."""

from __future__ import annotations

import json

from annotator.core.model import GOLD, Argument, Status
from annotator.ops import editing, event_editing, reviewing
from annotator.ops.importing import import_files
from annotator.review.agreement import measure, span_rows
from annotator.review.events import event_rows
from annotator.store.streams import iter_annotated, iter_layers
from tests.conftest import write_jsonl

TEXTS = [
    "هاجم تنظيم داعش نقاط الجيش في منطقة الثردات بريف دير الزور",
    "قصفت طائرات حربية مدينة الميادين 😀 وقتلت 6 مدنيين",
    "نص لم يوسم فيه شيء",
]


def _record(text: str, marks: list[tuple[str, str, dict]]) -> dict:
    """Spans by the words they cover, in the order given (the shorter of two starting
    together first: the store has to sort them)."""
    annotations = []
    for words, label, attributes in marks:
        start = text.index(words)
        annotations.append(
            {"start": start, "end": start + len(words), "label": label, "attributes": attributes}
        )
    return {"text": text, "annotations": annotations}


def _build(project, tmp_path) -> None:
    battle = {"event_type": "Battles", "sub_event_type": "Armed clash"}
    layers = {
        "samira": [
            [
                ("هاجم", "EVENT", battle),
                ("تنظيم", "LOCATION", {}),
                ("تنظيم داعش", "ACTOR", {}),
                ("دير الزور", "LOCATION", {}),
            ],
            [("قصفت", "EVENT", {}), ("مدينة الميادين", "LOCATION", {})],
            [],
        ],
        "omar": [
            [("هاجم", "EVENT", battle), ("داعش", "ACTOR", {}), ("دير الزور", "LOCATION", {})],
            [("قصفت", "EVENT", {"event_type": "Riots"}), ("الميادين", "LOCATION", {})],
            [],
        ],
        "lina": [[("تنظيم", "ACTOR", {}), ("تنظيم داعش", "ACTOR", {})], [], []],
    }
    for name, marks in layers.items():
        records = [_record(text, m) for text, m in zip(TEXTS, marks, strict=True)]
        import_files(project, [write_jsonl(tmp_path / f"{name}.jsonl", records)], annotator=name)
    for name in ("samira", "omar"):
        spans = {s.label: s for s in project.spans.for_document(1, name)}
        event_editing.link(project, spans["EVENT"].id, spans["ACTOR"].id, "actor1", name)
    # samira codes a second event on «هاجم», and one with no trigger word in the second article
    attack = {s.label: s for s in project.spans.for_document(1, "samira")}
    event_editing.create_event(
        project,
        1,
        "samira",
        "EVENT",
        attack["EVENT"].id,
        [Argument("location", attack["LOCATION"].id)],
    )
    city = project.spans.for_document(2, "samira")[-1]
    event_editing.create_event(
        project, 2, "samira", "EVENT", None, [Argument("location", city.id)], {"fatalities": 6}
    )
    editing.set_status(project, 3, "omar", Status.DONE)
    editing.set_status(project, 3, "lina", Status.DONE)
    editing.create_span(project, 1, GOLD, "EVENT", 0, 4)


def test_layers_are_the_documents_spans_in_text_order(project, tmp_path):
    _build(project, tmp_path)
    streamed = list(iter_annotated(project))
    read = list(iter_layers(project))
    assert [layers.document for layers in read] == [d.document for d in streamed]
    for layers, annotated in zip(read, streamed, strict=True):
        assert layers.spans == span_rows(annotated.spans)
        assert layers.relations == annotated.relations
        assert layers.status == annotated.status
        rows = [(*row[:5], json.loads(row[5]), row[6]) for row in layers.events]
        layer_by_layer = sorted(annotated.events, key=lambda e: (e.annotator, e.id))
        assert rows == event_rows(layer_by_layer)
    assert sum(len(layers.events) for layers in read) == 6  # 4 coded from spans, 2 made


def test_agreement_from_layers_is_agreement_from_documents(project, tmp_path):
    _build(project, tmp_path)
    names = ["lina", "omar", "samira"]
    expected = measure(iter_annotated(project), project.schema, names).to_json()
    assert json.dumps(reviewing.agreement(project).to_json()) == json.dumps(expected)
    with_gold = [*names, GOLD]
    expected = measure(iter_annotated(project), project.schema, with_gold).to_json()
    assert reviewing.agreement(project, with_gold).to_json() == expected
