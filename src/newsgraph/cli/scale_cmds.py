"""`newsgraph load` (Parquet shards into the store) and `ingest --engine ray`."""

from __future__ import annotations

import argparse
import sys

from .common import db_parent


def _no_ray() -> int:
    from ..scale import INSTALL

    print(f"newsgraph: --engine ray needs Ray: {INSTALL}", file=sys.stderr)
    return 2


def ingest_on_ray(args: argparse.Namespace) -> int:
    from ..scale import ray_available

    if not ray_available():
        return _no_ray()
    from ..scale.ingest import ingest

    try:
        summary = ingest(args.paths, args.db, args.shards, workers=args.processes,
                         address=args.address, max_bytes=args.max_bytes, coder=args.coder,
                         min_confidence=args.min_confidence,
                         log=lambda line: print(f"newsgraph: {line}", file=sys.stderr))
    except FileExistsError as e:
        print(f"newsgraph: {e} (choose another --shards)", file=sys.stderr)
        return 2
    print(f"{args.db}: {summary.line()}; shards in {args.shards}")
    return 0 if summary.ok else 1


def cmd_load(args: argparse.Namespace) -> int:
    from ..scale import ray_available

    if not ray_available():  # pyarrow comes with the same extra
        return _no_ray()
    from ..scale.load import load, shard_files

    if not shard_files(args.shards):
        print("newsgraph: no Parquet shards found", file=sys.stderr)
        return 1
    summary = load(args.shards, args.db)
    print(f"{args.db}: {summary.line()}")
    return 0 if summary.ok else 1


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("load", parents=[db_parent()],
                        help="load Parquet shards of an --engine ray run into the store")
    sp.add_argument("shards", nargs="+", metavar="SHARDS",
                    help="shard folders (or their .parquet files)")
    sp.set_defaults(func=cmd_load)
