"""`newsgraph export`: PLOVER JSONL, CAMEO CSV, GraphML, GEXF or FollowTheMoney entities."""

from __future__ import annotations

import argparse
import sys

from .common import date_arg, db_parent, open_db, usage_error

FORMATS = ("plover-jsonl", "cameo-csv", "graphml", "gexf", "ftm")


def cmd_export(args: argparse.Namespace) -> int:
    from ..api.facts import linked
    from ..export import Selection, default_unit, export

    with open_db(args) as conn:
        unit = args.unit or default_unit(args.format, linked(conn))
        if unit == "facts" and not linked(conn):
            return usage_error("--facts: this store has no facts tables")
        sel = Selection(unit=unit, actors=tuple(args.actor or ()), types=tuple(args.type or ()),
                        since=args.since, until=args.until)
        if args.output == "-":
            n = export(conn, args.format, sel, sys.stdout.buffer)
        else:
            with open(args.output, "wb") as out:
                n = export(conn, args.format, sel, out)
    what = "edges" if args.format in ("graphml", "gexf") else "records"
    print(f"newsgraph: {args.output}: {n} {what} ({args.format}, {unit})", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("export", parents=[db_parent()],
                        help="PLOVER JSONL, CAMEO CSV, GraphML, GEXF or FollowTheMoney")
    sp.add_argument("--format", required=True, choices=FORMATS, help="what to write")
    unit = sp.add_mutually_exclusive_group()
    unit.add_argument("--facts", dest="unit", action="store_const", const="facts",
                      help="one record per fact (default for graphml, gexf, ftm when linked)")
    unit.add_argument("--events", dest="unit", action="store_const", const="events",
                      help="one record per event (default for plover-jsonl and cameo-csv)")
    sp.add_argument("--actor", action="append", metavar="CODE",
                    help="only records this actor takes part in (repeat: all of them)")
    sp.add_argument("--type", action="append", metavar="T",
                    help="PLOVER type (repeat: any of them)")
    sp.add_argument("--since", type=date_arg, metavar="DATE", help="on or after YYYY[-MM[-DD]]")
    sp.add_argument("--until", type=date_arg, metavar="DATE", help="on or before YYYY[-MM[-DD]]")
    sp.add_argument("-o", "--output", required=True, metavar="FILE",
                    help="file to write; - for stdout")
    sp.set_defaults(func=cmd_export, unit=None)
