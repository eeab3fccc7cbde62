"""Writing WebAnno TSV 3.3: one file per document and annotator, as INCEpTION lays them out.

``<out>/<document>/<annotator>.tsv``; the gold layer is ``curator.tsv``; a document nobody
annotated is ``text.tsv``. Spans are a ``NamedEntity`` layer (``value`` = the label,
``identifier`` = the canonical entity); links are a ``webanno.custom.Relation`` layer
(``value`` = the role) on it — INCEpTION needs a relation layer of that name to read them.
Attributes have no column in ``NamedEntity`` and are left out (the export report says so).

Tokens are the runs of non-space characters (bidi marks stay inside them); a span boundary
inside one becomes a sub-token (``1-3.1``), one in white space a token of white space.
Sentences break at line ends, so that INCEpTION rebuilds exactly the same text from the
``#Text=`` lines. Offsets are UTF-16 code units, as INCEpTION counts them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from annotator.core.model import GOLD, AnnotatedDocument, Relation, Span
from annotator.core.text import Utf16Map
from annotator.formats.brat.export import file_name
from annotator.formats.event_links import LinkedEvents, as_links
from annotator.formats.export_context import ExportContext
from annotator.formats.webanno.tsv import NAMED_ENTITY, escape_text, escape_value
from annotator.formats.writing import atomic_directory

RELATION_LAYER = "webanno.custom.Relation"
_RUN = re.compile(r"\S+")


@dataclass
class _Unit:
    start: int
    end: int
    id: str = ""
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)


def tokens(text: str, spans: Iterable[Span]) -> list[tuple[int, int]]:
    """Runs of non-space characters, plus white space where a span begins or ends in it."""
    runs = [(m.start(), m.end()) for m in _RUN.finditer(text)]
    starts = {span.start for span in spans}
    ends = {span.end for span in spans}
    cuts = sorted(starts | ends)
    found = list(runs)
    gap_start = 0
    for run_start, run_end in [*runs, (len(text), len(text))]:
        if gap_start < run_start:
            inner = cuts[bisect_right(cuts, gap_start) : bisect_left(cuts, run_start)]
            edges = [gap_start, *inner, run_start]
            for piece_start, piece_end in pairwise(edges):
                if piece_start in starts or piece_end in ends:
                    found.append((piece_start, piece_end))
        gap_start = run_end
    found.sort()
    if found and found[0][0] > 0 and text[: found[0][0]].strip(" "):
        found.insert(0, (0, found[0][0]))  # INCEpTION fills the text before with spaces only
    return found


def sentences(text: str, units: list[tuple[int, int]]) -> list[tuple[int, int, list[int]]]:
    """(start, end, token indices): a sentence ends at a line end followed only by spaces."""
    out = []
    start, members = units[0][0], [0]
    for index in range(1, len(units)):
        gap_start = units[index - 1][1]
        gap = text[gap_start : units[index][0]]
        line_end = gap.rfind("\n")
        if line_end >= 0 and not gap[line_end + 1 :].strip(" "):
            out.append((start, gap_start + line_end, members))
            start, members = units[index][0], []
        members.append(index)
    out.append((start, len(text), members))
    return out


class _TsvLayout:
    """Tokens and sub-tokens of one document and layer, with the spans on each."""

    def __init__(self, text: str, spans: list[Span]) -> None:
        self.text = text
        self.tokens = [_Unit(s, e) for s, e in tokens(text, spans)]
        self.starts = [unit.start for unit in self.tokens]
        self.subtokens: dict[int, dict[tuple[int, int], _Unit]] = defaultdict(dict)
        self.units_of: dict[int, list[_Unit]] = {}
        for span in sorted(spans, key=lambda s: (s.start, -s.end, s.label, s.id)):
            self.units_of[span.id] = self._place(span)

    def _place(self, span: Span) -> list[_Unit]:
        units = []
        index = max(bisect_right(self.starts, span.start) - 1, 0)
        while index < len(self.tokens) and self.tokens[index].start < span.end:
            token = self.tokens[index]
            part = (max(span.start, token.start), min(span.end, token.end))
            if part[0] < part[1]:
                if part == (token.start, token.end):
                    unit = token
                else:
                    unit = self.subtokens[index].setdefault(part, _Unit(*part))
                unit.spans.append(span)
                units.append(unit)
            index += 1
        return units

    def numbered(self) -> list[tuple[int, int, list[_Unit]]]:
        """Sentences with their units (tokens, each followed by its sub-tokens), numbered."""
        out = []
        bounds = [(u.start, u.end) for u in self.tokens]
        for number, (start, end, members) in enumerate(sentences(self.text, bounds), 1):
            units = []
            for position, index in enumerate(members, 1):
                token = self.tokens[index]
                token.id = f"{number}-{position}"
                units.append(token)
                parts = sorted(self.subtokens[index].values(), key=lambda u: (u.start, -u.end))
                for sub, unit in enumerate(parts, 1):
                    unit.id = f"{token.id}.{sub}"
                    units.append(unit)
            out.append((start, end, units))
        return out


def render(
    text: str, spans: list[Span], relations: list[Relation], entities: dict[int, str]
) -> str:
    """One TSV 3.3 file for one annotator's spans and links on one document."""
    layout = _TsvLayout(text, spans)
    sentence_units = layout.numbered()
    ids: dict[int, int] = {}
    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.label, s.id)):
        units = layout.units_of[span.id]
        if len(units) > 1 or any(len(unit.spans) > 1 for unit in units):
            ids[span.id] = len(ids) + 1
    for relation in relations:
        layout.units_of[relation.target][0].relations.append(relation)
    header = ["#FORMAT=WebAnno TSV 3.3"]
    if spans:
        header.append(f"#T_SP={NAMED_ENTITY}|identifier|value")
    if relations:
        header.append(f"#T_RL={RELATION_LAYER}|value|BT_{NAMED_ENTITY}")
    units16 = Utf16Map(text)
    blocks = []
    for start, end, units in sentence_units:
        lines = [f"#Text={escape_text(line)}" for line in text[start:end].split("\n")]
        for unit in units:
            cells = [unit.id, f"{units16.to_utf16(unit.start)}-{units16.to_utf16(unit.end)}"]
            cells.append(escape_text(text[unit.start : unit.end]))
            if spans:
                cells += _span_cells(unit, ids, entities)
            if relations:
                cells += _relation_cells(unit, ids, layout)
            lines.append("\t".join(cells) + "\t")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(header) + "\n\n\n" + "\n".join(blocks)


def _tagged(value: str, ident: int | None) -> str:
    return f"{value}[{ident}]" if ident else value


def _span_cells(unit: _Unit, ids: dict[int, int], entities: dict[int, str]) -> list[str]:
    if not unit.spans:
        return ["_", "_"]
    identifiers, values = [], []
    for span in unit.spans:
        entity = entities.get(span.entity_id) if span.entity_id is not None else None
        identifiers.append(_tagged(escape_value(entity) if entity else "*", ids.get(span.id)))
        values.append(_tagged(escape_value(span.label), ids.get(span.id)))
    return ["|".join(identifiers), "|".join(values)]


def _relation_cells(unit: _Unit, ids: dict[int, int], layout: _TsvLayout) -> list[str]:
    if not unit.relations:
        return ["_", "_"]
    roles, governors = [], []
    for relation in unit.relations:
        source = layout.units_of[relation.source][0]
        pair = (ids.get(relation.source, 0), ids.get(relation.target, 0))
        roles.append(escape_value(relation.role))
        governors.append(f"{source.id}[{pair[0]}_{pair[1]}]" if any(pair) else source.id)
    return ["|".join(roles), "|".join(governors)]


def write(out: Path, documents: Iterable[AnnotatedDocument], context: ExportContext) -> None:
    """``<out>/<document>/<annotator>.tsv`` for every layer of every document."""
    linked = LinkedEvents()
    with atomic_directory(Path(out)) as folder:
        used: set[str] = set()
        dropped = False
        for original in documents:
            item = as_links(original, linked)
            document = item.document
            target = folder / file_name(document.name, used, f"document-{document.id}")
            target.mkdir()
            spans: dict[str, list[Span]] = defaultdict(list)
            relations: dict[str, list[Relation]] = defaultdict(list)
            for span in item.spans:
                spans[span.annotator].append(span)
                dropped = dropped or bool(span.attributes)
            for relation in item.relations:
                relations[relation.annotator].append(relation)
            if not spans:
                content = render(document.text, [], [], {})
                (target / "text.tsv").write_text(content, encoding="utf-8", newline="\n")
            names = {"curator", "curation_user", "text"}
            for annotator in sorted(spans):
                name = "curator" if annotator == GOLD else file_name(annotator, names, "layer")
                content = render(
                    document.text, spans[annotator], relations[annotator], context.entities
                )
                (target / f"{name}.tsv").write_text(content, encoding="utf-8", newline="\n")
        if dropped and hasattr(context, "notes"):
            context.notes.append(
                "span attributes are not written to WebAnno TSV (NamedEntity holds only a "
                "value and an identifier)"
            )
    context.notes.extend(linked.notes("WebAnno TSV"))
