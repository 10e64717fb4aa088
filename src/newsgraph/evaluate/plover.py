"""Scoring PLOVER coding on real sentences.

`score_plv` reads the PLV format (Hu et al., ACL 2024: `gold_root`, `sentence`,
`marked_sentence` with `<s>…</s>` source and `<t>…</t>` target) in two settings:
  e2e    extract events from the bare sentence (every reading, whatever its confidence); the
         prediction is the type of an event whose source_text and target_text overlap the
         marked spans, else NONE;
  given  the two mentions are given: `newsgraph.classify` types the relation.
`score_gsr` scores (source code, type, target code) on the PLOVER GSR (CAMEO manual) file.
The older PLOVER code YIELD counts as correct for CONCEDE or RETREAT.

    python -m newsgraph.evaluate.plover --tsv FILE [--setting e2e|given|both]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..errors import Errors, NewsgraphError
from ..events.ontology import older_names

NONE = "NONE"
YIELD_PARTS = set(older_names()["YIELD"])
# GSR (PLOVER 0.5) names -> current PLOVER types (the one-to-one renamings)
OLD_NAMES = {old: new[0] for old, new in older_names().items() if len(new) == 1}
# CAMEO country codes that differ from ISO 3166 alpha-3, and CAMEO's generic actor codes
CAMEO_ISO3 = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "UK": "GBR"}
GENERIC = {"IGO", "NGO", "IMG", "ISM", "MNC"}
WORKERS = 2
_MARK = re.compile(r"<(/?)([st])>")


# ---------------------------------------------------------------- reading gold

def read_plv(path: str | Path, limit: int | None = None) -> list[dict]:
    """Rows of a PLV TSV: sentence, gold, and the char spans of the first marked mentions."""
    path = Path(path)
    try:
        fh = path.open(encoding="utf-8", newline="")
    except OSError as e:
        raise NewsgraphError(Errors.E008, str(path), str(e)) from e
    rows = []
    with fh:
        reader = csv.DictReader(fh, delimiter="\t")
        need = {"gold_root", "marked_sentence"}
        if not reader.fieldnames or not need <= set(reader.fieldnames):
            raise NewsgraphError(Errors.E010, str(path), f"PLV needs columns {sorted(need)}")
        for n, rec in enumerate(reader, start=2):
            gold = (rec.get("gold_root") or "").strip().upper()
            marked = rec.get("marked_sentence") or ""
            if not gold or not marked:
                raise NewsgraphError(Errors.E010, str(path), f"line {n}: empty gold or sentence")
            sentence, spans = unmark(marked)
            rows.append({"sentence": sentence, "gold": gold,
                         "source": spans.get("s"), "target": spans.get("t")})
            if limit and len(rows) >= limit:
                break
    return rows


def unmark(marked: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """The plain sentence and the span of the first `<s>` and `<t>` mention."""
    out: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    open_at: dict[str, int] = {}
    pos = length = 0
    for m in _MARK.finditer(marked):
        out.append(marked[pos:m.start()])
        length += m.start() - pos
        pos = m.end()
        closing, tag = m.group(1), m.group(2)
        if not closing:
            open_at[tag] = length
        elif tag in open_at and tag not in spans:
            start = open_at.pop(tag)
            text = "".join(out)[start:length]
            lead = len(text) - len(text.lstrip())
            spans[tag] = (start + lead, start + len(text.rstrip()))
    out.append(marked[pos:])
    return "".join(out), spans


# ---------------------------------------------------------------- metrics

def normalise(gold: str, pred: str, gold_labels: set[str]) -> str:
    """A CONCEDE or RETREAT prediction is the older YIELD when the gold uses YIELD."""
    if "YIELD" in gold_labels and pred in YIELD_PARTS:
        return "YIELD"
    return pred


def metrics(golds: list[str], preds: list[str]) -> dict:
    """Accuracy, macro-F1 over the gold classes, per-class P/R/F1/support, confusion."""
    labels = set(golds)
    preds = [normalise(g, p, labels) for g, p in zip(golds, preds, strict=True)]
    n = len(golds)
    confusion: Counter = Counter(zip(golds, preds, strict=True))
    per_class = {}
    for lab in sorted(labels):
        tp = confusion[(lab, lab)]
        n_pred = sum(1 for p in preds if p == lab)
        support = sum(1 for g in golds if g == lab)
        p = tp / n_pred if n_pred else 0.0
        r = tp / support if support else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per_class[lab] = {"precision": p, "recall": r, "f1": f, "support": support}
    correct = sum(1 for g, p in zip(golds, preds, strict=True) if g == p)
    return {
        "n": n,
        "accuracy": correct / n if n else 0.0,
        "macro_f1": sum(c["f1"] for c in per_class.values()) / len(per_class) if per_class else 0.0,
        "per_class": per_class,
        "confusion": {f"{g}|{p}": k for (g, p), k in sorted(confusion.items())},
    }


def top_confusions(result: dict, k: int = 10) -> list[tuple[str, str, int]]:
    pairs = [(*key.split("|"), v) for key, v in result["confusion"].items()]
    return sorted((p for p in pairs if p[0] != p[1]), key=lambda p: -p[2])[:k]


# ---------------------------------------------------------------- PLV settings

def _given_chunk(args: tuple[list[dict], str]) -> list[str]:
    from ..classify import classify_parsed
    from ..nlp import english

    rows, _ = args
    docs = english().pipe((r["sentence"] for r in rows), batch_size=64)
    return [classify_parsed(doc, r["source"], r["target"]) for r, doc in
            zip(rows, docs, strict=True)]


def _article(text: str, name: str):
    from ..model import Article, Block, content_id

    return Article(doc_id=content_id(text), name=name, title=None, body=text, published=None,
                   published_source=None, outlet=None, author=None, url=None,
                   blocks=(Block("en", 0, len(text)),))


def _overlaps(text: str | None, body: str, span: tuple[int, int] | None) -> bool:
    if not text or span is None:
        return False
    from ..classify.spans import locate

    hit = locate(body, text, near=span[0])
    return hit is not None and hit[0] < span[1] and span[0] < hit[1]


def _side_matches(codes: tuple[str, ...], text: str | None, body: str,
                  span: tuple[int, int] | None) -> bool:
    """The event's side is the marked mention, or, where the gold marks none ("Teachers went
    on strike for better pay"), the event has no such side either."""
    if span is None:
        return not codes and not text
    return _overlaps(text, body, span)


def _e2e_chunk(args: tuple[list[dict], str]) -> list[str]:
    from ..annotate import annotate_many
    from ..events import extract

    rows, coder = args
    articles = [_article(r["sentence"], f"plv:{i}") for i, r in enumerate(rows)]
    out = []
    for r, doc in zip(rows, annotate_many(articles, batch_size=64), strict=True):
        pred = NONE
        # every reading: the marked mentions are often no coded actor ("the company"), and
        # this setting asks only which type relates them (doc scoring stays strict)
        for ev in extract(doc, coder=coder, min_confidence=0):
            if _side_matches(ev.source, ev.source_text, r["sentence"], r["source"]) and \
                    _side_matches(ev.target, ev.target_text, r["sentence"], r["target"]):
                pred = ev.type
                break
        out.append(pred)
    return out


def _run(fn, rows: list, coder: str, workers: int = WORKERS) -> list:
    """`fn((chunk, coder))` over contiguous chunks of `rows` in `workers` processes (spaCy
    loads once per worker), results in order."""
    if workers <= 1 or len(rows) < 50:
        return fn((rows, coder))
    size = -(-len(rows) // (workers * 4))
    chunks = [(rows[i:i + size], coder) for i in range(0, len(rows), size)]
    with ProcessPoolExecutor(workers) as pool:
        return [p for part in pool.map(fn, chunks) for p in part]


def predict_plv(rows: list[dict], setting: str, coder: str = "rules",
                workers: int = WORKERS) -> list[str]:
    """One predicted type per row (NONE when nothing links the two mentions)."""
    if setting == "given":
        return _run(_given_chunk, rows, coder, workers)
    if setting == "e2e":
        return _run(_e2e_chunk, rows, coder, workers)
    raise ValueError(f"unknown setting {setting!r} (e2e | given)")


def score_plv(tsv_path: str | Path, setting: str = "e2e", coder: str = "rules",
              limit: int | None = None, workers: int = WORKERS) -> dict:
    """Score one setting on a PLV TSV file."""
    rows = read_plv(tsv_path, limit)
    preds = predict_plv(rows, setting, coder, workers)
    result = metrics([r["gold"] for r in rows], preds)
    result.update({"file": str(tsv_path), "setting": setting,
                   "coder": coder if setting == "e2e" else "classify"})
    return result


# ---------------------------------------------------------------- GSR

def _codes(actors) -> list[str]:
    if not isinstance(actors, list):
        return []
    codes = []
    for a in actors:
        code = (a.get("code") or "").strip().upper() if isinstance(a, dict) else ""
        if code:
            codes.append(CAMEO_ISO3.get(code, code))
    return codes


def read_gsr(path: str | Path) -> list[dict]:
    """GSR records with a sentence: text, gold type and gold (source, target) code pairs."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise NewsgraphError(Errors.E010, str(path), str(e)) from e
    if not isinstance(data, list):
        raise NewsgraphError(Errors.E010, str(path), "expected a JSON list of records")
    rows = []
    for rec in data:
        if not isinstance(rec, dict) or not rec.get("text") or rec.get("event") == "DOCUMENT":
            continue
        gtype = OLD_NAMES.get(rec["event"], rec["event"])
        src, tgt = _codes(rec.get("source")), _codes(rec.get("target"))
        markup = rec.get("textInfo")
        markup = markup.get("markup", "") if isinstance(markup, dict) else str(markup or "")
        if not tgt and "SRC/TAR" in markup and len(src) > 1:
            pairs = [(a, b) for a in src for b in src if a != b]  # actors acting on each other
        else:
            pairs = [(a, b) for a in src or [None] for b in tgt or [None]]
        rows.append({"id": rec.get("id"), "sentence": rec["text"], "gold": gtype,
                     "triples": [(a, gtype, b) for a, b in pairs]})
    return rows


def _gsr_chunk(args: tuple[list[dict], str]) -> list[list[tuple]]:
    from ..annotate import annotate_many
    from ..events import extract

    rows, coder = args
    articles = [_article(r["sentence"], str(r["id"])) for r in rows]
    out = []
    for doc in annotate_many(articles, batch_size=64):
        out.append([(ev.type, tuple(ev.source), tuple(ev.target))
                    for ev in extract(doc, coder=coder)])
    return out


def _code_match(gold: str | None, pred: str | None) -> bool:
    if gold is None:
        return True  # gold names no actor here: any predicted one is fine
    if pred is None:
        return False
    return gold == pred or (gold in GENERIC and pred not in ("", None))


def _triple_match(g: tuple, p: tuple) -> bool:
    return g[1] == p[1] and _code_match(g[0], p[0]) and _code_match(g[2], p[2])


def score_gsr(json_path: str | Path, coder: str = "rules", workers: int = WORKERS) -> dict:
    """Type accuracy and (source code, type, target code) triple P/R/F1 on the GSR file."""
    rows = read_gsr(json_path)
    events = _run(_gsr_chunk, rows, coder, workers)
    preds, tp_gold, n_gold, tp_pred, n_pred = [], 0, 0, 0, 0
    for r, evs in zip(rows, events, strict=True):
        triples = [(s, t, o) for t, ss, os_ in evs for s in ss or (None,) for o in os_ or (None,)]
        golds = r["triples"]
        tp_gold += sum(1 for g in golds if any(_triple_match(g, p) for p in triples))
        tp_pred += sum(1 for p in triples if any(_triple_match(g, p) for g in golds))
        n_gold, n_pred = n_gold + len(golds), n_pred + len(triples)
        # the sentence's type: an event by a gold source, else the first event
        src = {g[0] for g in golds}
        chosen = next((t for t, ss, _ in evs if src & set(ss)), evs[0][0] if evs else NONE)
        preds.append(chosen)
    result = metrics([r["gold"] for r in rows], preds)
    p = tp_pred / n_pred if n_pred else 0.0
    rc = tp_gold / n_gold if n_gold else 0.0
    result.update({
        "file": str(json_path), "setting": "gsr", "coder": coder,
        "triples": {"precision": p, "recall": rc, "f1": 2 * p * rc / (p + rc) if p + rc else 0.0,
                    "gold": n_gold, "predicted": n_pred},
    })
    return result


# ---------------------------------------------------------------- report

def _abbr(label: str) -> str:
    return label[:4]


def format_report(result: dict) -> str:
    """Accuracy, macro-F1, the per-class table and the confusion matrix as plain text."""
    head = f"{result.get('setting', '')} {result.get('coder', '')}".strip()
    lines = [f"PLOVER {head}: n={result['n']}  accuracy={result['accuracy']:.3f}  "
             f"macro-F1={result['macro_f1']:.3f}"]
    if "triples" in result:
        t = result["triples"]
        lines.append(f"triples (source, type, target): P={t['precision']:.3f} "
                     f"R={t['recall']:.3f} F1={t['f1']:.3f} (gold {t['gold']}, "
                     f"predicted {t['predicted']})")
    lines.append(f"{'class':<10} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}")
    for lab, c in result["per_class"].items():
        lines.append(f"{lab:<10} {c['precision']:6.3f} {c['recall']:6.3f} {c['f1']:6.3f} "
                     f"{c['support']:5d}")
    conf = {tuple(k.split("|")): v for k, v in result["confusion"].items()}
    golds = list(result["per_class"])
    cols = golds + sorted({p for _, p in conf} - set(golds))
    lines.append("confusion (rows gold, columns predicted):")
    lines.append(f"{'':<5}" + "".join(f"{_abbr(c):>5}" for c in cols))
    for g in golds:
        cells = "".join(f"{conf.get((g, c), 0) or '.':>5}" for c in cols)
        lines.append(f"{_abbr(g):<5}{cells}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsgraph.evaluate.plover")
    ap.add_argument("--tsv", help="PLV TSV file")
    ap.add_argument("--json", help="PLOVER GSR JSON file")
    ap.add_argument("--setting", choices=["e2e", "given", "both"], default="both")
    ap.add_argument("--coder", default="rules")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--out", help="also write the results as JSON here")
    args = ap.parse_args(argv)
    if not args.tsv and not args.json:
        ap.error("give --tsv or --json")
    results = []
    try:
        if args.tsv:
            settings = ["given", "e2e"] if args.setting == "both" else [args.setting]
            results += [score_plv(args.tsv, s, args.coder, args.limit) for s in settings]
        if args.json:
            results.append(score_gsr(args.json, args.coder))
    except NewsgraphError as e:
        print(e.line(), file=sys.stderr)
        return 1
    print("\n\n".join(format_report(r) for r in results))
    if args.out:
        Path(args.out).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
