"use strict";
// Every piece of document text goes into the page as text nodes (textContent), never as markup.
const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v; else if (k.startsWith("on")) node.addEventListener(k.slice(2), v); else node.setAttribute(k, v);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
};
/** Snippet text with «matches» as <mark> elements. */
function highlighted(text) {
  const span = el("span");
  const parts = String(text || "").split(/[«»]/);
  parts.forEach((part, i) => span.append(i % 2 ? el("mark", {}, part) : document.createTextNode(part)));
  return span;
}
const kindNames = { saksliste: "Saksliste", saksfremlegg: "Saksfremlegg", referat: "Referat", vedtak: "Vedtak", vedlegg: "Vedlegg", other: "Annet" };
let latest = 0;
let debounce;

function params() {
  const p = new URLSearchParams();
  p.set("q", $("q").value);
  p.set("limit", "20");
  if ($("kind").value) p.set("kind", $("kind").value);
  if ($("year").value) p.set("year", $("year").value);
  if ($("cases").checked) p.set("cases", "true");
  return p;
}

async function search() {
  const q = $("q").value.trim();
  if (!q && !$("kind").value && !$("year").value) { $("results").replaceChildren(); $("status").textContent = ""; return; }
  const ticket = ++latest;
  $("status").textContent = "Søker …";
  let body;
  try {
    const response = await fetch("/api/search?" + params().toString());
    body = await response.json();
    if (ticket !== latest) return;
    if (!response.ok) { $("status").textContent = body.error || "Noe gikk galt."; $("results").replaceChildren(); return; }
  } catch (e) { if (ticket === latest) $("status").textContent = "Fikk ikke kontakt med serveren."; return; }
  const list = body.cases || body.hits || [];
  const status = [`${body.total} treff (${Number(body.tookMs).toFixed(1)} ms)`];
  $("status").replaceChildren(status.join(""));
  if (body.suggestion) {
    $("status").append(" – mente du ", el("button", { class: "link", type: "button", onclick: () => { $("q").value = body.suggestion; search(); } }, body.suggestion), "?");
  }
  $("results").replaceChildren(...list.map(body.cases ? caseItem : hitItem));
}

function facts(hit) {
  return [hit.case ? "Sak " + hit.case : null, hit.meeting ? "møte " + hit.meeting : null, hit.date, hit.file ? `${hit.file}:${hit.lines[0]}–${hit.lines[1]}` : null]
    .filter(Boolean).join(" · ");
}

function hitItem(hit) {
  const title = hit.title || kindNames[hit.kind] || hit.kind;
  const heading = hit.case
    ? el("button", { class: "link title", type: "button", onclick: () => openCase(hit.case) }, `Sak ${hit.case}: ${title}`)
    : el("span", { class: "title" }, title);
  return el("li", {}, heading, el("div", { class: "meta" }, el("span", { class: "tag" }, kindNames[hit.kind] || hit.kind), facts(hit)),
    hit.note ? el("p", { class: "meta" }, hit.note) : el("p", { class: "snippet" }, highlighted(hit.snippet)));
}

function caseItem(c) {
  return el("li", {},
    el("button", { class: "link title", type: "button", onclick: () => openCase(c.case) }, `Sak ${c.case}: ${c.title || ""}`),
    el("div", { class: "meta" }, ...c.kinds.map((k) => el("span", { class: "tag" }, kindNames[k] || k)), [c.meeting ? "møte " + c.meeting : null, c.date].filter(Boolean).join(" · ")),
    el("p", { class: "snippet" }, highlighted(c.snippet)));
}

async function openCase(id) {
  const response = await fetch("/api/cases/" + id.split("/").map(encodeURIComponent).join("/"));
  const body = await response.json();
  if (!response.ok) { $("status").textContent = body.error || "Fant ikke saken."; return; }
  $("case-heading").textContent = `Sak ${id}` + (body.sections[0] && body.sections[0].title ? ": " + body.sections[0].title : "");
  const refs = $("case-refs");
  refs.replaceChildren();
  const refLinks = (label, ids) => {
    if (!ids.length) return;
    refs.append(label + " ");
    ids.forEach((r, i) => { if (i) refs.append(", "); refs.append(el("button", { class: "link", type: "button", onclick: () => openCase(r) }, r)); });
    refs.append(". ");
  };
  refLinks("Tidligere behandlet / viser til:", body.references);
  refLinks("Omtalt i:", body.referencedBy);
  $("case-sections").replaceChildren(...body.sections.map((s) => el("article", { class: s.kind === "vedtak" ? "vedtak" : "" },
    el("h3", {}, (kindNames[s.kind] || s.kind) + (s.date ? " · " + s.date : "") + (s.meeting ? " · møte " + s.meeting : "")),
    el("div", { class: "meta" }, `${s.file}:${s.lines[0]}–${s.lines[1]}`),
    el("pre", { class: "text" }, s.text.trim()),
    copyButton(s.text.trim(), `HO21-rådet, møte ${s.meeting || "?"}, sak ${s.case}`))));
  $("case-panel").hidden = false;
  $("case-panel").focus();
}

function copyButton(text, citation) {
  return el("button", { type: "button", class: "secondary", onclick: async (event) => {
    const value = `${text}\n(${citation})`;
    try { await navigator.clipboard.writeText(value); event.target.textContent = "Kopiert"; }
    catch { const area = el("textarea"); area.value = value; document.body.append(area); area.select(); document.execCommand("copy"); area.remove(); event.target.textContent = "Kopiert"; }
  } }, "Kopier tekst med kilde");
}

async function similar() {
  const draft = $("draft").value;
  if (!draft.trim()) { $("similar-status").textContent = "Lim inn et avsnitt først."; return; }
  $("similar-status").textContent = "Leter …";
  const response = await fetch("/api/similar?limit=8", { method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: draft });
  const body = await response.json();
  if (!response.ok) { $("similar-status").textContent = body.error || "Noe gikk galt."; return; }
  $("similar-status").textContent = `${body.passages.length} avsnitt (${Number(body.tookMs).toFixed(0)} ms)`;
  $("similar-results").replaceChildren(...body.passages.map((p) => el("li", {},
    el("div", { class: "title" }, p.citation),
    el("div", { class: "meta" }, `likhet ${p.score.toFixed(2)} · ${p.file}:${p.lines[0]}–${p.lines[1]}` + (p.occurrences.length > 1 ? ` · samme tekst ${p.occurrences.length} steder: ` + p.occurrences.map((o) => o.case ? "sak " + o.case : o.file).join(", ") : "")),
    el("pre", { class: "text" }, p.text),
    copyButton(p.text, p.citation))));
}

$("search-form").addEventListener("submit", (e) => { e.preventDefault(); clearTimeout(debounce); search(); });
$("q").addEventListener("input", () => { clearTimeout(debounce); debounce = setTimeout(search, 250); });
for (const id of ["kind", "year", "cases"]) $(id).addEventListener("change", search);
$("open-similar").addEventListener("click", () => { $("similar-panel").hidden = false; $("draft").focus(); });
$("close-similar").addEventListener("click", () => { $("similar-panel").hidden = true; $("open-similar").focus(); });
$("run-similar").addEventListener("click", similar);
$("close-case").addEventListener("click", () => { $("case-panel").hidden = true; $("q").focus(); });
document.addEventListener("keydown", (e) => {
  if (e.key === "/" && document.activeElement !== $("q") && document.activeElement.tagName !== "TEXTAREA") { e.preventDefault(); $("q").focus(); }
  if (e.key === "Escape" && !$("case-panel").hidden) { $("case-panel").hidden = true; $("q").focus(); }
});
const initial = new URLSearchParams(location.search).get("q");
if (initial) { $("q").value = initial; search(); }
