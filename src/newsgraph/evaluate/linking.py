"""Scoring linking against a linking gold file (../shared/gold/linking.yaml).

The gold documents are ingested into a temporary store (from a folder, a JSONL file
or both). Each gold report is matched to the fact mentions of its document whose
sentence contains the snippet and whose type and actors agree. Pairs of found reports
of one fact should share a fact (recall), pairs of reports of different facts with the
same type and a shared actor, and `distinct` pairs, should not (precision).
Then syndicated copies of every gold document (other page chrome, trimmed, lightly
edited, with an "originally published" line, under other outlets) are ingested: the
share whose `copy_of` is the original, originals wrongly folded, and facts whose
independent-source count a copy changed.
"""

from __future__ import annotations

import json
import re
import sqlite3
import tempfile
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

from ..errors import Errors, NewsgraphError
from ..events.ontology import symmetric

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})

Report = tuple[str, str]  # (doc, snippet)


def norm(text: str) -> str:
    return " ".join(text.translate(_QUOTES).lower().split())


def load(path: str | Path) -> tuple[list[dict], list[dict]]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise NewsgraphError(Errors.E010, path=str(path), detail=str(e)) from e
    if not isinstance(data, list):
        raise NewsgraphError(Errors.E010, path=str(path), detail="not a list of entries")
    return [d for d in data if "fact" in d], [d for d in data if "distinct" in d]


def score(gold: str | Path, corpus: str | Path | None = None, jsonl: str | Path | None = None,
          coder: str = "rules", copies: bool = True,
          windows: tuple[int, ...] = ()) -> dict[str, Any]:
    from .. import link, pipeline, store
    from ..link.config import override, params

    facts, distinct = load(gold)
    inputs = [str(p) for p in (corpus, jsonl) if p]
    if not inputs:
        raise NewsgraphError(Errors.E010, path=str(gold), detail="give --corpus, --jsonl or both")
    errors: list[str] = []
    with tempfile.TemporaryDirectory(prefix="newsgraph-linking-") as tmp:
        db = Path(tmp) / "linking.db"
        pipeline.ingest(inputs, db, n_process=1, progress=False, coder=coder,
                        on_error=lambda e: errors.append(e.line()))
        conn = store.connect(db)
        try:
            _check_docs(conn, facts, gold)
            report = pairs_score(conn, facts, distinct)
            report["window"] = params()["facts"]["day_window"]
            if windows:
                sweep = []
                for w in windows:
                    override("facts", day_window=w)
                    link.relink(conn)
                    sweep.append({"day_window": w, **pairs_score(conn, facts, distinct)})
                override("facts", day_window=report["window"])
                link.relink(conn)
                report["sweep"] = sweep
            if copies:
                report["copies"] = copies_score(conn, Path(tmp), coder)
        finally:
            conn.close()
    report.update(gold=str(gold), inputs=inputs, errors=errors)
    return report


def _check_docs(conn: sqlite3.Connection, facts: list[dict], gold: str | Path) -> None:
    names = {r[0] for r in conn.execute("SELECT name FROM articles")}
    missing = sorted({str(r["doc"]) for f in facts for r in f["reports"]} - names)
    if missing:
        raise NewsgraphError(Errors.E011, path=str(gold), detail=", ".join(missing[:5]))


def matches(conn: sqlite3.Connection, doc: str, snippet: str, type_: str | None = None,
            source: str | None = None, target: str | None = "*") -> set[str]:
    """Fact ids of the mentions in `doc` whose sentence holds `snippet` (and, when
    given, whose type and pair agree: source None is any source, target None none)."""
    rows = conn.execute(
        "SELECT e.evidence_text, e.type, f.a, f.b, f.fact_id FROM fact_mentions f"
        " JOIN events e ON e.doc_id = f.doc_id AND e.id = f.event_id"
        " JOIN articles a ON a.doc_id = f.doc_id WHERE a.name = ?", (doc,)).fetchall()
    want = norm(snippet)
    out = set()
    for text, t, a, b, fid in rows:
        if want not in norm(text) or (type_ and t != type_):
            continue
        if type_ is None or _pair_ok(t, a, b, source, target):
            out.add(fid)
    return out


def _pair_ok(t: str, a: str, b: str, source: str | None, target: str | None) -> bool:
    tgt = target or ""
    if t in symmetric() and source and tgt:
        return {a, b} == {source, tgt}
    return (source is None or a == source) and b == tgt


def pairs_score(conn: sqlite3.Connection, facts: list[dict],
                distinct: list[dict]) -> dict[str, Any]:
    found: dict[tuple[str, Report], set[str]] = {}
    by_fact: dict[str, list[Report]] = {}
    for f in facts:
        reps = []
        for r in f["reports"]:
            rep = (str(r["doc"]), r["evidence"])
            if rep not in reps:
                reps.append(rep)
            found[(f["fact"], rep)] = matches(conn, rep[0], rep[1], f["type"], f.get("source"),
                                              f.get("target"))
        by_fact[f["fact"]] = reps
    positive = [((name, x), (name, y)) for name, reps in by_fact.items()
                for x, y in combinations(reps, 2)]
    negative = []
    meta = {f["fact"]: f for f in facts}
    for f, g in combinations(facts, 2):
        actors = {f.get("source"), f.get("target")} - {None}
        if f["type"] == g["type"] and actors & ({g.get("source"), g.get("target")} - {None}):
            negative += [((f["fact"], x), (g["fact"], y))
                         for x in by_fact[f["fact"]] for y in by_fact[g["fact"]]]
    for d in distinct:
        sides = [_side(conn, s, by_fact, found, meta) for s in d["distinct"]]
        negative += [(x, y) for x in sides[0] for y in sides[1]]

    def linked(x, y) -> bool:
        return bool(found[x] & found[y])

    def seen(x) -> bool:
        return bool(found[x])

    pos_found = [(x, y) for x, y in positive if seen(x) and seen(y)]
    neg_found = [(x, y) for x, y in negative if seen(x) and seen(y)]
    tp = sum(linked(x, y) for x, y in pos_found)
    fp = [(x, y) for x, y in neg_found if linked(x, y)]
    fn = [(x, y) for x, y in pos_found if not linked(x, y)]
    p = tp / (tp + len(fp)) if tp + len(fp) else 1.0
    r = tp / len(pos_found) if pos_found else 1.0
    reports = list(found)
    return {
        "reports": len(reports), "reports_found": sum(seen(x) for x in reports),
        "positive_pairs": len(positive), "positive_pairs_found": len(pos_found),
        "negative_pairs_found": len(neg_found),
        "precision": round(p, 4), "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "end_to_end": round(tp / len(positive), 4) if positive else 1.0,
        "wrongly_merged": [_pair_name(x, y) for x, y in fp],
        "missed": [_pair_name(x, y) for x, y in fn],
    }


def _side(conn, spec: str, by_fact, found, meta) -> list[tuple[str, Report]]:
    """A `distinct` side: a gold fact's reports, or one "doc:snippet" report."""
    if spec in by_fact:
        return [(spec, rep) for rep in by_fact[spec]]
    doc, _, snippet = spec.partition(":")
    key = ("", (doc, snippet))
    if key not in found:
        found[key] = matches(conn, doc, snippet)
    return [key]


def _pair_name(x, y) -> str:
    return f"{x[0] or x[1][0]}:{x[1][1][:40]} ~ {y[0] or y[1][0]}:{y[1][1][:40]}"


# --- copies -------------------------------------------------------------------------------

_CHROME_TOP = "Home | News | World | Politics | Video\nSubscribe | Sign in\nAdvertisement\n"
_CHROME_END = ("\nThis article was originally published by {outlet}.\nShare on Facebook\n"
               "Share on X\nMost read\n© 2025 {mirror}. All rights reserved.\n")
_EDITS = ((" said ", " stated "), (" told ", " informed "), ("Tuesday", "on Tuesday"))


def variants(name: str, body: str, outlet: str | None, published: str | None) -> list[dict]:
    """Three syndicated copies of one article, under other outlets' names."""
    sentences = re.split(r"(?<=[.!?])\s+", body)
    trimmed = " ".join(sentences[: max(2, (len(sentences) * 3) // 5)])
    drop = len(sentences) // 2 if len(sentences) >= 4 else -1  # one sentence cut
    edited = " ".join(s for i, s in enumerate(sentences) if i != drop)
    for old, new in _EDITS:
        edited = edited.replace(old, new)
    source = outlet or "the original outlet"
    out = []
    for kind, text in (("chrome", body), ("trimmed", trimmed), ("edited", edited)):
        mirror = f"Mirror {kind.title()} News"
        out.append({"id": f"copy-{kind}-{name}", "outlet": mirror,
                    "published": published, "of": name,
                    "text": _CHROME_TOP + text + _CHROME_END.format(outlet=source, mirror=mirror)})
    return out


def copies_score(conn: sqlite3.Connection, tmp: Path, coder: str) -> dict[str, Any]:
    from .. import pipeline

    originals = conn.execute("SELECT name, doc_id, body, outlet, published FROM articles"
                             " ORDER BY name").fetchall()
    before = {r[0]: r[1] for r in conn.execute("SELECT id, independent_sources FROM facts")}
    lines = [v for r in originals for v in variants(r[0], r[2], r[3], r[4])]
    path = tmp / "copies.jsonl"
    path.write_text("".join(json.dumps({k: v for k, v in line.items() if k != "of"}) + "\n"
                            for line in lines), encoding="utf-8")
    pipeline.ingest([str(path)], tmp / "linking.db", n_process=1, progress=False, coder=coder,
                    on_error=lambda e: None)
    root = {r[0]: r[1] for r in conn.execute(
        "SELECT a.name, COALESCE(c.copy_of, a.doc_id) FROM articles a"
        " LEFT JOIN copies c ON c.doc_id = a.doc_id")}
    ids = {r[0]: r[1] for r in originals}
    found = [line for line in lines if root.get(line["id"]) == root[line["of"]]
             and root[line["of"]] == ids[line["of"]]]
    folded = sorted(r[0] for r in originals if root[r[0]] != r[1])
    after = {r[0]: r[1] for r in conn.execute("SELECT id, independent_sources FROM facts")}
    kept = [f for f in before if f in after]
    changed = sorted(f for f in kept if after[f] != before[f])
    by_kind: dict[str, list[int]] = {}
    for line in lines:
        kind = line["id"].split("-")[1]
        by_kind.setdefault(kind, [0, 0])[1] += 1
        by_kind[kind][0] += line in found
    return {
        "copies": len(lines), "found": len(found),
        "share": round(len(found) / len(lines), 4) if lines else 1.0,
        "by_kind": {k: f"{a}/{n}" for k, (a, n) in sorted(by_kind.items())},
        "missed": sorted(line["id"] for line in lines if line not in found)[:20],
        "originals_folded": folded,
        "facts_kept": len(kept), "facts_sources_changed": len(changed),
    }


def format_report(r: dict[str, Any]) -> str:
    lines = [
        f"linking gold: {r['gold']} over {', '.join(r['inputs'])}",
        f"reports found by the coder: {r['reports_found']}/{r['reports']}; gold report pairs"
        f" {r['positive_pairs']} ({r['positive_pairs_found']} with both reports found),"
        f" different-fact pairs found {r['negative_pairs_found']}",
        f"pairwise (found mentions): P {r['precision']:.3f}  R {r['recall']:.3f}"
        f"  F1 {r['f1']:.3f}   (day window {r['window']})",
        f"end to end: share of gold report pairs linked {r['end_to_end']:.3f}",
    ]
    for s in r.get("sweep", []):
        lines.append(f"  day window {s['day_window']:>3}: P {s['precision']:.3f}"
                     f"  R {s['recall']:.3f}  F1 {s['f1']:.3f}  end to end {s['end_to_end']:.3f}")
    if r["wrongly_merged"]:
        lines.append("wrongly merged:")
        lines += [f"  {x}" for x in r["wrongly_merged"][:15]]
    if r["missed"]:
        lines.append("not linked (both found):")
        lines += [f"  {x}" for x in r["missed"][:15]]
    c = r.get("copies")
    if c:
        lines.append(f"copies: {c['found']}/{c['copies']} found ({c['share']:.3f}; "
                     + ", ".join(f"{k} {v}" for k, v in c["by_kind"].items())
                     + f"); originals wrongly folded {len(c['originals_folded'])}; facts whose"
                     f" independent sources a copy changed {c['facts_sources_changed']}"
                     f"/{c['facts_kept']}")
        if c["missed"]:
            lines.append("  missed: " + ", ".join(c["missed"][:10]))
    return "\n".join(lines)
