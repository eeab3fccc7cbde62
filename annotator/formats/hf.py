"""Hugging Face token classification: a folder with one data file per part and a dataset card.

Each row: ``id``, ``document`` (its name), ``sha256`` (of the document's text), ``tokens``,
``ner_tags`` (class ids; ``O`` is 0, then B-/I- of each label in schema order) and ``offsets``
(each token's code-point start and end in the document's text). Rows are documents, or
sentences with ``sentences``. Data files are JSONL, or Parquet with ``parquet`` (needs
pyarrow: ``pip install 'annotator[parquet]'``). ``README.md`` is the dataset card: its YAML
header names the files and the class labels so that ``datasets.load_dataset`` reads the
folder as it is; its text gives the counts per label and part, the tokenisation and the
offset conventions. One tag per token: overlapping spans do not fit (see docs/datasets.md).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import AnnotatedDocument
from annotator.core.tagging import encode, tag_labels
from annotator.core.tokenised import TokenisedDocument, lay_spans
from annotator.formats import training
from annotator.formats.export_context import ExportContext
from annotator.formats.writing import atomic_directory

BATCH = 1000  # Parquet rows written at a time
UNSPLIT = "train"  # the part name the card gives an export without a split
_SPLIT_NAME = re.compile(r"^\w+$")
FEATURES = ("id", "document", "sha256", "tokens", "ner_tags", "offsets")


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise InputError(
            "Parquet needs pyarrow: pip install 'annotator[parquet]' (or leave out --parquet "
            "to write JSONL)"
        ) from None
    return pyarrow, pyarrow.parquet


def features(names: list[str]) -> dict[str, Any]:
    """The columns as ``datasets.Features.to_dict`` gives them, with the tags' class names:
    ``datasets`` reads them from the Parquet file's ``huggingface`` metadata, so that
    ``load_dataset("parquet", data_files=...)`` knows the labels without the card.
    ``Sequence`` is what every release of ``datasets`` reads (newer ones call it ``List``)."""

    def value(dtype: str) -> dict[str, Any]:
        return {"dtype": dtype, "_type": "Value"}

    def sequence(feature: dict[str, Any]) -> dict[str, Any]:
        return {"feature": feature, "_type": "Sequence"}

    return {
        "id": value("string"),
        "document": value("string"),
        "sha256": value("string"),
        "tokens": sequence(value("string")),
        "ner_tags": sequence({"names": list(names), "_type": "ClassLabel"}),
        "offsets": sequence(sequence(value("int64"))),
    }


class _JsonlRows:
    def __init__(self, path: Path, names: list[str]) -> None:
        self.stream = path.open("w", encoding="utf-8", newline="\n")

    def add(self, row: dict[str, Any]) -> None:
        self.stream.write(json.dumps(row, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.stream.close()


class _ParquetRows:
    def __init__(self, path: Path, names: list[str]) -> None:
        pa, self.pq = _pyarrow()
        self.pa = pa
        self.schema = pa.schema(
            [
                ("id", pa.string()),
                ("document", pa.string()),
                ("sha256", pa.string()),
                ("tokens", pa.list_(pa.string())),
                ("ner_tags", pa.list_(pa.int64())),
                ("offsets", pa.list_(pa.list_(pa.int64()))),
            ],
            metadata={"huggingface": json.dumps({"info": {"features": features(names)}})},
        )
        self.writer = self.pq.ParquetWriter(path, self.schema)
        self.rows: list[dict[str, Any]] = []

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()


class _Counts:
    """Rows, tokens and entities per label of one part, for the card."""

    def __init__(self) -> None:
        self.rows = 0
        self.documents = 0
        self.tokens = 0
        self.entities: Counter[str] = Counter()


def _rows(laid: TokenisedDocument, index: dict[str, int], scheme: str, sentences: bool):
    document = laid.document
    groups = [[s] for s in laid.sentences] if sentences else [laid.sentences]
    for number, group in enumerate(groups, 1):
        tokens, tags, offsets = [], [], []
        for sentence in group:
            tokens += [token.text for token in sentence.tokens]
            offsets += [[token.start, token.end] for token in sentence.tokens]
            tags += [index[tag] for tag in encode(len(sentence.tokens), sentence.spans, scheme)]
        if tokens:
            yield {
                "id": f"{document.id}-{number}" if sentences else str(document.id),
                "document": document.name,
                "sha256": document.sha256,
                "tokens": tokens,
                "ner_tags": tags,
                "offsets": offsets,
            }


def write(out: Path, documents: Iterable[AnnotatedDocument], context: ExportContext) -> None:
    """Write the dataset folder ``out`` (see the module documentation)."""
    options = context.options
    how = training.tokenisation(options)
    scheme = training.scheme(options)
    excluded = set(options.get("exclude_labels") or ())
    labels = [label for label in context.schema.label_ids if label not in excluded]
    names = tag_labels(labels, scheme)
    index = {name: number for number, name in enumerate(names)}
    plan = options.get("split")
    parts = plan.names if plan else (UNSPLIT,)
    for part in parts:
        if not _SPLIT_NAME.match(part):
            raise InputError(
                f"Hugging Face split names are letters, digits and _ only, not {part!r}"
            )
    parquet = bool(options.get("parquet"))
    suffix = ".parquet" if parquet else ".jsonl"
    files = {part: f"{part if plan else 'data'}{suffix}" for part in parts}
    misfits = training.Misfits(options)
    counts = {part: _Counts() for part in parts}
    with atomic_directory(out) as folder:
        sinks = {
            part: (_ParquetRows if parquet else _JsonlRows)(folder / files[part], names)
            for part in parts
        }
        try:
            for item in documents:
                part = plan.of(item.document.id) if plan else UNSPLIT
                if part is None:
                    continue
                laid = lay_spans(item, how, flat=True)
                misfits.add(laid.misfits)
                tally = counts[part]
                tally.documents += 1
                for sentence in laid.sentences:
                    tally.tokens += len(sentence.tokens)
                    tally.entities.update(label for _, _, label in sentence.spans)
                for row in _rows(laid, index, scheme, how.sentences):
                    sinks[part].add(row)
                    tally.rows += 1
        finally:
            for sink in sinks.values():
                sink.close()
        misfits.settle(context.notes)
        card = _card(context, names, labels, files, counts, how, plan, len(misfits.items))
        (folder / "README.md").write_text(card, encoding="utf-8")


def _yaml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _card(
    context: Any,
    names: list[str],
    labels: list[str],
    files: dict[str, str],
    counts: dict[str, _Counts],
    how: Any,
    plan: Any,
    left_out: int,
) -> str:
    options = context.options
    layer = options.get("layer") or "all layers"
    lines = ["---", "task_categories:", "- token-classification", "configs:"]
    lines += ["- config_name: default", "  data_files:"]
    for part, file in files.items():
        lines += [f"  - split: {_yaml_string(part)}", f"    path: {_yaml_string(file)}"]
    lines += ["dataset_info:", "  features:"]
    for feature in FEATURES:
        lines.append(f"  - name: {feature}")
        if feature == "tokens":
            lines.append("    sequence: string")
        elif feature == "ner_tags":
            lines += ["    sequence:", "      class_label:", "        names:"]
            lines += [f"          '{n}': {_yaml_string(name)}" for n, name in enumerate(names)]
        elif feature == "offsets":
            lines += ["    sequence:", "      sequence: int64"]
        else:
            lines.append("    dtype: string")
    lines += ["---", ""]
    unit = "sentence" if how.sentences else "document"
    lines += [
        f"# {context.project}: token classification",
        "",
        f"Exported by annotator on {datetime.now(UTC).date().isoformat()} from the project "
        f"`{context.project}` (schema `{context.schema.name}` {context.schema.version}), "
        f"layer: {layer}. One row per {unit}.",
        "",
        "## Labels",
        "",
        f"Tags in {training.scheme(options).upper()}; `ner_tags` holds their numbers:",
        "",
        " · ".join(f"{n} `{name}`" for n, name in enumerate(names)),
        "",
    ]
    if options.get("exclude_labels"):
        lines += [f"Left out on purpose: {', '.join(options['exclude_labels'])}.", ""]
    header = "| label | " + " | ".join(counts) + " | total |"
    lines += ["## Entities per label and part", "", header]
    lines.append("|---" * (len(counts) + 2) + "|")
    for label in labels:
        row = [counts[part].entities[label] for part in counts]
        lines.append(f"| {label} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    for what in ("documents", "rows", "tokens"):
        row = [getattr(counts[part], what) for part in counts]
        lines.append(f"| *{what}* | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    lines += ["", "## Split", ""]
    if plan is None:
        lines.append("No split was made: everything is in one file, given as `train`.")
    else:
        lines.append(
            f"By document: {plan.describe()}. Each document's place in the draw is the "
            "SHA-256 of the seed and of the document's text, so the same seed gives the "
            "same split whatever the order of import."
        )
    lines += [
        "",
        "## Tokenisation",
        "",
        f"{how.describe().capitalize()}. See the project's docs/tokenisation.md.",
        "",
        "## Offsets",
        "",
        "`offsets` are Unicode code points into the document's text, end exclusive (Python "
        "`text[start:end]`). The text is the imported article with a leading byte-order mark "
        "dropped and every line ending turned into one LF; nothing else is changed, so "
        "tatweel, diacritics and bidi marks count. `sha256` is the SHA-256 of that text in "
        "UTF-8: the project's export (`annotator export --format json`) gives the text.",
        "",
        "## Spans left out",
        "",
    ]
    if left_out:
        lines.append(
            f"{left_out} span{'s' * (left_out != 1)} did not fit the tokens or overlapped "
            "another span and were left out; `annotator export` listed each one."
        )
    else:
        lines.append("None: every span of the layer is in the data.")
    return "\n".join(lines) + "\n"
