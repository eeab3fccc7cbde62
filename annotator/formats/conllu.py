"""CoNLL-U with entities in the MISC column, for users of Universal Dependencies pipelines.

Ten tab-separated columns per token (``ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS
MISC``); we know only the form, so the others are ``_``. MISC holds the token's entity tag
as ``NER=B-LOCATION`` (IOB2 by default, ``--scheme`` for BIOES or BILOU; the convention of
Stanza and of the ``conllu`` package's users, who read it as ``token["misc"]["NER"]``) and
UD's own ``SpaceAfter=No`` where no space follows the token, so the text can be rebuilt.
Each sentence starts with UD's ``# sent_id`` and ``# text`` comments, each document with
``# newdoc id``. A token has one tag, so spans that overlap are misfits, as in CoNLL-2003.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.model import AnnotatedDocument
from annotator.core.tagging import encode
from annotator.core.tokenised import lay_spans
from annotator.core.validation import tag_problem
from annotator.formats import training
from annotator.formats.export_context import ExportContext

EMPTY = "_"
MISC_KEY = "NER"


def _check_label(label: str, sound: set[str]) -> None:
    if label in sound:
        return
    problem = tag_problem(label)
    if problem is None and "|" in label:
        problem = "holds '|', which separates the MISC column's entries"
    if problem:
        raise InputError(f"the label {label!r} {problem}; rename it in the schema")
    sound.add(label)


def _comment(value: str) -> str:
    """A comment's value on one line: line breaks inside a sentence become spaces."""
    return " ".join(value.split("\n"))


def document_block(item: AnnotatedDocument, context: ExportContext, misfits: training.Misfits,
                   sound: set[str]) -> str:  # fmt: skip
    """One document's sentences as CoNLL-U, or an empty string when it has no token."""
    laid = lay_spans(item, training.tokenisation(context.options), flat=True)
    misfits.add(laid.misfits)
    scheme = training.scheme(context.options)
    text = item.document.text
    lines = [f"# newdoc id = {_comment(item.document.name)}"]
    for number, sentence in enumerate(laid.sentences, 1):
        if not sentence.tokens:
            continue
        for _, _, label in sentence.spans:
            _check_label(label, sound)
        tags = encode(len(sentence.tokens), sentence.spans, scheme)
        start, stop = sentence.tokens[0].start, sentence.tokens[-1].end
        lines.append(f"# sent_id = {item.document.id}-{number}")
        lines.append(f"# text = {_comment(text[start:stop])}")
        for index, token in enumerate(sentence.tokens):
            misc = [f"{MISC_KEY}={tags[index]}"]
            if token.end < len(text) and not text[token.end].isspace():
                misc.append("SpaceAfter=No")
            row = [str(index + 1), token.text, *[EMPTY] * 7, "|".join(misc)]
            lines.append("\t".join(row))
        lines.append("")
    return "\n".join(lines) + "\n" if len(lines) > 1 else ""


def write(out: Path, documents: Iterable[AnnotatedDocument], context: ExportContext) -> None:
    """Write one layer's documents as CoNLL-U (one file, or one per part with a split)."""
    misfits = training.Misfits(context.options)
    sound: set[str] = set()
    with training.text_outputs(out, context.options.get("split"), ".conllu") as route:
        for item in documents:
            stream = route(item.document.id)
            if stream is not None:
                stream.write(document_block(item, context, misfits, sound))
        misfits.settle(context.notes)
