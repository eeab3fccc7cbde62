"""The project database's tables, in one place, with the format version they make up.

A document's text lives in its own table so that listing 100,000 documents never reads
text; spans are indexed by document and layer so that opening one document reads only it.
Span and relation ids are never reused (AUTOINCREMENT): the audit trail and undo name an
annotation by its id, and a deleted span's id must not come to mean another span.
A thread of comments keeps an anchor (the span discussed, as JSON) besides ``span_id``, so it
still says what it was about when the span goes. ``merged_layers`` holds, for each layer a
merge brought in, a fingerprint of what it brought: a later merge compares it with the layer
as it is now to tell whether someone edited that layer here in between.

Format 2 made events records of their own (``events``, with their ``arguments`` in order): an
event has a type, an optional trigger span that several events may share, and arguments that
are spans or other events. ``relations`` keeps the links between spans that are no event's
roles (brat's relations, a dependency layer). A canonical place may carry its latitude and
longitude, taken from the gazetteer the project imported (``gazetteer``, its places, and
``gazetteer_names``, a row for each normalised name of each place, in key order so that a
name and every name beginning with it are one range) or typed; ``place_origins`` says which
gazetteer entry a place's coordinates came from.

Format 3 added ``verdicts``: each suggestion the annotator accepted or rejected, so that a
rejected one is not suggested again and each recommender's precision can be told.
"""

FORMAT_VERSION = 3
APPLICATION_ID = 0x414E4E4F  # "ANNO": marks a SQLite file as an annotator project

DDL = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    length INTEGER NOT NULL,
    meta TEXT NOT NULL DEFAULT '{}',
    created TEXT NOT NULL
);
CREATE INDEX documents_name ON documents(name);
CREATE TABLE texts (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    text TEXT NOT NULL
);
CREATE TABLE progress (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL,
    status TEXT NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (document_id, annotator)
) WITHOUT ROWID;
CREATE INDEX progress_annotator ON progress(annotator, status);
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    latitude REAL,
    longitude REAL,
    UNIQUE (kind, name)
);
CREATE TABLE spans (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL,
    label TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    attributes TEXT NOT NULL DEFAULT '{}',
    entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    provenance TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX spans_document ON spans(document_id, annotator, start);
CREATE INDEX spans_annotator ON spans(annotator, document_id);
CREATE INDEX spans_label ON spans(label);
CREATE INDEX spans_entity ON spans(entity_id) WHERE entity_id IS NOT NULL;
CREATE TABLE relations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL,
    source INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    target INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE INDEX relations_document ON relations(document_id, annotator);
CREATE INDEX relations_source ON relations(source);
CREATE INDEX relations_target ON relations(target);
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL,
    label TEXT NOT NULL,
    trigger INTEGER REFERENCES spans(id) ON DELETE CASCADE,
    attributes TEXT NOT NULL DEFAULT '{}',
    provenance TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX events_document ON events(document_id, annotator);
CREATE INDEX events_trigger ON events(trigger) WHERE trigger IS NOT NULL;
CREATE INDEX events_label ON events(label);
CREATE TABLE arguments (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    role TEXT NOT NULL,
    span_id INTEGER REFERENCES spans(id) ON DELETE CASCADE,
    argument_event INTEGER REFERENCES events(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, position),
    CHECK ((span_id IS NULL) != (argument_event IS NULL))
) WITHOUT ROWID;
CREATE INDEX arguments_span ON arguments(span_id) WHERE span_id IS NOT NULL;
CREATE INDEX arguments_event ON arguments(argument_event) WHERE argument_event IS NOT NULL;
CREATE TABLE threads (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    span_id INTEGER REFERENCES spans(id) ON DELETE SET NULL,
    anchor TEXT,
    resolved INTEGER NOT NULL DEFAULT 0,
    changed_by TEXT,
    changed_at TEXT,
    created TEXT NOT NULL
);
CREATE INDEX threads_document ON threads(document_id);
CREATE INDEX threads_span ON threads(span_id) WHERE span_id IS NOT NULL;
CREATE INDEX threads_open ON threads(resolved, document_id);
CREATE TABLE comments (
    id INTEGER PRIMARY KEY,
    thread_id INTEGER NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE INDEX comments_thread ON comments(thread_id, id);
CREATE TABLE merged_layers (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    source TEXT NOT NULL,
    merged TEXT NOT NULL,
    PRIMARY KEY (document_id, annotator)
) WITHOUT ROWID;
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    annotator TEXT NOT NULL,
    action TEXT NOT NULL,
    document_id INTEGER,
    span_id INTEGER,
    before TEXT,
    after TEXT
);
CREATE INDEX audit_span ON audit(span_id);
CREATE TABLE gazetteer (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    feature_class TEXT NOT NULL,
    feature_code TEXT NOT NULL,
    country TEXT NOT NULL,
    admin1 TEXT NOT NULL,
    population INTEGER NOT NULL,
    arabic TEXT NOT NULL
);
CREATE TABLE gazetteer_names (
    key TEXT NOT NULL,
    place INTEGER NOT NULL REFERENCES gazetteer(id) ON DELETE CASCADE,
    PRIMARY KEY (key, place)
) WITHOUT ROWID;
CREATE INDEX gazetteer_names_place ON gazetteer_names(place);
CREATE TABLE place_origins (
    entity_id INTEGER PRIMARY KEY REFERENCES entities(id) ON DELETE CASCADE,
    gazetteer_id INTEGER NOT NULL
);
CREATE TABLE verdicts (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL,
    label TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    recommender TEXT NOT NULL,
    accepted INTEGER NOT NULL,
    time TEXT NOT NULL
);
CREATE INDEX verdicts_document ON verdicts(document_id, annotator);
"""
