"""Writing UIMA CAS XMI for INCEpTION: ``TypeSystem.xml`` and one ``.xmi`` per document.

One annotator: ``<out>/<document>.xmi``. Several: ``<out>/<document>/<annotator>.xmi``, the
gold layer as ``CURATION_USER.xmi`` (INCEpTION's curation layout). Every folder holding XMI
files has the ``TypeSystem.xml`` they use beside them.

- A span without attributes is a DKPro ``NamedEntity`` (``value`` = the label,
  ``identifier`` = its canonical entity); a span with attributes is a ``webanno.custom.Span``
  with ``value`` and one feature per attribute, Boolean, Integer or String as its values are
  (INCEpTION's custom span layer).
- An event is ``webanno.custom.Event`` on its trigger (``value`` = the type, its attributes
  as features) with the link feature ``arguments``: one ``webanno.custom.EventArgumentsLink``
  (``role``, ``target``) per argument, as INCEpTION keeps event roles. What links cannot say
  is left out and reported (see ``formats.event_links``). Our import reads these types back
  as label definitions (``formats.uima.definitions``).
- A link is a ``webanno.custom.Relation`` (``Governor``, ``Dependent``, ``value`` = the role).
- Tokens (runs of non-space characters) and sentences (lines) are written for INCEpTION's
  editor; the document's name is its ``DocumentMetaData``.

cassis writes the offsets as UTF-16 code units, as INCEpTION counts them.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from cassis import Cas, TypeSystem

from annotator.core.model import GOLD, AnnotatedDocument, Relation, Span
from annotator.formats.brat.export import file_name
from annotator.formats.event_links import LinkedEvents, as_links
from annotator.formats.export_context import ExportContext
from annotator.formats.uima.typesystem import EVENT, LINK, RELATION, SPAN, add_type, built_in
from annotator.formats.webanno.export import sentences, tokens
from annotator.formats.writing import atomic_directory

DKPRO = "de.tudarmstadt.ukp.dkpro.core.api"
NAMED_ENTITY = f"{DKPRO}.ner.type.NamedEntity"
TOKEN = f"{DKPRO}.segmentation.type.Token"
SENTENCE = f"{DKPRO}.segmentation.type.Sentence"
METADATA = f"{DKPRO}.metadata.type.DocumentMetaData"
CURATOR = "CURATION_USER"
RESERVED = {"value", "begin", "end", "sofa", "arguments", "identifier", "type"}  # cassis: fs.type
_FEATURE_NAME = re.compile(r"[^\W\d]\w*")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
REPLACEMENT = "\ufffd"


class _XmlText:
    """Text as XML 1.0 can hold it: each control character it cannot (other than tab and
    line breaks) becomes U+FFFD, one character for one, so no offset moves; counted."""

    def __init__(self) -> None:
        self.replaced = 0

    def __call__(self, value: str) -> str:
        safe, count = _NOT_XML.subn(REPLACEMENT, value)
        self.replaced += count
        return safe


def attribute_ranges(spans: Iterable[Span]) -> tuple[dict[str, str], set[str]]:
    """(the UIMA range of each attribute that can be a feature, the names that cannot be)
    over the whole export: yes/no attributes are Boolean, whole numbers Integer, the rest
    text (lists and other values as JSON)."""
    values: dict[str, list[Any]] = defaultdict(list)
    for span in spans:
        for name, value in span.attributes.items():
            values[name].append(value)
    ranges, unfit = {}, set()
    for name, seen in values.items():
        if not _FEATURE_NAME.fullmatch(name) or name in RESERVED:
            unfit.add(name)
        elif all(isinstance(v, bool) or v is None for v in seen):
            ranges[name] = "uima.cas.Boolean"
        elif all(type(v) is int or v is None for v in seen):
            ranges[name] = "uima.cas.Integer"
        else:
            ranges[name] = "uima.cas.String"
    return ranges, unfit


def type_system(attributes: dict[str, str]) -> TypeSystem:
    types = built_in()
    strings = {"value": "uima.cas.String", **attributes}
    add_type(types, SPAN, "uima.tcas.Annotation", strings)
    add_type(types, LINK, "uima.cas.TOP", {"role": "uima.cas.String"})
    add_type(types, EVENT, "uima.tcas.Annotation", {**strings, "arguments": f"{LINK}[]"})
    add_type(types, LINK, "uima.cas.TOP", {"target": "uima.tcas.Annotation"})
    relation = {"Governor": "uima.tcas.Annotation", "Dependent": "uima.tcas.Annotation"}
    add_type(types, RELATION, "uima.tcas.Annotation", {**relation, "value": "uima.cas.String"})
    return types


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class _CasWriter:
    """One annotator's spans, events (as links) and links on one document, as a CAS."""

    def __init__(
        self,
        types: TypeSystem,
        attributes: dict[str, str],
        context: ExportContext,
        triggers: set[int],
    ) -> None:
        self.xml = _XmlText()
        self.types = types
        self.attributes = attributes
        self.entities = context.entities
        self.triggers = triggers  # the spans written as events, with arguments or none

    def cas(self, name: str, text: str, spans: list[Span], links: list[Relation],
            arguments: list[Relation]) -> Cas:  # fmt: skip
        cas = Cas(typesystem=self.types)
        cas.sofa_string = self.xml(text)
        cas.sofa_mime = "text"
        metadata = self.types.get_type(METADATA)
        name = self.xml(name)
        cas.add(metadata(begin=0, end=len(text), documentTitle=name, documentId=name))
        self._segments(cas, text, spans)
        hosts = {relation.source for relation in arguments}
        events = hosts | self.triggers
        written = {span.id: self._span(cas, span, span.id in events) for span in spans}
        for span_id in hosts:
            link = self.types.get_type(LINK)
            host = written[span_id]
            host.arguments = self.types.get_type("uima.cas.FSArray")(
                elements=[
                    link(role=self.xml(r.role), target=written[r.target])
                    for r in arguments
                    if r.source == span_id
                ]
            )
        relation_type = self.types.get_type(RELATION)
        for relation in links:
            dependent = written[relation.target]
            cas.add(
                relation_type(
                    begin=dependent.begin, end=dependent.end, Governor=written[relation.source],
                    Dependent=dependent, value=self.xml(relation.role),
                )
            )  # fmt: skip
        return cas

    def _segments(self, cas: Cas, text: str, spans: list[Span]) -> None:
        units = tokens(text, spans)
        if not units:
            return
        token, sentence = self.types.get_type(TOKEN), self.types.get_type(SENTENCE)
        cas.add_all(token(begin=start, end=end) for start, end in units)
        for start, end, _ in sentences(text, units):
            cas.add(sentence(begin=start, end=end))

    def _span(self, cas: Cas, span: Span, host: bool) -> Any:
        features: dict[str, Any] = {"value": self.xml(span.label)}
        if host or span.attributes:
            kind = EVENT if host else SPAN
            features |= {
                name: value
                if self.attributes[name] != "uima.cas.String"
                else self.xml(_text(value))
                for name, value in span.attributes.items()
                if name in self.attributes and value is not None
            }
        else:
            kind = NAMED_ENTITY
            entity = self.entities.get(span.entity_id) if span.entity_id is not None else None
            if entity:
                features["identifier"] = self.xml(entity)
        annotation = self.types.get_type(kind)(begin=span.start, end=span.end, **features)
        cas.add(annotation)
        return annotation


def _layers(
    item: AnnotatedDocument, linked: LinkedEvents, triggers: set[int]
) -> dict[str, tuple[list, list, list]]:
    """Per annotator: spans, plain links, and the events' arguments as links; the spans that
    are events' triggers (of their label) are added to ``triggers``."""
    labels = {span.id: span.label for span in item.spans}
    triggers.update(e.trigger for e in item.events if labels.get(e.trigger) == e.label)
    plain = {id(relation) for relation in item.relations}
    flat = as_links(item, linked)
    layers: dict[str, tuple[list, list, list]] = defaultdict(lambda: ([], [], []))
    for span in flat.spans:
        layers[span.annotator][0].append(span)
    for relation in flat.relations:
        layers[relation.annotator][1 if id(relation) in plain else 2].append(relation)
    return layers


def write(out: Path, documents: Iterable[AnnotatedDocument], context: ExportContext) -> None:
    """``TypeSystem.xml`` and the XMI files, in a new folder ``out``."""
    linked = LinkedEvents()
    triggers: set[int] = set()
    items = [(item.document, _layers(item, linked, triggers)) for item in documents]
    spans = [span for _, layers in items for kept, _, _ in layers.values() for span in kept]
    fit, unfit = attribute_ranges(spans)
    types = type_system(fit)
    writer = _CasWriter(types, fit, context, triggers)
    annotators = {span.annotator for span in spans}
    with atomic_directory(Path(out)) as folder:
        (folder / "TypeSystem.xml").write_text(types.to_xml(), encoding="utf-8")
        used: set[str] = {"typesystem"}
        for document, found in items:
            name = file_name(document.name, used, f"document-{document.id}")
            layers = found or {"": ([], [], [])}
            if len(annotators) <= 1 or "" in layers:  # one layer, or a document nobody annotated
                ((spans, links, arguments),) = layers.values()
                cas = writer.cas(document.name, document.text, spans, links, arguments)
                cas.to_xmi(folder / f"{name}.xmi")
                continue
            target = folder / name
            target.mkdir()
            (target / "TypeSystem.xml").write_text(types.to_xml(), encoding="utf-8")
            names = {CURATOR.lower(), "typesystem"}
            for annotator, (spans, links, arguments) in sorted(layers.items()):
                stem = CURATOR if annotator == GOLD else file_name(annotator, names, "layer")
                cas = writer.cas(document.name, document.text, spans, links, arguments)
                cas.to_xmi(target / f"{stem}.xmi")
    if unfit:
        context.notes.append(
            "span attributes whose names cannot be UIMA features are left out: "
            + ", ".join(sorted(unfit))
        )
    if writer.xml.replaced:
        context.notes.append(
            f"{writer.xml.replaced} control characters, which XML 1.0 cannot hold, written as "
            "U+FFFD (offsets unchanged)"
        )
    context.notes.extend(linked.notes("UIMA XMI"))
