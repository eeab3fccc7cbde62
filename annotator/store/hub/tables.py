"""The hub's tables, functions and row-level security policies, in one place.

Everything lives in the schema ``hub`` of the database the lead names. Two group roles, made
for this hub and named after its database, carry the privileges: ``<db>_leads`` and
``<db>_annotators``; each person is a login role that is a member of one of them.

What the server enforces, whatever SQL a login sends:

- who a login is, to every policy and stamp, is its session's login (``session_user``),
  which ``SET ROLE`` cannot change: joining a group role gives its privileges, not its name;
- a layer row (``layers``: one document, one annotator's spans, links, events and status as
  JSON) names its owner in ``annotator``; a login inserts, changes and deletes only rows
  where ``annotator`` is its own name, and a lead also the ``gold`` rows;
- in a blind project an annotator reads only their own layers; a lead reads everything;
- documents, the schema and settings, and assignments are written by leads only;
- every write is stamped by the server (who, when, and a revision from one sequence) and
  takes one advisory lock until it commits, so revisions become visible in the order they
  were given: a sync that has seen revision N has seen everything before it;
- a discussion row (``discussions``: one document, one person's comments) is written only
  by its ``author``; in a blind project an annotator reads their own and the leads';
- a layer replaced is copied first into ``layer_history`` (by a function that runs as the
  hub's owner: logins cannot write the history themselves), so two leads adjudicating one
  document at once lose nothing: the later write wins and the earlier stays in the history.
"""

from __future__ import annotations

HUB_FORMAT = 1
GOLD = "gold"
REVISION_LOCK = 0x414E4E4F  # the advisory lock every write takes ("ANNO")

TABLES = """
CREATE SCHEMA hub;
CREATE SEQUENCE hub.revisions;
CREATE TABLE hub.settings (
    key text PRIMARY KEY,
    value text NOT NULL,
    revision bigint NOT NULL DEFAULT 0,
    written_by text NOT NULL DEFAULT session_user,
    written_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE hub.documents (
    sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    name text NOT NULL,
    meta jsonb NOT NULL DEFAULT '{}',
    text text NOT NULL,
    revision bigint NOT NULL DEFAULT 0,
    written_by text NOT NULL DEFAULT session_user,
    written_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_revision ON hub.documents(revision);
CREATE TABLE hub.layers (
    document text NOT NULL REFERENCES hub.documents(sha256),
    annotator text NOT NULL,
    content jsonb NOT NULL,
    fingerprint text NOT NULL,
    revision bigint NOT NULL DEFAULT 0,
    written_by text NOT NULL DEFAULT session_user,
    written_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (document, annotator)
);
CREATE INDEX layers_revision ON hub.layers(revision);
CREATE INDEX layers_annotator ON hub.layers(annotator);
CREATE TABLE hub.layer_history (
    id bigserial PRIMARY KEY,
    document text NOT NULL,
    annotator text NOT NULL,
    content jsonb NOT NULL,
    fingerprint text NOT NULL,
    revision bigint NOT NULL,
    written_by text NOT NULL,
    written_at timestamptz NOT NULL,
    replaced_by text NOT NULL,
    replaced_at timestamptz NOT NULL
);
CREATE INDEX layer_history_layer ON hub.layer_history(document, annotator);
CREATE TABLE hub.assignments (
    document text NOT NULL REFERENCES hub.documents(sha256),
    annotator text NOT NULL,
    active boolean NOT NULL DEFAULT true,
    revision bigint NOT NULL DEFAULT 0,
    written_by text NOT NULL DEFAULT session_user,
    written_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (document, annotator)
);
CREATE INDEX assignments_revision ON hub.assignments(revision);
CREATE INDEX assignments_annotator ON hub.assignments(annotator);
CREATE TABLE hub.discussions (
    document text NOT NULL REFERENCES hub.documents(sha256),
    author text NOT NULL,
    content jsonb NOT NULL,
    revision bigint NOT NULL DEFAULT 0,
    written_by text NOT NULL DEFAULT session_user,
    written_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (document, author)
);
CREATE INDEX discussions_revision ON hub.discussions(revision);
CREATE TABLE hub.syncs (
    login text PRIMARY KEY DEFAULT session_user,
    synced_at timestamptz NOT NULL DEFAULT now(),
    pushed integer NOT NULL DEFAULT 0,
    pulled integer NOT NULL DEFAULT 0
);

CREATE FUNCTION hub.stamp() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(@LOCK@);
    NEW.revision := nextval('hub.revisions');
    NEW.written_by := session_user;
    NEW.written_at := now();
    RETURN NEW;
END $$;
CREATE FUNCTION hub.keep_earlier() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    replacer text := session_user;  -- the login, not the hub's owner this runs as
BEGIN
    IF TG_OP = 'UPDATE' THEN
        replacer := NEW.written_by;  -- as stamped
    END IF;
    INSERT INTO hub.layer_history(document, annotator, content, fingerprint, revision,
        written_by, written_at, replaced_by, replaced_at)
    VALUES (OLD.document, OLD.annotator, OLD.content, OLD.fingerprint, OLD.revision,
        OLD.written_by, OLD.written_at, replacer, now());
    RETURN NULL;
END $$;
CREATE TRIGGER settings_stamp BEFORE INSERT OR UPDATE ON hub.settings
    FOR EACH ROW EXECUTE FUNCTION hub.stamp();
CREATE TRIGGER documents_stamp BEFORE INSERT OR UPDATE ON hub.documents
    FOR EACH ROW EXECUTE FUNCTION hub.stamp();
CREATE TRIGGER layers_stamp BEFORE INSERT OR UPDATE ON hub.layers
    FOR EACH ROW EXECUTE FUNCTION hub.stamp();
CREATE TRIGGER layers_history AFTER UPDATE ON hub.layers
    FOR EACH ROW WHEN (OLD.fingerprint IS DISTINCT FROM NEW.fingerprint)
    EXECUTE FUNCTION hub.keep_earlier();
CREATE TRIGGER layers_deleted AFTER DELETE ON hub.layers
    FOR EACH ROW EXECUTE FUNCTION hub.keep_earlier();
CREATE TRIGGER discussions_stamp BEFORE INSERT OR UPDATE ON hub.discussions
    FOR EACH ROW EXECUTE FUNCTION hub.stamp();
CREATE TRIGGER assignments_stamp BEFORE INSERT OR UPDATE ON hub.assignments
    FOR EACH ROW EXECUTE FUNCTION hub.stamp();

CREATE FUNCTION hub.is_lead() RETURNS boolean LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp AS $$
    SELECT pg_has_role(session_user, @LEADS_NAME@, 'MEMBER')
$$;
CREATE FUNCTION hub.leads(login text) RETURNS boolean LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM pg_auth_members a JOIN pg_roles m ON m.oid = a.member
        JOIN pg_roles g ON g.oid = a.roleid WHERE m.rolname = login AND g.rolname = @LEADS_NAME@)
$$;
CREATE FUNCTION hub.blind() RETURNS boolean LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp AS $$
    SELECT coalesce((SELECT value = 'yes' FROM hub.settings WHERE key = 'blind'), false)
$$;

ALTER TABLE hub.layers ENABLE ROW LEVEL SECURITY;
CREATE POLICY layers_read ON hub.layers FOR SELECT
    USING (annotator = session_user OR hub.is_lead() OR NOT hub.blind());
CREATE POLICY layers_insert ON hub.layers FOR INSERT
    WITH CHECK ((annotator = session_user AND annotator <> 'gold')
        OR (annotator = 'gold' AND hub.is_lead()));
CREATE POLICY layers_update ON hub.layers FOR UPDATE
    USING ((annotator = session_user AND annotator <> 'gold')
        OR (annotator = 'gold' AND hub.is_lead()))
    WITH CHECK ((annotator = session_user AND annotator <> 'gold')
        OR (annotator = 'gold' AND hub.is_lead()));
CREATE POLICY layers_delete ON hub.layers FOR DELETE
    USING ((annotator = session_user AND annotator <> 'gold')
        OR (annotator = 'gold' AND hub.is_lead()));
ALTER TABLE hub.layer_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY layer_history_read ON hub.layer_history FOR SELECT
    USING (annotator = session_user OR hub.is_lead() OR NOT hub.blind());
ALTER TABLE hub.assignments ENABLE ROW LEVEL SECURITY;
CREATE POLICY assignments_read ON hub.assignments FOR SELECT
    USING (annotator = session_user OR hub.is_lead() OR NOT hub.blind());
CREATE POLICY assignments_write ON hub.assignments FOR ALL
    USING (hub.is_lead()) WITH CHECK (hub.is_lead());
ALTER TABLE hub.discussions ENABLE ROW LEVEL SECURITY;
CREATE POLICY discussions_read ON hub.discussions FOR SELECT
    USING (author = session_user OR hub.is_lead() OR NOT hub.blind() OR hub.leads(author));
CREATE POLICY discussions_write ON hub.discussions FOR ALL
    USING (author = session_user) WITH CHECK (author = session_user);
ALTER TABLE hub.syncs ENABLE ROW LEVEL SECURITY;
CREATE POLICY syncs_read ON hub.syncs FOR SELECT USING (login = session_user OR hub.is_lead());
CREATE POLICY syncs_write ON hub.syncs FOR ALL
    USING (login = session_user) WITH CHECK (login = session_user);

CREATE VIEW hub.spans WITH (security_invoker = true) AS
    SELECT l.document, l.annotator, (a->>'id') AS id, (a->>'label') AS label,
        (a->>'start')::integer AS start, (a->>'end')::integer AS "end", (a->>'text') AS text,
        (a->'attributes') AS attributes
    FROM hub.layers l, jsonb_array_elements(l.content->'annotations') a;

CREATE VIEW hub.events WITH (security_invoker = true) AS
    SELECT l.document, l.annotator, (e->>'id') AS id, (e->>'type') AS type,
        (e->>'trigger') AS trigger, (e->'arguments') AS arguments,
        (e->'attributes') AS attributes
    FROM hub.layers l, jsonb_array_elements(l.content->'events') e;

REVOKE ALL ON SCHEMA hub FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA hub TO @LEADS@, @ANNOTATORS@;
GRANT USAGE ON SEQUENCE hub.revisions TO @LEADS@, @ANNOTATORS@;
GRANT SELECT ON hub.settings, hub.documents, hub.layer_history, hub.spans, hub.events
    TO @LEADS@, @ANNOTATORS@;
GRANT SELECT, INSERT, UPDATE, DELETE ON hub.layers, hub.discussions TO @LEADS@, @ANNOTATORS@;
GRANT SELECT ON hub.assignments TO @ANNOTATORS@;
GRANT SELECT, INSERT, UPDATE, DELETE ON hub.assignments TO @LEADS@;
GRANT SELECT, INSERT, UPDATE ON hub.syncs TO @LEADS@, @ANNOTATORS@;
GRANT INSERT, UPDATE ON hub.settings, hub.documents TO @LEADS@
"""


def tables_sql(leads: str, annotators: str) -> str:
    """The statements that make a hub, for its two group roles (names, unquoted)."""
    return (
        TABLES.replace("@LOCK@", str(REVISION_LOCK))
        .replace("@LEADS_NAME@", _literal(leads))
        .replace("@LEADS@", _identifier(leads))
        .replace("@ANNOTATORS@", _identifier(annotators))
    )


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
