"""Copies and syndication: one story under other chrome, trimmed, with an
"originally published" line, is one independent source; another story on the same
event by another outlet is not folded into it."""

from __future__ import annotations

from conftest import connect, ingest, write_jsonl

from newsgraph.link import query
from newsgraph.link.shingles import containment, shingles

STORY = (
    "Poland delivered forty armoured vehicles to Moldova on Monday, the Polish "
    "defence ministry said in a statement. The vehicles arrived at the port of Vella after "
    "a week at sea, according to harbour officials. Moldova's army chief thanked "
    "Poland for the shipment and said more deliveries were expected before winter. "
    "Hungary condemned the transfer and accused Poland of fuelling the conflict in "
    "the region. Analysts said the vehicles were of an older design but still useful. "
    "The two governments signed a defence pact last year that covers training and "
    "equipment. A second shipment of spare parts is due next month, the ministry added."
)
OTHER = (
    "Moldova has received armoured vehicles from Poland, its army said on Tuesday, "
    "in a move that Hungary called provocative. The army showed the vehicles to "
    "reporters at a base outside the capital. Officers declined to say how many had "
    "arrived or how they would be used. Hungary's foreign minister said the region "
    "did not need more weapons and urged both governments to talk instead."
)


def lines() -> list[dict]:
    chrome = ("Home | World | Markets | Sport\nSign in\n" + STORY
              + "\nThis story was originally published by Vella Wire.\nShare on X\n"
              "© 2025 Harbour Post")
    trimmed = " ".join(STORY.split(". ")[:5]) + "."
    return [
        {"id": "original", "outlet": "Vella Wire", "published": "2025-03-03", "text": STORY},
        {"id": "chrome", "outlet": "Harbour Post", "published": "2025-03-03", "text": chrome},
        {"id": "trimmed", "outlet": "Daily Hungaryn", "published": "2025-03-04",
         "text": "Originally published on Vella Wire.\n" + trimmed},
        {"id": "other", "outlet": "Chisinau Times", "published": "2025-03-04", "text": OTHER},
    ]


def test_containment_ignores_case_punctuation_and_trims():
    a = shingles(STORY)
    assert containment(a, shingles(STORY.upper().replace(",", " ;"))) == 1.0
    assert containment(a, shingles(" ".join(STORY.split(". ")[:4]))) == 1.0
    assert containment(a, shingles(OTHER)) < 0.2


def test_syndicated_copies_fold_into_the_original(tmp_path):
    db = tmp_path / "s.db"
    ingest(db, write_jsonl(tmp_path / "in.jsonl", lines()))
    conn = connect(db)
    docs = {d["doc"]: d for d in query.documents(conn)}
    original = docs["original"]["doc_id"]
    assert docs["original"]["copy_of"] is None
    assert docs["chrome"]["copy_of"] == original
    assert docs["trimmed"]["copy_of"] == original
    assert docs["other"]["copy_of"] is None  # a different story about the same deed
    # a fact the wire story and its copies report counts them as one source
    facts = query.facts(conn, query.FactFilter(actors=("POL", "MDA")))
    told = [f for f in facts if {m["doc"] for m in query.fact(conn, f["id"])["mentions"]}
            >= {"original", "chrome", "trimmed"}]
    assert told, facts
    for f in told:
        assert f["documents"] >= 3
        docs_outside = {m["doc"] for m in query.fact(conn, f["id"])["mentions"]} - {
            "original", "chrome", "trimmed"}
        assert f["independent_sources"] == 1 + len(docs_outside), f


def test_copy_state_persists_across_processes_and_order(tmp_path):
    # The copies arrive first, the original last, in another ingest run: the
    # original is still the root (it is dated earliest / does not say it is a re-post).
    ls = lines()
    db = tmp_path / "o.db"
    ingest(db, write_jsonl(tmp_path / "a.jsonl", [ls[2], ls[1]]))
    ingest(db, write_jsonl(tmp_path / "b.jsonl", [ls[3], ls[0]]))
    conn = connect(db)
    docs = {d["doc"]: d for d in query.documents(conn)}
    assert docs["chrome"]["copy_of"] == docs["trimmed"]["copy_of"] == docs["original"]["doc_id"]
    assert docs["original"]["copy_of"] is None and docs["other"]["copy_of"] is None
