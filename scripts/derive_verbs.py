"""Derive `events/data/verbs_cameo.tsv` from PETRARCH2's CAMEO verb dictionary.

Usage: python scripts/derive_verbs.py [CAMEO.2.0.txt] [CAMEO2PLOVER-2021.txt] [OUT.tsv]

Each verb line of a block takes its own `[code]` or else the block's default code;
single-noun patterns (`- * SANCTIONS [163]`) become (verb, object) rows, the light-verb
constructions. CAMEO codes are mapped to PLOVER with the official table, patched for its
known gaps: 01x are plain statements (no event) except 015 (acknowledge → CONCEDE) and 016
(deny → REJECT/deny); 02x are appeals (REQUEST); 163 (impose sanctions) is SANCTION.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
OUT = (Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "events" / "data"
       / "verbs_cameo.tsv")

HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]+)\]\s+---")
VERB = re.compile(r"^([A-Z][A-Z_\-]*)\s*(?:\{[^}]*\})?\s*(?:\[([0-9]+)\])?\s*(?:#.*)?$")
PATTERN = re.compile(r"^-\s+\*\s+(\{[A-Z\- ]+\}|[A-Z\-]+)\s+\[([0-9]+)\]\s*(?:#\s*([A-Z_ ,]+))?")
PATCH = {"015": ("CONCEDE", None), "016": ("REJECT", "deny"), "163": ("SANCTION", None)}


def plover_table(path: Path) -> dict[str, tuple[str, str | None]]:
    table: dict[str, tuple[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d+):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?", line)
        if not m:
            continue
        code, ptype = m.group(1), m.group(2)
        mode = (m.group(3) or "").strip() or (m.group(4) or "").strip().split(";")[0].strip()
        table.setdefault(code, (ptype, mode or None))
    return table


def to_plover(code: str, table: dict) -> tuple[str, str | None] | None:
    if code in PATCH:
        return PATCH[code]
    if code.startswith("01"):
        return None
    if code.startswith("02"):
        return ("REQUEST", None)
    for n in (len(code), 3, 2):
        if code[:n] in table:
            return table[code[:n]]
    return None


def derive(cameo: Path, c2p: Path) -> list[tuple[str, str, str, str, str]]:
    table = plover_table(c2p)
    rows: dict[tuple[str, str], tuple[str, str, str]] = {}
    default = None
    verbs: list[str] = []
    for raw in cameo.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.rstrip()
        h = HEADER.match(line)
        if h:
            default = h.group(2) if h.group(2).isdigit() else None
            verbs = []
            continue
        if default is None and not verbs and not line:
            continue
        p = PATTERN.match(line)
        if p and verbs:
            obj = p.group(1).strip("{}").split()[-1].lower()
            mapped = to_plover(p.group(2), table)
            # the comment names the verb(s) the pattern was found with
            named = {w.strip().lower().replace("_", " ") for w in (p.group(3) or "").split(",")}
            for v in [v for v in verbs if v in named] or verbs[:1]:
                key = (v, obj)
                if key not in rows:
                    rows[key] = (p.group(2), *(mapped or ("", "")))
            continue
        v = VERB.match(line)
        if v and not line.startswith(("-", "+", "&", "#")):
            lemma = v.group(1).lower().replace("_", " ")
            verbs.append(lemma)
            code = v.group(2) or default
            if code:
                mapped = to_plover(code, table)
                rows.setdefault((lemma, ""), (code, *(mapped or ("", ""))))
    return [(k[0], k[1], c, t or "", m or "") for k, (c, t, m) in sorted(rows.items())]


def main(argv: list[str]) -> None:
    cameo = Path(argv[1]) if len(argv) > 1 else SHARED / "petrarch" / "CAMEO.2.0.txt"
    c2p = Path(argv[2]) if len(argv) > 2 else SHARED / "plover" / "CAMEO2PLOVER-2021.txt"
    out = Path(argv[3]) if len(argv) > 3 else OUT
    rows = derive(cameo, c2p)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        f.write("# Derived by scripts/derive_verbs.py from PETRARCH2 CAMEO.2.0.txt (MIT, Open "
                "Event Data Alliance) mapped with CAMEO2PLOVER-2021.txt (CC BY-SA 4.0)\n")
        f.write("lemma\tobject\tcameo\tplover\tmode\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{len(rows)} rows -> {out}")


if __name__ == "__main__":
    main(sys.argv)
