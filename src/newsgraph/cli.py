"""The `newsgraph` command: parses arguments and calls the library.

Exit codes: 0 success; 1 an error (or, for `ingest`/`extract`/`clean`, every input
failed); 2 a usage error; 130 interrupted. Errors print one line on stderr:
`newsgraph: E003 path/file.txt: cannot decode bytes as text (...)`.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import sys
from collections.abc import Sequence
from typing import Any

from . import __version__
from .errors import Errors, NewsgraphError

DEFAULT_DB = "newsgraph.db"
FORMATS = ("table", "jsonl", "csv")


class Unavailable(Exception):
    """A command whose module is not part of this build (yet)."""


def _need(module: str, *names: str) -> Any:
    """Import `module` lazily (so one missing piece never breaks the whole CLI)."""
    try:
        mod = importlib.import_module(module)
    except ImportError as e:
        raise Unavailable(f"{module} cannot be imported ({e})") from e
    missing = [n for n in names if not hasattr(mod, n)]
    if missing:
        raise Unavailable(f"{module} has no {', '.join(missing)}")
    return mod


# --- commands -------------------------------------------------------------------------


def cmd_ingest(args: argparse.Namespace) -> int:
    from .pipeline import ingest

    summary = ingest(
        args.paths, args.db, n_process=args.processes, max_bytes=args.max_bytes,
        progress=not args.no_progress, coder=args.coder,
    )
    print(f"{args.db}: {summary.line()}")
    if summary.read == summary.failed == 0:
        print("newsgraph: no input found (files: .txt .html .htm .jsonl, also .gz)",
              file=sys.stderr)
    return 0 if summary.ok else 1


def cmd_events(args: argparse.Namespace) -> int:
    from . import store
    from .output import EVENT_COLUMNS, EVENT_TABLE, flat_event, write_csv, write_jsonl, write_table

    f = store.EventFilter(
        actors=tuple(args.actor or ()), types=tuple(args.type or ()), since=args.since,
        until=args.until, doc=args.doc, limit=args.limit,
    )
    with _db(args) as conn:
        rows = store.events(conn, f)
    if args.format == "jsonl":
        write_jsonl(rows, sys.stdout)
    elif args.format == "csv":
        write_csv((flat_event(e) for e in rows), EVENT_COLUMNS, sys.stdout)
    else:
        write_table([_table_event(e) for e in rows], EVENT_TABLE, sys.stdout)
        print(f"({len(rows)} events)", file=sys.stderr)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from . import store

    with _db(args) as conn:
        doc = store.article(conn, store.find_doc(conn, args.doc))
    if args.format == "json":
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(_show_text(doc))
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from . import store

    with _db(args) as conn:
        s = store.summary(conn, top=args.top)
    if args.format == "json":
        print(json.dumps(s, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(_summary_text(s, args.db))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from . import store
    from .output import write_jsonl, write_table

    with _db(args) as conn:
        hits = store.search(conn, args.query, limit=args.limit)
    if args.format == "jsonl":
        write_jsonl(hits, sys.stdout)
    else:
        rows = [{**h, "doc_id": h["doc_id"][:12]} for h in hits]
        write_table(rows, ("doc_id", "name", "published", "events", "title", "snippet"),
                    sys.stdout)
    return 0 if hits else 1


def cmd_extract(args: argparse.Namespace) -> int:
    from .output import EVENT_COLUMNS, flat_event, write_csv, write_jsonl
    from .pipeline import extract_events

    errors = _ErrorCount()
    events = (e.to_json() for e in extract_events(
        args.paths, n_process=args.processes, max_bytes=args.max_bytes, on_error=errors,
        coder=args.coder,
    ))
    if args.format == "csv":
        n = write_csv((flat_event(e) for e in events), EVENT_COLUMNS, sys.stdout)
    else:
        n = write_jsonl(events, sys.stdout)
    return 1 if errors.n and not n else 0


def cmd_clean(args: argparse.Namespace) -> int:
    from .model import article_json
    from .output import write_jsonl
    from .pipeline import clean_docs

    errors = _ErrorCount()
    n = write_jsonl(
        (article_json(a) for a in clean_docs(args.paths, args.max_bytes, on_error=errors)),
        sys.stdout,
    )
    return 1 if errors.n and not n else 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    target = args.target or "seeds"
    limit = {"limit": args.limit} if getattr(args, "limit", None) else {}
    if target == "seeds":
        mod = _need("newsgraph.evaluate.seeds", "score", "format_report")
        reports = [mod.score(args.gold, args.corpus, coder=args.coder)]
    elif target in ("clean", "dates"):
        mod = _need("newsgraph.evaluate.clean_bench", "score_bodies", "score_dates",
                    "format_report")
        fn = mod.score_bodies if target == "clean" else mod.score_dates
        reports = [fn(args.benchmark, mode="text" if args.text_dumps else "html", **limit)]
    elif target == "plover":
        mod = _need("newsgraph.evaluate.plover", "score_plv", "format_report")
        settings = ("e2e", "given") if args.setting == "both" else (args.setting,)
        reports = [mod.score_plv(args.tsv, setting=s, coder=args.coder, **limit)
                   for s in settings]
    else:  # plover-gsr
        mod = _need("newsgraph.evaluate.plover", "score_gsr", "format_report")
        reports = [mod.score_gsr(args.json, coder=args.coder)]
    for r in reports:
        if args.format == "json":
            print(json.dumps(r, ensure_ascii=False, default=str))
        else:
            print(mod.format_report(r))
    return 0


def cmd_classify(args: argparse.Namespace) -> int:
    mod = _need("newsgraph.classify", "classify", "classify_many")
    if args.jsonl:
        return _classify_jsonl(mod.classify_many, args.jsonl, args.processes)
    if not (args.sentence and args.source and args.target):
        raise SystemExit(_usage_error("classify needs --source TEXT --target TEXT SENTENCE, "
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


# --- formatting for humans -------------------------------------------------------------


def _actors(codes: list, text: str | None) -> str:
    named = ",".join(c for c in codes if c)
    return named or (f'"{text}"' if text else "-")


def _table_event(e: dict) -> dict:
    return {
        **e,
        "id": e["id"][:8],
        "mode": e["mode"],
        "source": _actors(e["source"], e["source_text"]),
        "target": _actors(e["target"], e["target_text"]),
        "item": " ".join(x for x in (e["quantity"], e["item"]) if x) or None,
        "claims": ",".join(f"{c['by'] or '?'}:{c['stance']}" for c in e["claims"]) or None,
        "date": e["date"] or None,
        "type": e["type"] if e["modality"] == "asserted" else f"{e['type']}?{e['modality'][:3]}",
        "evidence": e["evidence"]["text"],
    }


def _event_lines(i: int, e: dict) -> list[str]:
    head = f"{i:>3}. {e['type']}" + (f"/{e['mode']}" if e["mode"] else "")
    head += f"  {_actors(e['source'], e['source_text'])} → {_actors(e['target'], e['target_text'])}"
    if e["item"]:
        head += f"  item: {' '.join(x for x in (e['quantity'], e['item']) if x)}"
    if e["date"]:
        head += f"  date: {e['date']} ({e['date_precision'] or '?'})"
    if e["modality"] != "asserted":
        head += f"  [{e['modality']}]"
    lines = [head]
    for c in e["claims"]:
        who = c["by"] or "?"
        if c.get("by_text"):
            who += f" ({c['by_text']})"
        lines.append(f"     claim: {who} {c['stance']}")
    lines.append(f"     “{' '.join(e['evidence']['text'].split())}”")
    return lines


def _show_text(d: dict) -> str:
    out = [d["title"] or "(no title)", "=" * min(len(d["title"] or "(no title)"), 100)]
    fields = [
        ("doc", f"{d['name']}  (id {d['doc_id'][:16]})"),
        ("origin", d["origin"]),
        ("published", f"{d['published']} (found in {d['published_source']})"
         if d["published"] else "unknown"),
        ("outlet", d["outlet"]), ("author", d["author"]), ("url", d["url"]),
        ("languages", ", ".join(d["languages"]) or "-"),
        ("cleaning", f"{len(d['removed'])} lines removed, {d['sentences']} sentences kept"),
    ]
    out += [f"{k:<10} {v}" for k, v in fields if v]
    out += ["", d["body"].strip(), "", f"--- {len(d['events'])} events ---"]
    for i, e in enumerate(d["events"], 1):
        out += _event_lines(i, e)
    return "\n".join(out) + "\n"


def _counts(c: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in c.items()) or "-"


def _summary_text(s: dict, db: str) -> str:
    first, last = s["published"]
    out = [
        f"{db}: {s['documents']} documents ({s['documents_with_events']} with events), "
        f"{s['sentences']} sentences"
        + (f", published {first} … {last}" if first else ""),
        f"languages (documents): {_counts(s['languages'])}",
        "",
        f"Events: {s['events']}   by modality: {_counts(s['by_modality'])}",
    ]
    top = max(s["by_type"].values(), default=1)
    for t, n in s["by_type"].items():
        out.append(f"  {t:<10} {n:>5}  {'█' * max(1, round(30 * n / top))}")
    out += [
        f"Claims: {s['claims']}   {_counts(s['claims_by_stance'])}",
        f"Arms transfers (AID with an item): {_counts(s['arms_transfers'])}",
        f"Top actors (events): {_counts(s['top_actors'])}",
        "",
        "Top actor pairs (source → target):",
    ]
    for p in s["top_pairs"]:
        out.append(f"  {p['source']:>6} → {p['target']:<6} {p['type']:<10} {p['n']:>4}")
    if s["examples"]:
        out += ["", "Example events (newsgraph show DOC for the whole article):"]
        for i, e in enumerate(s["examples"], 1):
            out += _event_lines(i, e)
            out.append(f"     doc: {e['doc']}")
    out += ["", "Next: newsgraph events --actor CODE | newsgraph show DOC | newsgraph search WORDS"]
    return "\n".join(out) + "\n"


# --- plumbing -------------------------------------------------------------------------


class _ErrorCount:
    """Prints each error on stderr and counts them."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self, err: NewsgraphError) -> None:
        self.n += 1
        print(f"newsgraph: {err.line()}", file=sys.stderr, flush=True)


class _db:
    """A connection to an existing store, closed on exit."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.path = args.db

    def __enter__(self):
        from .store import connect

        self.conn = connect(self.path, create=False)
        return self.conn

    def __exit__(self, *exc) -> None:
        self.conn.close()


def _usage_error(msg: str) -> int:
    print(f"newsgraph: {msg}", file=sys.stderr)
    return 2


def _date(value: str) -> str:
    from .store.query import check_date

    try:
        return check_date(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from e


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return n


# --- the parser -----------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    from .sources import DEFAULT_MAX_BYTES

    p = argparse.ArgumentParser(
        prog="newsgraph",
        description="Raw news in, a sourced database of PLOVER political events out.",
    )
    p.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    p.add_argument("--db", default=os.environ.get("NEWSGRAPH_DB", DEFAULT_DB),
                   help="SQLite store (default: $NEWSGRAPH_DB or newsgraph.db)")
    # `--db` is also accepted after the command name.
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", default=argparse.SUPPRESS, help="SQLite store")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def reading(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("paths", nargs="+", metavar="PATH",
                        help="files or folders (.txt .html .htm .jsonl, also .gz); - reads stdin")
        sp.add_argument("--max-bytes", type=_positive, default=DEFAULT_MAX_BYTES,
                        help=f"skip larger files with an error (default {DEFAULT_MAX_BYTES:,})")

    sp = sub.add_parser("ingest", parents=[db], help="read, clean, code and store documents")
    reading(sp)
    sp.add_argument("--processes", type=_positive, default=2, help="parser processes (default 2)")
    sp.add_argument("--coder", default="rules", help="event coder (default: rules)")
    sp.add_argument("--no-progress", action="store_true", help="no progress bar")
    sp.set_defaults(func=cmd_ingest)

    sp = sub.add_parser("events", parents=[db], help="list stored events")
    sp.add_argument("--actor", action="append", metavar="CODE",
                    help="events this actor takes part in (repeat: all of them)")
    sp.add_argument("--type", action="append", metavar="T",
                    help="PLOVER type (repeat: any of them)")
    sp.add_argument("--since", type=_date, metavar="DATE",
                    help="event date (else publication date) on or after YYYY[-MM[-DD]]")
    sp.add_argument("--until", type=_date, metavar="DATE", help="… on or before YYYY[-MM[-DD]]")
    sp.add_argument("--doc", metavar="ID", help="events of one document (id prefix or name)")
    sp.add_argument("--limit", type=_positive, metavar="N", help="at most N events")
    sp.add_argument("--format", choices=FORMATS, default="table", help="default: table")
    sp.set_defaults(func=cmd_events)

    sp = sub.add_parser("show", parents=[db], help="one clean article with its events and claims")
    sp.add_argument("doc", metavar="DOC_ID", help="document id prefix or name")
    sp.add_argument("--format", choices=("text", "json"), default="text", help="default: text")
    sp.set_defaults(func=cmd_show)

    sp = sub.add_parser("summary", parents=[db], help="what the store holds, with examples")
    sp.add_argument("--top", type=_positive, default=10, metavar="N",
                    help="actors and pairs to list (default 10)")
    sp.add_argument("--format", choices=("text", "json"), default="text", help="default: text")
    sp.set_defaults(func=cmd_summary)

    sp = sub.add_parser("search", parents=[db], help="full-text search over stored articles")
    sp.add_argument("query", metavar="QUERY", help="words or an SQLite FTS5 query")
    sp.add_argument("--limit", type=_positive, default=20, metavar="N", help="default 20")
    sp.add_argument("--format", choices=("table", "jsonl"), default="table",
                    help="default: table")
    sp.set_defaults(func=cmd_search)

    sp = sub.add_parser("extract", help="events as JSON lines, no database")
    reading(sp)
    sp.add_argument("--processes", type=_positive, default=1, help="parser processes (default 1)")
    sp.add_argument("--coder", default="rules", help="event coder (default: rules)")
    sp.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help="default: jsonl")
    sp.set_defaults(func=cmd_extract)

    sp = sub.add_parser("clean", help="clean articles as JSON lines, no database")
    reading(sp)
    sp.add_argument("--format", choices=("jsonl",), default="jsonl", help="default: jsonl")
    sp.set_defaults(func=cmd_clean)

    _evaluate_parser(sub)

    sp = sub.add_parser("classify", help="PLOVER type of the relation between two mentions")
    sp.add_argument("sentence", nargs="?", metavar="SENTENCE")
    sp.add_argument("--source", metavar="TEXT", help="the source actor as written")
    sp.add_argument("--target", metavar="TEXT", help="the target actor as written")
    sp.add_argument("--jsonl", metavar="FILE",
                    help="batch: lines of {sentence, source, target}; - reads stdin")
    sp.add_argument("--processes", type=_positive, default=1,
                    help="parser processes for --jsonl (default 1)")
    sp.set_defaults(func=cmd_classify)
    return p


def _evaluate_parser(sub) -> None:
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
    ev.add_argument("--corpus", default="../shared/seeds", metavar="DIR",
                    help="folder of the gold's documents (default ../shared/seeds)")
    ev.add_argument("--coder", default="rules", metavar="NAME", help="event coder (default: rules)")
    ev.set_defaults(func=cmd_evaluate, target=None)
    targets = ev.add_subparsers(dest="target", metavar="TARGET")
    for name, what in (("clean", "article bodies (shingle F1)"),
                       ("dates", "publication dates (exact-day accuracy)")):
        sp = targets.add_parser(name, parents=[out], help=f"benchmark: {what}")
        sp.add_argument("--benchmark", required=True, metavar="DIR", help="benchmark folder")
        sp.add_argument("--text-dumps", action="store_true",
                        help="feed each page as a plain-text dump of its HTML")
        sp.add_argument("--limit", type=_positive, metavar="N", help="first N pages only")
    sp = targets.add_parser("plover", parents=[out],
                            help="PLOVER types on PLV sentences (TSV)")
    sp.add_argument("--tsv", required=True, metavar="FILE", help="PLV-format TSV")
    sp.add_argument("--setting", choices=("e2e", "given", "both"), default="both",
                    help="end to end, given actors, or both (default)")
    sp.add_argument("--limit", type=_positive, metavar="N", help="first N sentences only")
    sp.add_argument("--coder", default=argparse.SUPPRESS, metavar="NAME",
                    help="event coder for e2e (default: rules)")
    sp = targets.add_parser("plover-gsr", parents=[out],
                            help="(source, type, target) on the CAMEO-manual sentences")
    sp.add_argument("--json", required=True, metavar="FILE", help="PLOVER_GSR_CAMEO.json")
    sp.add_argument("--coder", default=argparse.SUPPRESS, metavar="NAME",
                    help="event coder (default: rules)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # Libraries (trafilatura, htmldate) log their own complaints about pages we already
    # report as one E-line; show them only when asked: NEWSGRAPH_LOG=WARNING.
    logging.basicConfig(level=os.environ.get("NEWSGRAPH_LOG", "CRITICAL").upper(),
                        format="newsgraph: log: %(name)s: %(message)s")
    try:
        return args.func(args)
    except NewsgraphError as e:
        print(f"newsgraph: {e.line()}", file=sys.stderr)
        return 1
    except Unavailable as e:
        print(f"newsgraph: `{args.command}` is not available in this build: {e}",
              file=sys.stderr)
        return 1
    except KeyError as e:  # an unknown coder name
        print(f"newsgraph: {e.args[0] if e.args else e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsgraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `newsgraph events | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
