"""CoNLL: one token per line with its tags, a blank line between sentences.

Read: ``token TAG`` (tab or space separated); stacked tags ``token TAG TAG …`` (nested
entities, first tag outermost, as in Wojood); the CoNLL-2003 columns ``token POS chunk TAG``
(the last column is the entity tag; POS and chunk are not kept); spaCy's sentence-per-line
``token|POS|TAG``. ``-DOCSTART-`` starts a new document. Tags in IOB1, IOB2, BIOES or BILOU.

The document text is built from the tokens: joined by single spaces, one sentence a line.
Offsets are ours, and the document is marked as tokenised so that export cuts it back into
the same tokens. An IOB2 file's ``I-`` without a ``B-`` before it is read as the start of an
entity and counted in a warning (``strict=True`` refuses it); in BIOES/BILOU files, whose
tags mark both ends of every entity, a broken sequence is an error.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from annotator.core.errors import InputError
from annotator.core.model import AnnotatedDocument
from annotator.core.records import Record, SpanRecord
from annotator.core.tagging import (
    SCHEMES,
    Irregular,
    TagError,
    allowed_prefixes,
    decode,
    encode,
    parse_tag,
    scheme_of,
    stack,
)
from annotator.core.tokenised import TOKENISED, lay_spans
from annotator.core.validation import tag_problem
from annotator.formats import training
from annotator.formats.export_context import ExportContext
from annotator.formats.reading import iter_lines

DOCSTART = "-DOCSTART-"
LAYOUTS = ("stacked", "conll2003")
_KEPT = 10  # irregular tags remembered per kind, to name their lines


@dataclass
class _Token:
    text: str
    tags: list[str]
    line: int


@dataclass
class _Findings:
    """What the file's tags show, to judge irregular sequences once its scheme is known."""

    prefixes: set[str] = field(default_factory=set)
    b_after_other: bool = False
    first: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # kind: (line, tag)…
    counts: dict[str, int] = field(default_factory=dict)

    def note(self, kind: str, line: int, tag: str) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        found = self.first.setdefault(kind, [])
        if len(found) < _KEPT:
            found.append((line, tag))


class _ColumnLayout:
    """How a file's lines are cut into token and tags, decided from its first lines."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.kind: str | None = None  # "stacked", "columns" or "pipes"
        self.width = 0  # the number of columns ("columns") or of parts per token ("pipes")

    def error(self, reason: str, line: int) -> InputError:
        return InputError(reason, file=self.path, line=line)

    def tag(self, tag: str, line: int) -> str:
        try:
            parse_tag(tag)
        except TagError as error:
            raise self.error(str(error), line) from None
        return tag

    def fields(self, text: str, line: int) -> list[str]:
        if "\t" in text:
            fields = [f.strip() for f in text.strip().split("\t")]
            if "" in fields:
                raise self.error("has an empty column between tabs", line)
            return fields
        return text.split()

    def decide(self, fields: list[str], line: int) -> None:
        if all("|" in f for f in fields) and len(fields[0].split("|")) >= 2:
            self.kind, self.width = "pipes", len(fields[0].split("|"))
        elif fields[0] == DOCSTART and len(fields) >= 3:
            self.kind, self.width = "columns", len(fields)
        elif len(fields) < 2:
            raise self.error(f"expected a token and its tag, found only {fields[0]!r}", line)
        elif all(_is_tag(f) for f in fields[1:]):
            self.kind = "stacked"
        else:
            self.kind, self.width = "columns", len(fields)

    def tokens(self, text: str, line: int) -> list[_Token] | None:
        """The tokens of a line (several in the pipes layout); None for a -DOCSTART- line."""
        fields = self.fields(text, line)
        if self.kind is None:
            self.decide(fields, line)
        if fields[0] == DOCSTART:
            return None
        if self.kind == "pipes":
            return [self._piped(item, line) for item in fields]
        if len(fields) < 2:
            raise self.error(f"expected a token and its tag, found only {fields[0]!r}", line)
        if self.kind == "columns":
            if len(fields) != self.width:
                raise self.error(
                    f"has {len(fields)} columns where the file's lines have {self.width}", line
                )
            return [_Token(fields[0], [self.tag(fields[-1], line)], line)]
        return [_Token(fields[0], [self.tag(f, line) for f in fields[1:]], line)]

    def _piped(self, item: str, line: int) -> _Token:
        parts = item.split("|")
        if len(parts) != self.width:
            raise self.error(f"{item!r} does not have {self.width} parts separated by |", line)
        return _Token(parts[0], [self.tag(parts[-1], line)], line)


def _is_tag(text: str) -> bool:
    try:
        parse_tag(text)
    except TagError:
        return False
    return True


_PROBLEMS = {
    "i-start": "{tag} continues an entity that was not begun",
    "orphan-end": "{tag} ends an entity that was not begun",
    "unclosed": "{tag} is the last tag of an entity but does not end it",
}


class _TokenDocument:
    """Sentences of one document as they are read, and the record they make."""

    def __init__(self, first_line: int) -> None:
        self.sentences: list[list[_Token]] = []
        self.first_line = first_line

    def record(self, number: int, findings: _Findings, check: _Check) -> Record:
        lines, spans = [], []
        offset = 0
        for sentence in self.sentences:
            starts = []
            for token in sentence:
                starts.append(offset)
                offset += len(token.text) + 1
            width = max(len(token.tags) for token in sentence)
            columns = [
                [token.tags[c] if c < len(token.tags) else "O" for token in sentence]
                for c in range(width)
            ]
            decoded = decode(columns)
            findings.prefixes |= decoded.prefixes
            findings.b_after_other |= decoded.b_after_other
            for irregular in decoded.irregular:
                check.irregular(irregular, sentence[irregular.token].line, findings)
            text = " ".join(token.text for token in sentence)
            lines.append(text)
            for span in decoded.spans:
                start = starts[span.start]
                end = starts[span.end - 1] + len(sentence[span.end - 1].text)
                line = sentence[span.start].line
                spans.append(SpanRecord(start, end, span.label, text=None, line=line))
        text = "\n".join(lines)
        for span in spans:
            span.text = text[span.start : span.end]
        return Record(
            text=text, meta={TOKENISED: True}, spans=spans, line=self.first_line, number=number
        )


class _Check:
    """Judges irregular tag sequences: at once for a given scheme, at the end for 'auto'."""

    def __init__(self, path: Path, scheme: str, strict: bool, options: dict[str, Any]) -> None:
        if scheme != "auto" and scheme not in SCHEMES:
            raise InputError(f"tag scheme must be auto or one of {', '.join(SCHEMES)}")
        self.path, self.scheme, self.strict, self.options = path, scheme, strict, options

    def allowed(self, token: _Token) -> None:
        if self.scheme == "auto":
            return
        for tag in token.tags:
            prefix, _ = parse_tag(tag)
            if prefix != "O" and prefix not in allowed_prefixes(self.scheme):
                raise InputError(
                    f"{tag} is not a tag of {self.scheme.upper()}", file=self.path, line=token.line
                )

    def irregular(self, irregular: Irregular, line: int, findings: _Findings) -> None:
        if irregular.kind == "unclosed" and self.scheme in ("iob1", "iob2"):
            return
        findings.note(irregular.kind, line, irregular.tag)
        if self.scheme != "auto":
            self.judge(self.scheme, {irregular.kind: [(line, irregular.tag)]})

    def judge(self, scheme: str, irregular: dict[str, list[tuple[int, str]]]) -> None:
        """Raise for the first irregular tag that the scheme cannot accept."""
        if scheme in ("bioes", "bilou"):
            found = [(line, kind, tag) for kind, items in irregular.items() for line, tag in items]
            if found:
                line, kind, tag = min(found)
                raise InputError(
                    f"{_PROBLEMS[kind].format(tag=tag)}: the tags mark both ends of every "
                    f"entity in {scheme.upper()}, so a tag is missing here and the sequence "
                    "cannot be repaired",
                    file=self.path,
                    line=line,
                )
        elif scheme == "iob2" and self.strict and irregular.get("i-start"):
            line, tag = irregular["i-start"][0]
            raise InputError(
                f"{tag} starts an entity without B- (IOB2, strict reading)",
                file=self.path,
                line=line,
            )

    def finish(self, findings: _Findings) -> None:
        scheme = self.scheme
        if scheme == "auto":
            scheme = scheme_of(findings.prefixes, findings.b_after_other)
            relevant = {
                kind: items
                for kind, items in findings.first.items()
                if kind != "unclosed" or scheme in ("bioes", "bilou")
            }
            self.judge(scheme, relevant)
        repaired = findings.counts.get("i-start", 0) if scheme == "iob2" else 0
        if repaired:
            lines = ", ".join(str(line) for line, _ in findings.first["i-start"])
            several = repaired != 1
            self.options.setdefault("notes", []).append(
                f"{repaired} I- tag{'s' * several} without a B- before "
                f"{'them were' if several else 'it was'} read as the start of an entity "
                f"(IOB2 repair; line{'s' * several} {lines}{', …' if repaired > _KEPT else ''})"
            )


LONG_UNMARKED = 50  # sentences in a file without -DOCSTART- lines worth a note about it


def read(
    path: Path, encoding: str = "utf-8", options: dict[str, Any] | None = None
) -> Iterator[Record]:
    """Documents of a CoNLL file, streamed: one per ``-DOCSTART-`` (or per N sentences).

    Import options: ``tag_scheme`` (auto, iob1, iob2, bioes, bilou), ``strict_tags`` (refuse
    IOB2 repairs), ``sentences_per_document``. Repairs are added to the options' ``notes``.
    A long file with no ``-DOCSTART-`` line (ANERcorp, for one) becomes one document of the
    whole corpus, exactly as written; a note says so and how to cut it into documents.
    """
    options = options if options is not None else {}
    scheme = options.get("tag_scheme") or "auto"
    sentences_per_document = options.get("sentences_per_document")
    if sentences_per_document is not None and (
        not isinstance(sentences_per_document, int) or sentences_per_document < 1
    ):
        raise InputError("sentences per document must be a whole number above 0")
    layout = _ColumnLayout(path)
    check = _Check(path, scheme, bool(options.get("strict_tags")), options)
    findings = _Findings()
    document: _TokenDocument | None = None
    sentence: list[_Token] = []
    number = 0
    tokens_seen = False
    for line_number, line in iter_lines(path, encoding):
        tokens = layout.tokens(line, line_number) if line.strip() else []
        if tokens:
            if document is None:
                document = _TokenDocument(line_number)
            for token in tokens:
                check.allowed(token)
                sentence.append(token)
            tokens_seen = True
            if layout.kind != "pipes":
                continue
        # a blank line, a -DOCSTART- line (None) or a sentence-per-line line ends a sentence
        if sentence and document is not None:
            document.sentences.append(sentence)
            sentence = []
        if document is not None and (
            tokens is None or len(document.sentences) == sentences_per_document
        ):
            number += 1
            yield document.record(number, findings, check)
            document = None
    if sentence and document is not None:
        document.sentences.append(sentence)
    if document is not None:
        number += 1
        if number == 1 and sentences_per_document is None:
            _note_unmarked(document, options)
        yield document.record(number, findings, check)
    if not tokens_seen:
        raise InputError("has no tokens (expected lines 'token TAG')", file=path)
    check.finish(findings)


def _note_unmarked(document: _TokenDocument, options: dict[str, Any]) -> None:
    """A whole corpus read as one document: say so, and how to cut it."""
    sentences = len(document.sentences)
    if sentences > LONG_UNMARKED:
        tokens = sum(len(sentence) for sentence in document.sentences)
        options.setdefault("notes", []).append(
            f"marks no documents (no -DOCSTART- line), so its {sentences:,} sentences "
            f"({tokens:,} tokens) are one document; --sentences-per-document N cuts it into "
            "documents of N sentences"
        )


# -- writing ---------------------------------------------------------------------------


class _Output:
    """One CoNLL file being written. With ``docstart`` auto, -DOCSTART- lines appear when the
    file holds more than one document, so the first document waits until a second comes."""

    def __init__(self, stream: TextIO, docstart: str, marker: str) -> None:
        self.stream, self.docstart, self.marker = stream, docstart, marker
        self.first: str | None = None
        self.count = 0
        self.written = False

    def add(self, block: str) -> None:
        self.count += 1
        if self.docstart != "auto":
            self._write(block, marked=self.docstart == "always")
        elif self.count == 1:
            self.first = block
        else:
            if self.first is not None:
                self._write(self.first, marked=True)
                self.first = None
            self._write(block, marked=True)

    def close(self) -> None:
        if self.first is not None:
            self._write(self.first, marked=False)

    def _write(self, block: str, marked: bool) -> None:
        if self.written:
            self.stream.write("\n")
        if marked:
            self.stream.write(f"{self.marker}\n\n")
        self.stream.write(block)
        self.written = True


class _Labels:
    """Labels as tags: a tag is one column, so a label must not hold the column separator.

    A label with a space (possible in a schema written by hand) is written in tab-separated
    columns (``--tab``), where the reader keeps the space; without ``--tab`` it is refused
    rather than written as two columns that read back as another label. A tab or a line
    break cannot be in a tag at all.
    """

    def __init__(self, tab: bool) -> None:
        self.tab = tab
        self.sound: set[str] = set()

    def check(self, label: str) -> None:
        if label in self.sound:
            return
        problem = tag_problem(label)
        if problem:
            raise InputError(f"the label {label!r} {problem}; rename it in the schema")
        if not self.tab and any(char.isspace() for char in label):
            raise InputError(
                f"the label {label!r} holds a space, which separates CoNLL's columns: "
                "export with --tab (tab-separated columns keep the space and read back), "
                "or rename the label in the schema"
            )
        self.sound.add(label)


def _block(sentences: list[list[str]]) -> str:
    return "\n\n".join("\n".join(lines) for lines in sentences) + "\n"


def write(out: Path, documents: Iterable[AnnotatedDocument], context: ExportContext) -> None:
    """Write documents as CoNLL: BIO (IOB2) tags by default, stacked when spans nest."""
    options = context.options
    how = training.tokenisation(options)
    scheme = training.scheme(options)
    layout = options.get("layout", "stacked")
    if layout not in LAYOUTS:
        raise InputError(f"CoNLL layout must be one of {', '.join(LAYOUTS)}, not {layout!r}")
    flat = bool(options.get("flat")) or layout == "conll2003"
    separator = "\t" if options.get("tab") else " "
    docstart = options.get("docstart", "always" if layout == "conll2003" else "auto")
    if docstart not in ("auto", "always", "never"):
        raise InputError(f"docstart must be auto, always or never, not {docstart!r}")
    marker = (
        separator.join([DOCSTART, "-X-", "-X-", "O"])
        if layout == "conll2003"
        else f"{DOCSTART}{separator}O"
    )
    misfits = training.Misfits(options)
    labels = _Labels(tab=separator == "\t")
    outputs: dict[TextIO, _Output] = {}
    with training.text_outputs(out, options.get("split"), ".conll") as route:
        for item in documents:
            stream = route(item.document.id)
            if stream is None:
                continue
            laid = lay_spans(item, how, flat=flat)
            misfits.add(laid.misfits)
            for span in item.spans:
                labels.check(span.label)
            lines = []
            for sentence in laid.sentences:
                columns = [encode(len(sentence.tokens), c, scheme) for c in stack(sentence.spans)]
                rows = []
                for index, token in enumerate(sentence.tokens):
                    if token.text == DOCSTART:
                        raise InputError(
                            f"document {item.document.id} ({item.document.name}) has the token "
                            f"{DOCSTART}, which CoNLL reads as the start of a document"
                        )
                    tags = [column[index] for column in columns] or ["O"]
                    while len(tags) > 1 and tags[-1] == "O":
                        tags.pop()
                    middle = ["_", "_"] if layout == "conll2003" else []
                    rows.append(separator.join([token.text, *middle, *tags]))
                lines.append(rows)
            if not lines:
                continue
            if stream not in outputs:
                outputs[stream] = _Output(stream, docstart, marker)
            outputs[stream].add(_block(lines))
        for output in outputs.values():
            output.close()
        misfits.settle(context.notes)
