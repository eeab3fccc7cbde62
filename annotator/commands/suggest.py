"""annotator suggest: spans learned from a layer, for the articles still to annotate."""

from __future__ import annotations

import argparse
import sys

from annotator.commands import doing, summary
from annotator.commands.base import RAW, plural, tell_when_waiting
from annotator.ops import opening, suggesting
from annotator.ops.suggest_names import names_file
from annotator.suggest.evaluation import Evaluation


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "suggest",
        help=summary("suggest"),
        formatter_class=RAW,
        description=(
            "Learn from a layer (an annotator's, gold, or all) and suggest spans for the\n"
            "documents it has not annotated (--documents all: every document).\n\n"
            "The dictionary recommender finds again the names the layer marked, the\n"
            "project's canonical entities and its gazetteer (annotator places --import), and\n"
            "those of --names (a GeoNames file, or name<TAB>label lines), on Arabic text\n"
            "normalised (alef and hamza forms, ya and alef maqsura, ta marbuta, diacritics,\n"
            "tatweel) and after proclitics («الجيش» in «والجيش», «حلب» in «بحلب»), which\n"
            "stay outside the span when the schema says clitics: exclude. The crf recommender\n"
            "is a CRF trained on the layer's sentences.\n\n"
            "--out writes JSONL, a line per document: id, name, sha256, text, and its\n"
            "suggestions (label, start, end in code points, text, recommender, score).\n"
            "--into writes them as spans of a layer, to review like any other (backed up\n"
            "first, all or nothing): a layer that holds no spans yet, or one that earlier\n"
            "suggestions went into, never one that holds an annotator's work. --evaluate\n"
            "measures them instead: precision, recall and F1 per label, cross-validated by\n"
            "document, and a learning curve.\n\n"
            "A name the layer's annotator rejected as a suggestion with a label (in the\n"
            "window), and never accepted with it, is not suggested with that label again."
        ),
        epilog=(
            "examples:\n"
            "  annotator suggest deir-ez-zor --learn-from samira --out suggested.jsonl\n"
            "  annotator suggest deir-ez-zor --learn-from gold --into samira-suggested\n"
            "  annotator suggest deir-ez-zor --learn-from gold --recommender crf --evaluate"
        ),
    )
    parser.add_argument("project")
    parser.add_argument("--learn-from", required=True, metavar="NAME", help="a layer, or all")
    parser.add_argument(
        "--recommender", choices=suggesting.choices(), default=suggesting.ALL, help="(all)"
    )
    parser.add_argument(
        "--documents", choices=suggesting.DOCUMENTS, default="unannotated", help="(unannotated)"
    )
    parser.add_argument("--names", metavar="FILE", help="more names: GeoNames, or name<TAB>label")
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--out", metavar="FILE.jsonl", help="write the suggestions as JSONL")
    action.add_argument("--into", metavar="LAYER", help="write them as spans of this layer")
    action.add_argument("--evaluate", action="store_true", help="measure them instead")
    parser.add_argument("--folds", type=int, default=5, help="--evaluate: folds (5)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.folds < 2:
        print("error: --folds must be at least 2", file=sys.stderr)
        return 2
    try:
        return _run(args)
    except suggesting.SuggestError as error:
        instead = f" ({error.command_line})" if error.command_line else ""
        print(f"error: {error}{instead}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    if not args.into:
        with opening.open_to_read(args.project, doing("suggest")) as project:
            names = names_file(args.names, project.schema) if args.names else []
            if args.evaluate:
                evaluation = suggesting.evaluate(
                    project, args.learn_from, which=args.recommender, folds=args.folds,
                    extra_names=names,
                )  # fmt: skip
                print(describe(evaluation))
                return 0
            report = suggesting.suggest_to_file(
                project, args.learn_from, args.out, which=args.recommender,
                documents=args.documents, extra_names=names,
            )  # fmt: skip
            print(f"{_made(report)}; written to {args.out}")
            return 0
    with opening.open_to_change(args.project, doing("suggest")) as project:
        tell_when_waiting(project)
        names = names_file(args.names, project.schema) if args.names else []
        report = suggesting.suggest_into_layer(
            project, args.learn_from, args.into, which=args.recommender,
            documents=args.documents, extra_names=names,
        )  # fmt: skip
        print(f"{_made(report)}; {plural(report.written, 'span')} written into «{args.into}»")
    return 0


def _made(report: suggesting.SuggestReport) -> str:
    by = ", ".join(f"{n} by {name}" for name, n in sorted(report.suggestions.items()))
    total = sum(report.suggestions.values())
    return (
        f"{plural(total, 'suggestion')} ({by or 'none'}) for "
        f"{plural(report.documents, 'document')}, learned in {report.seconds_training:.1f} s"
    )


def describe(evaluation: Evaluation) -> str:
    """The scores as a table per recommender, then the learning curve."""
    lines = [f"cross-validated over {evaluation.folds} folds of documents (exact match)"]
    for name, scores in evaluation.scores.items():
        seconds = evaluation.seconds_training.get(name, 0.0)
        lines.append(f"\n{name} (trained in {seconds:.1f} s a fold)")
        lines.append(f"  {'label':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'spans':>6}")
        rows = sorted(scores.by_label.items())
        for label, counts in [*rows, ("all", scores.overall())]:
            lines.append(
                f"  {label:<12} {counts.precision:>9.3f} {counts.recall:>7.3f} "
                f"{counts.f1:>6.3f} {counts.marked:>6}"
            )
    lines.append("\nlearning curve (F1 over all labels)")
    names = sorted({name for point in evaluation.curve for name in point.f1})
    lines.append(f"  {'documents':>9} {'spans':>6} " + " ".join(f"{n:>10}" for n in names))
    for point in evaluation.curve:
        figures = " ".join(f"{point.f1.get(n, 0.0):>10.3f}" for n in names)
        lines.append(f"  {point.documents:>9} {point.spans:>6} {figures}")
    return "\n".join(lines)
