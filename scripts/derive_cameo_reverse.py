"""Derive export/data/cameo_reverse.yaml: PLOVER (type, mode) -> one CAMEO code.

Reads the CAMEO -> PLOVER conversion table of the PLOVER manual (draft 0.8, 2021,
kept in ../shared/data/plover/, not in this repository) and reverses it. The table is
many-to-one (about 280 CAMEO codes onto 16 types), so the reverse picks, for each
PLOVER type, mode and context, the most general CAMEO code (fewest digits, then lowest)
and records how many codes fold into it. Run from the repository root:

    python scripts/derive_cameo_reverse.py ../shared/data/plover/CAMEO2PLOVER-2021.txt
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

OUT = Path("src/newsgraph/export/data/cameo_reverse.yaml")
LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#(.*))?$")


def parse(path: Path) -> list[dict[str, str]]:
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        m = LINE.match(raw.strip())
        if m:
            code, ptype, mode, context, desc = m.groups()
            rows.append({"code": code, "type": ptype, "mode": (mode or "").strip(),
                         "context": (context or "").strip().split(";")[0].strip(),
                         "desc": (desc or "").strip()})
    return rows


class Code(str):
    """A CAMEO code, always written quoted ('09' must not load as a number)."""


yaml.SafeDumper.add_representer(
    Code, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style="'"))


def general(codes: list[str]) -> Code:
    return Code(min(codes, key=lambda c: (len(c), c)))


def derive(rows: list[dict[str, str]]) -> dict:
    by_type: dict[str, list[str]] = defaultdict(list)
    by_mode: dict[tuple[str, str], list[str]] = defaultdict(list)
    by_context: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in rows:
        by_type[r["type"]].append(r["code"])
        if r["mode"]:
            by_mode[(r["type"], r["mode"])].append(r["code"])
        if r["context"]:
            by_context[(r["type"], r["context"])].append(r["code"])
    out: dict = {"types": {}}
    for t in sorted(by_type):
        root = general(by_type[t])
        entry = {"code": root, "codes": len(by_type[t]),
                 "modes": {}, "contexts": {}}
        for (tt, mode), codes in sorted(by_mode.items()):
            if tt == t:
                entry["modes"][mode] = {"code": general(codes), "codes": len(codes)}
        for (tt, ctx), codes in sorted(by_context.items()):
            if tt == t:
                entry["contexts"][ctx] = {"code": general(codes), "codes": len(codes)}
        out["types"][t] = entry
    return out


HEADER = """\
# PLOVER -> CAMEO, derived by scripts/derive_cameo_reverse.py from the CAMEO -> PLOVER
# table of the PLOVER manual (draft 0.8, 17 September 2021). Do not edit by hand.
# The table is many-to-one, so this reverse is not one-to-one: each entry gives the most
# general CAMEO code (fewest digits, then lowest) of the codes that map onto it, and
# `codes` says how many CAMEO codes fold into it (1 = exact round trip). Lookup order
# when exporting: type + mode, else type + context (newsgraph's AID modes military,
# economic and humanitarian are PLOVER contexts), else the type's root code.
"""


def main(argv: list[str]) -> int:
    src = Path(argv[1] if len(argv) > 1 else "../shared/data/plover/CAMEO2PLOVER-2021.txt")
    data = derive(parse(src))
    OUT.write_text(HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                   encoding="utf-8")
    n = sum(e["codes"] for e in data["types"].values())
    print(f"{OUT}: {len(data['types'])} types from {n} CAMEO codes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
