-- newsgraph store, schema version 3 (the whole current schema; db.py applies it
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

-- ---- Version 3: the desk's read tables (api/): graph edges, actors' facts. -------

-- Facts per (source, target, type, period): what the graph endpoint sums instead of
-- joining every fact to its actors. `period` is the month of the fact's sort_date
-- (YYYY-MM), the sort_date itself when it is shorter (a year), '' when undated; the
-- date filters are exact on it except inside a month a day-precision bound cuts, which
-- the graph reads from facts. Kept by the triggers below on every write to facts
-- (a fact created, refreshed, merged away or dropped by a relink), so it always equals
-- the aggregation of facts (tests/link/test_fact_edges.py checks that).
CREATE TABLE IF NOT EXISTS fact_edges (
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  type   TEXT NOT NULL,
  period TEXT NOT NULL,
  facts  INTEGER NOT NULL,
  PRIMARY KEY (source, target, type, period)
) WITHOUT ROWID;
-- Covering indexes, one per way in: an actor as source, as target (each with a type),
-- a type alone (rows in (source, target) order, so grouping needs no sort), a type and
-- a range of periods.
CREATE INDEX IF NOT EXISTS fact_edges_source ON fact_edges(source, type, target, period, facts);
CREATE INDEX IF NOT EXISTS fact_edges_target ON fact_edges(target, type, source, period, facts);
CREATE INDEX IF NOT EXISTS fact_edges_type ON fact_edges(type, source, target, period, facts);
CREATE INDEX IF NOT EXISTS fact_edges_period ON fact_edges(type, period, source, target, facts);
CREATE TRIGGER IF NOT EXISTS facts_edges_insert AFTER INSERT ON facts BEGIN
  INSERT INTO fact_edges(source, target, type, period, facts)
  SELECT s.value, t.value, new.type, COALESCE(substr(new.sort_date, 1, 7), ''), 1
  FROM json_each(new.source) s, json_each(new.target) t WHERE true
  ON CONFLICT(source, target, type, period) DO UPDATE SET facts = facts + 1;
END;
CREATE TRIGGER IF NOT EXISTS facts_edges_delete AFTER DELETE ON facts BEGIN
  UPDATE fact_edges SET facts = facts - 1 WHERE (source, target, type, period) IN (
    SELECT s.value, t.value, old.type, COALESCE(substr(old.sort_date, 1, 7), '')
    FROM json_each(old.source) s, json_each(old.target) t);
  DELETE FROM fact_edges WHERE facts <= 0 AND source IN (SELECT value FROM json_each(old.source))
  AND type = old.type;  -- only the rows just decremented can reach 0
END;

-- Each actor's facts in the two orders the desk pages them by, so a page is one index
-- range whatever the actor's share of the store: by date (`sort_key`: the sort_date,
-- '~' when undated, so undated facts come last) and most independent sources first
-- (`rank` = -independent_sources). Kept by the triggers on facts, like fact_edges.
CREATE TABLE IF NOT EXISTS actor_facts (
  code     TEXT NOT NULL,
  role     TEXT NOT NULL,
  fact_id  TEXT NOT NULL,
  sort_key TEXT NOT NULL,
  rank     INTEGER NOT NULL,
  PRIMARY KEY (fact_id, role, code)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS actor_facts_timeline ON actor_facts(code, sort_key, fact_id);
CREATE INDEX IF NOT EXISTS actor_facts_rank ON actor_facts(code, rank, fact_id);
CREATE INDEX IF NOT EXISTS facts_type_rank ON facts(type, independent_sources DESC, id);
CREATE TRIGGER IF NOT EXISTS facts_actors_insert AFTER INSERT ON facts BEGIN
  INSERT OR IGNORE INTO actor_facts(code, role, fact_id, sort_key, rank)
  SELECT value, 'source', new.id, COALESCE(new.sort_date, '~'), -new.independent_sources
  FROM json_each(new.source);
  INSERT OR IGNORE INTO actor_facts(code, role, fact_id, sort_key, rank)
  SELECT value, 'target', new.id, COALESCE(new.sort_date, '~'), -new.independent_sources
  FROM json_each(new.target);
END;
CREATE TRIGGER IF NOT EXISTS facts_actors_delete AFTER DELETE ON facts BEGIN
  DELETE FROM actor_facts WHERE fact_id = old.id;
END;
-- The linker rewrites a fact's row (DELETE, INSERT); an UPDATE of what the tables above
-- are kept by would leave them stale, so it is refused.
CREATE TRIGGER IF NOT EXISTS facts_derived_update
BEFORE UPDATE OF id, type, source, target, sort_date, independent_sources ON facts BEGIN
  SELECT RAISE(ABORT, 'facts: rewrite the row (DELETE, INSERT) to change what it is indexed by');
END;
