"""Commands without a database: extract, clean, classify (stdin→stdout filters)."""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import Errors, NewsgraphError
from .common import ErrorCount, min_confidence, need, positive, reading, usage_error


def cmd_extract(args: argparse.Namespace) -> int:
    from ..output import EVENT_COLUMNS, flat_event, write_csv, write_jsonl
    from ..pipeline import extract_events

    errors = ErrorCount()
    events = (e.to_json() for e in extract_events(
        args.paths, n_process=args.processes, max_bytes=args.max_bytes, on_error=errors,
        coder=args.coder, min_confidence=args.min_confidence,
    ))
    if args.format == "csv":
        n = write_csv((flat_event(e) for e in events), EVENT_COLUMNS, sys.stdout)
    else:
        n = write_jsonl(events, sys.stdout)
    return 1 if errors.n and not n else 0


def cmd_clean(args: argparse.Namespace) -> int:
    from ..model import article_json
    from ..output import write_jsonl
    from ..pipeline import clean_docs

    errors = ErrorCount()
    n = write_jsonl(
        (article_json(a) for a in clean_docs(args.paths, args.max_bytes, on_error=errors)),
        sys.stdout,
    )
    return 1 if errors.n and not n else 0


def cmd_classify(args: argparse.Namespace) -> int:
    mod = need("newsgraph.classify", "classify", "classify_many")
    if args.jsonl:
        return _classify_jsonl(mod.classify_many, args.jsonl, args.processes)
    if not (args.sentence and args.source and args.target):
        raise SystemExit(usage_error("classify needs --source TEXT --target TEXT SENTENCE, "
                                     "or --jsonl FILE"))
    print(mod.classify(args.sentence, args.source, args.target))
    return 0


def _classify_jsonl(classify_many, path: str, n_process: int) -> int:
    """Reads {sentence, source, target} lines; writes each back with its `type`."""
    try:
        stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    except OSError as e:
        raise NewsgraphError(Errors.E008, path, e.strerror or type(e).__name__) from e
    good, bad = [], 0
    with stream:
        for n, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                if not all(isinstance(rec.get(k), str) for k in ("sentence", "source", "target")):
                    raise ValueError("needs string fields sentence, source, target")
                good.append(rec)
            except ValueError as e:
                bad += 1
                err = NewsgraphError(Errors.E006, path=path, detail=f"{n}: {e}")
                print(f"newsgraph: {err.line()}", file=sys.stderr)
    for rec, label in zip(good, classify_many(good, n_process=n_process), strict=True):
        print(json.dumps({**rec, "type": label}, ensure_ascii=False))
    return 1 if bad and not good else 0


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("extract", help="events as JSON lines, no database")
    reading(sp)
    sp.add_argument("--processes", type=positive, default=1, help="parser processes (default 1)")
    sp.add_argument("--coder", default="rules", help="event coder (default: rules)")
    min_confidence(sp)
    sp.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help="default: jsonl")
    sp.set_defaults(func=cmd_extract)

    sp = sub.add_parser("clean", help="clean articles as JSON lines, no database")
    reading(sp)
    sp.add_argument("--format", choices=("jsonl",), default="jsonl", help="default: jsonl")
    sp.set_defaults(func=cmd_clean)

    sp = sub.add_parser("classify", help="PLOVER type of the relation between two mentions")
    sp.add_argument("sentence", nargs="?", metavar="SENTENCE")
    sp.add_argument("--source", metavar="TEXT", help="the source actor as written")
    sp.add_argument("--target", metavar="TEXT", help="the target actor as written")
    sp.add_argument("--jsonl", metavar="FILE",
                    help="batch: lines of {sentence, source, target}; - reads stdin")
    sp.add_argument("--processes", type=positive, default=1,
                    help="parser processes for --jsonl (default 1)")
    sp.set_defaults(func=cmd_classify)
