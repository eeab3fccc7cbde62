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
            {"start": 7, "end": 19, "label": "ACTOR", "attributes": {"actor_type": "State forces"}},
            {"start": start, "end": len(TEXT), "label": "LOCATION"},
        ],
    }
    import_files(project, [write_jsonl(tmp_path / "a.jsonl", [record])], annotator="samira")
    actor, place = project.spans.for_document(1)
    built = Span(
        id=actor.id,
        document_id=1,
        annotator="samira",
        label="ACTOR",
        start=7,
        end=19,
        text="طائرات حربية",
        attributes={"actor_type": "State forces"},
        entity_id=None,
        provenance=None,
    )
    assert actor == built and actor != place
    assert repr(actor) == repr(built)
    assert dataclasses.asdict(actor) == dataclasses.asdict(built)
    assert dataclasses.replace(actor, label="LOCATION").label == "LOCATION"
    assert (place.text, place.attributes, place.provenance) == ("الميادين", {}, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        actor.label = "LOCATION"  # type: ignore[misc]
    assert list(project.spans.iter_all()) == [actor, place]
