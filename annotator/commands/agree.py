"""annotator agree: how far annotators agree, and which documents need review."""

from __future__ import annotations

import argparse
import json

from annotator.commands import doing, summary
from annotator.commands.base import RAW
from annotator.ops import opening, reviewing
from annotator.review.agreement import Agreement
from annotator.review.events import EVENT_ATTRIBUTE, EVENT_TYPE, MISSING_EVENT, ROLE_FILLER


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "agree",
        help=summary("agree"),
        formatter_class=RAW,
        description=(
            "Agreement between annotators over the documents both annotated (spans there, or\n"
            "marked done): span precision, recall and F1 with exact and overlap matching,\n"
            "overall and per label; Cohen's kappa per pair and Krippendorff's alpha across\n"
            "all on token labels; agreement on events as whole records (type, trigger, role\n"
            "fillers, typing attributes) and how many events are missing, typed otherwise,\n"
            "filled otherwise or differ in their other attributes (fatalities, date…); label\n"
            "confusion; and the documents that agree least. See docs/review.md for how each\n"
            "figure is computed."
        ),
        epilog=(
            "examples:\n"
            "  annotator agree deir-ez-zor\n"
            "  annotator agree deir-ez-zor --annotators samira,omar --json\n"
            "  annotator agree deir-ez-zor --plot agreement.png --confusion confusion.svg"
        ),
    )
    parser.add_argument("project")
    parser.add_argument(
        "--annotators", help="comma-separated (default: every layer but gold; name gold to add it)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--plot", metavar="FILE", help="save agreement per label (.png or .svg)")
    parser.add_argument(
        "--confusion", metavar="FILE", help="save the label confusion heat map (.png or .svg)"
    )
    parser.add_argument(
        "--language", default="ar", help="language of label names in charts (default ar)"
    )
    parser.add_argument(
        "--worst", type=int, default=10, help="how many documents to list (default 10)"
    )
    parser.set_defaults(run=run)


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def format_agreement(result: Agreement, worst: int) -> str:
    lines = [f"Annotators: {', '.join(result.annotators)}"]
    if not result.pairs:
        lines.append("No document was annotated by two of them yet.")
        return "\n".join(lines)
    lines += [
        "",
        "pair                      docs   exact P   R     F1    overlap P  R     F1    kappa",
    ]
    for pair in result.pairs:
        name = " / ".join(pair.annotators)
        e, o = pair.exact, pair.overlap
        lines.append(
            f"{name:<24}  {pair.documents:>5}   {e.precision:.3f} {e.recall:.3f} {e.f1:.3f}"
            f"   {o.precision:.3f} {o.recall:.3f} {o.f1:.3f}  {_figure(pair.cohen_kappa)}"
        )
    lines += ["", f"Krippendorff's alpha (tokens, all annotators): {_figure(result.alpha)}"]
    lines += ["", "Per label (all pairs):     exact F1   overlap F1"]
    for label, counts in result.by_label().items():
        lines.append(f"  {label:<22}  {counts.exact.f1:.3f}      {counts.overlap.f1:.3f}")
    lines += [
        "",
        "Events (whole records):   exact F1   overlap F1   events    "
        "missing  type differs  fillers differ  attributes differ",
    ]
    for pair in result.pairs:
        name = " / ".join(pair.annotators)
        exact, overlap = pair.events["exact"], pair.events["overlap"]
        if exact.reference or exact.candidate:
            kinds = pair.event_disagreements
            counts = f"{exact.reference}/{exact.candidate}"
            lines.append(
                f"  {name:<22}  {exact.f1:.3f}      {overlap.f1:.3f}        {counts:<9} "
                f"{kinds[MISSING_EVENT]:>7}  {kinds[EVENT_TYPE]:>12}  {kinds[ROLE_FILLER]:>14}  "
                f"{kinds[EVENT_ATTRIBUTE]:>17}"
            )
        else:
            lines.append(f"  {name:<22}  (no events)")
    lines += ["", f"Documents that agree least (exact F1, overlap F1), of {len(result.documents)}:"]
    for document in result.documents[:worst]:
        lines.append(
            f"  {document.exact_f1:.3f}  {document.overlap_f1:.3f}  #{document.id} {document.name}"
        )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    chosen = [a.strip() for a in args.annotators.split(",")] if args.annotators else None
    with opening.open_to_read(args.project, doing("agree")) as project:
        result = reviewing.agreement(project, chosen)
    if args.plot or args.confusion:
        from annotator.reports import charts  # matplotlib: only for a chart

    if args.plot:
        charts.save(charts.agreement_by_label(result, args.language), args.plot)
    if args.confusion:
        labels, matrix = result.confusion()
        names = ("first of each pair", "second of each pair")
        if len(result.pairs) == 1:
            names = result.pairs[0].annotators
        figure = charts.confusion_heatmap(labels, matrix, names, result.schema, args.language)
        charts.save(figure, args.confusion)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_agreement(result, args.worst))
    return 0
