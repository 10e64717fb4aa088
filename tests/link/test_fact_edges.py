"""The desk's read tables (schema version 3), the graph's edges and each actor's facts:
after every incremental link, including facts that merge, get a new id or move to
another month, they equal what facts give from scratch; a version-2 store is upgraded
with them filled; and the graph read from the edges equals the graph joined over facts
for every filter, day-precision bounds too."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from newsgraph import link, store
from newsgraph.api import fact_reads
from newsgraph.model import AnnotatedDoc, Article, Block, Event, Evidence, RawDoc, Sentence
from newsgraph.store.db import ACTOR_FACTS_FROM_FACTS, FACT_EDGES_FROM_FACTS

SCRATCH = FACT_EDGES_FROM_FACTS.split("SELECT", 1)[1]
ACTORS_SCRATCH = ACTOR_FACTS_FROM_FACTS.split("SELECT", 1)[1]


def actor_facts(conn: sqlite3.Connection) -> list[tuple]:
    return [tuple(r) for r in conn.execute("SELECT code, role, fact_id, sort_key, rank"
                                           " FROM actor_facts ORDER BY 1, 2, 3")]


def actors_from_scratch(conn: sqlite3.Connection) -> list[tuple]:
    return sorted(set(tuple(r) for r in conn.execute(
        "SELECT" + ACTORS_SCRATCH.rstrip().rstrip(";"))))


def edges(conn: sqlite3.Connection) -> list[tuple]:
    return [tuple(r) for r in conn.execute(
        "SELECT source, target, type, period, facts FROM fact_edges ORDER BY 1, 2, 3, 4")]


def from_scratch(conn: sqlite3.Connection) -> list[tuple]:
    return sorted(tuple(r) for r in conn.execute("SELECT" + SCRATCH.rstrip().rstrip(";")))


def _doc(name: str, published: str, events: list[tuple]) -> tuple:
    """`events`: (type, source, target, date or None, precision or None)."""
    text = f"{name}: forces attacked the depot and shelled the convoy near the border."
    data = text.encode()
    raw = RawDoc(hashlib.sha256(data).hexdigest(), f"/in/{name}", name, "text/plain", data,
                 "2025-01-01T00:00:00Z")
    art = Article(raw.id, name, name, text, published, "input", f"outlet-{name}", None, None,
                  (Block("en", 0, len(text)),))
    evs = [Event(t, None, (s,), (g,), s, g, Evidence(name, text, 0, len(text)), date=d,
                 date_precision=p, confidence=0.9, coder="test") for t, s, g, d, p in events]
    return raw, AnnotatedDoc(art, (Sentence(0, len(text), text),), ()), evs


# Day-dated attacks of one pair: 03-01 and 03-07 are two facts (more than the 3-day window
# apart) until 03-04 arrives and joins both; a report published earlier renames the fact;
# month- and year-dated and undated reports; a second pair and another type.
DOCS = [
    _doc("a", "2025-03-02", [("ASSAULT", "RUS", "UKR", "2025-03-01", "day"),
                             ("SANCTION", "USA", "IRN", None, None)]),
    _doc("b", "2025-03-08", [("ASSAULT", "RUS", "UKR", "2025-03-07", "day")]),
    _doc("c", "2025-03-05", [("ASSAULT", "RUS", "UKR", "2025-03-04", "day"),
                             ("SANCTION", "USA", "IRN", "2025-04", "month")]),
    _doc("d", "2025-02-27", [("ASSAULT", "RUS", "UKR", "2025-02-28", "day"),
                             ("AID", "IRN", "RUS", "2024", "year")]),
    _doc("e", "2025-05-01", [("ASSAULT", "UKR", "RUS", "2025-04-30", "day"),
                             ("CONSULT", "FRA", "DEU", "2025-04-29", "day")]),
    _doc("f", "", [("AID", "IRN", "RUS", None, None)]),
]


def linked(path, seen: list[int] | None = None) -> sqlite3.Connection:
    conn = store.connect(path)
    for raw, doc, evs in DOCS:
        store.add_document(conn, raw, doc, evs)
        link.link_document(conn, raw.id)
        assert edges(conn) == from_scratch(conn), raw.name
        assert actor_facts(conn) == actors_from_scratch(conn), raw.name
        if seen is not None:  # how many RUS -> UKR attack facts there are now
            seen.append(sum(r[4] for r in edges(conn) if r[:3] == ("RUS", "UKR", "ASSAULT")))
    return conn


def test_edge_table_follows_facts_through_merges(tmp_path):
    seen: list[int] = []
    conn = linked(tmp_path / "e.db", seen)
    assert seen == [1, 2, 1, 1, 1, 1]  # two facts until c joins them
    link.relink(conn)
    assert edges(conn) == from_scratch(conn) != []
    assert actor_facts(conn) == actors_from_scratch(conn) != []
    fid = conn.execute("SELECT id FROM facts LIMIT 1").fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError):  # what they are kept by is never updated
        conn.execute("UPDATE facts SET sort_date = '1999' WHERE id = ?", (fid,))


def test_version_2_store_is_upgraded_with_its_edges(tmp_path):
    path = tmp_path / "v2.db"
    before = linked(path)
    want, want_actors = edges(before), actor_facts(before)
    before.close()
    conn = sqlite3.connect(path)
    for trigger in ("facts_edges_insert", "facts_edges_delete", "facts_actors_insert",
                    "facts_actors_delete", "facts_derived_update"):
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute("DROP INDEX facts_type_rank")
    conn.execute("DROP TABLE fact_edges")
    conn.execute("DROP TABLE actor_facts")
    conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    upgraded = store.connect(path)
    assert store.db.version(upgraded) == store.SCHEMA_VERSION == 3
    assert edges(upgraded) == want == from_scratch(upgraded)
    assert actor_facts(upgraded) == want_actors == actors_from_scratch(upgraded) != []


def test_graph_from_edges_equals_graph_over_facts(tmp_path):
    conn = linked(tmp_path / "g.db")
    filters = [((), (), None, None), (("RUS",), (), None, None), (("ukr", "RUS"), (), None, None),
               (("RUS", "UKR", "IRN"), (), None, None), ((), ("ASSAULT", "AID"), None, None),
               ((), (), "2025-03", "2025-03"), ((), (), "2025-03-05", None),
               ((), (), None, "2025-03-04"), ((), (), "2025-03-02", "2025-04-29"),
               (("IRN",), (), "2024", "2024"), ((), (), "2025", None),
               (("RUS",), ("ASSAULT",), "2025-02-28", "2025-03-01"),
               ((), ("ASSAULT", "SANCTION"), "2025-03", "2025-04"), ((), ("AID",), "2024", None),
               ((), ("AID", "ASSAULT"), None, "2025-03-04"), ((), ("SANCTION",), "2025-04", None)]
    for actors, types, since, until in filters:
        for max_edges in (1, 500):
            got = fact_reads.graph(conn, actors, types, since, until, max_edges)
            want = [{"source": s, "target": t, "type": ty, "weight": w,
                     "quad": fact_reads.ontology.quad(ty)}
                    for s, t, ty, w in fact_reads.graph_from_facts(
                        conn, actors, types, since, until, max_edges) if s != t]
            assert got == want, (actors, types, since, until, max_edges)
