"""Importing a GeoNames file, and looking names up in it as a coder would."""

from __future__ import annotations

import zipfile

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from annotator.core.errors import Cancelled, InputError
from annotator.core.places import NameMatch, name_key
from annotator.core.schema import load_preset
from annotator.ops.gazetteer import codes, import_gazetteer
from annotator.ops.places import candidates
from annotator.store.gazetteer import after
from annotator.store.project import Project
from tests.conftest import snapshot
from tests.places.gazetteer_file import (
    AL_QAIM,
    ALEPPO,
    DAMASCUS,
    DEIR_EZ_ZOR,
    DEIR_EZ_ZOR_GOVERNORATE,
    DEIR_HAFER,
    MAYADIN,
    MAYADIN_HAMLET,
    MAYADIN_HILL,
    PLACES,
    RUMMANAH,
    THARDA,
    Row,
    write_gazetteer,
)
from tests.places.test_names import written_otherwise


def ids(found) -> list[int]:
    return [c.place.id for c in found]


@pytest.fixture
def imported(project, tmp_path):
    report = import_gazetteer(project, write_gazetteer(tmp_path / "SY.txt"))
    assert (report.places, report.added, report.replaced) == (len(PLACES), len(PLACES), 0)
    return project


def test_a_name_finds_every_place_called_so_best_first(imported):
    found = candidates(imported, "الميادين")
    # the town, then the Iraqi hamlet of the same name (both populated places; the town is
    # larger), then the hill; every one an exact match
    assert ids(found) == [MAYADIN.id, MAYADIN_HAMLET.id, MAYADIN_HILL.id]
    assert {c.match for c in found} == {NameMatch.EXACT}
    town = found[0].place
    assert (town.latitude, town.longitude) == (35.020, 40.451)
    assert (town.feature_class, town.feature_code, town.country) == ("P", "PPLA2", "SY")
    assert town.arabic == "الميادين" and town.label == "Al Mayadin «الميادين»"


def test_a_city_comes_before_the_governorate_of_its_name(imported):
    assert ids(candidates(imported, "دير الزور")) == [DEIR_EZ_ZOR.id, DEIR_EZ_ZOR_GOVERNORATE.id]


def test_names_are_matched_after_normalisation_in_arabic_and_latin(imported):
    assert ids(candidates(imported, "ديرالزور"))[0] == DEIR_EZ_ZOR.id
    assert ids(candidates(imported, "دير الزّور"))[0] == DEIR_EZ_ZOR.id
    assert ids(candidates(imported, "القايم")) == [AL_QAIM.id]
    assert ids(candidates(imported, "Deir Ez Zor"))[0] == DEIR_EZ_ZOR.id
    assert ids(candidates(imported, "halab")) == [ALEPPO.id]
    assert ids(candidates(imported, "الرمانه")) == [RUMMANAH.id]
    assert ids(candidates(imported, "دمشق")) == [DAMASCUS.id]
    # the Persian spelling among Deir ez-Zor's alternate names is not the one shown
    assert candidates(imported, "دير الزور")[0].place.arabic == "دير الزور"


def test_a_beginning_finds_the_names_that_begin_with_it_after_exact_ones(imported):
    found = candidates(imported, "دير")
    assert {c.match for c in found} == {NameMatch.PREFIX}
    assert ids(found) == [DEIR_EZ_ZOR.id, DEIR_HAFER.id, DEIR_EZ_ZOR_GOVERNORATE.id]
    assert ids(candidates(imported, "دير", limit=1)) == [DEIR_EZ_ZOR.id]


def test_the_last_words_of_a_longer_name_are_tried_when_it_has_no_match(imported):
    found = candidates(imported, "بلدة الرمانة")
    assert ids(found) == [RUMMANAH.id]
    assert (found[0].match, found[0].matched) == (NameMatch.PART, "الرمانة")
    assert candidates(imported, "قرية لا وجود لها") == []
    assert candidates(imported, "   ") == []


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """One project with the gazetteer, for the generated cases below."""
    folder = tmp_path_factory.mktemp("gazetteer")
    with Project.create(folder / "project", load_preset("conflict")) as project:
        import_gazetteer(project, write_gazetteer(folder / "SY.txt"))
        yield project


ARABIC_NAMED = {
    "دير الزور": DEIR_EZ_ZOR,
    "الميادين": MAYADIN,
    "دير حافر": DEIR_HAFER,
    "القائم": AL_QAIM,
    "الرمانة": RUMMANAH,
    "جبل الثردة": THARDA,
}


@settings(max_examples=60)
@given(st.data(), st.sampled_from(sorted(ARABIC_NAMED)))
def test_a_place_is_found_first_however_its_arabic_name_is_written(shared, data, name):
    written = data.draw(written_otherwise(name.split()))
    found = candidates(shared, written)
    assert found and found[0].place.id == ARABIC_NAMED[name].id
    assert found[0].match == NameMatch.EXACT


# -- what is imported ------------------------------------------------------------------------


def test_a_zip_as_geonames_serves_it_is_read(project, tmp_path):
    text = write_gazetteer(tmp_path / "SY.txt")
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.write(text, "SY.txt")
        out.writestr("readme.txt", "about the file")
    report = import_gazetteer(project, archive)
    assert report.places == len(PLACES)
    assert ids(candidates(project, "حلب")) == [ALEPPO.id]


def test_countries_and_feature_classes_keep_part_of_a_file(project, tmp_path):
    report = import_gazetteer(
        project,
        write_gazetteer(tmp_path / "all.txt"),
        countries=codes("sy", "--country", 2),
        classes=codes("P,A", "--classes", 1),
    )
    left_out = {MAYADIN_HAMLET.id, AL_QAIM.id, MAYADIN_HILL.id, THARDA.id}  # Iraq; a hill, a peak
    assert (report.places, report.left_out) == (len(PLACES) - len(left_out), len(left_out))
    assert ids(candidates(project, "الميادين")) == [MAYADIN.id]
    assert candidates(project, "القائم") == []


def test_filters_that_keep_nothing_are_refused_and_change_nothing(project, tmp_path):
    before = snapshot(project)
    with pytest.raises(InputError, match=r"none of its 11 places is in TR.*unchanged"):
        import_gazetteer(project, write_gazetteer(tmp_path / "SY.txt"), countries={"TR"})
    assert snapshot(project) == before
    with pytest.raises(InputError, match="--country: «SYR» is not a list like SY,IQ"):
        codes("SY,SYR", "--country", 2)


def test_importing_a_newer_file_again_updates_places_and_their_names(imported, tmp_path):
    moved = Row(**{**RUMMANAH.__dict__, "latitude": "35.2", "alternates": "رمانة الشرقية"})
    report = import_gazetteer(imported, write_gazetteer(tmp_path / "SY-new.txt", [moved]))
    assert (report.places, report.added, report.replaced) == (1, 0, 1)
    (found,) = candidates(imported, "رمانة الشرقية")
    assert found.place.latitude == 35.2
    assert candidates(imported, "الرمانة") == []  # the name it no longer has
    assert [s["file"] for s in _sources(imported)] == ["SY.txt", "SY-new.txt"]


def _sources(project):
    from annotator.store.gazetteer import Gazetteer

    return Gazetteer(project.db).sources()


def test_a_cancelled_import_leaves_the_project_as_it_was(project, tmp_path):
    rows = [Row(**{**ALEPPO.__dict__, "id": 20_000 + n}) for n in range(45_000)]
    path = write_gazetteer(tmp_path / "big.txt", rows)
    before = snapshot(project)
    seen = []

    def cancel(done: int, total: int) -> None:
        seen.append((done, total))
        if len(seen) == 2:
            raise Cancelled()

    with pytest.raises(Cancelled):
        import_gazetteer(project, path, progress=cancel)
    assert snapshot(project) == before
    assert seen[0][1] == path.stat().st_size and 0 < seen[0][0] < seen[1][0]


# -- files that are not gazetteers -----------------------------------------------------------

BAD_LINES = [
    (ALEPPO.line().replace("\t36.202\t", "\t36,202\t"), 3, r"latitude \(column 5\) is «36,202»"),
    (ALEPPO.line().replace("\t37.134\t", "\t237.1\t"), 3, "longitude.*not between -180 and 180"),
    (ALEPPO.line().replace("9006\t", "x9006\t", 1), 3, r"geonameid \(column 1\).*whole number"),
    (ALEPPO.line().replace("\tP\tPPLA\t", "\tPop\tPPLA\t"), 3, "feature class.*one capital"),
    (ALEPPO.line().replace("\t1600000\t", "\t1.6M\t"), 3, "population.*not a whole number"),
    (ALEPPO.line().replace("\tSY\t", "\tSyria\t"), 3, "country code.*two capital letters"),
    (ALEPPO.line().replace("\tAleppo\t", "\t \t", 1), 3, "name.*a place needs a name"),
    ("\t".join(["9006", "ar", "حلب", "1", "", "", "", "", "", ""]), 3, "has 10 tab-separated"),
]


@pytest.mark.parametrize(("line", "number", "message"), BAD_LINES)
def test_a_bad_line_refuses_the_file_naming_line_field_and_reason(
    project, tmp_path, line, number, message
):
    path = write_gazetteer(tmp_path / "SY.txt", [DAMASCUS, DEIR_HAFER], extra=(line,))
    before = snapshot(project)
    with pytest.raises(InputError, match=message) as refused:
        import_gazetteer(project, path)
    assert refused.value.file == str(path) and refused.value.line == number
    assert snapshot(project) == before


def test_bytes_that_are_not_utf8_are_refused_with_their_line(project, tmp_path):
    path = tmp_path / "SY.txt"
    path.write_bytes(
        (DAMASCUS.line() + "\n").encode() + ALEPPO.line().encode("cp1256", "replace") + b"\xff\n"
    )
    with pytest.raises(InputError, match="cannot be read as utf-8: byte 0x") as refused:
        import_gazetteer(project, path)
    assert refused.value.line == 2


def test_what_is_not_a_gazetteer_file_is_refused_saying_what_it_is(project, tmp_path):
    with pytest.raises(InputError, match="no such file"):
        import_gazetteer(project, tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a folder"):
        import_gazetteer(project, tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    with pytest.raises(InputError, match="holds no places"):
        import_gazetteer(project, empty)
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("SY.txt", DAMASCUS.line())
        out.writestr("IQ.txt", AL_QAIM.line())
    with pytest.raises(InputError, match=r"expected one gazetteer \.txt file"):
        import_gazetteer(project, archive)


@given(
    st.text(min_size=1, max_size=6).map(name_key).filter(bool),
    st.text(max_size=6),
    st.text(min_size=1, max_size=8),
)
def test_the_range_of_a_beginning_holds_exactly_the_keys_that_begin_with_it(key, rest, other):
    bound = after(key).encode()  # SQLite compares text as UTF-8 bytes
    assert key.encode() <= (key + rest).encode() < bound
    if not other.startswith(key):
        inside = key.encode() <= other.encode() < bound
        assert not inside


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(alphabet="دیرزوالحلبDeirZo -ʿ", min_size=1, max_size=12), min_size=1,
                max_size=6, unique=True), st.data())  # fmt: skip
def test_every_name_is_found_by_any_beginning_of_it(tmp_path_factory, names, data):
    names = [n for n in names if name_key(n)]
    assume(names)
    folder = tmp_path_factory.mktemp("names")
    rows = [
        Row(**{**ALEPPO.__dict__, "id": 100 + i, "name": n.strip() or "x", "alternates": n})
        for i, n in enumerate(names)
    ]
    with Project.create(folder / "project", load_preset("conflict")) as project:
        import_gazetteer(project, write_gazetteer(folder / "g.txt", rows))
        row = data.draw(st.sampled_from(rows))
        key = name_key(row.alternates)
        beginning = key[: data.draw(st.integers(1, len(key)))]
        assert row.id in ids(candidates(project, beginning, limit=100))
