"""annotator places: a gazetteer for the project, and coordinates for its canonical places."""

from __future__ import annotations

import argparse
import json
import sys

from annotator.commands import doing, summary
from annotator.commands.base import RAW, ProgressBar, plural, tell_when_waiting
from annotator.core.places import Candidate, NameMatch
from annotator.ops import opening, places
from annotator.ops.identity import current_name
from annotator.ops.opening import Project

MEGABYTE = 1_000_000


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "places",
        help=summary("places"),
        formatter_class=RAW,
        description=(
            "Give the project's canonical places (the entities location spans are tied to)\n"
            "coordinates, so that events-csv fills latitude and longitude and\n"
            "'export --format geojson' puts the events on a map.\n\n"
            "--import reads a GeoNames gazetteer file as downloaded from\n"
            "download.geonames.org/export/dump/ (a country's SY.txt or SY.zip, cities15000.txt,\n"
            "allCountries.txt) into the project; --country and --classes keep only some of it.\n"
            "--find looks a name up in it, Arabic or Latin: alef and hamza forms, ta marbuta,\n"
            "alef maqsura, diacritics, tatweel, case, accents, spaces and hyphens are ignored\n"
            "(«ديرالزور» finds «دير الزور», «Deir ez-Zor» finds «Deir ez Zor»); exact names\n"
            "first, then names that begin with it; populated places and administrative areas\n"
            "before other features; the most populous first.\n"
            "--set gives a place coordinates, typed (latitude first) or from a gazetteer entry\n"
            "by the id --find shows; --clear forgets them. Changes are backed up first and go\n"
            "in the audit trail."
        ),
        epilog=(
            "examples:\n"
            "  annotator places deir-ez-zor --import SY.zip\n"
            "  annotator places deir-ez-zor --import cities500.zip --country SY,IQ --classes P\n"
            '  annotator places deir-ez-zor --find "دير الزور"\n'
            '  annotator places deir-ez-zor --set "دير الزور" 170794\n'
            "  annotator places deir-ez-zor --set الرمانة 35.52 40.61\n"
            "  annotator places deir-ez-zor --clear الرمانة\n"
            "  annotator places deir-ez-zor --list"
        ),
    )
    parser.add_argument("project")
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--list", action="store_true", help="the canonical places, placed or not")
    action.add_argument("--import", dest="gazetteer", metavar="FILE", help="a GeoNames file")
    action.add_argument("--find", metavar="NAME", help="gazetteer entries for a place name")
    action.add_argument(
        "--set",
        nargs="+",
        metavar=("NAME", "LAT LON | ID"),
        help="coordinates for a canonical place: latitude and longitude, or a gazetteer id",
    )
    action.add_argument("--clear", metavar="NAME", help="forget a canonical place's coordinates")
    parser.add_argument("--country", help="--import: only these countries, e.g. SY,IQ")
    parser.add_argument("--classes", help="--import: only these feature classes, e.g. P,A")
    parser.add_argument(
        "--encoding", default="utf-8", help="--import: the file's encoding (default utf-8)"
    )
    parser.add_argument("--limit", type=int, default=10, help="--find: at most this many")
    parser.add_argument("--json", action="store_true", help="--list, --find: print JSON")
    parser.add_argument("--annotator", help="who makes the change (default: your name)")
    parser.set_defaults(run=run)


def _misused(args: argparse.Namespace) -> str | None:
    """An option given with an action it does not apply to."""
    if (args.country or args.classes or args.encoding != "utf-8") and not args.gazetteer:
        return "--country, --classes and --encoding go with --import"
    if args.json and not (args.list or args.find):
        return "--json goes with --list or --find"
    if args.limit < 1:
        return "--limit must be at least 1"
    if args.set is not None and len(args.set) not in (2, 3):
        return "--set takes a name and either LATITUDE LONGITUDE or a gazetteer id"
    return None


def run(args: argparse.Namespace) -> int:
    problem = _misused(args)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    if args.list or args.find:
        with opening.open_to_read(args.project, doing("places")) as project:
            if args.list:
                return _list(project, args.json)
            return _find(project, args.find, args.limit, args.json)
    if args.gazetteer:
        return _import(args)
    with opening.open_to_change(args.project, doing("places")) as project:
        tell_when_waiting(project)
        by = args.annotator or current_name()
        if args.clear:
            entity = places.place_named(project, args.clear)
            before = places.clear(project, entity.id, by)
            print(f"«{entity.name}» has no coordinates now{_was(before)}.")
            return 0
        entity = places.place_named(project, args.set[0])
        if len(args.set) == 2:
            entry = places.gazetteer_entry(project, _gazetteer_id(args.set[1]))
            before = places.choose(project, entity.id, entry.id, by)
            where = (
                f"{entry.latitude:.5f} {entry.longitude:.5f} (GeoNames {entry.id} {entry.label})"
            )
        else:
            before = places.set_coordinates(project, entity.id, args.set[1], args.set[2], by)
            where = _where(places.point(project, entity.id))
        print(f"«{entity.name}» is at {where}{_was(before)}.")
    return 0


def _gazetteer_id(text: str) -> int:
    if not text.isascii() or not text.isdigit():
        raise places.PlaceError(
            f"«{text}» is not a gazetteer id; give LATITUDE LONGITUDE, or an id --find shows"
        )
    return int(text)


def _where(point: places.Point | None) -> str:
    return "nowhere" if point is None else f"{point.latitude:.5f} {point.longitude:.5f}"


def _was(before: places.Point | None) -> str:
    return "" if before is None else f" (was {_where(before)})"


def _import(args: argparse.Namespace) -> int:
    from annotator.ops import gazetteer  # the file readers: only when a file is read

    countries = gazetteer.codes(args.country, "--country", 2)
    classes = gazetteer.codes(args.classes, "--classes", 1)
    bar = ProgressBar(sys.stderr, unit="MB")
    with opening.open_to_change(args.project, doing("places")) as project:
        tell_when_waiting(project)
        try:
            report = gazetteer.import_gazetteer(
                project,
                args.gazetteer,
                countries=countries,
                classes=classes,
                encoding=args.encoding,
                progress=lambda done, total: bar(done // MEGABYTE, (total or 0) // MEGABYTE),
            )
        finally:
            bar.close()
    print(f"Imported {report.file}: {report.summary()} in {report.seconds:.1f} s.")
    return 0


def _candidate_json(candidate: Candidate) -> dict:
    place = candidate.place
    return {
        "id": place.id,
        "name": place.name,
        "arabic": place.arabic or None,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "feature_class": place.feature_class,
        "feature_code": place.feature_code,
        "country": place.country,
        "population": place.population,
        "match": candidate.match,
        "matched": candidate.matched,
    }


def _find(project: Project, name: str, limit: int, as_json: bool) -> int:
    found = places.candidates(project, name, limit)
    if as_json:
        print(json.dumps([_candidate_json(c) for c in found], ensure_ascii=False, indent=2))
        return 0
    if not found:
        size = places.gazetteer_size(project)
        why = " (the project has no gazetteer: annotator places PROJECT --import FILE)"
        print(f"nothing in the gazetteer is named «{name}»{'' if size else why}")
        return 0
    print(f"{plural(len(found), 'candidate')} for «{name}», best first:")
    for c in found:
        p = c.place
        kind = f"{p.feature_class or '-'} {p.feature_code or '-'}"
        part = f" «{c.matched}»" if c.match == NameMatch.PART else ""
        print(
            f"  {p.id:>9}  {p.latitude:9.5f} {p.longitude:10.5f}  {kind:<8} {p.country or '--'}"
            f"  pop {p.population:>10,}  {c.match}{part}  {p.label}"
        )
    return 0


def _list(project: Project, as_json: bool) -> int:
    rows = places.places(project)
    if as_json:
        print(json.dumps([_row_json(row) for row in rows], ensure_ascii=False, indent=2))
        return 0
    placed = sum(row.has_coordinates for row in rows)
    size = places.gazetteer_size(project)
    kept = f"a gazetteer of {size:,} places" if size else "no gazetteer"
    print(f"{plural(len(rows), 'canonical place')}, {placed} with coordinates; {kept}.")
    if rows:
        print(f"  {'latitude':>9} {'longitude':>10}  {'spans':>5}  {'from':<16} place")
    for row in rows:
        entity = row.entity
        if row.has_coordinates:
            where = f"{entity.latitude:9.5f} {entity.longitude:10.5f}"
            origin = f"GeoNames {row.origin.id}" if row.origin else "typed"
        else:
            where, origin = f"{'—':>9} {'—':>10}", ""
        print(f"  {where}  {row.uses:>5}  {origin:<16} {entity.name}")
    return 0


def _row_json(row: places.PlaceRow) -> dict:
    entity = row.entity
    return {
        "id": entity.id,
        "name": entity.name,
        "spans": row.uses,
        "latitude": entity.latitude,
        "longitude": entity.longitude,
        "gazetteer": row.origin.id if row.origin else None,
    }
