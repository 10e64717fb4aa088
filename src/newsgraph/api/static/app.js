// newsgraph desk: every view is built from the JSON API with DOM calls only.
// Article text is always set as textContent, never parsed as HTML, so markup
// inside a stored article (scripts, handlers, javascript: links) stays text.
"use strict";

const API = "/api/v1";
const main = () => document.getElementById("main");

// --- small helpers -------------------------------------------------------------------

function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const kid of kids.flat(Infinity)) {
    if (kid === null || kid === undefined || kid === false) continue;
    el.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return el;
}

const SVG = "http://www.w3.org/2000/svg";
function s(tag, attrs, ...kids) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
  for (const kid of kids) el.append(kid instanceof Node ? kid : document.createTextNode(kid));
  return el;
}

class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error && body.error.message) || `HTTP ${status}`);
    this.status = status;
    this.code = body && body.error ? body.error.code : null;
  }
}

async function get(path, params) {
  const url = new URL(path.startsWith("/api") ? path : API + path, location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    for (const one of [].concat(v)) if (one !== "" && one !== null && one !== undefined) url.searchParams.append(k, one);
  }
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => null);
  if (!r.ok) throw new ApiError(r.status, body);
  return body;
}

const enc = encodeURIComponent;
const docHref = (docId, eventId) => `/documents/${enc(docId)}` + (eventId ? `#ev-${eventId}` : "");
const actorHref = (code) => `/actors/${enc(code)}`;
const eventHref = (e) => `/events/${enc(e.doc_id)}/${enc(e.id)}`;
const factHref = (id) => `/facts/${enc(id)}`;
const spanHref = (docId, ev) => `/documents/${enc(docId)}` + (ev ? `#span-${ev.start}-${ev.end}` : "");

function actorLinks(codes, texts) {
  const list = (codes || []).filter(Boolean);
  if (!list.length) return h("span", { class: "muted" }, texts || "—");
  return h("span", {}, list.map((c, i) => [i ? ", " : "", h("a", { href: actorHref(c) }, c)]));
}

function typeBadge(type, quad, mode) {
  return h("span", { class: `badge q-${quad || "none"}`, title: quad || "" }, type + (mode ? ` · ${mode}` : ""));
}

function card(title, ...kids) {
  return h("section", { class: "card" }, h("h2", {}, title), ...kids);
}

function empty(text) { return h("p", { class: "muted" }, text); }

function setTitle(t) { document.title = t ? `${t} — newsgraph` : "newsgraph"; }

function render(...kids) {
  const m = main();
  m.replaceChildren(...kids);
}

function failure(err) {
  const msg = err instanceof ApiError ? `${err.code || err.status}: ${err.message}` : String(err);
  render(h("div", { class: "card error", role: "alert" }, h("h1", {}, "Not available"), h("p", {}, msg)));
}

// A list with a "More" button that follows the envelope's `next` link.
function pagedList(first, item, opts = {}) {
  const ul = h(opts.tag || "ul", { class: opts.class || "list" });
  const more = h("button", { type: "button", class: "more" }, "More");
  const add = (page) => {
    for (const it of page.items) ul.append(item(it));
    more.hidden = !page.next;
    more.onclick = async () => add(await get(page.next));
  };
  add(first);
  if (!first.items.length) return empty(opts.empty || "Nothing here.");
  return h("div", {}, ul, more);
}

function eventLine(e, opts = {}) {
  return h("li", { class: "ev" },
    h("div", { class: "ev-head" },
      h("time", {}, e.date || e.published || "undated"), " ",
      typeBadge(e.type, e.quad, e.mode), " ",
      actorLinks(e.source, e.source_text), " → ", actorLinks(e.target, e.target_text),
      e.item ? h("span", { class: "item" }, ` ${e.quantity ? e.quantity + " × " : ""}${e.item}`) : null,
      e.modality !== "asserted" ? h("span", { class: "modality" }, ` (${e.modality})`) : null),
    h("blockquote", {}, e.evidence.text),
    h("div", { class: "ev-foot" },
      h("a", { href: opts.factId ? factHref(opts.factId) : eventHref(e) }, opts.factId ? "fact" : "event"), " · ",
      h("a", { href: docHref(e.doc_id, e.id) }, e.title || e.doc)));
}

// --- views -----------------------------------------------------------------------------

async function dashboard() {
  setTitle("");
  const [sum, docs, claims] = await Promise.all([
    get("/overview", { top: 12 }), get("/documents", { limit: 8 }), get("/claims", { stance: "denies", limit: 6 }),
  ]);
  const facts = sum.facts ? await factsForDashboard() : null;
  const counts = h("dl", { class: "counts" },
    ...[["documents", sum.documents], ["events", sum.events], ["claims", sum.claims],
        ["facts", sum.facts === null ? "—" : sum.facts]]
      .map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, String(v)))));
  const search = h("form", { action: "/search", method: "get", role: "search", class: "bigsearch" },
    h("label", { for: "dash-q" }, "Search the articles"),
    h("div", { class: "row" }, h("input", { id: "dash-q", name: "q", type: "search", placeholder: "e.g. drones Iran" }),
      h("button", { type: "submit" }, "Search")));
  const actors = h("ol", { class: "bars" }, Object.entries(sum.top_actors).map(([code, n]) =>
    h("li", {}, h("a", { href: actorHref(code) }, code),
      h("span", { class: "bar" }, String(n)))));
  scaleBars(actors, Object.values(sum.top_actors));
  const types = h("ol", { class: "bars" }, Object.entries(sum.by_type).map(([t, n]) =>
    h("li", {}, h("span", {}, t), h("span", { class: "bar" }, String(n)))));
  scaleBars(types, Object.values(sum.by_type));
  const latest = h("ul", { class: "list docs" }, docs.items.map((d) => h("li", {},
    h("a", { href: docHref(d.doc_id) }, d.title || d.name),
    h("div", { class: "muted" }, [d.published || "undated", d.outlet, `${d.events} events`].filter(Boolean).join(" · ")))));
  const denials = claims.items.length ? h("ul", { class: "list" }, claims.items.map((c) => h("li", {},
    h("div", {}, h("strong", {}, c.by || c.by_text || "someone"), ` ${c.stance} `, typeBadge(c.type, c.quad), " ",
      actorLinks(c.source), " → ", actorLinks(c.target)),
    h("blockquote", {}, c.evidence.text),
    h("div", { class: "ev-foot" }, h("a", { href: `/events/${enc(c.doc_id)}/${enc(c.event_id)}` }, "event"), " · ",
      h("a", { href: docHref(c.doc_id, c.event_id) }, c.doc))))) : empty("No denials recorded.");
  render(
    h("h1", {}, "Dashboard"),
    h("div", { class: "grid" },
      card("The store", counts, h("p", { class: "muted" }, `published ${sum.published.filter(Boolean).join(" … ") || "—"}`), search),
      ...(facts || []),
      card("Latest documents", latest),
      card("Denials and contested claims", denials),
      card(`Top actors (${sum.top_actors_by})`, actors),
      card("Events by type", types)));
}

function scaleBars(ol, values) {
  const max = Math.max(1, ...values);
  // Width as a class step (w0…w20): the CSP forbids inline style attributes.
  ol.querySelectorAll(".bar").forEach((b, i) => b.classList.add(`w${Math.round((values[i] / max) * 20)}`));
}

async function factsForDashboard() {
  const lists = [
    ["Most-reported facts", { limit: 6 }],
    ["Contested facts", { contested: true, limit: 6 }],
    ["Embargo-flagged facts", { embargo: true, limit: 6 }],
  ];
  const pages = await Promise.all(lists.map(([, p]) => get("/facts", p).catch(() => ({ items: [] }))));
  return lists.map(([title], i) => card(title, pages[i].items.length
    ? h("ul", { class: "list" }, pages[i].items.map(factLine)) : empty("None.")));
}

function factTimelineLine(f) {
  return h("li", { class: "ev" },
    h("div", { class: "ev-head" }, h("time", {}, f.date || f.first_reported || "undated"), " ",
      typeBadge(f.type, f.quad, f.mode), " ", actorLinks(f.source), " → ", actorLinks(f.target),
      f.item ? h("span", { class: "item" }, ` ${f.quantity ? f.quantity + " × " : ""}${f.item}`) : null),
    h("div", { class: "ev-foot" }, h("a", { href: factHref(f.id), class: "fact-link" }, "fact"),
      ` · ${f.independent_sources} source${f.independent_sources === 1 ? "" : "s"}, ${f.reports} report${f.reports === 1 ? "" : "s"}`,
      f.contested ? h("span", { class: "flag" }, " contested") : null,
      f.embargo.length ? h("span", { class: "flag" }, " embargo") : null));
}

function factLine(f) {
  return h("li", {},
    h("a", { href: factHref(f.id), class: "fact-link" }, `${f.type}${f.mode ? " · " + f.mode : ""}: ${(f.source || []).join(", ") || "—"} → ${(f.target || []).join(", ") || "—"}`),
    h("div", { class: "muted" }, [f.date || "undated", f.item, `${f.independent_sources} independent source${f.independent_sources === 1 ? "" : "s"}`,
      `${f.reports} report${f.reports === 1 ? "" : "s"} in ${f.documents} document${f.documents === 1 ? "" : "s"}`, f.contested ? "contested" : null,
      (f.embargo || []).length ? "embargo" : null].filter(Boolean).join(" · ")));
}

async function factPage(id) {
  const f = await get(`/facts/${enc(id)}`);
  setTitle(`${f.type} ${(f.source || []).join(",")}→${(f.target || []).join(",")}`);
  const facts = h("dl", { class: "meta" },
    ...[["type", typeBadge(f.type, f.quad, f.mode)], ["source", actorLinks(f.source)], ["target", actorLinks(f.target)],
        ["item", f.item ? `${f.quantity ? f.quantity + " × " : ""}${f.item}` : "—"],
        ["date", f.date ? `${f.date} (${f.date_precision || "—"})` : "undated"],
        ["first reported", f.first_reported || "—"], ["last reported", f.last_reported || "—"],
        ["independent sources", String(f.independent_sources)], ["documents", String(f.documents)], ["reports", String(f.reports)],
        ["contested", f.contested ? "yes" : "no"],
        ["embargo", (f.embargo || []).map((e) => `${e.regime} (${e.direction || "—"}${e.resolution ? ", " + e.resolution : ""})`).join("; ") || "—"]]
      .map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v))));
  const ledger = (f.ledger || []).length ? h("ol", { class: "timeline" }, f.ledger.map((c) =>
    h("li", { class: `stance-${c.stance}` },
      h("time", {}, c.reported || "undated"),
      h("div", {}, h("strong", {}, c.claimant || c.claimant_text || "unattributed"), ` ${c.stance}`,
        c.outlet ? h("span", { class: "muted" }, ` — ${c.outlet}`) : null),
      c.evidence ? h("blockquote", {}, c.evidence.text || "") : null,
      c.answers ? h("div", { class: "muted" }, `answers ${c.answers.claimant || "a claim"}${c.answers.reported ? " of " + c.answers.reported : ""}`) : null,
      h("a", { href: spanHref(c.doc_id, c.evidence) }, c.doc || "report")))) : empty("No claims recorded.");
  const reports = h("ol", { class: "list reports" });
  render(h("h1", {}, `${f.type}: ${(f.source || []).join(", ") || "—"} → ${(f.target || []).join(", ") || "—"}`),
    h("div", { class: "grid two" }, card("The fact", facts), card("Claim ledger", ledger)),
    card("Reports", reports));
  for (const m of f.mentions || []) reports.append(reportItem(m));
  fillContexts(reports, f.mentions || []);
}

function reportItem(m) {
  return h("li", { class: "report", "data-doc": m.doc_id, "data-start": m.evidence.start, "data-end": m.evidence.end },
    h("div", {}, h("time", {}, m.published || "undated"), " ", h("strong", {}, m.outlet || m.doc),
      m.modality && m.modality !== "asserted" ? ` (${m.modality})` : ""),
    h("p", { class: "context" }, h("mark", {}, m.evidence.text)),
    h("a", { href: docHref(m.doc_id, m.event_id), class: "report-link" }, "read it in the article"));
}

// The report's sentence inside its article: a window of the clean body around the span.
async function fillContexts(list, mentions) {
  const docs = {};
  for (const m of mentions.slice(0, 30)) {
    docs[m.doc_id] = docs[m.doc_id] || get(`/documents/${enc(m.doc_id)}`).catch(() => null);
  }
  for (const li of list.querySelectorAll("li.report")) {
    const d = await docs[li.dataset.doc];
    if (!d) continue;
    const a = Number(li.dataset.start), b = Number(li.dataset.end);
    const from = Math.max(0, d.body.lastIndexOf("\n", a - 1) + 1, a - 300);
    let to = d.body.indexOf("\n", b); to = to < 0 ? d.body.length : Math.min(to, b + 300);
    li.querySelector(".context").replaceChildren(
      from > 0 ? "… " : "", d.body.slice(from, a), h("mark", {}, d.body.slice(a, b)), d.body.slice(b, to), to < d.body.length ? " …" : "");
  }
}

async function eventPage(docId, eventId) {
  const e = await get(`/events/${enc(docId)}/${enc(eventId)}`);
  setTitle(`${e.type} event`);
  const meta = h("dl", { class: "meta" },
    ...[["type", typeBadge(e.type, e.quad, e.mode)], ["source", actorLinks(e.source, e.source_text)],
        ["target", actorLinks(e.target, e.target_text)], ["item", e.item ? `${e.quantity ? e.quantity + " × " : ""}${e.item}` : "—"],
        ["date", e.date ? `${e.date} (${e.date_precision})` : "undated"], ["modality", e.modality],
        ["published", e.published || "—"], ["confidence", String(e.confidence)], ["coder", e.coder]]
      .map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v))));
  const claims = e.claims.length ? h("ul", { class: "list" }, e.claims.map((c) =>
    h("li", { class: `stance-${c.stance}` }, h("strong", {}, c.by || c.by_text || "unattributed"), ` ${c.stance}`))) : empty("No claim attached.");
  const facts = (e.facts || []).length ? h("p", {}, "Reports fact ", e.facts.map((id, i) => [i ? ", " : "", h("a", { href: factHref(id), class: "fact-link" }, id)])) : null;
  render(h("h1", {}, `${e.type}: ${(e.source || []).join(", ") || "—"} → ${(e.target || []).join(", ") || "—"}`),
    h("div", { class: "grid two" }, card("The event", meta, facts), card("Claims", claims)),
    card("Report", h("blockquote", {}, e.evidence.text),
      h("a", { href: docHref(e.doc_id, e.id), class: "report-link" }, `read it in ${e.title || e.doc}`)));
}

async function actorPage(code) {
  const params = new URLSearchParams(location.search);
  const filt = { type: params.getAll("type"), since: params.get("since") || "", until: params.get("until") || "" };
  const meta = await get("/meta");
  const byFacts = meta.linked;
  const [a, tl] = await Promise.all([get(`/actors/${enc(code)}`, filt),
    get(`/actors/${enc(code)}/${byFacts ? "facts" : "timeline"}`, { ...filt, limit: 15 })]);
  setTitle(a.name);
  const holders = a.office_holders.filter((o) => !o.to).slice(0, 6);
  const form = h("form", { class: "filters", method: "get", action: actorHref(a.code) },
    h("label", {}, "Type ", h("select", { name: "type" }, h("option", { value: "" }, "any"),
      meta.types.map(({ type: t }) => h("option", { value: t, selected: filt.type.includes(t) }, t)))),
    h("label", {}, "From ", h("input", { name: "since", value: filt.since, placeholder: "YYYY-MM-DD", size: 10 })),
    h("label", {}, "To ", h("input", { name: "until", value: filt.until, placeholder: "YYYY-MM-DD", size: 10 })),
    h("button", { type: "submit" }, "Filter"));
  const header = h("div", { class: "card" },
    h("h1", {}, `${a.name} `, h("span", { class: "code" }, a.code)),
    h("p", { class: "muted" }, [a.kind, a.sector, `${a.events} events (${a.as_source} as source, ${a.as_target} as target)`].filter(Boolean).join(" · ")),
    holders.length ? h("p", {}, "Office holders: ", holders.map((o, i) => [i ? "; " : "", `${o.name} (${o.office.replaceAll("_", " ")})`])) : null,
    form);
  render(header, h("div", { class: "grid two wide-left" },
    card(byFacts ? "Timeline of facts" : "Timeline of events",
      pagedList(tl, byFacts ? factTimelineLine : (e) => eventLine(e), { class: "list timeline-events", empty: "Nothing matches." })),
    card("Partners", network(a), legend(), partnerTable(a))));
}

const QUADS = ["verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict"];

function legend() {
  return h("ul", { class: "legend" }, QUADS.map((q) => h("li", {}, h("span", { class: `swatch q-${q}` }), q.replace("-", " "))));
}

function partnerTable(a) {
  if (!a.partners.length) return empty("No partners in these events.");
  return h("table", { class: "partners" },
    h("thead", {}, h("tr", {}, h("th", {}, "partner"), h("th", {}, a.unit), h("th", {}, "types"))),
    h("tbody", {}, a.partners.slice(0, 20).map((p) => h("tr", {},
      h("td", {}, h("a", { href: actorHref(p.code) }, p.code), " ", h("span", { class: "muted" }, p.name === p.code ? "" : p.name)),
      h("td", {}, String(p.events)),
      h("td", {}, Object.entries(p.by_type).map(([t, n]) => `${t} ${n}`).join(", "))))));
}

// The actor in the middle, partners on a circle; one arc per (partner, type), coloured
// by the type's quad class, its width by the number of events.
function network(a) {
  const W = 420, H = 420, cx = W / 2, cy = H / 2, R = 160;
  const ps = a.partners.slice(0, 24);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "network", role: "img", "aria-label": `${a.code} and its partners` });
  ps.forEach((p, i) => {
    const ang = (2 * Math.PI * i) / Math.max(ps.length, 1) - Math.PI / 2;
    const x = cx + R * Math.cos(ang), y = cy + R * Math.sin(ang);
    const types = p.types;
    types.forEach(({ type: t, quad, events: n }, k) => {
      const bend = (k - (types.length - 1) / 2) * 18;
      const mx = (cx + x) / 2 - bend * Math.sin(ang), my = (cy + y) / 2 + bend * Math.cos(ang);
      const path = s("path", { d: `M${cx},${cy} Q${mx},${my} ${x},${y}`, class: `edge q-${quad || "none"}`, "stroke-width": Math.min(1.5 + n * 1.2, 9) },
        s("title", {}, `${a.code} – ${p.code}: ${t} × ${n} ${a.unit}`));
      svg.append(path);
    });
    const link = s("a", { href: actorHref(p.code) },
      s("circle", { cx: x, cy: y, r: 6 + Math.min(p.events, 12), class: "node" }),
      s("text", { x, y: y + 4, "text-anchor": "middle", class: "label" }, p.code),
      s("title", {}, `${p.name}: ${p.events} ${a.unit} (${p.cooperation} cooperation, ${p.conflict} conflict)`));
    svg.append(link);
  });
  svg.append(s("circle", { cx, cy, r: 26, class: "node self" }), s("text", { x: cx, y: cy + 5, "text-anchor": "middle", class: "label self" }, a.code));
  return svg;
}


async function documentPage(docId) {
  const d = await get(`/documents/${enc(docId)}`);
  setTitle(d.title || d.name);
  const body = h("div", { class: "body", id: "doc-body" }, ...highlighted(d.body, d.events));
  const removed = d.removed.length ? h("details", { class: "removed" },
    h("summary", {}, `Removed boilerplate (${d.removed.length} lines)`),
    h("ul", {}, d.removed.map((line) => h("li", {}, line)))) : empty("Cleaning removed nothing.");
  const evs = d.events.length ? h("ol", { class: "list" }, d.events.map((e) => h("li", {},
    h("a", { href: `#ev-${e.id}`, class: "jump" }, h("span", {}, `${e.type}${e.mode ? " · " + e.mode : ""}`)), " ",
    actorLinks(e.source, e.source_text), " → ", actorLinks(e.target, e.target_text), " ",
    h("a", { href: eventHref(e), class: "muted" }, "details"),
    (e.facts || []).map((id) => [" · ", h("a", { href: factHref(id), class: "muted" }, "fact")])))) : empty("No events found in this article.");
  render(h("div", { class: "grid two wide-left doc-grid" },
    h("article", { class: "card doc" },
      h("h1", {}, d.title || d.name),
      h("p", { class: "muted" }, [d.published ? `published ${d.published}` : "undated", d.outlet, d.author, d.languages.join(", ")].filter(Boolean).join(" · "),
        d.url ? [" · ", h("a", { href: safeUrl(d.url), rel: "noopener noreferrer nofollow" }, "source")] : null,
        d.copy_of ? [" · copy of ", h("a", { href: docHref(d.copy_of) }, d.copy_of.slice(0, 12))] : null),
      body, removed),
    card("Events in this article", evs)));
  window.addEventListener("hashchange", () => focusEvent(d), { once: false });
  focusEvent(d);
}

// Only http(s) links leave the desk; anything else (javascript:, data:) is not a link.
function safeUrl(u) {
  try { const url = new URL(u); return ["http:", "https:"].includes(url.protocol) ? url.href : "#"; } catch { return "#"; }
}

// The body cut at every evidence boundary; each piece inside a span is a <mark> that
// knows the spans covering it, so overlapping or repeated sentences still highlight.
function highlighted(body, events) {
  const cuts = new Set([0, body.length]);
  for (const e of events) { cuts.add(e.evidence.start); cuts.add(e.evidence.end); }
  const pts = [...cuts].sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i], b = pts[i + 1];
    const covering = events.filter((e) => e.evidence.start <= a && e.evidence.end >= b);
    const text = body.slice(a, b);
    if (!covering.length) { out.push(text); continue; }
    out.push(h("mark", { "data-events": covering.map((e) => e.id).join(" "), "data-start": a, "data-end": b,
      title: covering.map((e) => e.type).join(", "), class: `q-${covering[0].quad || "none"}` }, text));
  }
  return out;
}

// `#ev-ID` (an event) or `#span-START-END` (a ledger entry's evidence) marks its pieces.
function focusEvent(d) {
  const ev = /^#ev-([0-9a-f]{16})$/.exec(location.hash);
  const sp = /^#span-(\d+)-(\d+)$/.exec(location.hash);
  document.querySelectorAll("mark.current").forEach((x) => x.classList.remove("current"));
  if (!ev && !sp) return;
  const marks = [...document.querySelectorAll("#doc-body mark")].filter((x) => ev
    ? x.dataset.events.split(" ").includes(ev[1])
    : Number(x.dataset.start) >= Number(sp[1]) && Number(x.dataset.end) <= Number(sp[2]));
  marks.forEach((x) => x.classList.add("current"));
  if (marks.length) {
    marks[0].setAttribute("tabindex", "-1");
    marks[0].scrollIntoView({ block: "center" });
    marks[0].focus({ preventScroll: true });
  }
}

async function searchPage() {
  const q = new URLSearchParams(location.search).get("q") || "";
  setTitle(q ? `search: ${q}` : "search");
  const form = h("form", { action: "/search", method: "get", role: "search", class: "bigsearch" },
    h("label", { for: "search-q" }, "Words or FTS5 syntax (\"arms supplies\" AND Iran)"),
    h("div", { class: "row" }, h("input", { id: "search-q", name: "q", type: "search", value: q }), h("button", { type: "submit" }, "Search")));
  if (!q) { render(h("h1", {}, "Search"), card("Search the articles", form)); form.querySelector("input").focus(); return; }
  const page = await get("/search", { q, limit: 20 });
  render(h("h1", {}, "Search"), card("Search the articles", form),
    card(`Results for “${q}”`, pagedList(page, (hit) => h("li", { class: "hit" },
      h("a", { href: docHref(hit.doc_id) }, hit.title || hit.name),
      h("div", { class: "muted" }, [hit.published || "undated", hit.outlet, `${hit.events} events`].filter(Boolean).join(" · ")),
      h("p", { class: "snippet" }, hit.snippet.map((p) => p.match ? h("b", {}, p.text) : p.text))),
    { class: "list results", empty: "No article matches." })));
}

// --- routing ---------------------------------------------------------------------------

const ROUTES = [
  [/^\/$/, dashboard],
  [/^\/search$/, searchPage],
  [/^\/facts\/([^/]+)$/, factPage],
  [/^\/events\/([^/]+)\/([0-9a-f]{16})$/, eventPage],
  [/^\/actors\/([^/]+)$/, actorPage],
  [/^\/documents\/([^/]+)$/, documentPage],
];

async function route() {
  for (const [re, view] of ROUTES) {
    const m = re.exec(location.pathname);
    if (!m) continue;
    try {
      await view(...m.slice(1).map(decodeURIComponent));
    } catch (err) {
      failure(err);
    }
    document.body.dataset.ready = "1"; // tests wait for this
    return;
  }
  failure(new Error("no such page"));
  document.body.dataset.ready = "1";
}

document.addEventListener("keydown", (ev) => {
  const tag = (ev.target && ev.target.tagName) || "";
  if (ev.key === "/" && !["INPUT", "TEXTAREA", "SELECT"].includes(tag)) {
    ev.preventDefault();
    document.getElementById("quick-q").focus();
  }
});

document.addEventListener("DOMContentLoaded", route);
