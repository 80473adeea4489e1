"use strict";
// What the page shows, in its address: the query, filters, view, order and the open case or
// section, so that Back, a bookmark and a shared link show the same thing.

const views = ["hits", "cases", "timeline"];
const sorts = ["relevance", "newest", "oldest"];

/** The page's state with nothing chosen. `hit` is the FILE:FIRST-LAST a case was opened from
 * (its section is scrolled to); `exact` says the user asked for the words as typed, not the
 * suggestion's results. */
const emptyState = () => ({
  q: "", kind: "", year: "", view: "hits", sort: "relevance", newest: false,
  case: null, section: null, hit: null, exact: false,
});

/** The state an address holds, and what in it could not be used (in Norwegian): a broken
 * parameter is left out with a note, never a blank page. */
function readAddress(search) {
  const p = new URLSearchParams(search);
  const state = emptyState();
  const problems = [];
  state.q = p.get("q") || "";
  const kind = p.get("kind") || "";
  if (kind && !kindNames[kind]) problems.push(`Ukjent type «${kind}» i adressen er ikke brukt.`);
  else state.kind = kind;
  const year = (p.get("year") || "").trim();
  if (year && !/^(19|20|21)\d\d$/.test(year)) problems.push(`«${year}» i adressen er ikke et årstall og er ikke brukt.`);
  else state.year = year;
  const view = p.get("view") || "hits";
  if (!views.includes(view)) problems.push(`Ukjent visning «${view}» i adressen; viser treff.`);
  else state.view = view;
  const sort = p.get("sort") || "relevance";
  if (!sorts.includes(sort)) problems.push(`Ukjent sortering «${sort}» i adressen; sorterer etter relevans.`);
  else state.sort = sort;
  state.newest = p.get("newest") === "true";
  state.exact = p.get("exact") === "1";
  state.case = p.get("case");
  state.section = state.case ? null : p.get("section");
  state.hit = state.case ? p.get("hit") : null;
  return { state, problems };
}

/** The page's own address for `state`. */
function addressOf(state) {
  const p = new URLSearchParams();
  if (state.q) p.set("q", state.q);
  if (state.kind) p.set("kind", state.kind);
  if (state.year) p.set("year", state.year);
  if (state.view !== "hits") p.set("view", state.view);
  if (state.sort !== "relevance" && state.view !== "timeline") p.set("sort", state.sort);
  if (state.view === "timeline" && state.newest) p.set("newest", "true");
  if (state.exact) p.set("exact", "1");
  if (state.case) p.set("case", state.case);
  if (state.case && state.hit) p.set("hit", state.hit);
  if (state.section) p.set("section", state.section);
  const query = p.toString();
  return location.pathname + (query ? "?" + query : "");
}

/** What decides the list shown (not the open case): a change of it runs a new search. */
const searchKey = (s) => JSON.stringify([s.q, s.kind, s.year, s.view, s.sort, s.newest, s.exact]);

/** A section's id as the API takes it: FILE:FIRST-LAST. */
const sectionID = (x) => `${x.file}:${x.lines[0]}-${x.lines[1]}`;
