"""Score the pipeline against a gold file (../shared/gold/GUIDELINES.md "Scoring").

Events match on (type, source, target), symmetric types in either order, gold lists
expanded to one event per source x target, extracted duplicates merged per document.
Precision counts extracted events matching a gold or optional event; recall counts the
non-optional gold events found. Strict on actors: an extracted side that resolved to no code
is a side of `null` only when its text is a vague group (data/vague.yaml: "several states",
"gunmen"); such an event is optional unless it matches gold. Any other unresolved side ("an
immediate end") makes the event wrong. Claims score on (event, by, stance), arms transfers on
(source, target, item); a claim or transfer whose event only matches an optional gold event is
neither rewarded nor punished. A document that cannot be read is scored with no events.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from ..events.confidence import default_threshold
from ..events.ontology import symmetric
from ..model import Article, Event
from .causes import calibration, causes
from .causes import normalize as _norm
from .gold import halves, load_gold, process

SYMMETRIC = symmetric()
FIELDS = ("title", "published", "outlet", "languages", "body_first", "body_last", "boilerplate")
Key = tuple[str, str | None, str | None]


def _listify(value: Any) -> list[str | None]:
    if value is None or (isinstance(value, (list, tuple)) and not value):
        return [None]  # no target: scored as the gold's `target: null`
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _key(etype: str, source: str | None, target: str | None) -> Key:
    if etype in SYMMETRIC and (source or "") > (target or ""):
        source, target = target, source
    return (etype, source, target)


def _expand(etype: str, sources: Any, targets: Any) -> list[Key]:
    return [_key(etype, s, t) for s in _listify(sources) for t in _listify(targets)
            if not (s is None and t is None) and s != t]


class _Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = self.neutral = 0

    def add(self, found: set, gold: set, optional: set) -> tuple[set, set]:
        hits = found & gold
        false = found - gold - optional
        self.tp += len(hits)
        self.fp += len(false)
        self.fn += len(gold - found)
        self.neutral += len((found & optional) - gold)
        return false, gold - found

    def result(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "optional": self.neutral}


def _gold_sets(events: list[dict]) -> dict[str, set]:
    sets: dict[str, set] = defaultdict(set)
    for g in events:
        keys = _expand(g["type"], g.get("source"), g.get("target"))
        kind = "opt" if g.get("optional") else "gold"
        sets[f"ev_{kind}"].update(keys)
        for k in keys:
            for c in g.get("claims") or []:
                sets[f"cl_{kind}"].add((*k, c["by"], c["stance"]))
            if g["type"] == "AID" and g.get("item") and g.get("mode", "military") == "military":
                sets[f"arm_{kind}"].add((k[1], k[2], g["item"]))
    return sets


@cache
def _vague_heads() -> frozenset[str]:
    data = yaml.safe_load(files("newsgraph.evaluate").joinpath("data/vague.yaml").read_text())
    return frozenset(data["heads"])


def is_vague(text: str | None) -> bool:
    """A vague group ("several states", "Western powers", "gunmen"): its head word says so."""
    words = re.findall(r"[\w'-]+", (text or "").casefold())
    return bool(words) and words[-1] in _vague_heads()


def _side(codes: tuple[str, ...], text: str | None) -> tuple[str | None, ...] | None:
    """The codes of one side; None when unresolved non-actor text makes the event wrong."""
    if codes:
        return codes
    if text and not is_vague(text):
        return None
    return ()


def event_keys(e: Event) -> tuple[list[Key], bool]:
    """Scoring keys of an extracted event, and whether a side is vague. An unresolved side
    that is not a vague group gets a key no gold can match: the event is wrong."""
    src, tgt = _side(e.source, e.source_text), _side(e.target, e.target_text)
    bad = "?unresolved"
    keys = _expand(e.type, src if src is not None else [bad], tgt if tgt is not None else [bad])
    vague = (src == () and bool(e.source_text)) or (tgt == () and bool(e.target_text))
    return keys, vague


def _found_sets(events: list[Event]) -> dict[str, set]:
    sets: dict[str, set] = defaultdict(set)
    for e in events:
        keys, vague = event_keys(e)
        sets["ev_vague" if vague else "ev"].update(keys)
        for k in keys:
            sets["cl"].update((*k, c.by, c.stance) for c in e.claims if c.by)
            if e.type == "AID" and e.item and e.mode in (None, "military"):
                sets["arm"].add((k[1], k[2], e.item))
    return sets


def score_fields(gold: dict, article: Article | None) -> dict[str, bool]:
    if article is None:
        return {f: False for f in FIELDS if f in gold}
    body = article.body.strip()
    lines = {_norm(x) for x in body.splitlines()}
    checks = {
        "title": lambda: _norm(article.title) == _norm(gold["title"]),
        "published": lambda: article.published == gold["published"],
        "outlet": lambda: _norm(article.outlet) == _norm(gold["outlet"]),
        "languages": lambda: article.languages == list(gold["languages"] or []),
        "body_first": lambda: _norm(body).startswith(_norm(gold["body_first"])),
        "body_last": lambda: _norm(body).endswith(_norm(gold["body_last"])),
        "boilerplate": lambda: not any(_norm(b) in lines for b in gold["boilerplate"] or []),
    }
    return {f: bool(check()) for f, check in checks.items() if f in gold}


def _score_doc(g: dict, article: Article | None, extracted: list[Event], t: dict) -> dict:
    gs, fs = _gold_sets(g.get("events") or []), _found_sets(extracted)
    scorable = gs["ev_gold"] | gs["ev_opt"]
    found = fs["ev"] | (fs["ev_vague"] & scorable)  # a vague side is optional unless it matches
    fp, fn = t["events"].add(found, gs["ev_gold"], gs["ev_opt"])
    for ty in {k[0] for k in found | gs["ev_gold"] | gs["ev_opt"]}:
        t["per_type"][ty].add({k for k in found if k[0] == ty},
                              {k for k in gs["ev_gold"] if k[0] == ty},
                              {k for k in gs["ev_opt"] if k[0] == ty})
    # claims and transfers on events that match only optional gold (or are vague) are neutral
    neutral = (gs["ev_opt"] - gs["ev_gold"]) | (fs["ev_vague"] - scorable)
    cl_opt = gs["cl_opt"] | {c for c in fs["cl"] if c[:3] in neutral}
    arm_opt = gs["arm_opt"] | {a for a in fs["arm"] if ("AID", a[0], a[1]) in neutral}
    cfp, cfn = t["claims"].add(fs["cl"], gs["cl_gold"], cl_opt)
    afp, afn = t["arms"].add(fs["arm"], gs["arm_gold"], arm_opt)
    why = causes(g.get("events") or [], extracted, fn, fp, _expand, event_keys)
    for kind in ("missed", "false"):
        t["causes"][kind].update(why[kind])
    for e in extracted:
        keys = set(event_keys(e)[0])
        if keys & scorable:
            t["judged"].append((e.confidence, True))
        elif keys & fp:
            t["judged"].append((e.confidence, False))
    checks = score_fields(g, article)
    for f, ok in checks.items():
        t["fields"][f]["total"] += 1
        t["fields"][f]["correct"] += int(ok)
    return {"doc": g["doc"], "false_events": sorted(fp, key=str),
            "missed_events": sorted(fn, key=str), "false_claims": sorted(cfp, key=str),
            "missed_claims": sorted(cfn, key=str), "false_arms": sorted(afp, key=str),
            "missed_arms": sorted(afn, key=str),
            "wrong_fields": [f for f, ok in checks.items() if not ok]}


def _tallies() -> dict:
    return {"events": _Tally(), "claims": _Tally(), "arms": _Tally(),
            "per_type": defaultdict(_Tally), "causes": {"missed": Counter(), "false": Counter()},
            "judged": [], "fields": {f: {"correct": 0, "total": 0} for f in FIELDS}}


def _result(t: dict) -> dict:
    return {"events": t["events"].result(), "claims": t["claims"].result(),
            "arms": t["arms"].result(),
            "per_type": {ty: t["per_type"][ty].result() for ty in sorted(t["per_type"])},
            "causes": {k: dict(v.most_common()) for k, v in t["causes"].items()},
            "calibration": calibration(t["judged"]),
            "fields": {f: v for f, v in t["fields"].items() if v["total"]}}


def score(gold_path: str, corpus_dir: str | None = None, coder: str = "rules",
          jsonl: str | None = None, min_confidence: float | None = None) -> dict:
    """Run clean -> annotate -> extract on each gold document and score it (per half too,
    when the gold file names fixed halves)."""
    gold_docs = load_gold(gold_path)
    processed, errors = process(gold_docs, corpus_dir, jsonl, coder, min_confidence)
    split = halves(gold_path)
    total, parts = _tallies(), {h: _tallies() for h in split}
    docs = []
    for g, article, extracted in processed:
        docs.append(_score_doc(g, article, extracted, total))
        for h, ids in split.items():
            if g["doc"] in ids:
                _score_doc(g, article, extracted, parts[h])
    return {
        "gold": gold_path, "corpus": corpus_dir, "jsonl": jsonl, "coder": coder,
        "min_confidence": default_threshold() if min_confidence is None else min_confidence,
        "documents": len(gold_docs), **_result(total),
        "halves": {h: {"documents": len(split[h]), **_result(parts[h])} for h in split},
        "docs": docs, "errors": errors,
    }


def _row(name: str, r: dict) -> str:
    return (f"{name:<14} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f} "
            f"{r['tp']:>4} {r['fp']:>4} {r['fn']:>4}")


def _summary_lines(r: dict) -> list[str]:
    head = f"{'':<14} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4}"
    return [head, _row("events", r["events"]), _row("claims", r["claims"]),
            _row("arms", r["arms"])]


def format_report(result: dict) -> str:
    src = " + ".join(x for x in (result["corpus"], result.get("jsonl")) if x)
    lines = [f"gold {result['gold']} on {src} ({result['documents']} documents, "
             f"coder {result['coder']}, min confidence {result.get('min_confidence', 0)})", ""]
    lines += _summary_lines(result)
    for h, r in result.get("halves", {}).items():
        lines += ["", f"half {h} ({r['documents']} documents):", *_summary_lines(r)]
    head = f"{'':<14} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4}"
    lines += ["", "per type:", head]
    lines += [_row(t, r) for t, r in result["per_type"].items()]
    for kind, label in (("missed", "missed gold events by cause"),
                        ("false", "false events by cause")):
        lines += ["", f"{label}:"]
        lines += [f"  {c:<16} {n:>4}" for c, n in result["causes"][kind].items()] or ["  -"]
    lines += ["", "confidence calibration (share of scored events that are correct):"]
    lines += [f"  {b['band']}  {b['events']:>4} events  {b['correct']:.2f}"
              for b in result["calibration"]] or ["  -"]
    lines += ["", "fields:"]
    lines += [f"  {f:<12} {v['correct']}/{v['total']}" for f, v in result["fields"].items()]
    for d in result["docs"]:
        misses = [(k, d[k]) for k in ("missed_events", "false_events", "missed_claims",
                                      "false_claims", "missed_arms", "false_arms",
                                      "wrong_fields") if d[k]]
        if misses:
            lines += ["", d["doc"]]
            lines += [f"  {k}: " + "; ".join(" ".join(str(x) for x in v) if isinstance(v, tuple)
                                              else str(v) for v in vals) for k, vals in misses]
    lines += [f"error: {e}" for e in result["errors"]]
    return "\n".join(lines)
