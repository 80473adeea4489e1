"use strict";
// The reading panel: a whole case (opened from a case hit) or one section among the sections
// around it in its file (a hit outside cases: an attachment, an annual report), with the query's
// words marked and the section that matched scrolled to and focused.

const markNames = { vedtak: "Vedtak (rådets beslutning)", forslag: "Forslag til vedtak" };

const caseAddress = (id, q) => "/api/cases/" + id.split("/").map(encodeURIComponent).join("/")
  + (q ? "?q=" + encodeURIComponent(q) : "");
const sectionAddress = (id, q) => `/api/sections/${encodeURIComponent(id)}?context=2`
  + (q ? "&q=" + encodeURIComponent(q) : "");

/** Whether section `s` holds the lines of the section id `hit` (FILE:FIRST-LAST). */
function holds(s, hit) {
  const m = /^(.*):(\d+)-(\d+)$/.exec(hit || "");
  return !!m && s.file === m[1] && s.lines[0] <= Number(m[3]) && Number(m[2]) <= s.lines[1];
}

/** Fetches case `id`: `{ show }` puts it in the panel (`hit`, the section it was opened from, is
 * marked), `{ error }` says in Norwegian why not. Showing is apart from fetching, so that the
 * caller can drop an answer that a later click overtook. */
async function loadCase(id, hit, q) {
  const { body, error } = await api(caseAddress(id, q));
  return error ? { error } : { show: () => showCase(id, hit, body) };
}

/** Fetches section `id` (FILE:FIRST-LAST) with up to two sections before and after it. */
async function loadSection(id, q) {
  const { body, error } = await api(sectionAddress(id, q));
  return error ? { error } : { show: () => showSection(body) };
}

function showCase(id, hit, body) {
  const first = body.sections[0];
  $("case-heading").textContent = `Sak ${id}` + (first && first.title ? ": " + first.title : "");
  const refs = $("case-refs");
  refs.replaceChildren();
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
  $("case-sections").replaceChildren(...body.sections.map((s) => sectionArticle(s, holds(s, hit), false)));
}

function showSection(body) {
  const name = body.title || kindName(body.kind);
  $("case-heading").textContent = `${name} · ${body.file}`;
  $("case-refs").replaceChildren(body.case ? "Del av " : "Tekst utenfor saker, med det som står rundt den i filen.",
    body.case ? caseLink(body.case) : null);
  const all = [...body.before.map((s) => [s, false]), [body, true], ...body.after.map((s) => [s, false])];
  $("case-sections").replaceChildren(...all.map(([s, target]) => sectionArticle(s, target, true)));
}

/** Scrolls to the matched section (else the panel's heading) and puts focus there. */
function focusReading() {
  const target = document.querySelector("#case-sections article.matched h3") || $("case-heading");
  target.scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
}

/** A case id that opens the case. */
function caseLink(id) {
  return el("a", { class: "case-link", href: addressOf({ ...state, case: id, section: null, hit: null }),
    onclick: (e) => { e.preventDefault(); openReading({ case: id }, null); } }, id);
}

/** One section: a decision or proposal section is marked as such, and one that lies inside a
 * longer section (`decisions`) is marked where it stands in that section's text. */
function sectionArticle(s, matched, withCase) {
  const where = [withCase && s.case ? "sak " + s.case : null, s.meeting ? "møte " + s.meeting : null,
    norwegianDate(s.date)].filter(Boolean).join(" · ");
  const badge = markNames[s.kind] ? el("span", { class: "mark-label " + s.kind }, markNames[s.kind]) : null;
  const classes = [markNames[s.kind] ? "marked " + s.kind : "", matched ? "matched" : ""].join(" ").trim();
  const citation = "HO21-rådet, " + (s.meeting ? `møte ${s.meeting}` + (s.case ? `, sak ${s.case}` : "")
    : `${s.file}, linje ${s.lines[0]}–${s.lines[1]}`);
  return el("article", { class: classes || null },
    el("h3", { tabindex: "-1" }, kindName(s.kind) + (where ? " · " + where : ""), badge ? " " : null, badge,
      matched ? el("span", { class: "tag found" }, "treffet") : null),
    el("div", { class: "meta" }, place(s),
      withCase && s.case ? el("span", {}, " · ", caseLink(s.case)) : null),
    sectionText(s),
    copyButton("Kopier tekst med kilde", `${s.text.trim()}\n(${citation})`));
}

/** The section's lines (line i of `text` is line lines[0] + i of the file), the query's words
 * marked, and each decision or proposal range in a block of its own under its label. */
function sectionText(s) {
  const text = s.text;
  const lines = text.split("\n");
  const starts = [];
  let at = 0;
  for (const line of lines) { starts.push(at); at += line.length + 1; }
  let start = 0;
  let end = lines.length;
  while (start < end && !lines[start].trim()) start++;
  while (end > start && !lines[end - 1].trim()) end--;
  const piece = (i, j) => marked(text, s.matches, starts[i], starts[j - 1] + lines[j - 1].length);
  const box = el("div", { class: "text" });
  let plainFrom = start;
  const flush = (upTo) => { if (upTo > plainFrom) box.append(piece(plainFrom, upTo), "\n"); };
  for (let i = start; i < end; i++) {
    const number = s.lines[0] + i;
    const mark = (s.decisions || []).find((m) => m.lines[0] <= number && number <= m.lines[1]);
    if (!mark) continue;
    flush(i);
    const last = Math.min(end - 1, mark.lines[1] - s.lines[0]);
    box.append(el("div", { class: "marked " + mark.kind },
      el("span", { class: "mark-label " + mark.kind }, markNames[mark.kind] || mark.kind), piece(i, last + 1)));
    i = last;
    plainFrom = last + 1;
  }
  flush(end);
  return box;
}

function copyButton(label, value) {
  return el("button", { type: "button", class: "secondary copy", onclick: (e) => copyText(value, e.currentTarget) }, label);
}
