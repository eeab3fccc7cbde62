"""Deciding what goes into the gold layer: agreed spans, their links, and where each came from.

A gold span records its *provenance*: who adjudicated it, when, under which version of the
schema (the guideline), how (``accepted``: the adjudicator chose one annotator's version;
``agreed``: enough annotators marked exactly the same extent and label), and the spans it
came from (annotator, span id, extent and label, so that it stays readable if they go).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.model import GOLD, AnnotatedDocument, Span
from annotator.review.agreement import is_annotated

ACCEPTED = "accepted"
AGREED = "agreed"

Key = tuple[int, int, str]  # (start, end, label)


def key_of(span: Span) -> Key:
    return (span.start, span.end, span.label)


def provenance(
    adjudicator: str, sources: Sequence[Span], method: str, schema_version: str, time: str
) -> dict[str, Any]:
    """What a gold span records about its making."""
    return {
        "adjudicator": adjudicator,
        "method": method,
        "time": time,
        "schema_version": schema_version,
        "from": [
            {
                "annotator": s.annotator,
                "span": s.id,
                "start": s.start,
                "end": s.end,
                "label": s.label,
            }
            for s in sources
        ],
    }


def sources_of(span: Span) -> list[dict[str, Any]]:
    """The spans a gold span came from, as its provenance lists them."""
    return list((span.provenance or {}).get("from") or [])


@dataclass(frozen=True)
class AgreedSpan:
    """A span enough annotators marked identically, ready to go into gold.

    ``attributes`` holds the values every one of them gave; ``unsettled`` names the
    attributes they set differently, left for the adjudicator.
    """

    start: int
    end: int
    label: str
    text: str
    attributes: dict[str, Any]
    unsettled: tuple[str, ...]
    sources: tuple[Span, ...]


def _agreed_attributes(sources: Sequence[Span]) -> tuple[dict[str, Any], tuple[str, ...]]:
    names = sorted({name for s in sources for name in s.attributes})
    agreed, unsettled = {}, []
    for name in names:
        values = [s.attributes.get(name) for s in sources]
        if all(v == values[0] for v in values):
            agreed[name] = values[0]
        else:
            unsettled.append(name)
    return agreed, tuple(unsettled)


def agreed_spans(
    document: AnnotatedDocument, annotators: Sequence[str], minimum: int | None = None
) -> list[AgreedSpan]:
    """Spans on which at least ``minimum`` of the annotators agree exactly, not yet in gold.

    Without ``minimum``, every annotator who annotated the document must agree, and at least
    two must have annotated it (see :func:`annotator.review.agreement.is_annotated`).
    """
    layers: dict[str, dict[Key, Span]] = {name: {} for name in annotators if name != GOLD}
    gold: set[Key] = set()
    for span in sorted(document.spans, key=lambda s: s.id):
        if span.annotator == GOLD:
            gold.add(key_of(span))
        elif span.annotator in layers:
            layers[span.annotator].setdefault(key_of(span), span)
    annotated = [
        name for name, spans in layers.items() if is_annotated(document, name, list(spans.values()))
    ]
    needed = _needed(len(annotated), minimum)
    found: dict[Key, list[Span]] = defaultdict(list)
    for name in annotated:
        for key, span in layers[name].items():
            found[key].append(span)
    agreed = []
    for key in sorted(found):
        sources = found[key]
        if len(sources) >= needed and key not in gold:
            attributes, unsettled = _agreed_attributes(sources)
            agreed.append(AgreedSpan(*key, sources[0].text, attributes, unsettled, tuple(sources)))
    return agreed


def _needed(annotated: int, minimum: int | None) -> int:
    return minimum if minimum is not None else max(2, annotated)


def agreed_links(
    document: AnnotatedDocument, annotators: Sequence[str], minimum: int | None = None
) -> list[tuple[Key, Key, str]]:
    """(event key, argument key, role) of links enough annotators made (as for spans)."""
    by_id = {span.id: span for span in document.spans}
    layers = {name: [s for s in document.spans if s.annotator == name] for name in annotators}
    needed = _needed(
        sum(1 for name, spans in layers.items() if is_annotated(document, name, spans)), minimum
    )
    holders: dict[tuple[Key, Key, str], set[str]] = defaultdict(set)
    for relation in document.relations:
        source, target = by_id.get(relation.source), by_id.get(relation.target)
        if relation.annotator in annotators and source is not None and target is not None:
            holders[key_of(source), key_of(target), relation.role].add(relation.annotator)
    return sorted(link for link, names in holders.items() if len(names) >= needed)
