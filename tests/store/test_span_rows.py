"""Spans read back from the project are the very objects the model defines: equal,
immutable and printed the same as spans built the ordinary way."""

from __future__ import annotations

import dataclasses

import pytest

from annotator.core.model import Span
from annotator.ops.importing import import_files
from tests.conftest import write_jsonl

TEXT = "😀 قصفت طائرات حربية مدينة الميادين"


def test_a_span_read_back_is_the_span_the_model_defines(project, tmp_path):
    start = TEXT.index("الميادين")
    record = {
        "text": TEXT,
        "annotations": [
            {"start": 2, "end": 6, "label": "EVENT", "attributes": {"fatalities": 3}},
            {"start": start, "end": len(TEXT), "label": "LOCATION"},
        ],
    }
    import_files(project, [write_jsonl(tmp_path / "a.jsonl", [record])], annotator="samira")
    event, place = project.spans.for_document(1)
    built = Span(
        id=event.id,
        document_id=1,
        annotator="samira",
        label="EVENT",
        start=2,
        end=6,
        text="قصفت",
        attributes={"fatalities": 3},
        entity_id=None,
        provenance=None,
    )
    assert event == built and event != place
    assert repr(event) == repr(built)
    assert dataclasses.asdict(event) == dataclasses.asdict(built)
    assert dataclasses.replace(event, label="ACTOR").label == "ACTOR"
    assert (place.text, place.attributes, place.provenance) == ("الميادين", {}, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.label = "ACTOR"  # type: ignore[misc]
    assert list(project.spans.iter_all()) == [event, place]
