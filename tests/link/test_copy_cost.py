"""The cost of one more copy: a wire story re-posted hundreds of times must not make each
new copy read, compare or rewrite more than the second one did (it used to: every copy
was compared with every earlier one, and each fact summarized again from all its
mentions, so a 100 MB feed of repeated stories slowed down quadratically).

Measured on a real SQLite store by what the linker asks of it: SQL statements run
(trace callback) and rows handed back to Python (row factory), never by timing."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from newsgraph import link, store
from newsgraph.link import query
from newsgraph.model import AnnotatedDoc, Article, Block, Claim, Event, Evidence, RawDoc

STORY = (
    "Ruritania delivered forty armoured vehicles to Freedonia on Monday, the defence "
    "ministry in Ruritania said in a statement. The vehicles arrived at the port of Vella "
    "after a week at sea, according to harbour officials. The army chief of Freedonia "
    "thanked Ruritania for the shipment and said more deliveries were expected before "
    "winter. Sylvania condemned the transfer and accused Ruritania of fuelling the "
    "conflict. Analysts said the vehicles were of an older design but still useful."
)
SENTENCE = STORY.split(". ")[0] + "."


def copy(n: int, tail: str = "") -> tuple[RawDoc, AnnotatedDoc, list[Event]]:
    """Copy `n` of the story under its own id (and with `tail` appended, if given)."""
    body = STORY + tail
    name = f"copy-{n:04d}"
    data = f"{name}\n{body}".encode()
    raw = RawDoc(hashlib.sha256(data).hexdigest(), name, name, "text/plain", data,
                 "2025-03-04T00:00:00Z")
    art = Article(raw.id, name, None, body, "2025-03-04", "input", f"Outlet {n % 7}", None,
                  None, (Block("en", 0, len(body)),))
    events = [
        Event("AID", "military", ("RUR",), ("FRE",), "Ruritania", "Freedonia",
              Evidence(name, SENTENCE, 0, len(SENTENCE)), item="armoured vehicles",
              date="2025-03-03", date_precision="day", confidence=0.9, coder="test",
              claims=(Claim("RUR", "asserts"),)),
        Event("ACCUSE", None, ("SYL",), ("RUR",), "Sylvania", "Ruritania",
              Evidence(name, "Sylvania condemned the transfer.", 300, 330),
              confidence=0.9, coder="test",
              claims=(Claim("SYL", "asserts"), Claim("RUR", "denies")) if n % 2 else ()),
    ]
    return raw, AnnotatedDoc(art, (), ()), events


class Meter:
    """SQL statements and rows fetched on one connection while `on` is set."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.on, self.statements, self.rows = False, 0, 0
        conn.set_trace_callback(self._statement)
        conn.row_factory = self._row

    def _statement(self, _sql: str) -> None:
        self.statements += self.on

    def _row(self, cursor: sqlite3.Cursor, row: tuple) -> sqlite3.Row:
        self.rows += self.on
        return sqlite3.Row(cursor, row)


def link_costs(db: Path, copies: int, tail=lambda n: "") -> dict[int, tuple[int, int]]:
    """(statements, rows) that linking each copy took, by copy number."""
    conn = store.connect(db)
    meter = Meter(conn)
    costs = {}
    for n in range(copies):
        raw, doc, events = copy(n, tail(n))
        store.add_document(conn, raw, doc, events)
        meter.on, meter.statements, meter.rows = True, 0, 0
        link.link_document(conn, raw.id)
        meter.on = False
        costs[n] = (meter.statements, meter.rows)
    return costs


def test_the_hundredth_exact_copy_costs_what_the_third_does(tmp_path):
    costs = link_costs(tmp_path / "s.db", 120)
    # Odd copies carry claims, even ones none: like is compared with like. A copy can cost
    # more only when it becomes the cluster's root (its doc_id sorts first, as 1 in k
    # does): the cluster's members then point to it, and their facts are summarized again.
    assert costs[3] == costs[119] and costs[4] == costs[118], (costs[3], costs[119])
    assert sum(costs[n] not in (costs[3], costs[4]) for n in range(3, 120)) < 10
    conn = store.connect(tmp_path / "s.db", create=False)
    docs = query.documents(conn)
    roots = {d["copy_of"] for d in docs if d["copy_of"]}
    assert len(roots) == 1 and sum(d["copy_of"] is None for d in docs) == 1
    # one edge per copy joins the cluster, not one per earlier copy
    assert conn.execute("SELECT count(*) FROM copy_edges").fetchone()[0] == 119
    aid = query.facts(conn, query.FactFilter(types=("AID",)))
    assert len(aid) == 1 and aid[0]["documents"] == aid[0]["reports"] == 120
    assert aid[0]["independent_sources"] == 1  # all copies fold into one source


def test_near_copies_are_each_compared_with_one_member_of_the_cluster(tmp_path):
    # Each copy adds its own line, so no two share all their shingles: every one goes
    # through the LSH index and the containment check.
    costs = link_costs(tmp_path / "s.db", 60, lambda n: f"\nShared by reader {n} of Vella.")
    assert costs[3][0] == costs[59][0]  # statements (LSH rows grow with the variants)
    conn = store.connect(tmp_path / "s.db", create=False)
    assert conn.execute("SELECT count(*) FROM copy_edges").fetchone()[0] == 59
    assert conn.execute("SELECT count(DISTINCT copy_of) FROM copies").fetchone()[0] == 1


def test_an_exact_copy_takes_its_twins_signature_as_hashed_afresh(tmp_path):
    # A copy's MinHash is read from its twin instead of hashed again: it must be the
    # bytes hashing its own body gives, or a later relink would index it elsewhere.
    from newsgraph.link.shingles import minhash, shingles, to_blob

    link_costs(tmp_path / "s.db", 3)
    conn = store.connect(tmp_path / "s.db", create=False)
    sigs = conn.execute("SELECT minhash, shingles FROM doc_signatures").fetchall()
    assert len(sigs) == 3
    assert {(s[0], s[1]) for s in sigs} == {(to_blob(minhash(shingles(STORY))),
                                             len(shingles(STORY)))}


def test_a_twin_without_a_signature_still_gives_its_cluster(tmp_path):
    # The twin's signature gone (as if written by an older linker): the copy hashes its
    # own body and joins the twin's cluster all the same.
    conn = store.connect(tmp_path / "s.db")
    first, second = copy(0), copy(1)
    store.add_document(conn, *first)
    link.link_document(conn, first[0].id)
    conn.execute("DELETE FROM doc_signatures")
    store.add_document(conn, *second)
    link.link_document(conn, second[0].id)
    assert [r[0] for r in conn.execute("SELECT doc_id FROM doc_signatures")] == [second[0].id]
    assert conn.execute("SELECT count(*) FROM copies").fetchone()[0] == 1
