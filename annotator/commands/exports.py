"""annotator export: write documents and annotations, or a training dataset."""

from __future__ import annotations

import argparse
import sys

from annotator.commands import summary
from annotator.commands.base import RAW, ProgressBar, plural
from annotator.core.errors import InputError
from annotator.core.tagging import WRITABLE_SCHEMES
from annotator.core.tokenised import TOKEN_MODES
from annotator.formats import registry
from annotator.ops import exporting, opening

NOTES_SHOWN = 20
TRAINING = tuple(registry.training())
FLAG_FORMATS = {  # options given a value other than their default, and who takes them
    "sentences": TRAINING,
    "tokens": TRAINING,
    "split_clitics": TRAINING,
    "scheme": ("conll", "conllu", "hf"),
    "drop_unaligned": TRAINING,
    "flat": ("conll",),
    "layout": ("conll",),
    "tab": ("conll",),
    "docstart": ("conll",),
    "parquet": ("hf",),
    "docbin": ("spacy",),
    "ents": ("spacy",),
    "doccano_shape": ("doccano",),
}
DEFAULTS = {"tokens": "auto", "scheme": "iob2", "layout": "stacked"}


def register(sub: argparse._SubParsersAction) -> None:
    formats = "\n".join(
        f"  {name:<12} {registry.FORMATS[name].description}" for name in registry.writable()
    )
    training = ", ".join(TRAINING)
    folders = ", ".join(
        name for name in registry.writable() if registry.FORMATS[name].writes_folder
    )
    parser = sub.add_parser(
        "export",
        help=summary("export"),
        formatter_class=RAW,
        description=(
            "Write the project's documents with their annotations. Offsets are code points into\n"
            "'text', end exclusive; every annotation repeats its text and every document\n"
            f"carries the SHA-256 of its text. Training formats ({training}) hold\n"
            "one annotator's layer, cut the text into tokens and refuse to move a span that does\n"
            "not fit the tokens: they list such spans, or leave them out with --drop-unaligned.\n"
            "See docs/datasets.md."
        ),
        epilog=(
            f"formats:\n{formats}\n\n"
            "examples:\n"
            "  annotator export deir-ez-zor --format json --out deir-ez-zor.json\n"
            "  annotator export deir-ez-zor --format jsonl --out samira.jsonl --annotator samira\n"
            "  annotator export deir-ez-zor --format conll --out gold.conll --annotator gold\n"
            "  annotator export deir-ez-zor --format hf --out dataset --annotator gold \\\n"
            "      --only-done --sentences --split train=0.8,dev=0.1,test=0.1 --seed 7\n"
            "  annotator export deir-ez-zor --format spacy --out train.spacy --annotator gold"
        ),
    )
    parser.add_argument("project")
    parser.add_argument("--format", required=True, choices=registry.writable())
    parser.add_argument(
        "--out", required=True, help=f"file (or folder: {folders}, --split) to write"
    )
    chosen = parser.add_argument_group("what to write")
    chosen.add_argument(
        "--annotator",
        help="only this annotator's layer, or gold (default: all layers; training formats "
        "and doccano: the only layer)",
    )
    chosen.add_argument(
        "--only-done", action="store_true", help="only documents the annotator marked done"
    )
    chosen.add_argument(
        "--exclude-label",
        action="append",
        default=[],
        metavar="LABEL",
        help="leave out spans with this label (repeatable)",
    )
    chosen.add_argument(
        "--split",
        metavar="PARTS",
        help="split by document, e.g. train=0.8,dev=0.1,test=0.1; --out is then a folder",
    )
    chosen.add_argument("--seed", type=int, default=0, help="seed of the split (default 0)")
    tokens = parser.add_argument_group(f"training formats ({training})")
    tokens.add_argument(
        "--sentences",
        action="store_true",
        help="end sentences at . ! ? ؟ too (line breaks always end one); hf: a row a sentence",
    )
    tokens.add_argument(
        "--tokens",
        choices=TOKEN_MODES,
        default="auto",
        help="words, or white-space pieces; auto: white space for texts read from token files",
    )
    tokens.add_argument(
        "--split-clitics",
        action="store_true",
        help="cut proclitics off as tokens where they precede the article: و|الجيش ب|المدينة",
    )
    tokens.add_argument("--scheme", choices=WRITABLE_SCHEMES, default="iob2", help="tag scheme")
    tokens.add_argument(
        "--drop-unaligned",
        action="store_true",
        help="write the dataset without the spans that do not fit the tokens, and list them",
    )
    tokens.add_argument("--flat", action="store_true", help="conll: one tag per token")
    tokens.add_argument(
        "--layout",
        choices=("stacked", "conll2003"),
        default="stacked",
        help="conll: token TAG [TAG…], or token POS chunk TAG",
    )
    tokens.add_argument("--tab", action="store_true", help="conll: columns separated by tabs")
    tokens.add_argument(
        "--docstart",
        choices=("auto", "always", "never"),
        help="conll: -DOCSTART- lines (auto: when a file holds several documents)",
    )
    tokens.add_argument("--parquet", action="store_true", help="hf: Parquet instead of JSONL")
    tokens.add_argument(
        "--docbin",
        action="store_true",
        help="spacy: the binary DocBin (the default for an --out ending in .spacy)",
    )
    tokens.add_argument(
        "--ents",
        action="store_true",
        help="spacy JSONL: 'ents' (no overlaps) instead of 'spans'",
    )
    parser.add_argument(
        "--doccano-shape",
        choices=("entities", "label"),
        help="doccano: 'entities' with relations (default) or 'label' triples (no relations)",
    )
    parser.set_defaults(run=run)


def check_flags(args: argparse.Namespace) -> None:
    """An option the chosen format does not take is a mistake, not something to ignore."""
    for name, formats in FLAG_FORMATS.items():
        value = getattr(args, name)
        if value and value != DEFAULTS.get(name) and args.format not in formats:
            flag = "--" + name.replace("_", "-")
            raise InputError(f"{flag} applies to {', '.join(formats)} only, not {args.format}")


def format_options(args: argparse.Namespace) -> dict[str, object]:
    options: dict[str, object] = {
        "tokens": args.tokens,
        "split_clitics": args.split_clitics,
        "sentences": args.sentences,
        "scheme": args.scheme,
        "drop_unaligned": args.drop_unaligned,
        "flat": args.flat,
        "layout": args.layout,
        "tab": args.tab,
        "parquet": args.parquet,
        "ents": args.ents,
        "docbin": args.docbin,
    }
    if args.docstart:
        options["docstart"] = args.docstart
    if args.doccano_shape:
        options["doccano_shape"] = args.doccano_shape
    return options


def run(args: argparse.Namespace) -> int:
    check_flags(args)
    bar = ProgressBar(sys.stderr)
    with opening.open_to_read(args.project) as project:
        if args.annotator and args.annotator not in project.annotators():
            known = ", ".join(project.annotators()) or "none yet"
            print(
                f"note: no annotations by {args.annotator} (annotators: {known})", file=sys.stderr
            )
        try:
            report = exporting.export(
                project,
                args.format,
                args.out,
                args.annotator,
                format_options(args),
                only_done=args.only_done,
                exclude_labels=args.exclude_label,
                split=args.split,
                seed=args.seed,
                progress=bar,
            )
        finally:
            bar.close()
    for note in report.notes[:NOTES_SHOWN]:
        print(f"note: {note}", file=sys.stderr)
    if len(report.notes) > NOTES_SHOWN:
        print(f"note: … and {len(report.notes) - NOTES_SHOWN} more", file=sys.stderr)
    layer = f" ({report.layer}'s layer)" if report.layer else ""
    parts = ", ".join(f"{name} {n}" for name, n in report.parts.items())
    left_out = f" ({report.left_out} left out)" if report.left_out else ""
    print(
        f"Wrote {report.documents} documents, {report.spans} spans{left_out}, "
        f"{report.events} events, {report.relations} relations{layer} to {args.out}."
        + (f" Split: {parts}." if parts else "")
    )
    if report.notes:
        print(f"{plural(len(report.notes), 'note')} above.", file=sys.stderr)
    return 0
