"""Charts: real PNG and SVG files, with Arabic label and annotator names that read correctly,
in Noto Naskh Arabic where it is installed and in the DejaVu Sans matplotlib carries where not."""

from __future__ import annotations

import unicodedata

import arabic_reshaper
import pytest
from bidi.algorithm import get_display
from matplotlib.font_manager import FontProperties, findfont
from matplotlib.ft2font import FT2Font
from matplotlib.textpath import TextToPath

from annotator.core.errors import InputError
from annotator.core.schema import load_preset
from annotator.reports import charts
from annotator.review.agreement import measure
from tests.review.layers import document
from tests.review.test_agreement import EVENT_TEXT, _event_layer

CONFLICT = load_preset("conflict")


@pytest.fixture
def agreement():
    a, a_events = _event_layer("سميرة", "تنظيم داعش", "Air/drone strike")
    b, b_events = _event_layer("عمر", "داعش", "Air/drone strike")
    return measure([document(EVENT_TEXT, a + b, events=a_events + b_events)], CONFLICT)


def drawn_glyphs(text) -> list[int]:
    """The glyphs matplotlib lays out for a text object, from left to right."""
    path = findfont(FontProperties(family=text.get_fontfamily()))
    font = FT2Font(path)
    font.set_size(12, 72)
    glyphs, _, _ = TextToPath().get_glyphs_with_font(font, text.get_text())
    return [int(glyph.rsplit("-", 1)[1], 16) for glyph, *_ in sorted(glyphs, key=lambda g: g[1])]


def seen_glyphs(text, word: str) -> list[set[int]]:
    """What a reader must see: the word's joined (presentation) forms, right to left. A letter
    standing alone may be drawn with its plain glyph: fonts such as DejaVu Sans have both."""
    font = FT2Font(findfont(FontProperties(family=text.get_fontfamily())))
    seen = []
    for form in get_display(arabic_reshaper.reshape(word)):
        glyphs = {font.get_char_index(ord(form))}
        decomposition = unicodedata.decomposition(form).split()
        if decomposition[:1] == ["<isolated>"]:
            glyphs.add(font.get_char_index(int(decomposition[1], 16)))
        seen.append(glyphs)
    return seen


@pytest.fixture(params=["fonts installed here", "no Noto font"])
def fonts(request, monkeypatch):
    """The chart fonts as found on this machine, and as on one without fonts-noto-core,
    where DejaVu Sans (which matplotlib carries) draws the Arabic."""
    if request.param == "no Noto font":
        monkeypatch.setattr(charts, "FONTS", ["Noto Naskh Arabic (not installed)", "DejaVu Sans"])
    return request.param


def test_agreement_per_label_is_a_png_with_arabic_label_names_that_read_correctly(
    agreement, tmp_path, fonts
):
    figure = charts.agreement_by_label(agreement, language="ar")
    out = charts.save(figure, tmp_path / "agreement.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    axes = figure.axes[0]
    ticks = axes.get_xticklabels()
    names = ["فاعل", "مكان", "حدث"]  # ACTOR, LOCATION, EVENT in the schema's Arabic
    assert [charts.display(n) for n in names] == [t.get_text() for t in ticks]
    font = FT2Font(findfont(FontProperties(family=ticks[0].get_fontfamily())))
    if fonts == "no Noto font":
        assert "DejaVu" in font.family_name
    assert all(font.get_char_index(ord(c)) for c in "".join(names))  # no empty boxes
    for tick, name in zip(ticks, names, strict=True):
        drawn, seen = drawn_glyphs(tick), seen_glyphs(tick, name)
        assert len(drawn) == len(seen)
        assert all(glyph in forms for glyph, forms in zip(drawn, seen, strict=True))
        isolated_logical = [
            FT2Font(findfont(FontProperties(family=tick.get_fontfamily()))).get_char_index(ord(c))
            for c in name
        ]
        assert drawn_glyphs(tick) != isolated_logical  # joined, and right to left
    bars = [round(bar.get_height(), 3) for bar in axes.patches]
    # exact F1 per label then overlap F1: the actors differ in extent
    assert bars == [0.0, 1.0, 1.0, 1.0, 1.0, 1.0]


def test_the_confusion_heat_map_shows_counts_and_a_row_for_nothing(tmp_path):
    from tests.review.test_agreement import worked_example

    result = measure([worked_example()], CONFLICT, ["A", "B"])
    labels, matrix = result.confusion(result.pair("A", "B"))
    figure = charts.confusion_heatmap(labels, matrix, ("A", "B"), CONFLICT, language="ar")
    charts.save(figure, tmp_path / "confusion.svg")
    assert (tmp_path / "confusion.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    axes = figure.axes[0]
    assert [t.get_text() for t in axes.get_yticklabels()][-1] == "(لا شيء)"
    cells = [int(t.get_text()) for t in axes.texts]
    assert cells == [v for row in matrix for v in row]


def test_progress_per_annotator(tmp_path):
    figure = charts.progress_by_annotator(
        {"سميرة": {"done": 3, "in progress": 2}, "omar": {"done": 1, "in progress": 0}}, 6
    )
    charts.save(figure, tmp_path / "progress.png")
    axes = figure.axes[0]
    assert [round(bar.get_width()) for bar in axes.patches] == [3, 1, 2, 0]
    assert axes.get_yticklabels()[0].get_text() == charts.display("سميرة")


def test_without_complex_text_layout_arabic_is_shaped_and_reordered_first():
    word = "دير الزور"
    assert charts.display(word, shapes_itself=False) == get_display(arabic_reshaper.reshape(word))
    assert charts.display(word, shapes_itself=True) == word
    assert charts.display("Battles", shapes_itself=False) == "Battles"


def test_only_png_and_svg_are_written(agreement, tmp_path):
    with pytest.raises(InputError, match=r"\.png or \.svg"):
        charts.save(charts.agreement_by_label(agreement), tmp_path / "chart.jpg")
