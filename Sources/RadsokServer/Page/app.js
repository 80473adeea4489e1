"use strict";
// The search page: the query and filters in, hits or cases (or a timeline) out, as you type;
// every hit opens, paging to all of them, the state in the address. Loaded after dom.js,
// format.js, address.js, reader.js, similar.js and timeline.js, whose functions it uses.

/** What the page shows now; the address is made from it (`addressOf`). */
let state = emptyState();
/** Each search takes a ticket; an answer whose ticket is not the latest is dropped. */
let ticket = 0;
let debounce;
/** The list shown: the query it was asked with, how many hits are shown of how many. */
let listed = null;
/** The hit that opened the reading panel (its `data-key`): focus goes back to it on close. */
let openerKey = null;
/** Parts of the address that could not be used, shown until the user searches anew. */
let addressProblems = [];
const pageSize = 20;

const tag = (kind) => el("span", { class: "tag" }, kindName(kind));

/** A damaged title is shown repaired; the text as the document writes it goes beside it. */
const asWritten = (x) => x.titleAsWritten ? el("span", { class: "meta" }, ` (skrevet: ${x.titleAsWritten})`) : null;

// MARK: Controls and address

function stateFromControls() {
  state.q = $("q").value;
  state.kind = $("kind").value;
  state.year = $("year").value.trim();
  state.view = document.querySelector('input[name="view"]:checked').value;
  state.sort = $("sort").value;
  state.newest = $("newest").checked;
}

function controlsFrom() {
  $("q").value = state.q;
  $("kind").value = state.kind;
  $("year").value = state.year;
  $("view-" + state.view).checked = true;
  $("sort").value = state.sort;
  $("newest").checked = state.newest;
  $("newest-control").hidden = state.view !== "timeline";
  $("sort-control").hidden = state.view === "timeline";
}

/** Puts the state's address in the history: a new entry (a search, a filter, an opened hit) or in
 * place of the current one (typing, so that Back is not one step per letter). */
function remember(newEntry) {
  const address = addressOf(state);
  if (address === location.pathname + location.search) return;
  if (newEntry) history.pushState(null, "", address); else history.replaceState(null, "", address);
}

/** Runs what the controls say; a search closes an open case or section. */
function run(newEntry) {
  addressProblems = [];
  hideReading();
  remember(newEntry);
  return refresh();
}

const refresh = () => (state.view === "timeline" ? timeline() : search());

// MARK: Messages

/** An error under the search box, in Norwegian; the list is cleared, the box keeps its text. */
function showError(message) {
  $("error").textContent = message || "";
  $("error").hidden = !message;
  if (message) {
    $("status").textContent = "";
    $("results").replaceChildren();
    $("timeline").replaceChildren();
    $("notice").replaceChildren();
    $("more").hidden = true;
    $("facets").hidden = true;
  }
}

function setNotes(notes) {
  const all = [...addressProblems, ...notes];
  $("notes").replaceChildren(...all.map((n) => el("p", {}, n)));
}

/** Whether there is anything to ask for: words or a filter (the API answers 400 otherwise). */
function hasQuery() {
  if (state.q.trim() || state.kind || state.year) return true;
  showError(null);
  setNotes([]);
  for (const id of ["results", "timeline", "notice", "facets-list"]) $(id).replaceChildren();
  $("status").textContent = "";
  $("more").hidden = true;
  $("facets").hidden = true;
  listed = null;
  return false;
}

// MARK: Search

/** The API parameters of a search page: the last word is also a prefix (`prefix=last`), so
 * that results grow as the user types. */
function searchParams(q, offset, facets) {
  const p = new URLSearchParams();
  p.set("q", q);
  if (state.kind) p.set("kind", state.kind);
  if (state.year) p.set("year", state.year);
  p.set("limit", String(pageSize));
  if (offset) p.set("offset", String(offset));
  p.set("prefix", "last");
  if (state.sort !== "relevance") p.set("sort", state.sort);
  if (state.view === "cases") p.set("cases", "true");
  if (facets) p.set("facets", "1");
  return p.toString();
}

async function search() {
  if (!hasQuery()) return;
  const mine = ++ticket;
  const sent = cutQuery(state.q);
  setNotes(sent.notes);
  $("results").setAttribute("aria-busy", "true");
  let { body, error } = await api("/api/search?" + searchParams(sent.text, 0, true));
  if (mine !== ticket) return;
  $("results").removeAttribute("aria-busy");
  if (error) { showError(error); listed = null; return; }
  // Nothing found but a suggestion: its results at once, as a web search shows them.
  let shownFor = sent.text;
  if (body.total === 0 && body.suggestion && !state.exact) {
    const again = await api("/api/search?" + searchParams(body.suggestion, 0, true));
    if (mine !== ticket) return;
    if (again.body && again.body.total > 0) { shownFor = body.suggestion; body = again.body; }
  }
  showError(null);
  renderResults(body, shownFor, sent.text);
}

function renderResults(body, shownFor, typed) {
  const cases = !!body.cases;
  const list = body.cases || body.hits;
  // A pruned search counts only what it scored: "minst" then says the total is a lower bound.
  const atLeast = body.totalIsLowerBound ? "minst " : "";
  $("status").textContent = `${atLeast}${cases ? count(body.total, "sak", "saker") : count(body.total, "treff", "treff")} `
    + `(${decimal(body.tookMs, 1)} ms)`;
  // For a test (and a screen reader's user): which query the list is for, and how many it found.
  $("status").dataset.query = state.q;
  $("status").dataset.total = String(body.total);
  const notice = $("notice");
  notice.replaceChildren();
  if (shownFor !== typed) {
    const asTyped = () => { state.exact = true; run(true); };
    notice.append("Viser treff for ", el("strong", {}, shownFor), " – søk i stedet etter ",
      el("button", { class: "link", type: "button", onclick: asTyped }, typed));
  } else if (body.total === 0) {
    notice.append(tips(typed));
  } else if (body.suggestion) {
    const retry = () => { state.q = body.suggestion; controlsFrom(); run(true); };
    notice.append("Mente du ", el("button", { class: "link", type: "button", onclick: retry }, body.suggestion), "?");
  }
  $("timeline").hidden = true;
  $("timeline").replaceChildren();
  $("results").hidden = false;
  $("results").replaceChildren(...list.map(cases ? caseItem : hitItem));
  listed = { q: shownFor, shown: list.length, total: list.length < pageSize ? list.length : body.total,
    atLeast: !!body.totalIsLowerBound && list.length >= pageSize };
  showMore();
  renderFacets(body.facets);
}

/** What to try when nothing was found. */
function tips(typed) {
  const clear = () => { state.kind = ""; state.year = ""; controlsFrom(); run(true); };
  return el("div", { class: "tips" },
    el("p", {}, `Ingen treff for «${typed}».`),
    el("ul", {},
      el("li", {}, "Sjekk stavemåten; du kan også skrive uten æøå (horingssvar)."),
      el("li", {}, "Bruk færre ord, eller mer vanlige ord."),
      state.kind || state.year
        ? el("li", {}, "Filtrene for type og år avgrenser søket. ",
          el("button", { class: "link", type: "button", onclick: clear }, "Fjern filtrene")) : null,
      el("li", {}, "Skriv * etter en ordbegynnelse (helsedat*) eller ~ etter et ord for å tåle skrivefeil (helsedta~).")));
}

/** "Vis flere": the next page of the same query, appended; focus goes to its first hit. */
async function more() {
  if (!listed) return;
  const mine = ticket;
  const { body, error } = await api("/api/search?" + searchParams(listed.q, listed.shown, false));
  if (mine !== ticket) return;
  if (error) { showError(error); return; }
  const list = body.cases || body.hits;
  const items = list.map(body.cases ? caseItem : hitItem);
  $("results").append(...items);
  listed.shown += list.length;
  if (list.length < pageSize) { listed.total = listed.shown; listed.atLeast = false; }
  else if (body.totalIsLowerBound) listed.total = Math.max(body.total, listed.shown);
  else { listed.total = body.total; listed.atLeast = false; }
  showMore();
  if (items.length) items[0].querySelector("a.hit-link").focus();
}

function showMore() {
  const button = $("more");
  button.hidden = !listed || (listed.shown >= listed.total && !listed.atLeast);
  if (listed) button.textContent = `Vis flere (viser ${listed.shown} av ${listed.atLeast ? "minst " : ""}${listed.total})`;
}

/** Counts by kind and year over all matches; choosing one filters by it, choosing it again
 * takes the filter away. */
function renderFacets(facets) {
  $("facets").hidden = !facets;
  if (!facets) return;
  const group = (title, entries, field, name) => el("section", { class: "facet" },
    el("h3", {}, title),
    el("ul", {}, ...entries.map((e) => el("li", {}, e.value === null
      ? el("span", { class: "meta" }, `uten år (${e.count})`)
      : el("button", { type: "button", class: "facet-choice", "aria-pressed": String(state[field] === e.value),
        onclick: () => { state[field] = state[field] === e.value ? "" : e.value; controlsFrom(); run(true); } },
        name(e.value), el("span", { class: "count" }, String(e.count)))))));
  $("facets-list").replaceChildren(group("Type", facets.kinds, "kind", kindName),
    group("År", facets.years, "year", String));
}

/** A link that opens a case (scrolled to the hit's section) or a section among its neighbours:
 * a real link, so that it is reached by Tab, opens in a new tab and can be copied. */
function hitLink(target, label) {
  const key = target.case ? `case:${target.case}|${target.hit || ""}` : `section:${target.section}`;
  const next = { ...state, case: target.case || null, hit: target.hit || null, section: target.section || null };
  return el("a", { class: "title hit-link", href: addressOf(next), "data-key": key,
    onclick: (e) => { e.preventDefault(); openReading(target, e.currentTarget, true); } }, label);
}

function facts(hit) {
  return dotted([hit.meeting ? "møte " + hit.meeting : null, norwegianDate(hit.date), place(hit)]);
}

function hitItem(hit) {
  const title = hit.title || kindName(hit.kind);
  const target = hit.case ? { case: hit.case, hit: sectionID(hit) } : { section: sectionID(hit) };
  return el("li", { "data-kind": hit.kind },
    hitLink(target, hit.case ? `Sak ${hit.case}: ${title}` : title), asWritten(hit),
    el("div", { class: "meta" }, tag(hit.kind), ...facts(hit)),
    hit.note ? el("p", { class: "meta" }, hit.note) : el("p", { class: "snippet" }, highlighted(hit.snippet)));
}

function caseItem(c) {
  const where = [c.meeting ? "møte " + c.meeting : null, norwegianDate(c.date)].filter(Boolean).join(" · ");
  const best = c.sections[0];
  return el("li", { "data-kind": "sak" },
    hitLink({ case: c.case, hit: best ? sectionID(best) : null }, `Sak ${c.case}: ${c.title || ""}`), asWritten(c),
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

/** The timeline of the query (`/api/timeline?`, `newestFirst` for "Nyeste først"). */
async function timeline() {
  if (!hasQuery()) return;
  const mine = ++ticket;
  const sent = cutQuery(state.q);
  setNotes(sent.notes);
  const p = new URLSearchParams();
  p.set("q", sent.text);
  if (state.kind) p.set("kind", state.kind);
  if (state.year) p.set("year", state.year);
  if (state.newest) p.set("newestFirst", "true");
  p.set("prefix", "last");
  const { body, error } = await api("/api/timeline?" + p.toString());
  if (mine !== ticket) return;
  if (error) { showError(error); return; }
  showError(null);
  listed = null;
  for (const id of ["results", "notice"]) $(id).replaceChildren();
  $("results").hidden = true;
  $("more").hidden = true;
  $("facets").hidden = true;
  $("timeline").hidden = false;
  $("status").textContent = renderTimeline(body, $("timeline"));
}

// MARK: Reading a hit

/** Opens a case or section in the reading panel in place of the list; `newEntry` true makes
 * it a step in the history, false replaces the current one, null leaves the address (Back). */
let readingTicket = 0;

async function openReading(target, opener, newEntry) {
  const mine = ++readingTicket;
  if (opener) openerKey = opener.dataset.key;
  const q = listed ? listed.q : cutQuery(state.q).text;
  const { show, error } = await (target.case ? loadCase(target.case, target.hit, q) : loadSection(target.section, q));
  // A later click (or Back) has asked for something else meanwhile.
  if (mine !== readingTicket) return;
  // The list stays as it was; the reason stands under the search box.
  if (error) { $("error").textContent = error; $("error").hidden = false; return; }
  show();
  state.case = target.case || null;
  state.hit = target.case ? target.hit || null : null;
  state.section = target.case ? null : target.section;
  if (newEntry !== null) remember(newEntry);
  $("case-panel").hidden = false;
  $("results-area").hidden = true;
  focusReading();
}

function hideReading() {
  readingTicket++;
  $("case-panel").hidden = true;
  $("results-area").hidden = false;
  state.case = state.section = state.hit = null;
}

/** Closes the panel and puts focus back on the hit that opened it. */
function closeReading(newEntry) {
  if ($("case-panel").hidden) return;
  hideReading();
  if (newEntry !== null) remember(newEntry);
  const opener = openerKey && document.querySelector(`a.hit-link[data-key="${CSS.escape(openerKey)}"]`);
  if (opener) { opener.scrollIntoView({ block: "center" }); opener.focus({ preventScroll: true }); } else $("q").focus();
}

/** Shows what an address holds: on load and on Back/Forward. The list is asked for again only
 * when the query, filters, view or order changed. */
async function restore() {
  const read = readAddress(location.search);
  const changed = !listed || searchKey(read.state) !== searchKey(state);
  state = read.state;
  addressProblems = read.problems;
  controlsFrom();
  setNotes([]);
  if (changed) await refresh();
  if (state.case) await openReading({ case: state.case, hit: state.hit }, null, null);
  else if (state.section) await openReading({ section: state.section }, null, null);
  else closeReading(null);
}

// MARK: Events

$("search-form").addEventListener("submit", (e) => {
  e.preventDefault();
  clearTimeout(debounce);
  stateFromControls();
  state.exact = false;
  run(true);
});
$("q").addEventListener("input", () => {
  clearTimeout(debounce);
  debounce = setTimeout(() => {
    // The first letter of a new query is a step in the history (Back returns to the empty page).
    const fresh = !state.q;
    stateFromControls();
    state.exact = false;
    run(fresh);
  }, 200);
});
for (const id of ["kind", "year", "newest", "sort"]) {
  $(id).addEventListener("change", () => { stateFromControls(); run(true); });
}
for (const radio of document.querySelectorAll('input[name="view"]')) {
  radio.addEventListener("change", () => { stateFromControls(); controlsFrom(); run(true); });
}
$("more").addEventListener("click", more);
window.addEventListener("popstate", restore);
$("open-similar").addEventListener("click", () => { $("similar-panel").hidden = false; $("draft").focus(); });
$("close-similar").addEventListener("click", () => { $("similar-panel").hidden = true; $("open-similar").focus(); });
$("run-similar").addEventListener("click", similar);
$("close-case").addEventListener("click", () => closeReading(true));

/** The hit links shown, in order, for the arrow keys. */
const hitLinks = () => [...document.querySelectorAll("#results a.hit-link, #timeline a.hit-link")]
  .filter((a) => a.offsetParent !== null);

document.addEventListener("keydown", (e) => {
  const active = document.activeElement;
  const typing = ["INPUT", "TEXTAREA", "SELECT"].includes(active.tagName);
  if (e.key === "/" && !typing) { e.preventDefault(); $("q").focus(); return; }
  if (e.key === "Escape") {
    if (!$("case-panel").hidden) { e.preventDefault(); closeReading(true); }
    else if (!$("similar-panel").hidden && active.closest("#similar-panel")) $("close-similar").click();
    return;
  }
  if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
  const links = hitLinks();
  if (!links.length) return;
  if (active === $("q")) {
    if (e.key === "ArrowDown") { e.preventDefault(); links[0].focus(); }
    return;
  }
  const i = links.indexOf(active);
  if (i < 0) return;
  e.preventDefault();
  if (e.key === "ArrowDown") links[Math.min(i + 1, links.length - 1)].focus();
  else if (i === 0) $("q").focus();
  else links[i - 1].focus();
});

restore();
