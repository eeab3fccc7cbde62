"""UIMA CAS XMI (INCEpTION's default format): reading.

Each ``.xmi`` is loaded with dkpro-cassis, which turns the file's UTF-16 offsets into code
points, against its ``TypeSystem.xml`` or the built-in DKPro types (``uima.typesystem``).
The CAS becomes a record the way the WebAnno TSV reader reads the same layers:

- every annotation other than tokens, sentences and document metadata is a span; its label
  is the layer's label feature (``value``, ``PosValue`` for POS…), or the layer's name when
  that is empty; other features are attributes, and a NamedEntity's ``identifier`` names the
  span's canonical entity;
- link features (arrays of ``role``/``target``, INCEpTION's event arguments) are relations
  from the host to each target, the role being the link's role or the feature's name; our
  import reads a host of an event label with its links as that event;
- our own export's layers also give the labels' definitions, for ``--add-labels``: its
  events are event labels with their roles, its features typed attributes
  (``formats.uima.definitions``);
- relation layers (``Governor``/``Dependent``) are relations, the label feature the role;
- chains (``next``) are links in chain order, ``referenceRelation`` the role.

Refused, naming the file and the annotation's ``xmi:id``: zero-width annotations (a span
needs a character), offsets outside the text, links or relations to what is not an
annotation we read (plain tokens).

A folder's files are laid out as INCEpTION exports them: files of one document's annotators
side by side (``<document>/<annotator>.xmi``), the curator's being the gold layer.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cassis import Cas, load_cas_from_xmi
from cassis.typesystem import FeatureStructure, Type, is_primitive

from annotator.core.errors import InputError
from annotator.core.model import GOLD
from annotator.core.records import Record, RelationRecord, SpanRecord
from annotator.formats.options import define_label, note
from annotator.formats.reading import files_in
from annotator.formats.uima import typesystem
from annotator.formats.uima.definitions import Definitions
from annotator.formats.webanno.tsv import LABEL_FEATURES, short_name

CURATOR_FILES = ("CURATION_USER", "curator", "INITIAL_CAS")
NOT_ANNOTATIONS = {"Token", "Sentence", "Paragraph", "TagsetDescription"}
INTERNAL_PACKAGES = ("uima.", "de.tudarmstadt.ukp.clarin.webanno.", "de.inception.")
PLACE = {"begin", "end", "sofa"}
ENTITY_FEATURE = "identifier"
NAMED_ENTITY = "NamedEntity"


def load(path: Path, root: Path) -> Cas:
    """The CAS of one XMI file; anything wrong with it is an error naming the file."""
    types = typesystem.for_file(path, root)
    try:
        with path.open("rb") as stream:
            return load_cas_from_xmi(stream, typesystem=types)
    except InputError:
        raise
    except Exception as error:  # cassis and lxml raise many kinds for a broken file
        reason = str(error).strip() or type(error).__name__
        raise InputError(f"not a UIMA XMI file cassis can read ({reason})", file=path) from None


def _is_content(kind: Type, metadata: set[str]) -> bool:
    name = kind.name
    if name.startswith(INTERNAL_PACKAGES) or name in metadata:
        return False
    return short_name(name) not in NOT_ANNOTATIONS


def _features(kind: Type) -> tuple[list[str], list[str]]:
    """(primitive features, reference features) a type adds to an annotation."""
    primitive, references = [], []
    for feature in kind.all_features:
        if feature.name in PLACE:
            continue
        (primitive if is_primitive(feature.rangeType) else references).append(feature.name)
    return primitive, references


def label_feature(kind: Type) -> str | None:
    """The feature holding a layer's label, as INCEpTION's TSV writer chooses it."""
    primitive, references = _features(kind)
    if "next" in references and "referenceType" in primitive:
        return "referenceType"
    preferred = LABEL_FEATURES.get(short_name(kind.name), "value")
    if preferred in primitive:
        return preferred
    strings = [f for f in primitive if f != "referenceRelation"]
    return strings[0] if strings else None


class _Reader:
    """One CAS as a record: spans in code points, links, relations, chains."""

    def __init__(self, cas: Cas, path: Path, layer: str | None, notes: list[str]) -> None:
        self.cas = cas
        self.path = path
        self.layer = layer
        self.notes = notes
        self.text = cas.sofa_string or ""
        metadata = {t.name for t in cas.typesystem.get_types() if _is_metadata(cas, t)}
        annotations = [fs for fs in cas.select_all_annotations()]
        self.relations = [fs for fs in annotations if _is_relation(fs)]
        self.spans = [
            fs for fs in annotations if _is_content(fs.type, metadata) and not _is_relation(fs)
        ]
        self.keys = {fs.xmiID: f"x{fs.xmiID}" for fs in self.spans}

    def error(self, fs: FeatureStructure, reason: str) -> InputError:
        return InputError(
            f"{short_name(fs.type.name)} (xmi:id {fs.xmiID}): {reason}", file=self.path
        )

    def record(self, name: str, number: int) -> Record:
        spans = [self._span(fs) for fs in self.spans]
        relations = self._links() + self._relations()
        return Record(
            text=self.text, name=name, spans=spans, relations=relations, number=number,
            file=str(self.path),
        )  # fmt: skip

    def _place(self, fs: FeatureStructure) -> tuple[int, int]:
        begin, end = fs.begin, fs.end
        if not (isinstance(begin, int) and isinstance(end, int)):
            raise self.error(fs, "an annotation without its begin and end")
        if not 0 <= begin <= end <= len(self.text):
            raise self.error(
                fs, f"offsets {begin}-{end} lie outside the text ({len(self.text)} characters)"
            )
        if begin == end:
            raise self.error(fs, f"a zero-width annotation at {begin}; a span needs a character")
        return begin, end

    def _span(self, fs: FeatureStructure) -> SpanRecord:
        start, end = self._place(fs)
        feature = label_feature(fs.type)
        primitive, _ = _features(fs.type)
        label = fs.get(feature) if feature else None
        is_entity = short_name(fs.type.name) == NAMED_ENTITY
        entity = fs.get(ENTITY_FEATURE) if is_entity else None
        attributes: dict[str, Any] = {
            name: fs.get(name)
            for name in primitive
            if fs.get(name) is not None
            and name not in (feature, "referenceRelation")
            and not (entity and name == ENTITY_FEATURE)
        }
        return SpanRecord(
            start, end, str(label) if label not in (None, "") else short_name(fs.type.name),
            annotator=self.layer, attributes=attributes, key=self.keys[fs.xmiID], entity=entity,
        )  # fmt: skip

    def _target(self, fs: FeatureStructure, target: Any, feature: str) -> str:
        key = self.keys.get(getattr(target, "xmiID", None))
        if key is None:
            raise self.error(fs, f"its {feature} points at something that is not an annotation")
        return key

    def _links(self) -> list[RelationRecord]:
        relations = []
        for fs in self.spans:
            _, references = _features(fs.type)
            for feature in references:
                value = fs.get(feature)
                if value is None:
                    continue
                if feature == "next":
                    role = fs.get("referenceRelation") or short_name(fs.type.name)
                    target = self._target(fs, value, feature)
                    relations.append(RelationRecord(self.keys[fs.xmiID], target, role, self.layer))
                    continue
                for link in getattr(value, "elements", None) or []:
                    if link is None or getattr(link, "target", None) is None:
                        continue
                    role = getattr(link, "role", None) or feature
                    target = self._target(fs, link.target, feature)
                    relations.append(RelationRecord(self.keys[fs.xmiID], target, role, self.layer))
        return relations

    def _relations(self) -> list[RelationRecord]:
        relations = []
        dropped: set[str] = set()
        for fs in self.relations:
            feature = label_feature(fs.type)
            primitive, _ = _features(fs.type)
            source = self._target(fs, fs.get("Governor"), "Governor")
            target = self._target(fs, fs.get("Dependent"), "Dependent")
            role = fs.get(feature) if feature else None
            dropped.update(f for f in primitive if f != feature and fs.get(f) not in (None, ""))
            relations.append(
                RelationRecord(source, target, role or short_name(fs.type.name), self.layer)
            )
        if dropped:
            self.notes.append(
                f"relation features other than the role are not kept: {', '.join(sorted(dropped))}"
            )
        return relations


def _is_relation(fs: FeatureStructure) -> bool:
    names = {feature.name for feature in fs.type.all_features}
    return {"Governor", "Dependent"} <= names


def _is_metadata(cas: Cas, kind: Type) -> bool:
    document = cas.typesystem.get_type("uima.tcas.DocumentAnnotation")
    return document.subsumes(kind)


def _groups(path: Path) -> list[tuple[Path, list[Path]]]:
    if not path.is_dir():
        return [(path.parent, [path])]
    files = files_in(path, ".xmi")
    if not files:
        raise InputError("no UIMA .xmi files in this folder", file=path)
    groups: dict[Path, list[Path]] = {}
    for file in files:
        groups.setdefault(file.parent, []).append(file)
    return list(groups.items())


def read(
    path: Path, encoding: str = "utf-8", options: dict[str, Any] | None = None
) -> Iterator[Record]:
    """Records of an XMI file, or of every XMI file under a folder.

    The files of one folder are one document's annotators when they hold the same text and are
    several, or sit in a sub-folder of the one imported (INCEpTION's
    ``<document>/<annotator>.xmi``): each is the layer named by the file, the document named
    after the folder, ``CURATION_USER.xmi`` the gold layer. Otherwise each file is a document
    of its own, in the import's annotator layer.
    """
    root = path if path.is_dir() else path.parent
    groups = _groups(path)
    if options is not None:
        found = Definitions(root)
        for _, files in groups:
            for file in files:
                found.scan(file)
        for definition in found.definitions():
            define_label(options, definition)
    number = 0
    for folder, files in groups:
        loaded = [(file, load(file, root)) for file in files]
        same_text = len({cas.sofa_string for _, cas in loaded}) == 1
        by_annotator = same_text and (len(files) > 1 or (path.is_dir() and folder != path))
        for file, cas in loaded:
            number += 1
            notes: list[str] = []
            layer = (GOLD if file.stem in CURATOR_FILES else file.stem) if by_annotator else None
            name = folder.name if by_annotator else file.stem
            yield _Reader(cas, file, layer, notes).record(name, number)
            for message in notes:
                note(options, message)
