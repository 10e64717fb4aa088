"""What the UI colours by: the PLOVER quad class of each type, and actor names and
office holders from the actor dictionary (read from the package's data files)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def quads() -> dict[str, str]:
    path = resources.files("newsgraph.events") / "data" / "ontology.yaml"
    types = yaml.safe_load(path.read_text("utf-8"))["types"]
    return {t: v["quad"] for t, v in types.items()}


def quad(event_type: str) -> str | None:
    return quads().get(event_type)


@cache
def _holders() -> dict[str, list[dict[str, Any]]]:
    from ..actors.dictionary import load

    out: dict[str, list[dict[str, Any]]] = {}
    for p in load("offices.yaml").get("people", []):
        for t in p.get("terms", []):
            out.setdefault(t["code"], []).append({
                "name": p["name"], "office": t.get("title") or t["office"],
                "from": str(t["from"]) if t.get("from") else None,
                "to": str(t["to"]) if t.get("to") else None,
            })
    for terms in out.values():
        terms.sort(key=lambda h: (h["to"] is not None, h["to"] or "", h["name"]), reverse=False)
    return out


def actor_info(code: str) -> dict[str, Any]:
    """Name, kind, sector and office holders (current first) of a code."""
    from ..actors.dictionary import codes

    a = codes().get(code)
    return {
        "code": code,
        "name": a.name if a else code,
        "kind": a.kind if a else None,
        "sector": a.sector if a else None,
        "office_holders": _holders().get(code, []),
    }
