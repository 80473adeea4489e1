"use strict";
// The timeline view: a histogram of cases and mentions per year, then year by year the meetings
// with their cases (id, title, date, kinds, decision) and the text outside cases.

/** Renders a `/api/timeline` answer into `box`; returns the status line. */
function renderTimeline(body, box) {
  const cases = body.years.reduce((n, y) => n + y.cases, 0);
  const mentions = body.years.reduce((n, y) => n + y.mentions, 0);
  const status = `${count(cases, "sak", "saker")} i ${count(body.meetings.length, "møte", "møter")}, `
    + `${count(mentions, "omtale", "omtaler")} (${decimal(body.tookMs, 1)} ms)`;
  if (!body.meetings.length && !body.mentions.length) { box.replaceChildren(); return status; }
  // Years in the answer's order (oldest first unless newestFirst); mentions without a year last.
  const unknownYear = body.mentions.some((m) => m.year == null);
  const groups = [...body.years.map((y) => y.year), ...(unknownYear ? [null] : [])].map((year) => ({
    year,
    counts: body.years.find((y) => y.year === year),
    meetings: body.meetings.filter((m) => m.year === year),
    mentions: body.mentions.filter((m) => (m.year ?? null) === year),
  })).filter((g) => g.meetings.length || g.mentions.length);
  box.replaceChildren(histogram(body.years), ...groups.map(yearSection));
  return status;
}

/** Bars per year, oldest on the left whatever the list's order, for cases and for mentions; the
 * bars are drawn for the eye and each year says its counts in words for a screen reader. */
function histogram(years) {
  const max = Math.max(1, ...years.map((y) => Math.max(y.cases, y.mentions)));
  const bar = (kind, n) => {
    const node = el("span", { class: "bar " + kind }, el("span", { class: "count" }, String(n)));
    node.style.height = `${(n / max) * 100}%`;
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

const yearCounts = (y) => `${count(y.cases, "sak", "saker")}, ${count(y.mentions, "omtale", "omtaler")}`;

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
      el("h3", {}, `Møte ${m.meeting}`, el("span", { class: "meta" }, " · " + (norwegianDate(m.date) || "dato ukjent"))),
      el("ol", { class: "results" }, ...m.cases.map(timelineCase)))),
    group.mentions.length ? el("h3", {}, "Omtaler utenfor saker") : null,
    group.mentions.length ? el("ol", { class: "results" }, ...group.mentions.map(mentionItem)) : null);
}

function timelineCase(c) {
  return el("li", {},
    el("div", {}, hitLink({ case: c.case }, `Sak ${c.case}`),
      el("span", { class: "title" }, c.title ? ": " + c.title : ""), asWritten(c)),
    el("div", { class: "meta" }, ...c.kinds.map(tag), norwegianDate(c.date) || "dato ukjent"),
    decisionLine(c.decision),
    c.mentions.length ? el("div", { class: "meta" }, "Omtalt i:") : null,
    c.mentions.length ? el("ul", { class: "mentions" }, ...c.mentions.map(mentionItem)) : null);
}

/** Text outside cases (an annual report, an attachment) that matched: where it stands and why;
 * its title opens it among the sections around it. */
function mentionItem(m) {
  const where = `${m.file}:${m.lines[0]}–${m.lines[1]}` + (m.year ? " · " + m.year : "");
  return el("li", {},
    hitLink({ section: sectionID(m) }, m.title || "Tekst utenfor saker"),
    el("div", { class: "meta" }, where),
    el("p", { class: "snippet" }, highlighted(m.snippet)));
}
