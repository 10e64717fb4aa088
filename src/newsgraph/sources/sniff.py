"""Guessing what stdin holds: JSONL, HTML or a text dump."""

from __future__ import annotations

import json
import re

_HTML = re.compile(rb"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<(div|p|article)[\s>]", re.I)


def sniff_kind(data: bytes) -> str:
    head = data.lstrip()[:4096]
    if head.startswith(b"{"):
        first = data.lstrip().split(b"\n", 1)[0]
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            pass
    if _HTML.search(head):
        return "html"
    return "text"
