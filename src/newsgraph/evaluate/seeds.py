"""Score the pipeline against a gold file (../shared/gold/GUIDELINES.md "Scoring").

Events match on (type, source, target), symmetric types in either order, gold lists
expanded to one event per source x target, extracted duplicates merged per document.
Precision counts extracted events matching a gold or optional event; recall counts the
non-optional gold events found. An extracted event with a side that names no coded
actor ("several delegates", "the attack") is vague, hence optional by the guidelines:
not scored. Claims score on (event, by,
stance), arms transfers on (source, target, item); a claim or transfer whose event only
matches an optional gold event is neither rewarded nor punished.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from ..errors import Errors, NewsgraphError
from ..events.ontology import symmetric
from ..model import Article, Event

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


def _found_sets(events: list[Event]) -> dict[str, set]:
    sets: dict[str, set] = defaultdict(set)
    for e in events:
        if (e.source_text and not e.source) or (e.target_text and not e.target):
            continue  # a side that names no coded actor is vague: optional (GUIDELINES)
        keys = _expand(e.type, e.source, e.target)
        sets["ev"].update(keys)
        for k in keys:
            sets["cl"].update((*k, c.by, c.stance) for c in e.claims if c.by)
            if e.type == "AID" and e.item and e.mode in (None, "military"):
                sets["arm"].add((k[1], k[2], e.item))
    return sets


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("\u2019", "'")).strip().casefold()


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


def _load_gold(gold_path: str) -> list[dict]:
    try:
        docs = yaml.safe_load(Path(gold_path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise NewsgraphError(Errors.E010, gold_path, str(e).splitlines()[0]) from e
    if not isinstance(docs, list) or not all(isinstance(d, dict) and "doc" in d for d in docs):
        raise NewsgraphError(Errors.E010, gold_path, "expected a list of documents with `doc`")
    return docs


def _process(gold_docs: list[dict], corpus_dir: str, coder: str):
    from .. import clean as cleaner
    from ..annotate import annotate
    from ..events import extract
    from ..sources import DEFAULT_MAX_BYTES
    from ..sources.files import read_file

    raws, errors = [], []
    for g in gold_docs:
        path = Path(corpus_dir) / g["doc"]
        if not path.exists():
            errors.append(NewsgraphError(Errors.E011, str(path), g["doc"]).line())
            raws.append(None)
            continue
        raw = next(iter(read_file(path, DEFAULT_MAX_BYTES)), None)
        if isinstance(raw, NewsgraphError):
            errors.append(raw.line())
            raw = None
        raws.append(raw)
    present = [r for r in raws if r is not None]
    cleaned = iter(cleaner.clean_batch(present)) if present else iter(())
    out = []
    for g, raw in zip(gold_docs, raws, strict=True):
        article = next(cleaned) if raw is not None else None
        if isinstance(article, NewsgraphError):
            errors.append(article.line())
            article = None
        events = extract(annotate(article), coder) if article is not None else []
        out.append((g, article, events))
    return out, errors


def score(gold_path: str, corpus_dir: str, coder: str = "rules") -> dict:
    """Run clean -> annotate -> extract on each gold document and score it."""
    gold_docs = _load_gold(gold_path)
    processed, errors = _process(gold_docs, corpus_dir, coder)
    events, claims, arms = _Tally(), _Tally(), _Tally()
    per_type: dict[str, _Tally] = defaultdict(_Tally)
    fields = {f: {"correct": 0, "total": 0} for f in FIELDS}
    docs = []
    for g, article, extracted in processed:
        gs, fs = _gold_sets(g.get("events") or []), _found_sets(extracted)
        fp, fn = events.add(fs["ev"], gs["ev_gold"], gs["ev_opt"])
        for t in {k[0] for k in fs["ev"] | gs["ev_gold"] | gs["ev_opt"]}:
            per_type[t].add({k for k in fs["ev"] if k[0] == t},
                            {k for k in gs["ev_gold"] if k[0] == t},
                            {k for k in gs["ev_opt"] if k[0] == t})
        # claims and transfers on events that match only optional gold are neutral
        neutral = gs["ev_opt"] - gs["ev_gold"]
        cl_opt = gs["cl_opt"] | {c for c in fs["cl"] if c[:3] in neutral}
        arm_opt = gs["arm_opt"] | {a for a in fs["arm"] if ("AID", a[0], a[1]) in neutral}
        cfp, cfn = claims.add(fs["cl"], gs["cl_gold"], cl_opt)
        afp, afn = arms.add(fs["arm"], gs["arm_gold"], arm_opt)
        checks = score_fields(g, article)
        for f, ok in checks.items():
            fields[f]["total"] += 1
            fields[f]["correct"] += int(ok)
        docs.append({"doc": g["doc"], "false_events": sorted(fp, key=str),
                     "missed_events": sorted(fn, key=str), "false_claims": sorted(cfp, key=str),
                     "missed_claims": sorted(cfn, key=str), "false_arms": sorted(afp, key=str),
                     "missed_arms": sorted(afn, key=str),
                     "wrong_fields": [f for f, ok in checks.items() if not ok]})
    return {
        "gold": gold_path, "corpus": corpus_dir, "coder": coder, "documents": len(gold_docs),
        "events": events.result(), "per_type": {t: per_type[t].result() for t in sorted(per_type)},
        "claims": claims.result(), "arms": arms.result(),
        "fields": {f: v for f, v in fields.items() if v["total"]}, "docs": docs, "errors": errors,
    }


def _row(name: str, r: dict) -> str:
    return (f"{name:<14} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f} "
            f"{r['tp']:>4} {r['fp']:>4} {r['fn']:>4}")


def format_report(result: dict) -> str:
    head = f"{'':<14} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4}"
    lines = [f"gold {result['gold']} on {result['corpus']} ({result['documents']} documents, "
             f"coder {result['coder']})", "", head,
             _row("events", result["events"]), _row("claims", result["claims"]),
             _row("arms", result["arms"]), "", "per type:", head]
    lines += [_row(t, r) for t, r in result["per_type"].items()]
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
