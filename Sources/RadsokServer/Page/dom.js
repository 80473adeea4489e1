"use strict";
// Building blocks of the page. Every piece of document text goes into the page as text nodes
// (textContent, append of strings), never as markup: a document holding <script> shows it as text.
const $ = (id) => document.getElementById(id);

/** An element with attributes (`class`, `on…` listeners, the rest as attributes) and children. */
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
};

/** Where a hit stands: "file:20–35", or for a PDF a link that opens it at its page in the
 * browser's own viewer ("sakspapirer.pdf, s. 3"): the server serves the index's PDFs at /files/. */
function place(x) {
  const pages = x.pages || (x.page ? [x.page, x.page] : null);
  if (!pages) return `${x.file}:${x.lines[0]}–${x.lines[1]}`;
  const label = `${x.file}, s. ${pages[0]}` + (pages[1] !== pages[0] ? `–${pages[1]}` : "");
  const href = "/files/" + x.file.split("/").map(encodeURIComponent).join("/") + `#page=${pages[0]}`;
  return el("a", { href, target: "_blank", rel: "noopener", class: "pdf-page" }, label);
}

/** Strings and elements with " · " between them, empty ones left out: children for `el`. */
function dotted(items) {
  return items.filter(Boolean).flatMap((item, i) => (i ? [" · ", item] : [item]));
}

/** Snippet text with «matches» as <mark> elements. */
function highlighted(text) {
  const span = el("span");
  String(text || "").split(/[«»]/).forEach((part, i) => span.append(i % 2 ? el("mark", {}, part) : part));
  return span;
}

/** `text[from, to)` with the [start, end) UTF-16 ranges of `matches` (the API's `matches`, in a
 * browser's string indices) as <mark> elements. */
function marked(text, matches, from = 0, to = text.length) {
  const span = el("span");
  let cursor = from;
  for (const [start, end] of matches || []) {
    if (end <= cursor || start >= to) continue;
    const a = Math.max(start, cursor);
    const b = Math.min(end, to);
    if (a > cursor) span.append(text.slice(cursor, a));
    span.append(el("mark", {}, text.slice(a, b)));
    cursor = b;
  }
  if (cursor < to) span.append(text.slice(cursor, to));
  return span;
}

/** Writes `value` to the clipboard (with the old execCommand way where the API is refused) and
 * keeps it on the page's root as `data-last-copy`, so that a test can see what was copied. */
async function copyText(value, button) {
  try {
    await navigator.clipboard.writeText(value);
  } catch {
    const area = el("textarea");
    area.value = value;
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  document.documentElement.dataset.lastCopy = value;
  const label = button.textContent;
  button.textContent = "Kopiert";
  setTimeout(() => { button.textContent = label; }, 1500);
}
