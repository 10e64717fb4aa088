"""Fold-wise cross-validation of the date rules (clean/date_rules.py) against plain htmldate.

The 200 visible pages are split into fixed folds (by a hash of the page key). On each fold,
each rule is scored alone over htmldate (the rule's day when it gives one, else htmldate's):
a rule is kept only when it is right more often than htmldate on every fold. The
cross-validated accuracy of the whole resolver is measured honestly: for each fold, the rules
are chosen on the other folds and scored on this one.

    python -m newsgraph.evaluate.date_cv --benchmark ../shared/data/htmldate-mediacloud-2020
        [--folds 5] [--write]   # --write stores the kept rules in clean/data/date_rules.yaml
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path

from newsgraph.clean.date_rules import RULES, is_fallback
from newsgraph.evaluate.clean_bench import WORKERS, Page, date_pages, run_pool, to_raw

FOLDS = 5
RULES_FILE = Path(__file__).parents[1] / "clean" / "data" / "date_rules.yaml"


@dataclass(frozen=True)
class Answers:
    key: str
    gold: str | None
    htmldate: str | None
    rules: dict[str, str | None]  # rule -> its day on this page (None: it does not speak)


def fold_of(key: str, folds: int = FOLDS) -> int:
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % folds


def page_answers(args: tuple[Page, str]) -> Answers:
    """Every rule's day on one page (runs in a worker process)."""
    import warnings

    from dateutil.parser import UnknownTimezoneWarning

    from newsgraph.clean import date_rules
    from newsgraph.clean.html import canonical_url, dump_date, page_url, parse
    from newsgraph.errors import NewsgraphError

    page, _ = args
    raw = to_raw(page, "html")
    try:
        tree = parse(raw)
    except NewsgraphError:
        return Answers(page.key, page.gold, None, {name: None for name in RULES})
    url = page_url(raw) or canonical_url(tree)
    p = date_rules.Page(tree, url, dump=lambda: dump_date(deepcopy(tree), raw, url))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnknownTimezoneWarning)
        rules = {name: date_rules.answer(name, p)[0] for name in RULES}
        return Answers(page.key, page.gold, p.htmldate, rules)


def resolved(a: Answers, rules: tuple[str, ...]) -> str | None:
    """What the resolver gives with `rules` kept (date_rules.resolve, from the answers)."""
    for name in rules:
        if not is_fallback(name) and a.rules[name]:
            return a.rules[name]
    if a.htmldate:
        return a.htmldate
    return next((a.rules[n] for n in rules if is_fallback(n) and a.rules[n]), None)


def right(pages: list[Answers], rules: tuple[str, ...]) -> int:
    return sum(resolved(a, rules) == a.gold for a in pages)


def choose(folds: list[list[Answers]]) -> tuple[str, ...]:
    """Rules that beat htmldate alone on every one of `folds`."""
    return tuple(name for name in RULES
                 if all(right(f, (name,)) > right(f, ()) for f in folds))


def cross_validate(answers: list[Answers], folds: int = FOLDS) -> dict:
    split = [[a for a in answers if fold_of(a.key, folds) == k] for k in range(folds)]
    n = len(answers)
    per_rule = {}
    for name in RULES:
        deltas = [right(f, (name,)) - right(f, ()) for f in split]
        speaks = sum(1 for a in answers if a.rules[name])
        differs = [a for a in answers if resolved(a, (name,)) != resolved(a, ())]
        per_rule[name] = {
            "speaks": speaks, "changes": len(differs),
            "wins": sum(resolved(a, (name,)) == a.gold for a in differs),
            "losses": sum(resolved(a, ()) == a.gold for a in differs),
            "fold_deltas": deltas, "accuracy": right(answers, (name,)) / n,
            "kept": all(d > 0 for d in deltas),
        }
    held_out = 0
    chosen_per_fold = []
    for k, fold in enumerate(split):
        rules = choose([f for j, f in enumerate(split) if j != k])
        chosen_per_fold.append(list(rules))
        held_out += right(fold, rules)
    kept = choose(split)
    return {
        "n": n, "folds": folds, "fold_sizes": [len(f) for f in split],
        "htmldate": right(answers, ()) / n,
        "kept": list(kept), "in_sample": right(answers, kept) / n,
        "cross_validated": held_out / n, "chosen_per_fold": chosen_per_fold,
        "all_rules": right(answers, tuple(RULES)) / n,
        "rules": per_rule,
    }


def format_report(r: dict) -> str:
    lines = [f"dates, {r['n']} pages in {r['folds']} fixed folds {r['fold_sizes']}",
             f"  plain htmldate                  {r['htmldate']:.3f}",
             f"  every rule on (no selection)    {r['all_rules']:.3f}",
             f"  kept rules {r['kept']}: {r['in_sample']:.3f} on all pages, "
             f"{r['cross_validated']:.3f} cross-validated (rules chosen without the fold)",
             "rule                   speaks changes wins losses  per-fold (right - htmldate's)"
             "  accuracy  kept"]
    for name, x in r["rules"].items():
        deltas = " ".join(f"{d:+d}" for d in x["fold_deltas"])
        lines.append(f"  {name:<21}{x['speaks']:>6}{x['changes']:>8}{x['wins']:>5}"
                     f"{x['losses']:>7}  {deltas:<28}{x['accuracy']:.3f}   "
                     f"{'yes' if x['kept'] else 'no'}")
    return "\n".join(lines)


def write_rules(kept: list[str], path: Path = RULES_FILE) -> None:
    head = [line for line in path.read_text("utf-8").splitlines() if line.startswith("#")]
    body = "keep: []" if not kept else "keep:\n" + "\n".join(f"  - {k}" for k in kept)
    path.write_text("\n".join(head) + "\n" + body + "\n", "utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsgraph.evaluate.date_cv")
    ap.add_argument("--benchmark", required=True, type=Path)
    ap.add_argument("--folds", type=int, default=FOLDS)
    ap.add_argument("--workers", type=int, default=WORKERS)
    ap.add_argument("--write", action="store_true", help="store the kept rules")
    ap.add_argument("--dump", type=Path, help="write every page's answers as JSON")
    args = ap.parse_args(argv)
    answers = run_pool(page_answers, date_pages(args.benchmark), "html", args.workers)
    result = cross_validate(answers, args.folds)
    print(format_report(result))
    if args.dump:
        import json
        args.dump.write_text(json.dumps([a.__dict__ for a in answers]), "utf-8")
    if args.write:
        write_rules(result["kept"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
