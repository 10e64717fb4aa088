"""Formatting stored records for people: event tables, `show` and `summary` text."""

from __future__ import annotations


def actors_text(codes: list, text: str | None) -> str:
    named = ",".join(c for c in codes if c)
    return named or (f'"{text}"' if text else "-")


def table_event(e: dict) -> dict:
    return {
        **e,
        "id": e["id"][:8],
        "mode": e["mode"],
        "source": actors_text(e["source"], e["source_text"]),
        "target": actors_text(e["target"], e["target_text"]),
        "item": " ".join(x for x in (e["quantity"], e["item"]) if x) or None,
        "claims": ",".join(f"{c['by'] or '?'}:{c['stance']}" for c in e["claims"]) or None,
        "date": e["date"] or None,
        "type": e["type"] if e["modality"] == "asserted" else f"{e['type']}?{e['modality'][:3]}",
        "evidence": e["evidence"]["text"],
    }


def event_lines(i: int, e: dict) -> list[str]:
    head = f"{i:>3}. {e['type']}" + (f"/{e['mode']}" if e["mode"] else "")
    src = actors_text(e["source"], e["source_text"])
    head += f"  {src} → {actors_text(e['target'], e['target_text'])}"
    if e["item"]:
        head += f"  item: {' '.join(x for x in (e['quantity'], e['item']) if x)}"
    if e["date"]:
        head += f"  date: {e['date']} ({e['date_precision'] or '?'})"
    if e["modality"] != "asserted":
        head += f"  [{e['modality']}]"
    lines = [head]
    for c in e["claims"]:
        who = c["by"] or "?"
        if c.get("by_text"):
            who += f" ({c['by_text']})"
        lines.append(f"     claim: {who} {c['stance']}")
    lines.append(f"     “{' '.join(e['evidence']['text'].split())}”")
    return lines


def show_text(d: dict) -> str:
    out = [d["title"] or "(no title)", "=" * min(len(d["title"] or "(no title)"), 100)]
    fields = [
        ("doc", f"{d['name']}  (id {d['doc_id'][:16]})"),
        ("origin", d["origin"]),
        ("published", f"{d['published']} (found in {d['published_source']})"
         if d["published"] else "unknown"),
        ("outlet", d["outlet"]), ("author", d["author"]), ("url", d["url"]),
        ("languages", ", ".join(d["languages"]) or "-"),
        ("cleaning", f"{len(d['removed'])} lines removed, {d['sentences']} sentences kept"),
    ]
    out += [f"{k:<10} {v}" for k, v in fields if v]
    out += ["", d["body"].strip(), "", f"--- {len(d['events'])} events ---"]
    for i, e in enumerate(d["events"], 1):
        out += event_lines(i, e)
    return "\n".join(out) + "\n"


def counts_text(c: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in c.items()) or "-"


def summary_text(s: dict, db: str) -> str:
    first, last = s["published"]
    out = [
        f"{db}: {s['documents']} documents ({s['documents_with_events']} with events), "
        f"{s['sentences']} sentences"
        + (f", published {first} … {last}" if first else ""),
        f"languages (documents): {counts_text(s['languages'])}",
        "",
        f"Events: {s['events']}   by modality: {counts_text(s['by_modality'])}",
    ]
    top = max(s["by_type"].values(), default=1)
    for t, n in s["by_type"].items():
        out.append(f"  {t:<10} {n:>5}  {'█' * max(1, round(30 * n / top))}")
    out += [
        f"Claims: {s['claims']}   {counts_text(s['claims_by_stance'])}",
        f"Arms transfers (AID with an item): {counts_text(s['arms_transfers'])}",
        f"Top actors (events): {counts_text(s['top_actors'])}",
        "",
        "Top actor pairs (source → target):",
    ]
    for p in s["top_pairs"]:
        out.append(f"  {p['source']:>6} → {p['target']:<6} {p['type']:<10} {p['n']:>4}")
    if s["examples"]:
        out += ["", "Example events (newsgraph show DOC for the whole article):"]
        for i, e in enumerate(s["examples"], 1):
            out += event_lines(i, e)
            out.append(f"     doc: {e['doc']}")
    out += ["", "Next: newsgraph events --actor CODE | newsgraph show DOC | newsgraph search WORDS"]
    return "\n".join(out) + "\n"
