"""Facts: merging across reports, separate deeds kept apart, order independence,
idempotent ingest, and the claim ledger (stance changes, contested)."""

from __future__ import annotations

import hashlib

from conftest import connect, ingest, write_jsonl

from newsgraph import link, store
from newsgraph.link import query
from newsgraph.link.mentions import compatible, interval
from newsgraph.model import (
    Actor,
    AnnotatedDoc,
    Article,
    Block,
    Claim,
    Event,
    Evidence,
    Mention,
    RawDoc,
    Sentence,
)

STORIES = [
    {"id": "strike-1", "outlet": "North Wire", "published": "2025-02-04",
     "text": "Russian forces attacked the Ukrainian city of Kharkiv on Monday, killing "
             "six people, Ukrainian officials said. Ukraine condemned the attack."},
    {"id": "strike-1b", "outlet": "East Courier", "published": "2025-02-05",
     "text": "Russian troops attacked the Ukrainian city of Kharkiv on Monday with drones, "
             "the Ukrainian military said on Tuesday, adding that six people died."},
    {"id": "strike-2", "outlet": "North Wire", "published": "2025-03-11",
     "text": "Russian forces attacked the Ukrainian port of Odesa on Monday, wounding ten "
             "people, Ukrainian officials said."},
]


def assault_facts(conn):
    return query.facts(conn, query.FactFilter(actors=("RUS", "UKR"), types=("ASSAULT",)))


def test_two_attacks_a_month_apart_are_two_facts(tmp_path):
    db = tmp_path / "a.db"
    ingest(db, write_jsonl(tmp_path / "s.jsonl", STORIES))
    facts = assault_facts(connect(db))
    docs = sorted(sorted(m["doc"] for m in query.fact(connect(db), f["id"])["mentions"])
                  for f in facts)
    assert docs == [["strike-1", "strike-1b"], ["strike-2"]], docs
    first = next(f for f in facts if f["documents"] == 2)
    assert first["independent_sources"] == 2 and first["date"] == "2025-02-03"


def test_same_facts_whatever_the_order_and_bytes_twice_add_nothing(tmp_path):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    ingest(one, write_jsonl(tmp_path / "f.jsonl", STORIES))
    for i, s in enumerate(reversed(STORIES)):  # one document per run, reversed
        ingest(two, write_jsonl(tmp_path / f"r{i}.jsonl", [s]))
    again = ingest(two, tmp_path / "f.jsonl")
    assert again.new == 0 and again.duplicate == 3
    a, b = query.facts(connect(one)), query.facts(connect(two))
    assert a and a == b
    assert [query.fact(connect(one), f["id"])["ledger"] for f in a] == [
        query.fact(connect(two), f["id"])["ledger"] for f in b]


def test_date_intervals_and_compatibility():
    assert interval("2025-02", "month", None) == ("2025-02-01", "2025-02-28", "month")
    assert interval(None, None, "2025-03-10") == ("2025-03-03", "2025-03-10", "pub")
    assert interval(None, None, None) == (None, None, "none")


def _m(item=None, when=("2025-03-01", "day"), mode="military"):
    from newsgraph.link.mentions import FactMention

    lo, hi, prec = interval(when[0], when[1], None) if when else (None, None, "none")
    return FactMention("d", "e", "IRN", "RUS", "AID", mode, item, False, lo, hi, prec)


def test_items_and_dates_that_never_join():
    assert compatible(_m("missile"), _m("ballistic_missile"))
    assert not compatible(_m("missile"), _m("drone"))
    assert not compatible(_m("troops"), _m("weapons"))
    assert not compatible(_m(when=("2025-03-01", "day")), _m(when=("2025-04-01", "day")))
    assert not compatible(_m(when=("2025", "year")), _m(when=("2025-03-01", "day")))
    assert compatible(_m(when=None), _m(when=("2025-03-01", "day")))
    assert not compatible(_m(mode="military"), _m(mode="humanitarian"))


# --- the ledger, over events written straight to the store (no coder involved) ----------

def _doc(name: str, text: str, published: str, outlet: str, events) -> tuple:
    data = text.encode()
    raw = RawDoc(hashlib.sha256(data).hexdigest(), f"/in/{name}", name, "text/plain", data,
                 "2025-01-01T00:00:00Z")
    art = Article(raw.id, name, name, text, published, "input", outlet, None, None,
                  (Block("en", 0, len(text)),))
    sent = (Sentence(0, len(text), text),)
    ev = [Event("AID", "military", ("IRN",), ("RUS",), "Iran", "Russia",
                Evidence(name, text, 0, len(text)), item="drone", claims=claims,
                date="2022-09", date_precision="month",
                confidence=0.9, coder="test") for claims in events]
    return raw, AnnotatedDoc(art, sent, (Mention(0, 4, "Iran", Actor("IRN", "Iran", "state"),
                                                 "name"),)), ev


def test_denial_then_admission_is_a_stance_change_and_contested(tmp_path):
    conn = store.connect(tmp_path / "l.db")
    docs = [
        _doc("kyiv.txt", "Ukraine said Iran sent drones to Russia in September.", "2022-10-01", "A",
             [(Claim("UKR", "asserts"),)]),
        _doc("tehran.txt", "Iran denied sending drones to Russia in September.", "2022-10-03",
             "B",
             [(Claim("IRN", "denies"),)]),
        _doc("later.txt", "Iran admitted it sent a few drones to Russia in September.",
             "2022-11-05", "C",
             [(Claim("IRN", "concedes"),)]),
    ]
    for raw, doc, evs in docs:
        store.add_document(conn, raw, doc, evs)
        link.link_document(conn, raw.id)
    (f,) = query.facts(conn, query.FactFilter(actors=("IRN",)))
    assert f["contested"] and f["documents"] == 3 and f["independent_sources"] == 3
    full = query.fact(conn, f["id"][:6])
    assert [(c["claimant"], c["stance"]) for c in full["ledger"]] == [
        ("UKR", "asserts"), ("IRN", "denies"), ("IRN", "concedes")]
    assert full["ledger"][1]["answers"]["claimant"] == "UKR"
    assert full["ledger"][2]["answers"]["stance"] == "denies"
    assert full["stance_changes"] == [{"claimant": "IRN", "from": "denies", "to": "concedes",
                                       "first_date": "2022-10-03", "then_date": "2022-11-05"}]
    assert [c["id"] for c in query.contested(conn)] == [f["id"]]
    assert f["embargo"] == [{"regime": "Iran", "resolution": "2231", "direction": "from"}]


SAME_DAY = [{"id": "two-deeds", "outlet": "South Wire", "published": "2025-04-08",
             "text": "Russian forces attacked the Ukrainian city of Kherson on Monday, hitting "
                     "its main hospital, Ukrainian officials said. Russian forces also attacked "
                     "the Ukrainian port of Odesa on Monday, destroying a grain terminal, the "
                     "Ukrainian navy said."},
            {"id": "hospital", "outlet": "River Post", "published": "2025-04-08",
             "text": "Russian forces attacked the Ukrainian city of Kherson on Monday, damaging "
                     "its main hospital and wounding four doctors, Ukraine said."}]


def test_two_deeds_of_one_pair_on_one_day_stay_apart(tmp_path):
    db = tmp_path / "d.db"
    ingest(db, write_jsonl(tmp_path / "s.jsonl", SAME_DAY))
    conn = connect(db)
    groups = sorted(sorted(m["evidence"]["text"] + "|" + m["doc"]
                           for m in query.fact(conn, f["id"])["mentions"])
                    for f in assault_facts(conn))
    hospital = [g for g in groups if any("hospital" in x for x in g)]
    terminal = [g for g in groups if any("grain" in x for x in g)]
    assert len(hospital) == 1 and len(terminal) == 1 and hospital != terminal, groups
    assert {x.split("|")[1] for x in hospital[0]} == {"two-deeds", "hospital"}
