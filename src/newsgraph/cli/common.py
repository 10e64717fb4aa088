"""What every command module shares: the store connection, error printing, argument types."""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Any

from ..errors import NewsgraphError

DEFAULT_DB = "newsgraph.db"
FORMATS = ("table", "jsonl", "csv")


class Unavailable(Exception):
    """A command whose module is not part of this build (yet)."""


def need(module: str, *names: str) -> Any:
    """Import `module` lazily (so one missing piece never breaks the whole CLI)."""
    try:
        mod = importlib.import_module(module)
    except ImportError as e:
        raise Unavailable(f"{module} cannot be imported ({e})") from e
    missing = [n for n in names if not hasattr(mod, n)]
    if missing:
        raise Unavailable(f"{module} has no {', '.join(missing)}")
    return mod


class ErrorCount:
    """Prints each error on stderr and counts them."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self, err: NewsgraphError) -> None:
        self.n += 1
        print(f"newsgraph: {err.line()}", file=sys.stderr, flush=True)


class open_db:
    """A connection to an existing store, closed on exit."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.path = args.db

    def __enter__(self):
        from ..store import connect

        self.conn = connect(self.path, create=False)
        return self.conn

    def __exit__(self, *exc) -> None:
        self.conn.close()


def usage_error(msg: str) -> int:
    print(f"newsgraph: {msg}", file=sys.stderr)
    return 2


def date_arg(value: str) -> str:
    from ..store.query import check_date

    try:
        return check_date(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from e


def positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return n


def db_parent() -> argparse.ArgumentParser:
    """`--db` accepted after the command name too."""
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", default=argparse.SUPPRESS, help="SQLite store")
    return db


def reading(sp: argparse.ArgumentParser) -> None:
    """The input arguments of every command that reads documents."""
    from ..sources import DEFAULT_MAX_BYTES

    sp.add_argument("paths", nargs="+", metavar="PATH",
                    help="files or folders (.txt .html .htm .jsonl, also .gz); - reads stdin")
    sp.add_argument("--max-bytes", type=positive, default=DEFAULT_MAX_BYTES,
                    help=f"skip larger files with an error (default {DEFAULT_MAX_BYTES:,})")
