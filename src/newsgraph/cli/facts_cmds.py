"""Commands over facts (link/): facts, fact, contested, timeline, documents."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .common import FORMATS, date_arg, db_parent, need, open_db, positive

FACT_TABLE = ("id", "date", "type", "mode", "source", "target", "item", "sources", "docs",
              "reports", "contested", "embargo")
TIMELINE_TABLE = ("date", "role", "id", "type", "mode", "source", "target", "item", "sources",
                  "contested", "embargo")
DOC_TABLE = ("doc", "doc_id", "published", "outlet", "copy_of", "title")


def _q():
    return need("newsgraph.link.query", "FactFilter", "facts", "fact", "contested",
                "timeline", "documents", "with_reports")


def flat_fact(f: dict[str, Any]) -> dict[str, Any]:
    """A fact as one flat row (tables and CSV)."""
    return {
        **{k: v for k, v in f.items() if k not in ("mentions", "claims", "ledger")},
        "id": f["id"], "date": f["date"] or f["first_reported"],
        "source": ";".join(f["source"]), "target": ";".join(f["target"]),
        "sources": f["independent_sources"], "docs": f["documents"],
        "contested": "yes" if f["contested"] else "",
        "embargo": ";".join(f"{e['regime']} {e['resolution']}" for e in f["embargo"]),
    }


def _write(rows: list[dict[str, Any]], fmt: str, columns: tuple[str, ...], conn=None) -> None:
    from ..output import write_csv, write_jsonl, write_table

    if fmt == "jsonl":
        q = _q()
        write_jsonl((q.with_reports(conn, r) if conn is not None else r for r in rows),
                    sys.stdout)
    elif fmt == "csv":
        write_csv((flat_fact(r) for r in rows), columns, sys.stdout)
    else:
        write_table([flat_fact(r) for r in rows], columns, sys.stdout)


def cmd_facts(args: argparse.Namespace) -> int:
    q = _q()
    f = q.FactFilter(actors=tuple(args.actor or ()), types=tuple(args.type or ()),
                     contested=args.contested, embargo=args.embargo, since=args.since,
                     until=args.until, min_sources=args.min_sources, limit=args.limit,
                     after=args.after)
    with open_db(args) as conn:
        rows = q.facts(conn, f)
        _write(rows, args.format, FACT_TABLE, conn)
    if args.format == "table":
        print(f"({len(rows)} facts)", file=sys.stderr)
    return 0


def cmd_fact(args: argparse.Namespace) -> int:
    with open_db(args) as conn:
        f = _q().fact(conn, args.id)
    if args.format == "json":
        print(json.dumps(f, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(fact_text(f))
    return 0


def fact_text(f: dict[str, Any]) -> str:
    """The fact, its ledger in time order and every report with its sentence."""
    row = flat_fact(f)
    lines = [f"fact {f['id']}: {f['type']}{'/' + f['mode'] if f['mode'] else ''} "
             f"{row['source'] or '-'} -> {row['target'] or '-'}"
             + (f" ({f['item']}" + (f", {f['quantity']}" if f["quantity"] else "") + ")"
                if f["item"] else ""),
             f"date {f['date'] or '-'} ({f['date_precision'] or 'not stated'}); reported "
             f"{f['first_reported'] or '?'} … {f['last_reported'] or '?'}; {f['reports']} reports"
             f" in {f['documents']} documents, {f['independent_sources']} independent sources"
             + ("; CONTESTED" if f["contested"] else ""),
             ]
    for e in f["embargo"]:
        lines.append(f"UN arms embargo: {e['regime']} (UNSCR {e['resolution']}), "
                     f"arms {e['direction']} a covered party")
    lines.append("\nledger:")
    for c in f["ledger"]:
        ans = c["answers"]
        lines.append(f"  {c['reported'] or '(undated)'}  {c['claimant'] or '?'} {c['stance']}"
                     f"  [{c['doc']}{', ' + c['outlet'] if c['outlet'] else ''}]"
                     + (f"  answers {ans['claimant']} ({ans['stance']})" if ans else ""))
        lines.append(f"      “{c['evidence']['text']}”")
    for s in f["stance_changes"]:
        lines.append(f"  stance change: {s['claimant']} {s['from']} ({s['first_date'] or '?'})"
                     f" -> {s['to']} ({s['then_date'] or '?'})")
    lines.append("\nreports:")
    for m in f["mentions"]:
        lines.append(f"  {m['published'] or '(undated)'}  {m['doc']}"
                     f"{' (' + m['outlet'] + ')' if m['outlet'] else ''}  {m['modality']}")
        lines.append(f"      “{m['evidence']['text']}”")
    return "\n".join(lines) + "\n"


def cmd_contested(args: argparse.Namespace) -> int:
    with open_db(args) as conn:
        rows = _q().contested(conn, args.limit)
        _write(rows, args.format, FACT_TABLE, conn)
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    with open_db(args) as conn:
        rows = _q().timeline(conn, args.actor)
        _write(rows, args.format, TIMELINE_TABLE, conn)
    return 0


def cmd_documents(args: argparse.Namespace) -> int:
    from ..output import write_jsonl, write_table

    with open_db(args) as conn:
        rows = _q().documents(conn)
    if args.format == "jsonl":
        write_jsonl(rows, sys.stdout)
    else:
        write_table([{**r, "doc_id": r["doc_id"][:12],
                      "copy_of": r["copy_of"] and r["copy_of"][:12]} for r in rows],
                    DOC_TABLE, sys.stdout)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    db = db_parent()
    sp = sub.add_parser("facts", parents=[db], help="facts: events merged across reports")
    sp.add_argument("--actor", action="append", metavar="CODE",
                    help="facts this actor takes part in (repeat: all of them)")
    sp.add_argument("--type", action="append", metavar="T", help="PLOVER type (repeat: any)")
    sp.add_argument("--contested", action="store_true", help="asserted and denied facts only")
    sp.add_argument("--embargo", action="store_true", help="facts under a UN arms embargo only")
    sp.add_argument("--since", type=date_arg, metavar="DATE",
                    help="fact date (else first report) on or after YYYY[-MM[-DD]]")
    sp.add_argument("--until", type=date_arg, metavar="DATE", help="… on or before")
    sp.add_argument("--min-sources", type=positive, metavar="N",
                    help="at least N independent sources")
    sp.add_argument("--limit", type=positive, metavar="N", help="at most N facts")
    sp.add_argument("--after", metavar="ID", help="continue after this fact id (paging)")
    sp.add_argument("--format", choices=FORMATS, default="table", help="default: table")
    sp.set_defaults(func=cmd_facts)

    sp = sub.add_parser("fact", parents=[db], help="one fact: its ledger and every report")
    sp.add_argument("id", metavar="ID", help="fact id or a unique prefix")
    sp.add_argument("--format", choices=("text", "json"), default="text", help="default: text")
    sp.set_defaults(func=cmd_fact)

    sp = sub.add_parser("contested", parents=[db],
                        help="facts asserted by one party and denied by another")
    sp.add_argument("--limit", type=positive, metavar="N", help="at most N facts")
    sp.add_argument("--format", choices=FORMATS, default="table", help="default: table")
    sp.set_defaults(func=cmd_contested)

    sp = sub.add_parser("timeline", parents=[db], help="an actor's facts by date")
    sp.add_argument("actor", metavar="ACTOR", help="actor code (RUS, PRK, HAMAS…)")
    sp.add_argument("--format", choices=FORMATS, default="table", help="default: table")
    sp.set_defaults(func=cmd_timeline)

    sp = sub.add_parser("documents", parents=[db],
                        help="stored documents and the document each copies")
    sp.add_argument("--format", choices=("table", "jsonl"), default="table",
                    help="default: table")
    sp.set_defaults(func=cmd_documents)
