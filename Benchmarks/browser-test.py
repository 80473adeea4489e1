#!/usr/bin/env python3
"""The search page tested as a person uses it, in headless Chromium driven over the DevTools
protocol (Python's standard library only: a minimal websocket client over `socket`).

Starts `radsok serve` on the project's corpus (a fresh index in a temporary folder), types a query
key by key (the hit count must never drop to 0 once a prefix has hits), pages with "Vis flere",
opens a case, goes Back, opens a hit outside cases reached by Tab, copies a passage from the similar
view, and feeds the page bad input. Prints each check, saves screenshots under
Benchmarks/screenshots/ and exits 1 on any failure.

Usage: Benchmarks/browser-test.py [--binary .build/debug/radsok] [--chromium PATH] [--port 18093]
                                  [--screenshots DIR]
"""
import argparse
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHOTS = os.path.join(ROOT, "Benchmarks", "screenshots")
failures = []


def check(ok, what, detail=""):
    print(("ok   " if ok else "FAIL ") + what + (f" ({detail})" if detail else ""), flush=True)
    if not ok:
        failures.append(what)
    return ok


class DevTools:
    """One websocket to one page target: commands by id, events kept aside."""

    def __init__(self, url):
        parts = urllib.parse.urlparse(url)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {parts.path} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\n"
                           f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        self.stream = self.sock.makefile("rb")
        status = self.stream.readline()
        if b" 101 " not in status:
            raise RuntimeError(f"no websocket: {status!r}")
        while self.stream.readline() not in (b"\r\n", b""):
            pass
        self.next_id = 0

    def _send(self, text):
        data = text.encode()
        head = bytes([0x81])
        if len(data) < 126:
            head += bytes([0x80 | len(data)])
        elif len(data) < 1 << 16:
            head += bytes([0x80 | 126]) + struct.pack(">H", len(data))
        else:
            head += bytes([0x80 | 127]) + struct.pack(">Q", len(data))
        mask = os.urandom(4)
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _receive(self):
        message = b""
        while True:
            first, second = self.stream.read(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self.stream.read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self.stream.read(8))[0]
            payload = self.stream.read(length)
            opcode = first & 0x0F
            if opcode == 0x8:
                raise RuntimeError("the browser closed the connection")
            if opcode == 0x9:  # ping: answered by nothing; Chromium does not send them
                continue
            message += payload
            if first & 0x80:
                return json.loads(message)

    def call(self, method, **params):
        self.next_id += 1
        self._send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            answer = self._receive()
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})


class Page:
    """The page as a person sees it: what it shows, and keys and clicks."""

    def __init__(self, tools, base, shots):
        self.tools = tools
        self.base = base
        self.shots = shots

    def js(self, expression):
        result = self.tools.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails'].get('exception', {}).get('description')}")
        return result["result"].get("value")

    def wait(self, expression, seconds=10):
        deadline = time.time() + seconds
        while time.time() < deadline:
            value = self.js(expression)
            if value:
                return value
            time.sleep(0.05)
        return None

    def open(self, path):
        self.tools.call("Page.navigate", url=self.base + path)
        self.wait("document.readyState === 'complete' && typeof restore === 'function'")

    def key(self, key, code=None, vk=0, text=None, modifiers=0):
        down = {"type": "keyDown", "key": key, "code": code or key, "windowsVirtualKeyCode": vk, "modifiers": modifiers}
        if text:
            down["text"] = text
        self.tools.call("Input.dispatchKeyEvent", **down)
        self.tools.call("Input.dispatchKeyEvent", type="keyUp", key=key, code=code or key, windowsVirtualKeyCode=vk)

    def type(self, text):
        for ch in text:
            self.key(ch, code="Key" + ch.upper() if ch.isalpha() else "", vk=ord(ch.upper()), text=ch)

    def press(self, name):
        codes = {"Tab": 9, "Enter": 13, "Escape": 27, "ArrowDown": 40, "ArrowUp": 38}
        self.key(name, vk=codes[name], text="\r" if name == "Enter" else None)

    def click(self, selector):
        """A real mouse click at the element's middle (a user gesture, as the clipboard needs)."""
        box = self.js(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            if (!e) return null; e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect();
            return [r.x + r.width / 2, r.y + r.height / 2]; }})()""")
        if not box:
            raise RuntimeError(f"nothing to click at {selector}")
        for kind in ("mousePressed", "mouseReleased"):
            self.tools.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    def shot(self, name):
        data = self.tools.call("Page.captureScreenshot", format="png")["data"]
        path = os.path.join(self.shots, name)
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
        print(f"     screenshot {os.path.relpath(path, ROOT) if path.startswith(ROOT) else path}")

    def search_done(self, typed):
        """Waits for the list for `typed` and gives its total (None when it did not come)."""
        total = self.wait(f"$('status').dataset.query === {json.dumps(typed)} && $('status').dataset.total")
        return int(total) if total is not None else None

    def clear_box(self):
        self.js("$('q').value = ''; $('q').focus()")

    @property
    def query(self):
        return urllib.parse.parse_qs(urllib.parse.urlparse(self.js("location.href")).query)


def typing(page):
    page.open("/")
    page.click("#q")
    word = "helsedata"
    totals = []
    for n in range(1, len(word) + 1):
        page.type(word[n - 1])
        totals.append((word[:n], page.search_done(word[:n])))
    print("     as typed: " + ", ".join(f"{w} → {t}" for w, t in totals))
    seen = False
    dropped = []
    for w, total in totals:
        seen = seen or bool(total)
        if seen and not total:
            dropped.append(w)
    check(all(t is not None for _, t in totals), "every prefix of helsedata got an answer")
    check(seen and not dropped, "the hit count never drops to 0 once a prefix has hits", ", ".join(dropped))
    notice = page.js("$('notice').textContent")
    check("Mente du" not in notice, "no 'mente du' for the whole word", notice)
    check(page.query.get("q") == ["helsedata"], "the address holds the query", page.js("location.search"))
    status = page.js("$('status').textContent")
    check(status.endswith("ms)") and "treff" in status and "," in status, "the status counts treff with a decimal comma",
          status)
    metas = page.js("[...document.querySelectorAll('#results .meta')].map((m) => m.textContent).join('\\n')")
    check(any(m in metas for m in ("januar", "februar", "mars", "mai", "juni", "november", "desember")),
          "dates are written in Norwegian")
    check(not any(c.isdigit() and "-" in c for c in metas.split() if len(c) == 10 and c[4] == "-"), "no ISO dates")
    check(page.js("!$('facets').hidden && document.querySelectorAll('#facets .facet-choice').length > 3"),
          "facets by kind and year stand beside the results")
    page.shot("results.png")
    for prefix in ("h", "he"):
        page.clear_box()
        page.type(prefix)
        page.search_done(prefix)
        check("Mente du" not in page.js("$('notice').textContent"), f"no 'did you mean' under '{prefix}'")
    page.clear_box()
    page.type("helsedata")
    page.search_done("helsedata")


def paging(page):
    shown = page.js("document.querySelectorAll('#results > li').length")
    total = int(page.js("$('status').dataset.total"))
    check(shown == 20 and total > 20, "the first page shows 20 of more", f"{shown} of {total}")
    page.click("#more")
    grown = page.wait("document.querySelectorAll('#results > li').length > 20 && "
                      "document.querySelectorAll('#results > li').length")
    check(grown and grown > 20, "'Vis flere' adds the next page", f"{grown}")
    check(page.js("document.activeElement === document.querySelectorAll('#results a.hit-link')[20]"),
          "focus moves to the first new hit")


def case_and_back(page):
    before = page.js("location.search")
    count = page.js("document.querySelectorAll('#results > li').length")
    page.click("#results a.hit-link[data-key^='case:']")
    opened = page.wait("!$('case-panel').hidden")
    check(opened, "a case hit opens the case view")
    check("case" in page.query, "the address holds the open case", page.js("location.search"))
    check(page.js("document.querySelectorAll('#case-sections mark').length") > 0, "the case view marks the query words")
    check(page.js("!!document.activeElement.closest('article.matched')"), "the matching section is scrolled to and focused")
    page.shot("case.png")
    page.js("history.back()")
    page.wait("$('case-panel').hidden")
    check(page.js("location.search") == before, "Back restores the address of the list", page.js("location.search"))
    check(page.js("!$('results-area').hidden && document.querySelectorAll('#results > li').length") == count,
          "Back shows the list as it was, pages included")
    # Keyboard: Enter opens, Escape closes and puts focus back on the hit.
    page.js("document.querySelector('#results a.hit-link[data-key^=\"case:\"]').focus()")
    key = page.js("document.activeElement.dataset.key")
    page.press("Enter")
    page.wait("!$('case-panel').hidden")
    page.press("Escape")
    page.wait("$('case-panel').hidden")
    check(page.js("document.activeElement.dataset.key") == key, "Escape returns focus to the hit", key)
    page.press("ArrowDown")
    check(page.js("document.activeElement.dataset.key") != key and page.js("document.activeElement.matches('a.hit-link')"),
          "the down arrow moves to the next hit")


def tab_to_section(page):
    page.click("#q")
    for presses in range(1, 400):
        page.press("Tab")
        if page.js("document.activeElement.matches('a.hit-link[data-key^=\"section:\"]')"):
            break
    key = page.js("document.activeElement.dataset.key") or ""
    check(key.startswith("section:"), "Tab reaches a hit outside cases", f"{presses} presses: {key}")
    page.press("Enter")
    opened = page.wait("!$('case-panel').hidden && !!document.querySelector('#case-sections article.matched')")
    check(opened, "Enter opens it in the section view")
    check("section" in page.query, "the address holds the open section", page.js("location.search"))
    articles = page.js("document.querySelectorAll('#case-sections article').length")
    check(articles >= 2, "the section stands with its neighbours", f"{articles} sections")
    page.shot("section.png")
    page.js("history.back()")
    page.wait("$('case-panel').hidden")
    check("section" not in page.query, "Back closes the section view")


def suggestion_and_modes(page):
    page.clear_box()
    page.type("helsedta")
    total = page.search_done("helsedta")
    notice = page.js("$('notice').textContent")
    check(total and "Viser treff for helsedata" in notice and "søk i stedet etter helsedta" in notice,
          "a misspelling with no hits shows the suggestion's hits", f"{total}: {notice}")
    page.shot("suggestion.png")
    page.click("#notice button")
    page.wait("$('status').dataset.total === '0'")
    check("Ingen treff" in page.js("$('notice').textContent"), "'søk i stedet' shows the zero hits with tips")
    page.clear_box()
    page.type("helsedata")
    page.search_done("helsedata")
    page.click("#view-cases")
    page.wait("/saker? \\(/.test($('status').textContent) && $('status').textContent")
    check("sak" in page.js("$('status').textContent"), "case mode counts saker", page.js("$('status').textContent"))
    check(page.query.get("view") == ["cases"], "the address holds the mode")
    page.click("#view-hits")
    page.search_done("helsedata")
    page.js("$('sort').value = 'newest'; $('sort').dispatchEvent(new Event('change'))")
    page.wait("location.search.includes('sort=newest') && $('status').dataset.total")
    page.wait("document.querySelector('#results .meta') && !$('results').hasAttribute('aria-busy')")
    first = page.js("document.querySelector('#results .meta').textContent")
    check(page.query.get("sort") == ["newest"] and "2025" in first, "'Nyeste først' puts the newest first", first)
    page.js("$('sort').value = 'relevance'; $('sort').dispatchEvent(new Event('change'))")
    page.search_done("helsedata")
    page.click("#facets .facet-choice")
    page.wait("location.search.includes('kind=')")
    kind = page.query.get("kind", [""])[0]
    page.wait(f"[...document.querySelectorAll('#results > li')].every((li) => li.dataset.kind === {json.dumps(kind)})")
    check(kind and page.js(f"[...document.querySelectorAll('#results > li')].every((li) => li.dataset.kind === "
                          f"{json.dumps(kind)})"), "a facet filters the list and goes into the address", kind)
    page.js("history.back()")
    page.wait("!location.search.includes('kind=')")
    page.click("#view-timeline")
    page.wait("!$('timeline').hidden && document.querySelectorAll('#timeline section.year').length")
    check(page.js("document.querySelectorAll('#timeline a.hit-link').length") > 0, "the timeline's cases and mentions open")
    page.click("#view-hits")
    page.search_done("helsedata")


def bad_input(page):
    long = ("helsedata tilgang forskning " * 60).strip()
    page.clear_box()
    page.tools.call("Input.insertText", text=long)
    page.search_done(long)
    check(page.js("$('error').hidden"), "a long paste is searched, not refused")
    check("bare de første" in page.js("$('notes').textContent"), "a note says the long query was cut",
          page.js("$('notes').textContent"))
    check(page.js("$('q').value.length") == len(long), "the box keeps all of the paste")
    page.clear_box()
    page.type("!!!")
    page.wait("!$('error').hidden")
    message = page.js("$('error').textContent")
    check("ingen ord" in message, "a query of punctuation gets a Norwegian message under the box", message)
    check(page.js("$('q').value") == "!!!", "the box keeps what was typed")
    page.open("/?q=helsedata&year=abc&kind=tull&view=x&sort=y")
    page.search_done("helsedata")
    notes = page.js("$('notes').textContent")
    check("abc" in notes and "tull" in notes, "broken address parameters are named in Norwegian", notes)
    check(page.js("document.querySelectorAll('#results > li').length") > 0, "and the query still runs")
    page.open("/?case=99/9/2099")
    page.wait("!$('error').hidden")
    check("Fant ikke sak" in page.js("$('error').textContent"), "an unknown case in the address is said in Norwegian")


def run_similar(page):
    """Runs the comparison from an empty list and waits for its answer."""
    page.js("$('similar-results').replaceChildren(); $('similar-status').textContent = ''")
    page.click("#run-similar")
    page.wait("document.querySelectorAll('#similar-results li').length", 20)


def similar(page):
    page.open("/")
    page.click("#open-similar")
    page.click("#run-similar")
    check("Lim inn" in page.js("$('similar-status').textContent"), "an empty draft is asked for, not sent")
    page.js("$('draft').value = 'Rådet tar saken til orientering. Habilitet ble vurdert.\\n\\n'.repeat(1300)")
    size = page.js("$('draft').value.length")
    run_similar(page)
    page.wait("$('similar-status').textContent.includes('sammenlignet')", 20)
    check("bare de første" in page.js("$('similar-status').textContent"), "a draft over 64 KB is cut with a note",
          page.js("$('similar-status').textContent"))
    check(page.js("$('draft').value.length") == size, "the draft box keeps all of it")
    page.js("$('draft').value = ''; $('draft').focus()")
    page.tools.call("Input.insertText", text="Rådet slutter seg til innspillet med de kommentarer som kom på møtet.")
    run_similar(page)
    meta = page.js("document.querySelector('#similar-results .meta').textContent")
    check("likhet 0," in meta or "likhet 1," in meta, "similarity with a decimal comma", meta)
    expected = page.js("""(() => { const li = document.querySelector('#similar-results li');
        return li.querySelector('pre').textContent + '\\n(' + li.querySelector('.title').textContent + ')'; })()""")
    page.click("#similar-results li button.copy")
    copied = page.wait("document.documentElement.dataset.lastCopy")
    try:
        board = page.js("navigator.clipboard.readText()")
        via = "clipboard"
    except RuntimeError:
        board, via = copied, "copy handler"
    check(board == expected, f"the copy button copies text and citation ({via})", repr((board or "")[:80]))
    page.click("#similar-results li button.copy:nth-of-type(2)")
    citation = page.js("document.querySelector('#similar-results .title').textContent")
    page.wait(f"document.documentElement.dataset.lastCopy === {json.dumps(citation)}")
    check(page.js("document.documentElement.dataset.lastCopy") == citation, "the second button copies the citation alone")
    repaired = page.js("document.querySelectorAll('#similar-results figure.repaired').length")
    print(f"     {repaired} passages show a machine-repaired reading")
    page.shot("similar.png")
    # A draft worded like a passage of the OCR-damaged package: the answer offers its repaired reading.
    page.js("$('draft').value = ''; $('draft').focus()")
    page.tools.call("Input.insertText", text="Deltagelse på Arendalsuka ble diskutert, og rådet sluttet seg til forslaget.")
    run_similar(page)
    shown = page.js("document.querySelector('#similar-results li').textContent")
    check("maskinreparert" in shown and "Rådet sluttet seg til forslaget om å knytte" in shown,
          "a repaired reading stands beside the text, marked maskinreparert", shown[:160])
    expected = page.js("""(() => { const li = document.querySelector('#similar-results li');
        return li.querySelector('pre').textContent + '\\n(' + li.querySelector('.title').textContent + ')'; })()""")
    page.click("#similar-results li button.copy")
    page.wait("document.documentElement.dataset.lastCopy.startsWith('Deltagelse')")
    copied = page.js("document.documentElement.dataset.lastCopy")
    check(copied == expected and "\n(HO21-rådet, referat fra møte 1/2025 (24. februar 2025), sak 13/1/2025)" in copied,
          "the copy is the text as the source has it, with its citation", repr(copied[-90:]))
    page.shot("similar-repaired.png")


def main():
    parser = argparse.ArgumentParser()
    configuration = os.environ.get("CONFIGURATION", "debug")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", configuration, "radsok"))
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser"))
    parser.add_argument("--port", type=int, default=18093)
    parser.add_argument("--screenshots", default=SHOTS, help="where the screenshots go (CI: a temporary folder)")
    args = parser.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)
    work = tempfile.mkdtemp(prefix="radsok-browser-")
    started = time.time()
    server = subprocess.Popen([args.binary, "serve", "--port", str(args.port), "--corpus", os.path.join(ROOT, "Corpus"),
                               "--index", os.path.join(work, "index")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    browser = None
    try:
        base = f"http://127.0.0.1:{args.port}"
        for _ in range(600):
            try:
                urllib.request.urlopen(base + "/api/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        profile = os.path.join(work, "profile")
        browser = subprocess.Popen([args.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                    "--remote-debugging-port=0", f"--user-data-dir={profile}", "--window-size=1200,1000",
                                    "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(profile, "DevToolsActivePort")
        for _ in range(200):
            if os.path.exists(port_file) and open(port_file).read().count("\n") >= 1:
                break
            time.sleep(0.1)
        port = open(port_file).read().split("\n")[0]
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        tools = DevTools(next(t for t in targets if t["type"] == "page")["webSocketDebuggerUrl"])
        tools.call("Page.enable")
        tools.call("Emulation.setDeviceMetricsOverride", width=1200, height=1000, deviceScaleFactor=1, mobile=False)
        try:
            tools.call("Browser.grantPermissions", origin=base, permissions=["clipboardReadWrite", "clipboardSanitizedWrite"])
        except RuntimeError:
            pass
        page = Page(tools, base, args.screenshots)
        for step in (typing, paging, case_and_back, tab_to_section, suggestion_and_modes, bad_input, similar):
            print(f"-- {step.__name__}")
            try:
                step(page)
            except RuntimeError as problem:
                check(False, f"{step.__name__} ran to its end", str(problem)[-300:])
    finally:
        for process in (browser, server):
            if process:
                process.terminate()
                process.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    print(f"{'FAILED' if failures else 'passed'}: {len(failures)} failures in {time.time() - started:.0f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
