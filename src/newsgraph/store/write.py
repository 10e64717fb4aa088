"""Writing one document (raw bytes' record, article, parse, events, claims) in one transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from ..errors import Errors, NewsgraphError
from ..model import AnnotatedDoc, Event, RawDoc


def known(conn: sqlite3.Connection, doc_id: str) -> bool:
    """True when these bytes are already stored (so they are not parsed again)."""
    return conn.execute("SELECT 1 FROM raw_docs WHERE id = ?", (doc_id,)).fetchone() is not None


def add_document(
    conn: sqlite3.Connection, raw: RawDoc, doc: AnnotatedDoc, events: Iterable[Event]
) -> tuple[int, int] | None:
    """Store a document and its events atomically; returns the (events, claims)
    stored, or None (writing nothing) when the same bytes are already stored.
    An event whose id repeats within the document is stored once (the first)."""
    a = doc.article
    with transaction(conn, raw.origin):
        cur = conn.execute(
            "INSERT OR IGNORE INTO raw_docs(id, origin, name, content_type, fetched_at, size, meta)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (raw.id, raw.origin, raw.name, raw.content_type, raw.fetched_at, len(raw.data),
             _json(raw.meta)),
        )
        if cur.rowcount == 0:
            return None  # nothing written: the empty transaction commits
        conn.execute(
            "INSERT INTO articles(doc_id, name, title, body, published, published_source, outlet,"
            " author, url, languages, removed, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (raw.id, a.name, a.title, a.body, a.published, a.published_source, a.outlet,
             a.author, a.url, _json(a.languages), _json(list(a.removed)), _now()),
        )
        conn.executemany(
            'INSERT INTO blocks(doc_id, seq, lang, start, "end") VALUES (?,?,?,?,?)',
            [(raw.id, i, b.lang, b.start, b.end) for i, b in enumerate(a.blocks)],
        )
        conn.executemany(
            'INSERT INTO sentences(doc_id, seq, start, "end", lang) VALUES (?,?,?,?,?)',
            [(raw.id, i, s.start, s.end, s.lang) for i, s in enumerate(doc.sentences)],
        )
        conn.executemany(
            'INSERT INTO mentions(doc_id, seq, start, "end", text, code, actor, kind, sector,'
            " person, office, via) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (raw.id, i, m.start, m.end, m.text, m.actor.code, m.actor.name, m.actor.kind,
                 m.actor.sector, m.actor.person, m.actor.office, m.via)
                for i, m in enumerate(doc.mentions)
            ],
        )
        n_events = n_claims = 0
        for e in events:
            new_event, new_claims = _add_event(conn, raw.id, e)
            n_events += new_event
            n_claims += new_claims
    return n_events, n_claims


@contextmanager
def transaction(conn: sqlite3.Connection, where: str = "") -> Iterator[None]:
    """`BEGIN IMMEDIATE` ... `COMMIT`, all or nothing. A write SQLite refuses (disk full, I/O
    error) becomes E047 naming `where`; the rollback runs only if SQLite has not already
    rolled back (it has, on SQLITE_FULL), so the first error is the one reported."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except sqlite3.OperationalError as e:
        rollback(conn)
        raise NewsgraphError(Errors.E047, where, str(e)) from e
    except BaseException:
        rollback(conn)
        raise


def rollback(conn: sqlite3.Connection) -> None:
    """Undo the open transaction, if there is one."""
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the connection is broken; SQLite rolls back on close or next open


def _add_event(conn: sqlite3.Connection, doc_id: str, e: Event) -> tuple[bool, int]:
    """Insert one event; returns (new event?, claims added). The same event coded
    twice in a document (say once per claimant) is one row holding all its claims."""
    cur = conn.execute(
        "INSERT OR IGNORE INTO events(doc_id, id, type, mode, source, target, source_text,"
        " target_text, source_sector, target_sector, item, quantity, event_date, date_precision,"
        " modality, confidence, coder, evidence_text, evidence_start, evidence_end)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (doc_id, e.id, e.type, e.mode, _json(list(e.source)), _json(list(e.target)),
         e.source_text, e.target_text, e.source_sector, e.target_sector, e.item, e.quantity,
         e.date, e.date_precision, e.modality, float(e.confidence), e.coder,
         e.evidence.text, e.evidence.start, e.evidence.end),
    )
    new = cur.rowcount == 1
    if new:
        roles = [("source", c) for c in e.source] + [("target", c) for c in e.target]
        conn.executemany(
            "INSERT OR IGNORE INTO event_actors(doc_id, event_id, role, code) VALUES (?,?,?,?)",
            [(doc_id, e.id, role, code) for role, code in roles if code],
        )
    have = {
        (r[0], r[1])
        for r in conn.execute(
            "SELECT by_code, stance FROM claims WHERE doc_id = ? AND event_id = ?", (doc_id, e.id)
        )
    }
    added = 0
    for c in e.claims:
        if (c.by, c.stance) in have:
            continue
        have.add((c.by, c.stance))
        conn.execute(
            "INSERT INTO claims(doc_id, event_id, seq, by_code, by_text, stance)"
            " VALUES (?, ?, (SELECT count(*) FROM claims WHERE doc_id = ? AND event_id = ?),"
            " ?, ?, ?)",
            (doc_id, e.id, doc_id, e.id, c.by, c.by_text, c.stance),
        )
        added += 1
    return new, added


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
