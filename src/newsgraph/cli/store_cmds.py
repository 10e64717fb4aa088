"""Commands over the store: ingest, events, show, summary, search."""

from __future__ import annotations

import argparse
import json
import sys

from .common import FORMATS, date_arg, db_parent, min_confidence, open_db, positive, reading
from .text_format import show_text, summary_text, table_event


def cmd_ingest(args: argparse.Namespace) -> int:
    from ..pipeline import ingest

    if args.engine == "ray":
        from .scale_cmds import ingest_on_ray

        return ingest_on_ray(args)
    summary = ingest(
        args.paths, args.db, n_process=args.processes, max_bytes=args.max_bytes,
        progress=not args.no_progress, coder=args.coder, min_confidence=args.min_confidence,
    )
    print(f"{args.db}: {summary.line()}")
    if summary.read == summary.failed == 0:
        print("newsgraph: no input found (files: .txt .html .htm .jsonl, also .gz)",
              file=sys.stderr)
    return 0 if summary.ok else 1


def cmd_events(args: argparse.Namespace) -> int:
    from .. import store
    from ..output import EVENT_COLUMNS, EVENT_TABLE, flat_event, write_csv, write_jsonl, write_table

    f = store.EventFilter(
        actors=tuple(args.actor or ()), types=tuple(args.type or ()), since=args.since,
        until=args.until, doc=args.doc, limit=args.limit,
    )
    with open_db(args) as conn:
        rows = store.events(conn, f)
    if args.format == "jsonl":
        write_jsonl(rows, sys.stdout)
    elif args.format == "csv":
        write_csv((flat_event(e) for e in rows), EVENT_COLUMNS, sys.stdout)
    else:
        write_table([table_event(e) for e in rows], EVENT_TABLE, sys.stdout)
        print(f"({len(rows)} events)", file=sys.stderr)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from .. import store

    with open_db(args) as conn:
        doc = store.article(conn, store.find_doc(conn, args.doc))
    if args.format == "json":
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(show_text(doc))
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from .. import store

    with open_db(args) as conn:
        s = store.summary(conn, top=args.top)
    if args.format == "json":
        print(json.dumps(s, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(summary_text(s, args.db))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from .. import store
    from ..output import write_jsonl, write_table

    with open_db(args) as conn:
        hits = store.search(conn, args.query, limit=args.limit)
    if args.format == "jsonl":
        write_jsonl(hits, sys.stdout)
    else:
        rows = [{**h, "doc_id": h["doc_id"][:12]} for h in hits]
        write_table(rows, ("doc_id", "name", "published", "events", "title", "snippet"),
                    sys.stdout)
    return 0 if hits else 1


def register(sub: argparse._SubParsersAction) -> None:
    db = db_parent()
    sp = sub.add_parser("ingest", parents=[db], help="read, clean, code and store documents")
    reading(sp)
    sp.add_argument("--processes", type=positive, default=2, help="parser processes (default 2)")
    sp.add_argument("--coder", default="rules", help="event coder (default: rules)")
    min_confidence(sp)
    sp.add_argument("--no-progress", action="store_true", help="no progress bar")
    sp.add_argument("--engine", choices=("local", "ray"), default="local",
                    help="where the stages run: local processes, or Ray (default: local)")
    sp.add_argument("--address", metavar="ADDR",
                    help="with --engine ray: the Ray cluster to join (default: start Ray here)")
    sp.add_argument("--shards", metavar="DIR", default="newsgraph-shards",
                    help="with --engine ray: new folder for the Parquet shards "
                         "(default: newsgraph-shards)")
    sp.set_defaults(func=cmd_ingest)

    sp = sub.add_parser("events", parents=[db], help="list stored events")
    sp.add_argument("--actor", action="append", metavar="CODE",
                    help="events this actor takes part in (repeat: all of them)")
    sp.add_argument("--type", action="append", metavar="T",
                    help="PLOVER type (repeat: any of them)")
    sp.add_argument("--since", type=date_arg, metavar="DATE",
                    help="event date (else publication date) on or after YYYY[-MM[-DD]]")
    sp.add_argument("--until", type=date_arg, metavar="DATE",
                    help="… on or before YYYY[-MM[-DD]]")
    sp.add_argument("--doc", metavar="ID", help="events of one document (id prefix or name)")
    sp.add_argument("--limit", type=positive, metavar="N", help="at most N events")
    sp.add_argument("--format", choices=FORMATS, default="table", help="default: table")
    sp.set_defaults(func=cmd_events)

    sp = sub.add_parser("show", parents=[db], help="one clean article with its events and claims")
    sp.add_argument("doc", metavar="DOC_ID", help="document id prefix or name")
    sp.add_argument("--format", choices=("text", "json"), default="text", help="default: text")
    sp.set_defaults(func=cmd_show)

    sp = sub.add_parser("summary", parents=[db], help="what the store holds, with examples")
    sp.add_argument("--top", type=positive, default=10, metavar="N",
                    help="actors and pairs to list (default 10)")
    sp.add_argument("--format", choices=("text", "json"), default="text", help="default: text")
    sp.set_defaults(func=cmd_summary)

    sp = sub.add_parser("search", parents=[db], help="full-text search over stored articles")
    sp.add_argument("query", metavar="QUERY", help="words or an SQLite FTS5 query")
    sp.add_argument("--limit", type=positive, default=20, metavar="N", help="default 20")
    sp.add_argument("--format", choices=("table", "jsonl"), default="table",
                    help="default: table")
    sp.set_defaults(func=cmd_search)
