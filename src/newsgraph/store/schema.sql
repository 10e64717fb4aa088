-- newsgraph store, schema version 1 (the whole current schema; db.py applies it
-- to a new file and runs numbered migrations on older ones).
-- Offsets (start, end) are character offsets into articles.body.
-- Lists are JSON arrays in TEXT columns.

CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- The bytes as they came in; id = sha256 of the bytes, so the same bytes are stored once.
CREATE TABLE IF NOT EXISTS raw_docs (
  id           TEXT PRIMARY KEY,
  origin       TEXT NOT NULL,          -- path, URL or "path:LINE"
  name         TEXT NOT NULL,          -- file name or the id of a JSONL line
  content_type TEXT NOT NULL,
  fetched_at   TEXT NOT NULL,
  size         INTEGER NOT NULL,
  meta         TEXT NOT NULL DEFAULT '{}'
);

-- `num` is an explicit rowid so VACUUM cannot renumber rows under the FTS index.
CREATE TABLE IF NOT EXISTS articles (
  num              INTEGER PRIMARY KEY,
  doc_id           TEXT NOT NULL UNIQUE REFERENCES raw_docs(id) ON DELETE CASCADE,
  name             TEXT NOT NULL,
  title            TEXT,
  body             TEXT NOT NULL,
  published        TEXT,               -- YYYY-MM-DD
  published_source TEXT,
  outlet           TEXT,
  author           TEXT,
  url              TEXT,
  languages        TEXT NOT NULL DEFAULT '[]',
  removed          TEXT NOT NULL DEFAULT '[]',
  ingested_at      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_name ON articles(name);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);

CREATE TABLE IF NOT EXISTS blocks (
  doc_id TEXT NOT NULL REFERENCES articles(doc_id) ON DELETE CASCADE,
  seq    INTEGER NOT NULL,
  lang   TEXT NOT NULL,
  start  INTEGER NOT NULL,
  "end"  INTEGER NOT NULL,
  PRIMARY KEY (doc_id, seq)
);

-- Sentence text is substr(body, start + 1, end - start); not stored twice.
CREATE TABLE IF NOT EXISTS sentences (
  doc_id TEXT NOT NULL REFERENCES articles(doc_id) ON DELETE CASCADE,
  seq    INTEGER NOT NULL,
  start  INTEGER NOT NULL,
  "end"  INTEGER NOT NULL,
  lang   TEXT NOT NULL,
  PRIMARY KEY (doc_id, seq)
);

CREATE TABLE IF NOT EXISTS mentions (
  doc_id TEXT NOT NULL REFERENCES articles(doc_id) ON DELETE CASCADE,
  seq    INTEGER NOT NULL,
  start  INTEGER NOT NULL,
  "end"  INTEGER NOT NULL,
  text   TEXT NOT NULL,
  code   TEXT,
  actor  TEXT NOT NULL,                -- the actor's name
  kind   TEXT NOT NULL,
  sector TEXT,
  person TEXT,
  office TEXT,
  via    TEXT NOT NULL,
  PRIMARY KEY (doc_id, seq)
);
CREATE INDEX IF NOT EXISTS mentions_code ON mentions(code);

-- Event.id is a content hash of (doc name, offset, type, actors, item); the doc
-- name is not unique across the store, so the key is (doc_id, id).
CREATE TABLE IF NOT EXISTS events (
  doc_id         TEXT NOT NULL REFERENCES articles(doc_id) ON DELETE CASCADE,
  id             TEXT NOT NULL,
  type           TEXT NOT NULL,
  mode           TEXT,
  source         TEXT NOT NULL DEFAULT '[]',
  target         TEXT NOT NULL DEFAULT '[]',
  source_text    TEXT,
  target_text    TEXT,
  source_sector  TEXT,
  target_sector  TEXT,
  item           TEXT,
  quantity       TEXT,
  event_date     TEXT,               -- YYYY-MM-DD | YYYY-MM | YYYY
  date_precision TEXT,
  modality       TEXT NOT NULL,
  confidence     REAL NOT NULL,
  coder          TEXT NOT NULL,
  evidence_text  TEXT NOT NULL,
  evidence_start INTEGER NOT NULL,
  evidence_end   INTEGER NOT NULL,
  PRIMARY KEY (doc_id, id)
);
CREATE INDEX IF NOT EXISTS events_id ON events(id);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS events_date ON events(event_date);

-- One row per actor code of an event, for filtering by actor.
CREATE TABLE IF NOT EXISTS event_actors (
  doc_id   TEXT NOT NULL,
  event_id TEXT NOT NULL,
  role     TEXT NOT NULL CHECK (role IN ('source', 'target')),
  code     TEXT NOT NULL,
  PRIMARY KEY (doc_id, event_id, role, code),
  FOREIGN KEY (doc_id, event_id) REFERENCES events(doc_id, id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS event_actors_code ON event_actors(code, role);

CREATE TABLE IF NOT EXISTS claims (
  doc_id   TEXT NOT NULL,
  event_id TEXT NOT NULL,
  seq      INTEGER NOT NULL,
  by_code  TEXT,
  by_text  TEXT,
  stance   TEXT NOT NULL CHECK (stance IN ('asserts', 'denies', 'concedes')),
  PRIMARY KEY (doc_id, event_id, seq),
  FOREIGN KEY (doc_id, event_id) REFERENCES events(doc_id, id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS claims_by ON claims(by_code);

-- Full-text search over title and body, kept in step with articles by triggers.
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
  title, body, content='articles', content_rowid='num'
);
CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, body) VALUES (new.num, new.title, new.body);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body)
  VALUES ('delete', old.num, old.title, old.body);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body)
  VALUES ('delete', old.num, old.title, old.body);
  INSERT INTO articles_fts(rowid, title, body) VALUES (new.num, new.title, new.body);
END;
