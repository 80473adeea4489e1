"use strict";
// Norwegian for the page: dates, numbers, counts, kinds, the server's messages, long queries.

const months = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
  "november", "desember"];

/** "2025-02-24" → "24. februar 2025"; a year or anything else as it is. */
function norwegianDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  return m ? `${Number(m[3])}. ${months[Number(m[2]) - 1]} ${m[1]}` : iso || null;
}

/** A number with a decimal comma: 0.23 → "0,23". */
const decimal = (x, digits) => Number(x).toFixed(digits).replace(".", ",");

/** "1 sak", "3 saker": a count with its noun in the right number. */
const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;

const kindNames = {
  saksliste: "Saksliste", saksfremlegg: "Saksfremlegg", referat: "Referat", vedtak: "Vedtak",
  forslag: "Forslag til vedtak", vedlegg: "Vedlegg", other: "Annet",
};
const kindName = (kind) => kindNames[kind] || kind;

/** Characters of `q` the server takes (`ServerLimits.queryLength`), and words the query planner
 * reads (`QueryPlanner.maximumWords`): the page cuts a longer paste itself, as the CLI does. */
const queryLimit = 1000;
const wordLimit = 64;

/** The query as sent: at most `queryLimit` characters, cut at a space, with a note when cut. The
 * search box keeps all of what was typed. */
function cutQuery(text) {
  let sent = text;
  const notes = [];
  if (sent.length > queryLimit) {
    sent = sent.slice(0, queryLimit);
    const space = sent.search(/\s\S*$/);
    if (space > queryLimit / 2) sent = sent.slice(0, space);
    notes.push(`Søket er langt (${text.length} tegn); bare de første ${sent.length} tegnene er brukt.`);
  }
  const words = sent.trim().split(/\s+/).filter(Boolean).length;
  if (words > wordLimit) notes.push(`Bare de første ${wordLimit} av ${words} ord er brukt.`);
  return { text: sent, notes };
}

/** The server's message (English, for scripts and logs) in Norwegian for the person at the page;
 * what is not known here is said generally, with the status. */
const messages = [
  [/^q is longer than (\d+)/, (m) => `Søket er for langt (over ${m[1]} tegn).`],
  [/^q is empty/, () => "Skriv noe å søke etter."],
  [/only punctuation/, () => "Søket har ingen ord, bare tegn. Skriv minst ett ord eller tall."],
  [/percent-encoding/, () => "Adressen har ugyldige tegn (feil %-koding)."],
  [/unknown kind '([^']*)'/, (m) => `Ukjent type «${m[1]}».`],
  [/'([^']*)' is not a year/, (m) => `«${m[1]}» er ikke et årstall.`],
  [/'([^']*)' is not a date/, (m) => `«${m[1]}» er ikke en dato (ÅÅÅÅ-MM-DD).`],
  [/'([^']*)' is not a meeting/, (m) => `«${m[1]}» er ikke et møte (M/ÅÅÅÅ).`],
  [/'([^']*)' is not a case id/, (m) => `«${m[1]}» er ikke et saksnummer (N/M/ÅÅÅÅ).`],
  [/not a case id/, () => "Det er ikke et saksnummer som 8/1/2025."],
  [/unknown filter '([^']*)'/, (m) => `Ukjent filter «${m[1]}».`],
  [/^(limit|offset|context) must/, () => "Ugyldig sidevalg i adressen."],
  [/^sort must/, () => "Ukjent sortering."],
  [/^no case (\S+)/, (m) => `Fant ikke sak ${m[1]} i indeksen.`],
  [/no such section|not a section id/, () => "Fant ikke dette avsnittet i indeksen."],
  [/draft is empty/, () => "Lim inn et avsnitt først."],
  [/draft is not text/, () => "Utkastet ser ikke ut som tekst (binære data?). Lim inn vanlig tekst."],
  [/draft is larger than (\d+) KB/, (m) => `Utkastet er for stort (over ${m[1]} KB).`],
  [/took too long/, () => "Søket tok for lang tid. Prøv et smalere søk."],
  [/busy/, () => "Serveren er opptatt. Prøv igjen om et øyeblikk."],
  [/changed|deleted|rebuild/i, () => "Filen er endret siden indeksen ble bygget. Bygg indeksen på nytt."],
];

function norwegianError(message, status) {
  for (const [pattern, say] of messages) {
    const m = pattern.exec(message || "");
    if (m) return say(m);
  }
  return status ? `Serveren svarte med en feil (${status}).` : "Noe gikk galt.";
}

/** Fetches one API answer: `{ body }`, or `{ error }` in Norwegian when it failed. */
async function api(path, options) {
  try {
    const response = await fetch(path, options);
    const body = await response.json().catch(() => ({}));
    return response.ok ? { body } : { error: norwegianError(body.error, response.status) };
  } catch {
    return { error: "Fikk ikke kontakt med serveren." };
  }
}
