"""Events read back from the project are the very objects the model defines: equal,
immutable and printed the same as events built the ordinary way."""

from __future__ import annotations

import dataclasses

import pytest

from annotator.core.model import Argument, Event
from annotator.ops.importing import import_files
from tests.conftest import write_jsonl

TEXT = "😀 قصفت طائرات حربية مدينة الميادين"


def test_an_event_read_back_is_the_event_the_model_defines(project, tmp_path):
    place = TEXT.index("الميادين")
    record = {
        "text": TEXT,
        "annotations": [
            {"id": "t", "start": 2, "end": 6, "label": "EVENT"},
            {"id": "p", "start": place, "end": len(TEXT), "label": "LOCATION"},
        ],
        "events": [
            {
                "id": 1,
                "type": "EVENT",
                "trigger": "t",
                "arguments": [{"role": "location", "span": "p"}],
                "attributes": {"fatalities": 3},
            }
        ],
    }
    import_files(project, [write_jsonl(tmp_path / "a.jsonl", [record])], annotator="samira")
    (read,) = project.events.for_document(1)
    (streamed,) = project.events.iter_all()
    trigger, location = (span.id for span in project.spans.for_document(1))
    built = Event(
        id=read.id,
        document_id=1,
        annotator="samira",
        label="EVENT",
        trigger=trigger,
        arguments=(Argument("location", span=location),),
        attributes={"fatalities": 3},
        provenance=None,
    )
    assert read == built == streamed
    assert repr(read) == repr(built) and hash(read.arguments) == hash(built.arguments)
    with pytest.raises(dataclasses.FrozenInstanceError):
        read.label = "OTHER"  # type: ignore[misc]
