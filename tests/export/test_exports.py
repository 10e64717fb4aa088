"""Exports read back: GraphML and GEXF through networkx, the CAMEO CSV row by row, PLOVER
JSON lines and FollowTheMoney entities by their contracts."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
import yaml

from newsgraph.export import Selection, export
from newsgraph.export.cameo import cameo
from newsgraph.export.graph import build

ROOT = Path(__file__).parents[2]
TABLE = ROOT.parent / "shared" / "data" / "plover" / "CAMEO2PLOVER-2021.txt"


def run(conn, fmt: str, **sel) -> bytes:
    buf = io.BytesIO()
    export(conn, fmt, Selection(**sel), buf)
    return buf.getvalue()


def edges(g) -> dict:
    return {(u, v, k): (d["weight"], d["type"]) for u, v, k, d in g.edges(keys=True, data=True)}


@pytest.mark.parametrize("unit", ["events", "facts"])
@pytest.mark.parametrize(("fmt", "reader"), [("graphml", nx.read_graphml),
                                             ("gexf", nx.read_gexf)])
def test_graphs_round_trip(conn, tmp_path, fmt, reader, unit):
    want = build(conn, Selection(unit=unit))
    assert want.number_of_edges() >= 5
    path = tmp_path / f"out.{fmt}"
    path.write_bytes(run(conn, fmt, unit=unit))
    got = reader(path)
    assert set(got.nodes) == set(want.nodes)
    if fmt == "gexf":  # GEXF numbers its edges: the type comes back as the edge label
        back = {(u, v, d["label"]): d["weight"] for u, v, d in got.edges(data=True)}
        assert back == {k: w for k, (w, _) in edges(want).items()}
    else:
        assert edges(got) == edges(want)
    assert got.nodes["RUS"]["label"] == "Russia"


def test_cameo_csv_has_one_row_per_event_with_both_codes(conn):
    rows = list(csv.DictReader(io.StringIO(run(conn, "cameo-csv").decode())))
    n = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    assert len(rows) == n
    assert all(r["PloverType"] and r["EventCode"] for r in rows)
    sanction = next(r for r in rows if r["PloverType"] == "SANCTION")
    assert sanction["EventRootCode"] == "16" and sanction["QuadClass"] == "4"
    assert sanction["Actor1Code"] == "EU" and sanction["Actor2Code"] == "IRN"
    assert sanction["SOURCEURL"] == "https://kyiv.example/drones"
    assert len({r["GLOBALEVENTID"] for r in rows}) == n


def test_cameo_lookup_order():
    assert cameo("CONSULT", "visit") == ("042", "mode")
    assert cameo("AID", "military") == ("072", "context")
    assert cameo("REJECT", "veto") == ("12", "type")  # CAMEO has no veto: the root code
    assert cameo("NOT_A_TYPE", None) == ("", "none")


@pytest.mark.skipif(not TABLE.exists(), reason=f"{TABLE} (the PLOVER table) is not here")
def test_reverse_table_is_the_derived_one(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    import derive_cameo_reverse as d

    derived = d.derive(d.parse(TABLE))
    shipped = yaml.safe_load((ROOT / "src/newsgraph/export/data/cameo_reverse.yaml").read_text())
    assert json.loads(json.dumps(derived)) == shipped
    forward = {(r["code"], r["type"]) for r in d.parse(TABLE)}  # '08' is CONCEDE and RETREAT
    for t, e in shipped["types"].items():  # every code chosen maps back onto its type
        assert (e["code"], t) in forward
        assert all((m["code"], t) in forward for m in e["modes"].values())


def test_plover_jsonl(conn):
    lines = [json.loads(x) for x in run(conn, "plover-jsonl").decode().splitlines()]
    assert len(lines) == conn.execute("SELECT count(*) FROM events").fetchone()[0]
    aid = next(x for x in lines if x["event"] == "AID")
    assert (aid["source"], aid["target"], aid["src_actor"]) == ("IRN", "RUS", "Iran")
    assert aid["text"] == aid["evidence"]["text"] and aid["url"]
    facts = [json.loads(x) for x in run(conn, "plover-jsonl", unit="facts").decode().splitlines()]
    assert facts and all(f["reports"] and f["independent_sources"] >= 1 for f in facts)


def test_followthemoney_entities(conn):
    ents = [json.loads(x) for x in run(conn, "ftm", unit="facts").decode().splitlines()]
    ids = {e["id"] for e in ents}
    assert len(ids) == len(ents)
    assert {e["schema"] for e in ents} <= {"PublicBody", "Organization", "Article", "Event"}
    for e in ents:
        assert all(isinstance(v, list) and all(isinstance(x, str) for x in v)
                   for v in e["properties"].values())
        for ref in ("organizer", "involved", "proof"):
            assert set(e["properties"].get(ref, [])) <= ids  # every reference resolves
    eu = next(e for e in ents if e["id"] == "newsgraph-actor-eu")
    assert eu["schema"] == "Organization"
    assert any(e["schema"] == "Event" and e["properties"].get("proof") for e in ents)


def test_cli_export(store, tmp_path):
    out = tmp_path / "g.gexf"
    r = subprocess.run([sys.executable, "-m", "newsgraph", "--db", str(store), "export",
                        "--format", "gexf", "--events", "--actor", "RUS", "-o", str(out)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    g = nx.read_gexf(out)
    assert "RUS" in g and all("RUS" in (u, v) for u, v in g.edges())
