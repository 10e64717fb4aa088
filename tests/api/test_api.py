"""The JSON API against a real `newsgraph serve` on 127.0.0.1 and a real SQLite store."""

from __future__ import annotations

import sqlite3

import pytest
from _desk import TOKEN, UPLOAD

LISTS = ["/api/v1/events", "/api/v1/documents", "/api/v1/actors", "/api/v1/claims",
         "/api/v1/search?q=Russia", "/api/v1/actors/RUS/timeline", "/api/v1/facts",
         "/api/v1/actors/RUS/facts"]


@pytest.mark.parametrize("path", LISTS)
def test_every_list_has_one_envelope(client, path):
    body = client.get(path).json()
    assert set(body) == {"items", "next", "limit"}
    assert body["items"]


def test_keyset_pages_cover_the_list_once(client):
    everything = client.get("/api/v1/events", params={"limit": 500}).json()
    assert everything["next"] is None
    seen, url = [], "/api/v1/events?limit=2"
    while url:
        page = client.get(url).json()
        assert page["limit"] == 2 and len(page["items"]) <= 2
        seen += [(e["doc_id"], e["id"]) for e in page["items"]]
        url = page["next"]
    assert seen == [(e["doc_id"], e["id"]) for e in everything["items"]]
    dates = [e["date"] or e["published"] for e in everything["items"]]
    assert dates == sorted(dates)


def test_limit_is_capped(client):
    assert client.get("/api/v1/events", params={"limit": 10**6}).json()["limit"] == 500


def test_filters(client):
    aid = client.get("/api/v1/events", params={"type": "AID", "actor": ["IRN", "RUS"]}).json()
    assert aid["items"] and all(e["type"] == "AID" for e in aid["items"])
    assert all({"IRN", "RUS"} <= set(e["source"] + e["target"]) for e in aid["items"])
    late = client.get("/api/v1/events", params={"since": "2025-05"}).json()["items"]
    assert {e["doc"] for e in late} == {"xss-probe"}


def test_errors_are_json_with_catalogue_codes(client):
    cases = {
        "/api/v1/documents/nosuchdoc": (404, "E030"),
        "/api/v1/events?since=yesterday": (422, "E031"),
        "/api/v1/events?limit=0": (422, "E031"),
        "/api/v1/events?after=bm90IGpzb24": (400, "E034"),
        "/api/v1/actors/ZZZ": (404, "E030"),
        "/api/v1/nothing": (404, "E030"),
    }
    for path, (status, code) in cases.items():
        r = client.get(path)
        assert (r.status_code, r.json()["error"]["code"]) == (status, code), path


@pytest.mark.parametrize("path", [
    "/api/v1/documents/..%2F..%2Fpyproject.toml", "/api/v1/documents/%2e%2e",
    "/static/..%2F..%2F..%2Fpyproject.toml", "/static/%2e%2e/app.py",
    "/documents/..%2Fdesk.db", "/api/v1/actors/..%2F..", "/api/v1/events/x/..%2F..",
])
def test_path_traversal_is_refused(client, path):
    r = client.get(path)
    assert r.status_code in (404, 422)
    assert "build-system" not in r.text and "SQLite format" not in r.text


def test_document_spans_are_exact(client):
    docs = client.get("/api/v1/documents").json()["items"]
    assert docs[0]["published"] >= docs[-1]["published"]
    for d in docs:
        doc = client.get(f"/api/v1/documents/{d['doc_id']}").json()
        assert doc["events"]
        for e in doc["events"]:
            ev = e["evidence"]
            assert doc["body"][ev["start"]:ev["end"]] == ev["text"]
        for m in doc["mentions"]:
            assert doc["body"][m["start"]:m["end"]] == m["text"]
    by_name = client.get("/api/v1/documents/unsc-veto").json()
    assert by_name["title"].startswith("Russia vetoes")


def test_one_event(client):
    e = client.get("/api/v1/events", params={"type": "SANCTION"}).json()["items"][0]
    one = client.get(f"/api/v1/events/{e['doc_id']}/{e['id']}").json()
    assert one["evidence"] == e["evidence"] and one["quad"] == "material-conflict"


def test_actor_and_partners(client):
    rus = client.get("/api/v1/actors/RUS").json()
    assert rus["name"] == "Russia" and rus["kind"] == "state"
    assert any(h["name"] == "Vladimir Putin" for h in rus["office_holders"])
    partners = {p["code"]: p for p in rus["partners"]}
    assert partners["IRN"]["by_type"]["AID"] >= 1 and partners["IRN"]["cooperation"] >= 1
    assert partners["FRA"]["conflict"] >= 1
    actors = client.get("/api/v1/actors", params={"limit": 2}).json()
    assert actors["next"] and actors["items"][0]["events"] >= actors["items"][1]["events"]
    rest = client.get(actors["next"]).json()["items"]
    assert not {a["code"] for a in rest} & {a["code"] for a in actors["items"]}


def test_graph(client):
    g = client.get("/api/v1/graph").json()
    ids = {n["id"] for n in g["nodes"]}
    assert {"RUS", "IRN", "CHN", "JPN"} <= ids
    assert all(e["source"] in ids and e["target"] in ids and e["weight"] >= 1 for e in g["edges"])
    only = client.get("/api/v1/graph", params={"type": "SANCTION"}).json()
    assert {e["type"] for e in only["edges"]} == {"SANCTION"}


def test_claims(client):
    denies = client.get("/api/v1/claims", params={"stance": "denies"}).json()["items"]
    assert [c["by"] for c in denies] == ["IRN"]
    assert "denied" in denies[0]["evidence"]["text"]


def test_search(client):
    hits = client.get("/api/v1/search", params={"q": "drones"}).json()["items"]
    assert hits[0]["name"] == "iran-drones-russia"
    assert any(p["match"] and p["text"].lower() == "drones" for p in hits[0]["snippet"])
    # not FTS5 syntax: searched as plain words, never a 500
    assert client.get("/api/v1/search", params={"q": 'veto" AND ('}).status_code == 200
    one = client.get("/api/v1/search", params={"q": "Russia", "limit": 1}).json()
    nxt = client.get(one["next"]).json()["items"]
    assert nxt and nxt[0]["doc_id"] != one["items"][0]["doc_id"]


def test_summary_and_openapi(client):
    s = client.get("/api/v1/summary").json()
    assert s["documents"] >= 3 and s["events"] >= 9
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/v1/events", "/api/v1/documents", "/api/v1/search", "/api/v1/graph"} <= paths
    assert all(p.startswith("/api/v1/") for p in paths)


def test_security_headers(client):
    for path in ("/", "/api/v1/summary", "/static/app.js"):
        csp = client.get(path).headers["content-security-policy"]
        assert "unsafe-inline" not in csp and "script-src 'self'" in csp
    assert client.get("/docs").status_code == 404  # Swagger UI would load a CDN


def test_ingest_needs_the_token(client):
    r = client.post("/api/v1/documents", content=UPLOAD, headers={"content-type": "text/plain"})
    assert r.status_code == 401 and r.json()["error"]["code"] == "E032"
    assert r.headers["www-authenticate"] == "Bearer"
    r = client.post("/api/v1/documents", content=UPLOAD,
                    headers={"content-type": "text/plain", "authorization": "Bearer wrong"})
    assert r.status_code == 401


def test_ingest_body_is_capped(client):
    r = client.post("/api/v1/documents", content=b"x" * 200_001,
                    headers={"content-type": "text/plain", "authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "E033"
    r = client.post("/api/v1/documents", content=b"{}",
                    headers={"content-type": "image/png", "authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 415 and r.json()["error"]["code"] == "E036"


def test_ingest_over_http_reaches_the_store(client, desk):
    auth = {"authorization": f"Bearer {TOKEN}"}
    r = client.post("/api/v1/documents", params={"name": "../../etc/germany.txt"}, content=UPLOAD,
                    headers={**auth, "content-type": "text/plain"})
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["new"] == 1 and out["events"] >= 1 and out["documents"] == ["germany.txt"]
    # the reader sees the writer's commit (WAL), and the same bytes are not stored twice
    doc = client.get("/api/v1/documents/germany.txt").json()
    assert "IRIS-T" in doc["body"]
    again = client.post("/api/v1/documents", content=UPLOAD,
                        headers={**auth, "content-type": "text/plain"})
    assert again.status_code == 200 and again.json()["duplicate"] == 1
    files = {"file": ("upload.txt", UPLOAD.replace("four", "six").encode(), "text/plain")}
    multi = client.post("/api/v1/documents", files=files, headers=auth)
    assert multi.status_code == 201 and multi.json()["documents"] == ["upload.txt"]


def test_server_connection_is_read_only(desk):
    from newsgraph.api.db import Reader

    conn = Reader(desk.db).conn()
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM articles")


def test_facts_pages_and_ledger(client):
    everything = client.get("/api/v1/facts", params={"limit": 500}).json()["items"]
    seen, url = [], "/api/v1/facts?limit=2"
    while url:
        page = client.get(url).json()
        seen += [f["id"] for f in page["items"]]
        url = page["next"]
    assert seen == [f["id"] for f in everything]
    aid = client.get("/api/v1/facts", params={"type": "AID", "actor": "IRN"}).json()["items"]
    ledgers = [client.get(f"/api/v1/facts/{f['id']}").json() for f in aid]
    assert {c["stance"] for one in ledgers for c in one["ledger"]} == {"asserts", "denies"}
    one = next(f for f in ledgers if f["ledger"])
    drones = one
    for m in one["mentions"]:
        doc = client.get(f"/api/v1/documents/{m['doc_id']}").json()
        ev = m["evidence"]
        assert doc["body"][ev["start"]:ev["end"]] == ev["text"]
        assert any(drones["id"] in e["facts"] for e in doc["events"])
    r = client.get("/api/v1/facts/ffffffffffff")
    assert r.status_code == 404 and r.json()["error"]["code"] == "E030"


def test_actor_facts_and_graph_by_facts(client):
    tl = client.get("/api/v1/actors/IRN/facts").json()["items"]
    assert tl and all("IRN" in f["source"] + f["target"] for f in tl)
    assert {f["role"] for f in tl} <= {"source", "target", "source,target"}
    g = client.get("/api/v1/graph").json()
    assert g["unit"] == "facts"
    assert client.get("/api/v1/graph", params={"unit": "events"}).json()["unit"] == "events"
    assert client.get("/api/v1/summary").json()["facts"] >= 1


def test_export_endpoint(client, tmp_path):
    import networkx as nx

    r = client.get("/api/v1/export/graphml", params={"type": "AID"})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    (tmp_path / "g.graphml").write_bytes(r.content)
    g = nx.read_graphml(tmp_path / "g.graphml")
    assert {d["type"] for *_, d in g.edges(data=True)} == {"AID"}
    csv_rows = client.get("/api/v1/export/cameo-csv").text.splitlines()
    assert csv_rows[0].startswith("GLOBALEVENTID,") and len(csv_rows) > 5
    assert client.get("/api/v1/export/xlsx").status_code == 422


def test_ingest_jsonl_body(client):
    import json as _json

    lines = [{"id": f"wire-{i}", "title": "Poland sends tanks", "published": "2025-06-0" + str(i),
              "text": f"WARSAW - Poland will deliver {i} more tanks to Ukraine this year, the "
                      "Polish defence ministry said on Tuesday."} for i in (1, 2)]
    body = "".join(_json.dumps(x) + "\n" for x in lines)
    r = client.post("/api/v1/documents", params={"name": "wire.jsonl"}, content=body,
                    headers={"authorization": f"Bearer {TOKEN}",
                             "content-type": "application/x-ndjson"})
    assert r.status_code == 201 and r.json()["new"] == 2, r.text
    assert client.get("/api/v1/documents/wire-2").json()["published"] == "2025-06-02"


def test_serve_refuses_a_missing_store(tmp_path):
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "newsgraph", "--db", str(tmp_path / "none.db"),
                        "serve", "--port", "1"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and "E012" in r.stderr


def _without(db, tmp_path, *objects: str) -> sqlite3.Connection:
    """A copy of the store without `objects` ("index x", "table y"): a store made before them."""
    src = sqlite3.connect(db)
    copy = sqlite3.connect(tmp_path / ("without-" + "-".join(o.split()[-1] for o in objects)))
    src.backup(copy)  # the committed store, WAL included
    copy.row_factory = sqlite3.Row
    for what in objects:
        copy.execute(f"DROP {what}")
    return copy


@pytest.mark.parametrize("rare", [0.0, 1.0, None])
def test_every_fact_plan_gives_the_contract_order(desk, rare, tmp_path):
    from newsgraph.api import fact_reads
    from newsgraph.link import query

    # None: the actor_facts pages (schema version 3); a number: the older plans
    conn = _without(desk.db, tmp_path, *(() if rare is None else ("TABLE actor_facts",)))
    rare = 0.0 if rare is None else rare
    for actor in ("IRN", "RUS", "JPN"):
        for f in (query.FactFilter(actors=(actor,)), query.FactFilter(actors=(actor,), limit=1),
                  query.FactFilter(actors=(actor,), types=("AID",)),
                  query.FactFilter(types=("AID", "ACCUSE")), query.FactFilter(types=("AID",),
                                                                          limit=2)):
            assert fact_reads.facts(conn, f, rare=rare) == query.facts(conn, f)
        first = query.facts(conn, query.FactFilter(actors=(actor,)))
        if len(first) > 1:
            f = query.FactFilter(actors=(actor,), after=first[0]["id"])
            assert fact_reads.facts(conn, f, rare=rare) == first[1:]


def test_timeline_walks_the_date_index_when_there_is_one(desk, tmp_path):
    from newsgraph.api import fact_reads

    # the schema creates the actor_facts pages and the date index; copies without them
    # stand for stores made before them
    current = _without(desk.db, tmp_path)
    indexed = _without(desk.db, tmp_path, "TABLE actor_facts")
    plain = _without(desk.db, tmp_path, "TABLE actor_facts", "INDEX facts_sort")
    for code in ("IRN", "RUS", "CHN", "JPN"):
        for types in ((), ("AID",)):
            pages = []
            for conn in (plain, indexed, current):
                after, seen = None, []
                while True:
                    rows = fact_reads.timeline(conn, code, types, None, None, 1, after, rare=0.0)
                    seen += [r["id"] for r in rows[:1]]
                    if len(rows) < 2:
                        break
                    after = fact_reads.timeline_key(rows[0])
                pages.append(seen)
            assert pages[0] == pages[1] == pages[2], code
            whole = fact_reads.timeline(current, code, types, None, None, 100, None, rare=0.0)
            assert [r["id"] for r in whole] == pages[0]


def test_overview_and_meta(client):
    o = client.get("/api/v1/overview").json()
    s = client.get("/api/v1/summary").json()
    assert (o["documents"], o["events"], o["claims"]) == (s["documents"], s["events"],
                                                          s["claims"])
    assert o["by_type"] == s["by_type"] and o["facts"] == s["facts"] >= 1
    assert o["top_actors_by"] == "facts" and "RUS" in o["top_actors"]
    m = client.get("/api/v1/meta").json()
    assert m["linked"] is True and len(m["types"]) == 16
    assert {"type": "AID", "quad": "material-cooperation"} in m["types"]
