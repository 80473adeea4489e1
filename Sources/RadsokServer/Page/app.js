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
const kindNames = {
  saksliste: "Saksliste", saksfremlegg: "Saksfremlegg", referat: "Referat", vedtak: "Vedtak",
  forslag: "Forslag til vedtak", vedlegg: "Vedlegg", other: "Annet",
};
const tag = (kind) => el("span", { class: "tag" }, kindNames[kind] || kind);
let latest = 0;
let debounce;
/** The case shown in the case panel, part of the page's address; null when it is closed. */
let shownCase = null;

/** Which list the page shows: "hits" (sections), "cases" (each case once) or "timeline". */
const view = () => document.querySelector('input[name="view"]:checked').value;

/** The query and the filters as the API takes them (limit and cases only for /api/search). */
function params(forSearch) {
  const p = new URLSearchParams();
  p.set("q", $("q").value);
  if ($("kind").value) p.set("kind", $("kind").value);
  if ($("year").value) p.set("year", $("year").value);
  if (forSearch) {
    p.set("limit", "20");
    if (view() === "cases") p.set("cases", "true");
  } else if ($("newest").checked) p.set("newestFirst", "true");
  return p;
}

/** The page's own address for what it shows, so that a reload or Back restores it. */
function pageAddress() {
  const p = new URLSearchParams();
  if ($("q").value) p.set("q", $("q").value);
  if ($("kind").value) p.set("kind", $("kind").value);
  if ($("year").value) p.set("year", $("year").value);
  if (view() !== "hits") p.set("view", view());
  if (view() === "timeline" && $("newest").checked) p.set("newest", "true");
  if (shownCase) p.set("case", shownCase);
  const query = p.toString();
  return location.pathname + (query ? "?" + query : "");
}

/** Sets the controls from the page's address (on load and on Back/Forward). */
function restore() {
  const p = new URLSearchParams(location.search);
  $("q").value = p.get("q") || "";
  $("kind").value = p.get("kind") || "";
  $("year").value = p.get("year") || "";
  const wanted = document.querySelector(`input[name="view"][value="${CSS.escape(p.get("view") || "hits")}"]`);
  (wanted || $("view-hits")).checked = true;
  $("newest").checked = p.get("newest") === "true";
  showViewControls();
  if (p.get("case")) openCase(p.get("case"), false); else hideCase(false);
}

function showViewControls() {
  $("newest-control").hidden = view() !== "timeline";
}

const refresh = () => (view() === "timeline" ? timeline() : search());

/** Puts the page's address in the history (a new entry) or in place of the current one. */
function remember(newEntry) {
  const address = pageAddress();
  if (address === location.pathname + location.search) return;
  if (newEntry) history.pushState(null, "", address); else history.replaceState(null, "", address);
}

/** Runs what the page shows; `remember` adds a history entry (a new search or view), else the
 * address is only updated in place (typing), so Back is not one step per keystroke. */
function run(newEntry) {
  remember(newEntry);
  return refresh();
}

/** Whether there is anything to ask for: words or a filter (the API answers 400 otherwise). */
function hasQuery() {
  if ($("q").value.trim() || $("kind").value || $("year").value) return true;
  $("results").replaceChildren();
  $("timeline").replaceChildren();
  $("status").textContent = "";
  return false;
}

/** Fetches one API answer; null (with the reason in the status line) when it failed or a newer
 * request was made meanwhile. */
async function fetchJSON(path, ticket) {
  $("status").textContent = "Søker …";
  try {
    const response = await fetch(path);
    const body = await response.json();
    if (ticket !== latest) return null;
    if (!response.ok) {
      $("status").textContent = body.error || "Noe gikk galt.";
      $("results").replaceChildren();
      $("timeline").replaceChildren();
      return null;
    }
    return body;
  } catch (e) {
    if (ticket === latest) $("status").textContent = "Fikk ikke kontakt med serveren.";
    return null;
  }
}

async function search() {
  if (!hasQuery()) return;
  const ticket = ++latest;
  const body = await fetchJSON("/api/search?" + params(true).toString(), ticket);
  if (!body) return;
  const list = body.cases || body.hits || [];
  $("status").replaceChildren(`${body.total} treff (${Number(body.tookMs).toFixed(1)} ms)`);
  if (body.suggestion) {
    const retry = () => { $("q").value = body.suggestion; run(true); };
    const button = el("button", { class: "link", type: "button", onclick: retry }, body.suggestion);
    $("status").append(" – mente du ", button, "?");
  }
  $("timeline").hidden = true;
  $("timeline").replaceChildren();
  $("results").hidden = false;
  $("results").replaceChildren(...list.map(body.cases ? caseItem : hitItem));
}

/** The timeline of the query: a histogram of cases and mentions per year, then year by year
 * the meetings with their cases (id, title, date, kinds, decision) and the text outside cases. */
async function timeline() {
  if (!hasQuery()) return;
  const ticket = ++latest;
  const body = await fetchJSON("/api/timeline?" + params(false).toString(), ticket);
  if (!body) return;
  const cases = body.years.reduce((n, y) => n + y.cases, 0);
  const mentions = body.years.reduce((n, y) => n + y.mentions, 0);
  $("status").textContent = `${count(cases, "sak", "saker")} i ${count(body.meetings.length, "møte", "møter")}, `
    + `${count(mentions, "omtale", "omtaler")} (${Number(body.tookMs).toFixed(1)} ms)`;
  $("results").hidden = true;
  $("results").replaceChildren();
  const box = $("timeline");
  box.hidden = false;
  if (!body.meetings.length && !body.mentions.length) { box.replaceChildren(); return; }
  // Years in the answer's order (oldest first unless newestFirst); mentions without a year last.
  const order = body.years.map((y) => y.year);
  const unknownYear = body.mentions.some((m) => m.year == null);
  const groups = [...order, ...(unknownYear ? [null] : [])].map((year) => ({
    year,
    counts: body.years.find((y) => y.year === year),
    meetings: body.meetings.filter((m) => m.year === year),
    mentions: body.mentions.filter((m) => (m.year ?? null) === year),
  })).filter((g) => g.meetings.length || g.mentions.length);
  box.replaceChildren(histogram(body.years), ...groups.map(yearSection));
}

/** Bars per year, oldest on the left whatever the list's order, for cases and for mentions; the
 * bars are drawn for the eye and each year says its counts in words for a screen reader. */
function histogram(years) {
  const max = Math.max(1, ...years.map((y) => Math.max(y.cases, y.mentions)));
  const bar = (kind, count) => {
    const node = el("span", { class: "bar " + kind }, el("span", { class: "count" }, String(count)));
    node.style.height = `${(count / max) * 100}%`;
    return node;
  };
  const columns = [...years].sort((a, b) => a.year - b.year).map((y) => el("li", {},
    el("span", { class: "bars", "aria-hidden": "true" }, bar("cases", y.cases), bar("mentions", y.mentions)),
    el("button", { class: "link year", type: "button", onclick: () => jumpTo(y.year) }, String(y.year),
      el("span", { class: "visually-hidden" }, ": " + yearCounts(y)))));
  return el("figure", { class: "histogram" },
    el("figcaption", {}, "Per år: ", el("span", { class: "key cases" }, "saker"), " og ",
      el("span", { class: "key mentions" }, "omtaler utenfor saker")),
    el("ol", {}, ...columns));
}

function jumpTo(year) {
  const heading = $("year-" + year);
  if (heading) { heading.scrollIntoView({ block: "start" }); heading.focus(); }
}

function yearSection(group) {
  const counts = group.counts ? " – " + yearCounts(group.counts) : "";
  const name = group.year === null ? "Uten år" : String(group.year);
  return el("section", { class: "year" },
    el("h2", { id: "year-" + (group.year ?? "ukjent"), tabindex: "-1" }, name, el("span", { class: "meta" }, counts)),
    ...group.meetings.map((m) => el("div", { class: "meeting" },
      el("h3", {}, `Møte ${m.meeting}`, el("span", { class: "meta" }, " · " + (m.date || "dato ukjent"))),
      el("ol", { class: "results" }, ...m.cases.map(timelineCase)))),
    group.mentions.length ? el("h3", {}, "Omtaler utenfor saker") : null,
    group.mentions.length ? el("ol", { class: "results" }, ...group.mentions.map(mentionItem)) : null);
}

/** A damaged title is shown repaired; the text as the document writes it goes beside it. */
const asWritten = (x) => x.titleAsWritten ? el("span", { class: "meta" }, ` (skrevet: ${x.titleAsWritten})`) : null;

function timelineCase(c) {
  return el("li", {},
    el("div", {},
      el("button", { class: "link title", type: "button", onclick: () => openCase(c.case) }, `Sak ${c.case}`),
      el("span", { class: "title" }, c.title ? ": " + c.title : ""), asWritten(c)),
    el("div", { class: "meta" }, ...c.kinds.map(tag), c.date || "dato ukjent"),
    decisionLine(c.decision),
    c.mentions.length ? el("div", { class: "meta" }, "Omtalt i:") : null,
    c.mentions.length ? el("ul", { class: "mentions" }, ...c.mentions.map(mentionItem)) : null);
}

/** Text outside cases (an annual report, an attachment) that matched: where it stands and why. */
function mentionItem(m) {
  const where = `${m.file}:${m.lines[0]}–${m.lines[1]}` + (m.year ? " · " + m.year : "");
  return el("li", {},
    m.title ? el("span", { class: "title" }, m.title) : null,
    el("div", { class: "meta" }, where),
    el("p", { class: "snippet" }, highlighted(m.snippet)));
}

/** "1 sak", "3 saker": a count with its noun in the right number. */
const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
const yearCounts = (y) => `${count(y.cases, "sak", "saker")}, ${count(y.mentions, "omtale", "omtaler")}`;

function facts(hit) {
  return [hit.case ? "Sak " + hit.case : null, hit.meeting ? "møte " + hit.meeting : null, hit.date, hit.file ? `${hit.file}:${hit.lines[0]}–${hit.lines[1]}` : null]
    .filter(Boolean).join(" · ");
}

function hitItem(hit) {
  const title = hit.title || kindNames[hit.kind] || hit.kind;
  const heading = hit.case
    ? el("button", { class: "link title", type: "button", onclick: () => openCase(hit.case) }, `Sak ${hit.case}: ${title}`)
    : el("span", { class: "title" }, title);
  return el("li", {}, heading, asWritten(hit), el("div", { class: "meta" }, el("span", { class: "tag" }, kindNames[hit.kind] || hit.kind), facts(hit)),
    hit.note ? el("p", { class: "meta" }, hit.note) : el("p", { class: "snippet" }, highlighted(hit.snippet)));
}

function caseItem(c) {
  const where = [c.meeting ? "møte " + c.meeting : null, c.date].filter(Boolean).join(" · ");
  const open = () => openCase(c.case);
  return el("li", {},
    el("button", { class: "link title", type: "button", onclick: open }, `Sak ${c.case}: ${c.title || ""}`), asWritten(c),
    el("div", { class: "meta" }, ...c.kinds.map(tag), where),
    decisionLine(c.decision),
    el("p", { class: "snippet" }, highlighted(c.snippet)));
}

/** A case's adopted decision in one line, or a muted note that the corpus records none. */
function decisionLine(decision) {
  if (!decision) return el("p", { class: "decision none" }, "Ingen vedtak funnet");
  return el("p", { class: "decision", title: `${decision.file}:${decision.lines[0]}–${decision.lines[1]}` },
    el("strong", {}, "Vedtak: "), decision.text);
}

/** Shows a case in the case panel; `newEntry` (a click, not a reload or Back) makes it a step
 * in the history, so Back closes it again. */
async function openCase(id, newEntry = true) {
  const response = await fetch("/api/cases/" + id.split("/").map(encodeURIComponent).join("/"));
  const body = await response.json();
  if (!response.ok) { $("status").textContent = body.error || "Fant ikke saken."; return; }
  shownCase = id;
  if (newEntry) remember(true);
  const first = body.sections[0];
  $("case-heading").textContent = `Sak ${id}` + (first && first.title ? ": " + first.title : "");
  const refs = $("case-refs");
  refs.replaceChildren();
  const caseLink = (r) => el("button", { class: "link", type: "button", onclick: () => openCase(r) }, r);
  // A cited case the index lacks (its package is not in the corpus) is plain text, not a dead link.
  const cited = (c) => c.inIndex ? caseLink(c.case) : el("span", { class: "absent" }, `${c.case} (ikke i indeksen)`);
  const refList = (label, items, render) => {
    if (!items.length) return;
    refs.append(label + " ");
    items.forEach((item, i) => { if (i) refs.append(", "); refs.append(render(item)); });
    refs.append(". ");
  };
  refList("Tidligere behandlet / viser til:", body.cited, cited);
  refList("Omtalt i:", body.referencedBy, caseLink);
  $("case-sections").replaceChildren(...body.sections.map(sectionArticle));
  $("case-panel").hidden = false;
  $("case-panel").focus();
}

function hideCase(newEntry) {
  if ($("case-panel").hidden) return;
  $("case-panel").hidden = true;
  shownCase = null;
  if (newEntry) { remember(true); $("q").focus(); }
}

const markNames = { vedtak: "Vedtak (rådets beslutning)", forslag: "Forslag til vedtak" };

/** One section of a case: a decision or proposal section is marked as such, and one that lies
 * inside a longer section (`decisions`) is marked where it stands in that section's text. */
function sectionArticle(s) {
  const where = (s.date ? " · " + s.date : "") + (s.meeting ? " · møte " + s.meeting : "");
  const badge = markNames[s.kind] ? el("span", { class: "mark-label " + s.kind }, markNames[s.kind]) : null;
  return el("article", { class: markNames[s.kind] ? "marked " + s.kind : "" },
    el("h3", {}, (kindNames[s.kind] || s.kind) + where, badge ? " " : null, badge),
    el("div", { class: "meta" }, `${s.file}:${s.lines[0]}–${s.lines[1]}`),
    sectionText(s),
    copyButton(s.text.trim(), `HO21-rådet, møte ${s.meeting || "?"}, sak ${s.case}`));
}

/** The section's lines (line i of `text` is line lines[0] + i of the file), with each marked
 * range in a block of its own under a label saying whether it was decided or proposed. */
function sectionText(s) {
  const lines = s.text.split("\n");
  let start = 0;
  let end = lines.length;
  while (start < end && !lines[start].trim()) start++;
  while (end > start && !lines[end - 1].trim()) end--;
  const box = el("div", { class: "text" });
  let plain = [];
  const flush = () => { if (plain.length) box.append(el("span", {}, plain.join("\n") + "\n")); plain = []; };
  for (let i = start; i < end; i++) {
    const number = s.lines[0] + i;
    const mark = (s.decisions || []).find((m) => m.lines[0] <= number && number <= m.lines[1]);
    if (!mark) { plain.push(lines[i]); continue; }
    flush();
    const last = Math.min(end - 1, mark.lines[1] - s.lines[0]);
    box.append(el("div", { class: "marked " + mark.kind },
      el("span", { class: "mark-label " + mark.kind }, markNames[mark.kind] || mark.kind),
      el("span", {}, lines.slice(i, last + 1).join("\n"))));
    i = last;
  }
  flush();
  return box;
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

$("search-form").addEventListener("submit", (e) => { e.preventDefault(); clearTimeout(debounce); run(true); });
$("q").addEventListener("input", () => { clearTimeout(debounce); debounce = setTimeout(() => run(false), 250); });
for (const id of ["kind", "year", "newest"]) $(id).addEventListener("change", () => run(true));
for (const radio of document.querySelectorAll('input[name="view"]')) {
  radio.addEventListener("change", () => { showViewControls(); run(true); });
}
window.addEventListener("popstate", () => { restore(); refresh(); });
$("open-similar").addEventListener("click", () => { $("similar-panel").hidden = false; $("draft").focus(); });
$("close-similar").addEventListener("click", () => { $("similar-panel").hidden = true; $("open-similar").focus(); });
$("run-similar").addEventListener("click", similar);
$("close-case").addEventListener("click", () => hideCase(true));
document.addEventListener("keydown", (e) => {
  const typing = document.activeElement === $("q") || document.activeElement.tagName === "TEXTAREA";
  if (e.key === "/" && !typing) { e.preventDefault(); $("q").focus(); }
  if (e.key === "Escape") hideCase(true);
});
restore();
if (location.search) refresh();
