"""`newsgraph evaluate`: scoring against gold files and public benchmarks."""

from __future__ import annotations

import argparse
import json
import sys

from .common import need, positive


def cmd_evaluate(args: argparse.Namespace) -> int:
    target = args.target or "seeds"
    limit = {"limit": args.limit} if getattr(args, "limit", None) else {}
    if target == "seeds":
        mod = need("newsgraph.evaluate.seeds", "score", "format_report")
        corpus = args.corpus if args.corpus or args.jsonl else "../shared/seeds"
        reports = [mod.score(args.gold, corpus, coder=args.coder, jsonl=args.jsonl,
                             min_confidence=args.min_confidence)]
    elif target in ("clean", "dates"):
        mod = need("newsgraph.evaluate.clean_bench", "score_bodies", "score_dates",
                    "format_report")
        fn = mod.score_bodies if target == "clean" else mod.score_dates
        reports = [fn(args.benchmark, mode="text" if args.text_dumps else "html", **limit)]
    elif target == "plover":
        mod = need("newsgraph.evaluate.plover", "score_plv", "format_report")
        settings = ("e2e", "given") if args.setting == "both" else (args.setting,)
        reports = [mod.score_plv(args.tsv, setting=s, coder=args.coder, **limit)
                   for s in settings]
    elif target == "linking":
        mod = need("newsgraph.evaluate.linking", "score", "format_report")
        if not (args.link_corpus or args.link_jsonl):
            print("newsgraph: evaluate linking needs --corpus DIR, --jsonl FILE or both",
                  file=sys.stderr)
            return 2
        reports = [mod.score(args.link_gold, args.link_corpus, args.link_jsonl,
                             coder=args.coder, copies=not args.no_copies,
                             windows=tuple(args.sweep or ()))]
    elif target == "notes":
        mod = need("newsgraph.evaluate.notes", "score", "format_report")
        reports = [mod.score(args.notes, coder=args.coder)]
    else:  # plover-gsr
        mod = need("newsgraph.evaluate.plover", "score_gsr", "format_report")
        reports = [mod.score_gsr(args.json, coder=args.coder)]
    for r in reports:
        if args.format == "json":
            print(json.dumps(r, ensure_ascii=False, default=str))
        else:
            print(mod.format_report(r))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    def report_format(default: object) -> argparse.ArgumentParser:
        p = argparse.ArgumentParser(add_help=False)
        p.add_argument("--format", choices=("text", "json"), default=default,
                       help="report as text or one JSON object (default: text)")
        return p

    # A target's own default must not override `evaluate --format json TARGET`.
    out = report_format(argparse.SUPPRESS)
    ev = sub.add_parser("evaluate", parents=[report_format("text")],
                        help="score against gold (default: the seed gold)")
    ev.add_argument("--gold", default="../shared/gold/seeds.yaml", metavar="FILE",
                    help="gold YAML (default ../shared/gold/seeds.yaml)")
    ev.add_argument("--corpus", metavar="DIR",
                    help="folder of the gold's documents (default ../shared/seeds unless "
                         "--jsonl is given)")
    ev.add_argument("--jsonl", metavar="FILE",
                    help="JSONL input whose lines' ids are the gold's documents")
    ev.add_argument("--min-confidence", type=float, metavar="X",
                    help="score events at or above this confidence (default: the coder's "
                         "threshold, as extract and ingest use)")
    ev.add_argument("--coder", default="rules", metavar="NAME", help="event coder (default: rules)")
    ev.set_defaults(func=cmd_evaluate, target=None)
    targets = ev.add_subparsers(dest="target", metavar="TARGET")
    for name, what in (("clean", "article bodies (shingle F1)"),
                       ("dates", "publication dates (exact-day accuracy)")):
        sp = targets.add_parser(name, parents=[out], help=f"benchmark: {what}")
        sp.add_argument("--benchmark", required=True, metavar="DIR", help="benchmark folder")
        sp.add_argument("--text-dumps", action="store_true",
                        help="feed each page as a plain-text dump of its HTML")
        sp.add_argument("--limit", type=positive, metavar="N", help="first N pages only")
    sp = targets.add_parser("plover", parents=[out],
                            help="PLOVER types on PLV sentences (TSV)")
    sp.add_argument("--tsv", required=True, metavar="FILE", help="PLV-format TSV")
    sp.add_argument("--setting", choices=("e2e", "given", "both"), default="both",
                    help="end to end, given actors, or both (default)")
    sp.add_argument("--limit", type=positive, metavar="N", help="first N sentences only")
    sp.add_argument("--coder", default=argparse.SUPPRESS, metavar="NAME",
                    help="event coder for e2e (default: rules)")
    sp = targets.add_parser("linking", parents=[out],
                            help="pairwise P/R/F1 of linked mentions, share of copies found")
    sp.add_argument("--gold", dest="link_gold", default="../shared/gold/linking.yaml",
                    metavar="FILE", help="linking gold (default ../shared/gold/linking.yaml)")
    sp.add_argument("--corpus", dest="link_corpus", metavar="DIR",
                    help="folder of gold documents (with --jsonl: both are ingested)")
    sp.add_argument("--jsonl", dest="link_jsonl", metavar="FILE",
                    help="JSONL of gold documents (ids as `doc`)")
    sp.add_argument("--no-copies", action="store_true",
                    help="skip the syndicated-copies part")
    sp.add_argument("--sweep", type=int, nargs="+", metavar="DAYS",
                    help="also score these day windows (re-links the store for each)")
    sp.add_argument("--coder", default=argparse.SUPPRESS, metavar="NAME",
                    help="event coder (default: rules)")
    sp = targets.add_parser("plover-gsr", parents=[out],
                            help="(source, type, target) on the CAMEO-manual sentences")
    sp.add_argument("--json", required=True, metavar="FILE", help="PLOVER_GSR_CAMEO.json")
    sp.add_argument("--coder", default=argparse.SUPPRESS, metavar="NAME",
                    help="event coder (default: rules)")
    sp = targets.add_parser("notes", parents=[out],
                            help="PLOVER root of short labelled event notes (YAML)")
    sp.add_argument("notes", metavar="FILE", help="YAML list (or halves) of {type, text}")
    sp.add_argument("--coder", default=argparse.SUPPRESS, metavar="NAME",
                    help="event coder (default: rules)")
