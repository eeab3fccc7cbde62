"""What an event disagreement is, said in the window's language.

The review core describes event disagreements in English (the command line's words); the
window builds its own description from the same parts — the kind, the two annotators, their
events and what differs — with its catalogue's templates. In English it keeps the core's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from annotator.core.model import Event, Span
from annotator.ops import reviewing
from annotator.review.diff import Disagreement, Kind
from annotator.review.event_review import (
    NOTHING_TEXT,
    TYPE,
    EventDisagreementSummary,
    EventNames,
)
from annotator.review.events import EventRules
from annotator.ui.language import current, fill, listed, translate

LINE = re.compile(r"\(line (\d+)\)")
NO_WORD = "an event with no trigger word"  # how the core names such an event among fillers


class Names(EventNames):
    """How a document's events, spans and values read in the window's language."""

    def __init__(self, spans: Sequence[Span], events: Sequence[Event], schema) -> None:
        super().__init__(spans, events, EventRules(schema))

    def join(self, items: Iterable[str]) -> str:
        return listed(items)

    def said(self, trigger: str | None, summary: str) -> str:
        if trigger is None:
            return fill(translate("review", "an event with no trigger word (%1)"), summary)
        return f"«{trigger}» ({summary})"


def value(text: str) -> str:
    """A side's value as the core wrote it, its own words said in the window's language."""
    if text == NOTHING_TEXT:
        return translate("review", "none")
    if text in ("True", "False"):
        return translate("review", "yes") if text == "True" else translate("review", "no")
    text = text.replace(NO_WORD, translate("review", "an event with no trigger word"))
    return LINE.sub(lambda m: fill(translate("review", "(line %1)"), m.group(1)), text)


def what_differs(what: str) -> str:
    return translate("review", "type") if what == TYPE else what  # else a role's or attribute's


def describe(summary: EventDisagreementSummary, names: Names) -> str:
    first, second = summary.annotators
    a, b = summary.first_event, summary.second_event
    if a is None or b is None:
        has, lacks = (first, second) if b is None else (second, first)
        text = translate("review", "%1 codes %2; %3 has no such event")
        return fill(text, has, names.event(a or b), lacks)
    template = translate("review", "%1: %2 %3, %4 %5")
    differences = translate("review", "; ").join(
        fill(template, what_differs(what), first, value(x), second, value(y))
        for what, (x, y) in summary.differences.items()
    )
    differing = summary.disagreement.differences if summary.kind == Kind.ROLE_FILLER else ()
    return f"{names.where(a, b, differing)} — {differences}"


def described(
    project, document_id: int, compared: list[str], spans: list[Span], events: list[Event]
) -> list[tuple[Disagreement, str | None]]:
    """The document's disagreements between ``compared``, each event disagreement with its
    description in the window's language (a span disagreement has none)."""
    if len(compared) < 2:
        return []
    found = reviewing.described_disagreements(project, document_id, compared)
    if current() == "en":
        return [(item, summary.description if summary else None) for item, summary in found]
    names = Names(spans, events, project.schema)
    return [(item, describe(summary, names) if summary else None) for item, summary in found]
