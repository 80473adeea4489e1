"use strict";
// Prior wording: a draft paragraph in, the earlier paragraphs most like it out, each ready to
// copy with its citation. The repaired reading of an OCR-damaged source stands beside its text,
// marked as machine-repaired.

/** Bytes of a draft the server takes (`ServerLimits.bodyBytes`); a longer one is cut here, at a
 * paragraph or sentence end, with a note. The box keeps all of it. */
const draftLimit = 64 * 1024;

function cutDraft(text) {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= draftLimit) return { text, note: null };
  let cut = new TextDecoder().decode(bytes.slice(0, draftLimit)).replace(/\uFFFD+$/, "");
  const end = Math.max(cut.lastIndexOf("\n\n"), cut.lastIndexOf(". ") + 1);
  if (end > cut.length / 2) cut = cut.slice(0, end);
  const kb = (n) => Math.ceil(n / 1024);
  const sent = kb(new TextEncoder().encode(cut).length);
  return { text: cut, note: `Utkastet er ${kb(bytes.length)} KB; bare de første ${sent} KB er sammenlignet `
    + `(grensen er ${kb(draftLimit)} KB).` };
}

/** Each comparison takes a ticket; an answer to an earlier one (a slow long draft) is dropped. */
let similarTicket = 0;

async function similar() {
  const mine = ++similarTicket;
  const draft = $("draft").value;
  const status = $("similar-status");
  if (!draft.trim()) { status.textContent = "Lim inn et avsnitt først."; $("draft").focus(); return; }
  const sent = cutDraft(draft);
  status.textContent = "Leter …";
  const { body, error } = await api("/api/similar?limit=8",
    { method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: sent.text });
  if (mine !== similarTicket) return;
  if (error) { status.textContent = error; $("similar-results").replaceChildren(); return; }
  status.textContent = `${count(body.passages.length, "avsnitt", "avsnitt")} (${decimal(body.tookMs, 0)} ms)`
    + (sent.note ? ". " + sent.note : "") + (body.note ? ". " + body.note : "");
  $("similar-results").replaceChildren(...body.passages.map(passageItem));
}

/** One earlier paragraph: its citation, how alike, where, the text (with the machine-repaired
 * reading beside it when the source is OCR-damaged, and the text exactly as written on request),
 * and buttons to copy the text with its citation or the citation alone. */
function passageItem(p) {
  const text = p.text;
  const citation = p.citation;
  const repaired = p.textRepaired && p.textRepaired !== text ? p.textRepaired : null;
  const asWritten = p.textAsWritten && p.textAsWritten !== text ? p.textAsWritten : null;
  const places = (p.occurrences || []).length > 1
    ? `samme tekst ${p.occurrences.length} steder: ` + p.occurrences.map((o) => o.case ? "sak " + o.case : o.file).join(", ")
    : null;
  const facts = [`likhet ${decimal(p.score, 2)}`, norwegianDate(p.date), place(p), places];
  return el("li", { class: "passage" },
    el("div", { class: "title" }, citation),
    el("div", { class: "meta" }, ...dotted(facts)),
    el("div", { class: repaired ? "readings" : null },
      el("figure", {}, repaired ? el("figcaption", { class: "meta" }, "Teksten") : null, el("pre", { class: "text" }, text)),
      repaired ? el("figure", { class: "repaired" },
        el("figcaption", { class: "meta" }, el("span", { class: "tag" }, "maskinreparert"),
          " lesning av skadet OCR-tekst, ikke ordrett"),
        el("pre", { class: "text" }, repaired)) : null),
    asWritten ? el("details", {}, el("summary", {}, "Slik det står i filen"),
      el("pre", { class: "text" }, asWritten)) : null,
    el("div", { class: "row" }, copyButton("Kopier tekst med kilde", `${text}\n(${citation})`),
      copyButton("Kopier bare kilden", citation)));
}
