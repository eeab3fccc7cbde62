"""annotator import: add articles, annotated or not, from our files or other tools'."""

from __future__ import annotations

import argparse
import sys

from annotator.commands import doing, summary
from annotator.commands.base import RAW, ProgressBar, plural, tell_when_waiting
from annotator.formats import registry
from annotator.ops import importing, opening
from annotator.ops.labels import parse_label_map


def register(sub: argparse._SubParsersAction) -> None:
    formats = "\n".join(
        f"  {name:<12} {registry.FORMATS[name].description}" for name in registry.readable()
    )
    folders = ", ".join(name for _, name in registry.folder_formats())
    parser = sub.add_parser(
        "import",
        help=summary("import"),
        formatter_class=RAW,
        description=(
            "Add articles to a project. A record whose text is already in the project adds its\n"
            "spans to that document instead of creating another one. An import is\n"
            "all-or-nothing: on any error nothing is written, the schema included.\n"
            "Labels the schema lacks are an error that lists them all, unless they are\n"
            "renamed (--map-label) or added (--add-labels). See docs/interchange.md."
        ),
        epilog=(
            f"formats:\n{formats}\n\n"
            "examples:\n"
            "  annotator import deir-ez-zor articles/*.txt\n"
            "  annotator import deir-ez-zor coded.jsonl --annotator samira\n"
            "  annotator import deir-ez-zor old-archive.csv --encoding cp1256\n"
            "  annotator import deir-ez-zor brat-corpus/ --add-labels\n"
            "  annotator import deir-ez-zor ls.json --format labelstudio --map-label PER=ACTOR\n"
            "  annotator import deir-ez-zor inception/annotation/ --webanno-layer NamedEntity\n"
            "  annotator import deir-ez-zor news.jsonl --format prodigy --all-answers"
        ),
    )
    parser.add_argument("project")
    parser.add_argument("files", nargs="+", metavar="FILE", help=f"files, or folders ({folders})")
    parser.add_argument("--format", choices=registry.readable(), help="default: by extension")
    parser.add_argument(
        "--annotator",
        help="layer for spans that do not name their annotator (default: your user name)",
    )
    parser.add_argument(
        "--encoding", default="utf-8", help="text encoding of the files (default utf-8)"
    )
    labels = parser.add_argument_group("labels from elsewhere")
    labels.add_argument(
        "--map-label",
        action="append",
        default=[],
        metavar="OLD=NEW",
        help="rename a label of the files on the way in (repeatable): --map-label PERS=ACTOR",
    )
    labels.add_argument(
        "--add-labels",
        action="store_true",
        help="add the files' unknown labels to the schema, as the files define them when they "
        "do (brat's annotation.conf, a MAE DTD, UIMA XMI's events and typed features: events "
        "with roles, attributes)",
    )
    labels.add_argument(
        "--one-layer",
        action="store_true",
        help="put every span in the --annotator layer, even where the file names annotators",
    )
    tools = parser.add_argument_group("options of other tools' formats")
    tools.add_argument(
        "--predictions",
        action="store_true",
        help="labelstudio: import model predictions too, as layers prediction:<model version>",
    )
    tools.add_argument(
        "--text-field", metavar="NAME", help="labelstudio: the data field holding the text"
    )
    tools.add_argument(
        "--all-answers",
        action="store_true",
        help="prodigy: take rejected and ignored tasks too (their spans get 'answer')",
    )
    tools.add_argument(
        "--webanno-layer",
        action="append",
        default=[],
        metavar="NAME",
        help="webanno: import only this annotation layer (repeatable), e.g. NamedEntity",
    )
    tools.add_argument(
        "--tag-scheme",
        choices=("auto", "iob1", "iob2", "bioes", "bilou"),
        help="conll: the files' tag scheme (default: auto, told from the tags)",
    )
    tools.add_argument(
        "--strict-tags",
        action="store_true",
        help="conll: refuse tags that need repairing instead of repairing them",
    )
    tools.add_argument(
        "--sentences-per-document",
        type=int,
        metavar="N",
        help="conll: a new document every N sentences (besides each -DOCSTART-)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    options = {
        "predictions": args.predictions,
        "text_field": args.text_field,
        "all_answers": args.all_answers,
        "webanno_layer": tuple(args.webanno_layer),
        "tag_scheme": args.tag_scheme,
        "strict_tags": args.strict_tags,
        "sentences_per_document": args.sentences_per_document,
    }
    label_map = parse_label_map(args.map_label)
    # backed up first (the project as it was, should the import be unwanted)
    bar = ProgressBar(sys.stderr, unit="records")
    with opening.open_to_change(args.project, doing("import")) as project:
        tell_when_waiting(project)
        try:
            report = importing.import_files(
                project,
                args.files,
                args.format,
                args.annotator,
                args.encoding,
                label_map=label_map,
                add_labels=args.add_labels,
                options=options,
                one_layer=args.one_layer,
                progress=bar if bar.active else None,
            )
        finally:
            bar.close()
    print(f"Imported {plural(report.files, 'file')}: {report.summary()}.")
    for note in report.notes:
        print(f"note: {note}")
    return 0
