"""`newsgraph serve`: the JSON API and the web UI over a store, on uvicorn."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import db_parent, positive, usage_error


def read_token(path: str) -> str | None:
    token = Path(path).read_text(encoding="utf-8").strip()
    return token or None


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from ..api import create_app

    token = None
    if args.token_file:
        try:
            token = read_token(args.token_file)
        except OSError as e:
            return usage_error(f"cannot read --token-file: {e}")
        if token is None:
            return usage_error(f"--token-file {args.token_file} is empty")
    app = create_app(args.db, token=token, max_body=args.max_body)
    where = f"http://{args.host}:{args.port}/"
    print(f"newsgraph: serving {args.db} at {where}"
          + (" (ingest over HTTP enabled)" if token else " (read-only)"), file=sys.stderr,
          flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level,
                access_log=args.log_level == "info", workers=1)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("serve", parents=[db_parent()],
                        help="the JSON API and web UI over the store")
    sp.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    sp.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    sp.add_argument("--token-file", metavar="F",
                    help="file holding the bearer token that enables POST /api/v1/documents")
    sp.add_argument("--max-body", type=positive, default=20_000_000, metavar="N",
                    help="largest request body accepted, in bytes (default 20,000,000)")
    sp.add_argument("--log-level", default="warning",
                    choices=("critical", "error", "warning", "info", "debug"),
                    help="uvicorn's log level (default warning; info logs each request)")
    sp.set_defaults(func=cmd_serve)
