"""Charts of agreement and progress: matplotlib figures, drawn without Qt, saved as PNG or SVG.

Figures are built with ``matplotlib.figure.Figure`` on an Agg canvas (no pyplot, no global
backend), so the window can put the same figure on a Qt canvas of its own.

Arabic in figures: label names and document names are drawn in an Arabic-capable font
(Noto Naskh Arabic, then Noto Sans Arabic, then DejaVu Sans as a fallback). A matplotlib
whose font engine lays text out with libraqm (matplotlib 3.11 does) joins Arabic letters and
orders right-to-left runs itself; one without it draws every code point in its isolated form,
left to right. Only for such a matplotlib does :func:`display` reshape the text
(arabic-reshaper) and reorder it for display (python-bidi). This is the one place those two
libraries belong: Qt shapes text natively, and pre-shaped text there — or here, where
matplotlib shapes too — comes out reversed and broken.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from matplotlib import ft2font
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from annotator.core.errors import InputError
from annotator.core.model import Status
from annotator.core.schema import Schema
from annotator.review.agreement import Agreement

FONTS = ["Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans"]
FORMATS = (".png", ".svg")
SHAPES_ITSELF = hasattr(ft2font, "__libraqm_version__")
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_NOTHING = {"en": "(nothing)", "ar": "(لا شيء)"}


def display(text: str, shapes_itself: bool = SHAPES_ITSELF) -> str:
    """Text as it must be handed to matplotlib to read correctly (see the module notes)."""
    if shapes_itself or not _RIGHT_TO_LEFT.search(text):
        return text
    from arabic_reshaper import reshape
    from bidi.algorithm import get_display

    return get_display(reshape(text))


def _figure(width: float, height: float) -> Figure:
    """A figure on its own Agg canvas: no pyplot, no global backend, no Qt."""
    figure = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _font(artist_texts) -> None:
    for text in artist_texts:
        text.set_fontfamily(FONTS)


def _label_name(schema: Schema | None, label: str | None, language: str) -> str:
    if label is None:
        return _NOTHING.get(language, _NOTHING["en"])
    found = schema.label(label) if schema else None
    return display(found.name(language) if found else label)


def agreement_by_label(agreement: Agreement, language: str = "ar") -> Figure:
    """Exact and overlap F1 per label, pooled over every pair of annotators (a bar chart)."""
    labels = agreement.by_label()
    names = [_label_name(agreement.schema, label, language) for label in labels]
    exact = [counts.exact.f1 for counts in labels.values()]
    overlap = [counts.overlap.f1 for counts in labels.values()]
    figure = _figure(max(4.0, 1.2 * len(names) + 2), 3.6)
    axes = figure.add_subplot()
    positions = range(len(names))
    axes.bar([p - 0.2 for p in positions], exact, width=0.4, label="exact F1", color="#4363d8")
    axes.bar([p + 0.2 for p in positions], overlap, width=0.4, label="overlap F1", color="#f58231")
    axes.set_xticks(list(positions), names)
    axes.set_ylim(0, 1.05)
    axes.set_ylabel("F1")
    pairs = ", ".join("–".join(pair.annotators) for pair in agreement.pairs)
    axes.set_title(display(f"Agreement per label ({pairs})"))
    axes.legend(loc="lower right")
    _font([*axes.get_xticklabels(), axes.title])
    return figure


def confusion_heatmap(
    labels: Sequence[str | None],
    matrix: Sequence[Sequence[int]],
    annotators: tuple[str, str],
    schema: Schema | None = None,
    language: str = "ar",
) -> Figure:
    """A label confusion matrix between two annotators, with a row and column for nothing."""
    names = [_label_name(schema, label, language) for label in labels]
    figure = _figure(max(4.0, 0.9 * len(names) + 2.5), max(3.5, 0.8 * len(names) + 2))
    axes = figure.add_subplot()
    image = axes.imshow(matrix, cmap="Blues")
    top = max((max(row) for row in matrix), default=0)
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            color = "white" if top and value > top / 2 else "black"
            axes.text(j, i, str(value), ha="center", va="center", color=color)
    axes.set_xticks(range(len(names)), names, rotation=30, ha="right")
    axes.set_yticks(range(len(names)), names)
    axes.set_xlabel(display(annotators[1]))
    axes.set_ylabel(display(annotators[0]))
    axes.set_title("Label confusion")
    figure.colorbar(image, ax=axes, shrink=0.8)
    _font([*axes.get_xticklabels(), *axes.get_yticklabels(), axes.xaxis.label, axes.yaxis.label])
    return figure


def progress_by_annotator(progress: Mapping[str, Mapping[str, int]], total: int) -> Figure:
    """Documents done and in progress per annotator, out of ``total`` (stacked bars)."""
    names = list(progress)
    done = [progress[name].get(Status.DONE, 0) for name in names]
    started = [progress[name].get(Status.IN_PROGRESS, 0) for name in names]
    figure = _figure(6.0, max(2.0, 0.5 * len(names) + 1.2))
    axes = figure.add_subplot()
    rows = range(len(names))
    axes.barh(rows, done, color="#3cb44b", label="done")
    axes.barh(rows, started, left=done, color="#ffe119", label="in progress")
    axes.set_yticks(list(rows), [display(name) for name in names])
    axes.set_xlim(0, max(total, 1))
    axes.set_xlabel(f"documents (of {total})")
    axes.invert_yaxis()
    axes.legend(loc="lower right")
    _font(axes.get_yticklabels())
    return figure


def save(figure: Figure, path: str | Path) -> Path:
    """Write a figure as PNG or SVG, chosen by the file's extension."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise InputError("a chart is saved as .png or .svg", file=path)
    if not path.parent.exists():
        raise InputError("its folder does not exist", file=path)
    figure.savefig(path, dpi=150)
    return path
