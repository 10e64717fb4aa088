-- newsgraph store, schema version 2 (the whole current schema; db.py applies it
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

-- ---- Version 2: linking (link/). Copies, facts and their mentions. ----------------

-- MinHash signature of each article's body shingles (uint32 × num_perm, little-endian),
-- kept so the LSH bands can be rebuilt with other parameters without re-reading bodies.
CREATE TABLE IF NOT EXISTS doc_signatures (
  doc_id   TEXT PRIMARY KEY REFERENCES articles(doc_id) ON DELETE CASCADE,
  minhash  BLOB NOT NULL,
  shingles INTEGER NOT NULL
);

-- The persisted LSH index: one row per (band, bucket key) of each document.
CREATE TABLE IF NOT EXISTS lsh_bands (
  band   INTEGER NOT NULL,
  bucket BLOB NOT NULL,
  doc_id TEXT NOT NULL REFERENCES articles(doc_id) ON DELETE CASCADE,
  PRIMARY KEY (band, bucket, doc_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS lsh_bands_doc ON lsh_bands(doc_id);

-- The copy graph: confirmed near-duplicate pairs (a < b), and each document's copy
-- cluster root (the earliest published member; ties by doc_id).
CREATE TABLE IF NOT EXISTS copy_edges (
  a          TEXT NOT NULL REFERENCES articles(doc_id) ON DELETE CASCADE,
  b          TEXT NOT NULL REFERENCES articles(doc_id) ON DELETE CASCADE,
  similarity REAL NOT NULL,              -- shingle containment of the shorter in the longer
  PRIMARY KEY (a, b)
);
CREATE INDEX IF NOT EXISTS copy_edges_b ON copy_edges(b);
CREATE TABLE IF NOT EXISTS copies (
  doc_id  TEXT PRIMARY KEY REFERENCES articles(doc_id) ON DELETE CASCADE,
  copy_of TEXT NOT NULL                  -- the root's doc_id
);
CREATE INDEX IF NOT EXISTS copies_of ON copies(copy_of);

-- One row per (event, dyad): an event with several sources or targets reports one
-- fact per pair. `a`/`b` are the source/target codes (sorted for symmetric types,
-- b = '' without target); lo/hi bound its date (ISO days), prec says how it was found.
CREATE TABLE IF NOT EXISTS fact_mentions (
  doc_id   TEXT NOT NULL,
  event_id TEXT NOT NULL,
  a        TEXT NOT NULL,
  b        TEXT NOT NULL,
  type     TEXT NOT NULL,
  mode     TEXT,
  item     TEXT,
  irrealis INTEGER NOT NULL,             -- 1: hypothetical or future
  lo       TEXT,
  hi       TEXT,
  prec     TEXT NOT NULL,                -- day | month | year | pub | none
  start    INTEGER NOT NULL,             -- the evidence sentence's offset
  deed     TEXT NOT NULL DEFAULT '',     -- its deed word stems, space-separated (link/deed.py)
  fact_id  TEXT NOT NULL,
  PRIMARY KEY (doc_id, event_id, a, b),
  FOREIGN KEY (doc_id, event_id) REFERENCES events(doc_id, id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS fact_mentions_key ON fact_mentions(type, a, b, lo);
CREATE INDEX IF NOT EXISTS fact_mentions_fact ON fact_mentions(fact_id);

-- Facts: the summary of each fact's mentions, rewritten whenever a mention joins.
CREATE TABLE IF NOT EXISTS facts (
  id                  TEXT PRIMARY KEY,
  type                TEXT NOT NULL,
  mode                TEXT,
  source              TEXT NOT NULL DEFAULT '[]',
  target              TEXT NOT NULL DEFAULT '[]',
  item                TEXT,
  quantity            TEXT,
  date                TEXT,
  date_precision      TEXT,
  first_reported      TEXT,
  last_reported       TEXT,
  documents           INTEGER NOT NULL,
  independent_sources INTEGER NOT NULL,
  reports             INTEGER NOT NULL,
  contested           INTEGER NOT NULL,
  embargo             TEXT NOT NULL DEFAULT '[]',
  sort_date           TEXT                 -- date, else first report: for timelines
);
CREATE INDEX IF NOT EXISTS facts_rank ON facts(independent_sources DESC, id);
CREATE INDEX IF NOT EXISTS facts_sort ON facts(sort_date, id);  -- timelines by date
CREATE INDEX IF NOT EXISTS facts_type ON facts(type);
CREATE TABLE IF NOT EXISTS fact_actors (
  fact_id TEXT NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
  role    TEXT NOT NULL CHECK (role IN ('source', 'target')),
  code    TEXT NOT NULL,
  PRIMARY KEY (fact_id, role, code)
);
CREATE INDEX IF NOT EXISTS fact_actors_code ON fact_actors(code);
