"""spaCy: JSONL ``{"text", "spans": [{"start", "end", "label"}]}`` (or ``"ents"``), and the
binary ``.spacy`` DocBin that ``spacy train`` reads, when spaCy is installed
(``pip install 'annotator[spacy]'``).

Offsets are code points, end exclusive, as in Python and spaCy. JSONL spans need no tokens;
a DocBin is built from our tokens (see docs/tokenisation.md), with every span in the span
group ``sc`` and the longest non-overlapping ones as ``doc.ents``. A span that does not fit
the tokens is refused or, with ``drop_unaligned``, left out and listed, as in CoNLL.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import AnnotatedDocument, Span
from annotator.core.records import Record, SpanRecord
from annotator.core.tokenised import Misfit, lay_spans
from annotator.formats import spacy_v2, training
from annotator.formats.export_context import ExportContext
from annotator.formats.jsondecode import loads
from annotator.formats.reading import iter_lines
from annotator.formats.writing import atomic_directory, atomic_file

SPAN_GROUP = "sc"


def _spacy() -> Any:
    try:
        import spacy
    except ImportError:
        raise InputError(
            "the .spacy format needs spaCy: pip install 'annotator[spacy]' "
            "(JSONL needs nothing: give a file name ending in .jsonl)"
        ) from None
    return spacy


# -- reading ---------------------------------------------------------------------------


def _spans(obj: dict[str, Any]) -> list[SpanRecord]:
    spans = []
    for key in ("spans", "ents"):
        items = obj.get(key) or []
        if not isinstance(items, list):
            raise InputError(f"'{key}' must be a list of {{start, end, label}}")
        for number, item in enumerate(items, 1):
            if not isinstance(item, dict) or not {"start", "end", "label"} <= item.keys():
                raise InputError(f"'{key}' entry {number} needs 'start', 'end' and 'label'")
            if not isinstance(item["label"], str):
                raise InputError(f"'{key}' entry {number}: 'label' must be a string")
            spans.append(SpanRecord(item["start"], item["end"], item["label"], item.get("text")))
    return spans


def _read_jsonl(path: Path, encoding: str) -> Iterator[Record]:
    number = 0
    for line_number, line in iter_lines(path, encoding):
        if not line.strip():
            continue
        number += 1
        try:
            try:
                obj = loads(line, line_number)
            except json.JSONDecodeError as error:
                raise InputError(f"not valid JSON ({error.msg} at column {error.colno})") from None
            if not isinstance(obj, dict) or "text" not in obj:
                raise InputError("expected an object with 'text'")
            meta = obj.get("meta")
            name = obj.get("name")
            yield Record(
                text=obj["text"],
                name=str(name) if name is not None else None,
                meta=meta if isinstance(meta, dict) else {},
                spans=_spans(obj),
                line=line_number,
                number=number,
            )
        except InputError as error:
            raise error.located(file=path, line=line_number, record=number) from None


def _read_docbin(path: Path) -> Iterator[Record]:
    spacy = _spacy()
    try:
        docbin = spacy.tokens.DocBin().from_bytes(path.read_bytes())
        docs = list(docbin.get_docs(spacy.vocab.Vocab()))
    except (ValueError, KeyError, TypeError) as error:
        raise InputError(f"not a spaCy DocBin file ({error})", file=path) from None
    for number, doc in enumerate(docs, 1):
        found = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        for group in doc.spans.values():
            found |= {(s.start_char, s.end_char, s.label_) for s in group}
        meta = doc.user_data.get("meta")
        yield Record(
            text=doc.text,
            name=doc.user_data.get("name"),
            meta=meta if isinstance(meta, dict) else {},
            spans=[SpanRecord(start, end, label) for start, end, label in sorted(found)],
            number=number,
        )


def read(
    path: Path, encoding: str = "utf-8", options: dict[str, Any] | None = None
) -> Iterator[Record]:
    """A ``.spacy`` DocBin, or spaCy-style JSONL (any other name)."""
    if path.suffix.lower() == ".spacy":
        return _read_docbin(path)
    spacy_v2.refuse_if_v2(path, encoding)
    return _read_jsonl(path, encoding)


# -- writing ---------------------------------------------------------------------------


def _jsonl(out: Path, documents: Iterable[AnnotatedDocument], context: ExportContext) -> None:
    options = context.options
    key = "ents" if options.get("ents") else "spans"
    misfits = training.Misfits(options)
    with training.text_outputs(out, options.get("split"), ".jsonl") as route:
        for item in documents:
            stream = route(item.document.id)
            if stream is None:
                continue
            spans = sorted(item.spans, key=lambda s: (s.start, -s.end, s.id))
            if key == "ents":
                spans = _without_overlaps(item, spans, misfits)
            line = {
                "text": item.document.text,
                key: [
                    {"start": s.start, "end": s.end, "label": s.label, "text": s.text}
                    for s in spans
                ],
                "name": item.document.name,
                "meta": item.document.meta,
            }
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
        misfits.settle(context.notes)


def _without_overlaps(
    item: AnnotatedDocument, spans: list[Span], misfits: training.Misfits
) -> list[Span]:
    kept: list[Span] = []
    end, last = 0, None
    for span in spans:
        if last is not None and span.start < end:
            misfits.add(
                [
                    Misfit(
                        item.document,
                        span,
                        f"overlaps span {last.id} {last.label} «{last.text}» "
                        "('ents' cannot overlap; 'spans' can)",
                    )
                ]
            )
            continue
        kept.append(span)
        end, last = span.end, span
    return kept


def _doc(spacy: Any, vocab: Any, item: AnnotatedDocument, laid: Any) -> Any:
    """A spaCy Doc of our tokens whose text is exactly the document's text."""
    text = item.document.text
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool] = []
    position = 0

    def gap(until: int) -> None:
        piece = text[position:until]
        if piece.startswith(" ") and words:
            spaces[-1] = True
            piece = piece[1:]
        if piece:
            words.append(piece)
            spaces.append(False)
            starts.append(not words[:-1])

    for sentence in laid.sentences:
        for index, token in enumerate(sentence.tokens):
            gap(token.start)
            words.append(token.text)
            spaces.append(False)
            starts.append(index == 0 or not words[:-1])
            position = token.end
    gap(len(text))
    doc = spacy.tokens.Doc(vocab, words=words, spaces=spaces, sent_starts=starts)
    spans = []
    for sentence in laid.sentences:
        for first, last, label in sentence.spans:
            start, end = sentence.tokens[first].start, sentence.tokens[last - 1].end
            spans.append(doc.char_span(start, end, label=label, alignment_mode="strict"))
    doc.spans[SPAN_GROUP] = spans
    doc.ents = spacy.util.filter_spans(spans)
    doc.user_data["name"] = item.document.name
    doc.user_data["meta"] = item.document.meta
    return doc


def _docbin(out: Path, documents: Iterable[AnnotatedDocument], context: ExportContext) -> None:
    spacy = _spacy()
    options = context.options
    how = training.tokenisation(options)
    plan = options.get("split")
    misfits = training.Misfits(options)
    vocab = spacy.vocab.Vocab()
    bins = {
        name: spacy.tokens.DocBin(store_user_data=True) for name in (plan.names if plan else [""])
    }
    for item in documents:
        name = plan.of(item.document.id) if plan else ""
        if name is None:
            continue
        laid = lay_spans(item, how, flat=False)
        misfits.add(laid.misfits)
        bins[name].add(_doc(spacy, vocab, item, laid))
    misfits.settle(context.notes)
    if plan is None:
        with atomic_file(out) as stream:
            stream.flush()
            stream.buffer.write(bins[""].to_bytes())
        return
    with atomic_directory(out) as folder:
        for name, docbin in bins.items():
            (folder / f"{name}.spacy").write_bytes(docbin.to_bytes())


def write(out: Path, documents: Iterable[AnnotatedDocument], context: ExportContext) -> None:
    """JSONL, or a DocBin when ``out`` ends in ``.spacy``."""
    if out.suffix.lower() == ".spacy" or context.options.get("docbin"):
        _docbin(out, documents, context)
    else:
        _jsonl(out, documents, context)
