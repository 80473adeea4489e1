"""The load of Benchmarks/stress.sh against one `radsok serve` on 127.0.0.1 (stdlib only).

Runs at the same time, each bounded in count and time:
  * hostile: `--requests` random requests over `--workers` keep-alive connections to every
    endpoint (random parameters, bodies up to 1 MB, invalid JSON, wrong content types, path
    traversal in several encodings), plus raw ones: huge headers and targets, HTTP/1.0,
    pipelining, HEAD/OPTIONS/DELETE and unknown methods, garbage;
  * slow: `--slow` connections that send a request a byte a second;
  * idle: `--idle` connections that send nothing;
  * swaps: the index rebuilt with `radsok index` while serving, a corpus file changed each time;
  * good: one client on a keep-alive connection and one opening a connection per request,
    each asking a plain search every 50 ms, timed.
Then prints what it saw. Only the loopback is ever a target.
"""
import argparse
import collections
import http.client
import json
import os
import random
import socket
import subprocess
import threading
import time
import urllib.parse

DOCUMENTED = {200, 204, 400, 404, 405, 408, 409, 413, 414, 431, 501, 503}
WORDS = ["helsedata", "KSF", "forskning", "rådet", "vedtak", "kommune", "tilgang", "habilitet", "møte",
         "Helsedataservice", "personvern", "samarbeid", "høringssvar", "horingssvar", "plan", "år", "sak"]
TRAVERSALS = ["../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "..%252F..%252Fetc%252Fpasswd", "%2e%2e/%2e%2e/etc/passwd",
              "%2Fetc%2Fpasswd", "..\\..\\etc\\passwd", "....//....//etc/passwd", "%c0%ae%c0%ae/etc/passwd",
              "/proc/self/environ", "..%00/etc/passwd", "%2e%2e%5c%2e%2e%5cetc%5cpasswd"]

lock = threading.Lock()
counts = collections.defaultdict(collections.Counter)  # endpoint -> status -> n
odd_statuses = collections.Counter()  # (endpoint, status) outside DOCUMENTED
leaks = []  # (endpoint, excerpt) of bodies naming a server path
closed_examples = []  # (endpoint, method, target) of requests the server closed without an answer
stop = threading.Event()


def record(endpoint, status, body, secrets):
    with lock:
        counts[endpoint][status] += 1
        if status not in DOCUMENTED:
            odd_statuses[(endpoint, status)] += 1
        text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
        for secret in secrets:
            if secret and secret in text and len(leaks) < 20:
                leaks.append((endpoint, secret, text[:160]))


def quote(text, rng):
    return urllib.parse.quote_plus(text) if rng.random() < 0.5 else urllib.parse.quote(text, safe="")


def random_query(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(0, 6))]
    decorate = [lambda w: w, lambda w: '"' + w, lambda w: "-" + w, lambda w: w + "*", lambda w: w + "~",
                lambda w: w + "~2", lambda w: "type:" + rng.choice(["vedtak", "referat", "tull"]),
                lambda w: "år:" + str(rng.randint(1990, 2030)), lambda w: "OR", lambda w: "sak:8/1/2025",
                lambda w: "(" + w, lambda w: w + ")", lambda w: "\u202e" + w, lambda w: w + "\x00"]
    q = " ".join(rng.choice(decorate)(w) for w in words)
    if rng.random() < 0.05:
        q = "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(1, 1200)))
    return q


def random_request(rng):
    """(endpoint, method, target, body, headers)"""
    kind = rng.choices(["search", "cases", "sections", "similar", "health", "page", "methods"],
                       [40, 10, 10, 15, 5, 5, 15])[0]
    if kind == "search":
        params = [("q", random_query(rng))]
        for name, values in [("limit", ["1", "10", "100", "101", "-1", "abc", ""]), ("offset", ["0", "50", "10000", "99999"]),
                             ("kind", ["vedtak", "referat,vedtak", "tull"]), ("year", ["2023", "2025", "1800", "x"]),
                             ("from", ["2023-01-01", "2023-13-45"]), ("to", ["2025-12-31"]), ("meeting", ["1/2025", "x"]),
                             ("cases", ["true", "false", "kanskje"]), ("sort", ["relevance", "date", "x"])]:
            if rng.random() < 0.25:
                params.append((name, rng.choice(values)))
        target = "/api/search?" + "&".join(f"{quote(k, rng)}={quote(v, rng)}" for k, v in params)
        if rng.random() < 0.03:
            target += "&q=%zz"
        return kind, "GET", target, None, {}
    if kind == "cases":
        cid = rng.choice(["8/1/2025", "8%2F1%2F2025", "2/1/2025", "99/9/2099", "tull"] + TRAVERSALS)
        return kind, "GET", "/api/cases/" + cid, None, {}
    if kind == "sections":
        sid = rng.choice(["ho21-møte-2023-1-sakspapirer.txt:1-20", "nope.txt:1-2", "tull"] + [t + ":1-2" for t in TRAVERSALS])
        return kind, "GET", "/api/sections/" + urllib.parse.quote(sid, safe="/%:"), None, {}
    if kind == "similar":
        if rng.random() < 0.2:
            return kind, "GET", "/api/similar?text=" + quote(random_query(rng), rng), None, {}
        size = rng.choice([0, 10, 200, 5000, 60000, 70000, 300000, 1 << 20])
        text = " ".join(rng.choice(WORDS) for _ in range(size // 8 + 1))[:size]
        body, ctype = rng.choice([
            (text.encode(), "text/plain; charset=utf-8"),
            (json.dumps({"text": text}).encode(), "application/json"),
            (b'{"text": "unterminated', "application/json"),
            (b"\x89PNG\r\n\x1a\n" + os.urandom(min(size, 4096)), "image/png"),
            (text.encode(), "application/x-www-form-urlencoded"),
        ])
        return kind, "POST", "/api/similar?limit=" + rng.choice(["3", "8", "0", "x"]), body, {"Content-Type": ctype}
    if kind == "health":
        return kind, "GET", "/api/health", None, {}
    if kind == "page":
        return kind, "GET", rng.choice(["/", "/app.js", "/index.html", "/favicon.ico"] + ["/" + t for t in TRAVERSALS]), None, {}
    method = rng.choice(["HEAD", "OPTIONS", "DELETE", "PUT", "PATCH", "TRACE", "PROPFIND"])
    return "methods", method, rng.choice(["/api/search?q=helsedata", "/api/similar", "/", "/api/health", "/nothing"]), None, {}


def raw_exchange(port, payload, timeout=15):
    """Sends bytes on a fresh connection; the statuses of the responses that came back."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        try:
            s.sendall(payload)
        except OSError:
            pass
        data = b""
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        except OSError:
            pass
    statuses = [int(line.split()[1]) for line in data.split(b"\r\n") if line.startswith(b"HTTP/1.") and len(line.split()) > 1]
    return statuses, data


def raw_requests(rng):
    """(endpoint, payload)"""
    host = b"Host: 127.0.0.1\r\n"
    get = b"GET /api/health HTTP/1.1\r\n" + host
    return rng.choice([
        ("raw-huge-header", get + b"X-Big: " + b"a" * rng.choice([20_000, 100_000, 1_000_000]) + b"\r\n\r\n"),
        ("raw-many-headers", get + b"".join(b"X-%d: v\r\n" % i for i in range(rng.choice([150, 5000]))) + b"\r\n"),
        ("raw-long-target", b"GET /api/search?q=" + b"a" * rng.choice([9_000, 100_000]) + b" HTTP/1.1\r\n" + host + b"\r\n"),
        ("raw-http10", b"GET /api/search?q=helsedata HTTP/1.0\r\n\r\n"),
        ("raw-pipelined", (get + b"\r\n") * 3 + b"GET /api/search?q=helsedata&limit=3 HTTP/1.1\r\n" + host + b"Connection: close\r\n\r\n"),
        ("raw-unknown-method", b"FOO /api/health HTTP/1.1\r\n" + host + b"\r\n"),
        ("raw-garbage", os.urandom(64) + b"\r\n\r\n"),
        ("raw-bad-length", b"POST /api/similar HTTP/1.1\r\n" + host + b"Content-Length: -1\r\n\r\n"),
        ("raw-traversal", b"GET /../../etc/passwd HTTP/1.1\r\n" + host + b"Connection: close\r\n\r\n"),
        ("raw-chunked", b"POST /api/similar HTTP/1.1\r\n" + host + b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
         b"6\r\nR\xc3\xa5det\r\n0\r\n\r\n"),
        ("raw-bad-chunk", b"POST /api/similar HTTP/1.1\r\n" + host + b"Transfer-Encoding: chunked\r\n\r\n"
         b"5\r\nR\xc3\xa5det\r\n0\r\n\r\n"),
    ])


def hostile(port, seed, count, deadline, secrets):
    rng = random.Random(seed)
    conn = None
    for _ in range(count):
        if stop.is_set() or time.time() > deadline:
            return
        if rng.random() < 0.06:
            endpoint, payload = raw_requests(rng)
            try:
                statuses, data = raw_exchange(port, payload)
            except OSError:
                statuses, data = [], b""
            for status in statuses or ["no answer"]:
                record(endpoint, status, data, secrets)
            continue
        endpoint, method, target, body, headers = random_request(rng)
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
            conn.request(method, target, body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
            record(endpoint, response.status, data, secrets)
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException) as error:
            record(endpoint, "closed: " + type(error).__name__, b"", secrets)
            with lock:
                if len(closed_examples) < 5:
                    closed_examples.append((endpoint, method, target[:100], len(body or b"")))
            conn = None


class Good(threading.Thread):
    """A well-behaved client asking a plain search every 50 ms, timed."""

    def __init__(self, port, fresh):
        super().__init__(daemon=True)
        self.port, self.fresh = port, fresh
        self.latencies, self.failures, self.reconnects = [], collections.Counter(), 0

    def ask(self, conn):
        conn.request("GET", "/api/search?q=helsedata+forskning&limit=5")
        response = conn.getresponse()
        response.read()
        return response.status

    def run(self):
        conn = None
        while not stop.is_set():
            started = time.time()
            try:
                reused = conn is not None and not self.fresh
                if not reused:
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                try:
                    status = self.ask(conn)
                except (ConnectionError, http.client.RemoteDisconnected):
                    if not reused:
                        raise
                    # A keep-alive connection the server closed meanwhile: ask again on a new
                    # one, as browsers do for a GET.
                    self.reconnects += 1
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                    status = self.ask(conn)
                if status != 200:
                    self.failures[status] += 1
                if self.fresh:
                    conn.close()
            except (OSError, http.client.HTTPException) as error:
                self.failures[type(error).__name__] += 1
                conn = None
            self.latencies.append(time.time() - started)
            time.sleep(0.05)


def held_connections(port, count, seconds, trickle=b"", delay=0.0, interval=1.0):
    """`count` connections held up to `seconds` (opened after `delay`), each sending `trickle` a
    byte every `interval` seconds, or nothing; how they ended and after how long."""
    outcome, lifetimes, sockets = collections.Counter(), [], []
    if stop.wait(delay):
        return outcome, lifetimes
    for _ in range(count):
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=2)
            s.setblocking(False)
            sockets.append([s, 0, b"", time.time()])
        except OSError:
            outcome["could not connect"] += 1
    end = time.time() + seconds
    while sockets and time.time() < end and not stop.is_set():
        for entry in list(sockets):
            s, sent, got, opened = entry
            try:
                chunk = s.recv(4096)
                if chunk == b"":
                    raise ConnectionResetError
                entry[2] += chunk
            except BlockingIOError:
                pass
            except OSError:
                status = got.split(b" ")[1].decode() if got.startswith(b"HTTP/1.") else "no answer"
                outcome[f"closed by server ({status})"] += 1
                lifetimes.append(time.time() - opened)
                sockets.remove(entry)
                s.close()
                continue
            if sent < len(trickle):
                try:
                    s.send(trickle[sent:sent + 1])
                    entry[1] += 1
                except OSError:
                    pass
        time.sleep(interval)
    outcome["still open at the end"] += len(sockets)
    for s, *_ in sockets:
        s.close()
    return outcome, lifetimes


SLOW_REQUEST = b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 200 + b"\r\n\r\n"


def index_swaps(radsok, work, rounds, pause):
    results = []
    for round_number in range(rounds):
        if stop.wait(pause):
            break
        changed = os.path.join(work, "corpus", "ho21-årsrapport-2025.txt")
        with open(changed, "a", encoding="utf-8") as file:
            file.write(f"\nTillegg {round_number}: rådet drøftet helsedata og forskning på nytt.\n")
        started = time.time()
        done = subprocess.run([radsok, "index", "--corpus", os.path.join(work, "corpus"), "--index", os.path.join(work, "index")],
                              capture_output=True, timeout=120)
        results.append((done.returncode, round(time.time() - started, 1)))
    return results


def rss(pid):
    values = {}
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(("VmRSS", "VmHWM", "RssAnon", "RssFile")):
                    name, value = line.split(":")
                    values[name] = int(value.split()[0]) // 1024
    except OSError:
        pass
    return values


def main():
    parser = argparse.ArgumentParser()
    for name, default in [("port", 0), ("pid", 0), ("requests", 10_000), ("workers", 8), ("seconds", 120),
                          ("slow", 300), ("idle", 3000), ("swaps", 3)]:
        parser.add_argument("--" + name, type=int, default=default)
    for name in ["radsok", "work", "repo"]:
        parser.add_argument("--" + name, default="")
    args = parser.parse_args()
    secrets = [args.work, args.repo, os.path.expanduser("~") + "/", "/opt/swift", "root:x:0:0", "/proc/", "/usr/"]

    before = rss(args.pid)
    peak = {"VmRSS": before.get("VmRSS", 0)}

    def sample():
        while not stop.is_set():
            peak["VmRSS"] = max(peak["VmRSS"], rss(args.pid).get("VmRSS", 0))
            time.sleep(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    good = [Good(args.port, fresh=False), Good(args.port, fresh=True)]
    for client in good:
        client.start()

    started = time.time()
    deadline = started + args.seconds
    side = {}
    threads = [threading.Thread(target=hostile, args=(args.port, seed, args.requests // args.workers, deadline, secrets))
               for seed in range(args.workers)]
    threads += [
        threading.Thread(target=lambda: side.__setitem__("slow", held_connections(args.port, args.slow, 40, SLOW_REQUEST))),
        # The idle crowd comes when the slow clients have met their read timeout.
        threading.Thread(target=lambda: side.__setitem__("idle", held_connections(args.port, args.idle, 30, delay=12,
                                                                                   interval=0.5))),
        threading.Thread(target=lambda: side.__setitem__("swaps", index_swaps(args.radsok, args.work, args.swaps, 8))),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(1, deadline + 60 - time.time()))
    load_seconds = time.time() - started
    stop.set()
    for client in good:
        client.join(timeout=35)
    time.sleep(3)
    soon = rss(args.pid)
    time.sleep(9)
    after = rss(args.pid)
    alive = os.path.exists(f"/proc/{args.pid}")
    try:
        conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=10)
        conn.request("GET", "/api/health")
        health = conn.getresponse().status
    except (OSError, http.client.HTTPException) as error:
        health = type(error).__name__

    total = sum(sum(c.values()) for c in counts.values())
    print(f"load: {total} hostile requests in {load_seconds:.0f} s ({args.workers} connections), "
          f"{args.slow} slow clients, {args.idle} idle connections, {args.swaps} index rebuilds")
    print("status counts per endpoint:")
    for endpoint in sorted(counts):
        line = ", ".join(f"{status}: {n}" for status, n in sorted(counts[endpoint].items(), key=lambda kv: str(kv[0])))
        print(f"  {endpoint:20} {line}")
    print("statuses outside the documented set " + str(sorted(DOCUMENTED)) + ":",
          ", ".join(f"{e} {s} ×{n}" for (e, s), n in sorted(odd_statuses.items(), key=str)) or "none")
    for example in closed_examples:
        print("  closed without an answer:", example)
    print("bodies naming a server path:", len(leaks) or "none")
    for endpoint, secret, excerpt in leaks[:5]:
        print(f"  {endpoint}: {secret!r} in {excerpt!r}")
    for name in ["slow", "idle"]:
        outcome, lifetimes = side.get(name, (collections.Counter(), []))
        life = f"; closed after {min(lifetimes):.1f}–{max(lifetimes):.1f} s" if lifetimes else ""
        print(f"{name} clients: " + ", ".join(f"{k}: {v}" for k, v in sorted(outcome.items())) + life)
    print("index rebuilds (exit code, seconds):", side.get("swaps"))
    print(f"server RSS: before {before.get('VmRSS')} MB, peak {peak['VmRSS']} MB (VmHWM {after.get('VmHWM')} MB), "
          f"after {soon.get('VmRSS')} MB 3 s later, {after.get('VmRSS')} MB 12 s later")
    print(f"  of which anonymous (heap, stacks): before {before.get('RssAnon')} MB, after {after.get('RssAnon')} MB; "
          f"file-backed (binary, libraries, ICU data): before {before.get('RssFile')} MB, after {after.get('RssFile')} MB")
    print(f"server survived: {'yes' if alive and health == 200 else 'NO'} (process {'alive' if alive else 'gone'}, "
          f"/api/health {health})")
    for client, name in zip(good, ["keep-alive", "new connection each"]):
        latencies = sorted(client.latencies) or [0]
        p50, p99 = latencies[len(latencies) // 2], latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
        failures = ", ".join(f"{k}: {v}" for k, v in client.failures.items()) or "none"
        print(f"good client ({name}): {len(client.latencies)} searches, p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, "
              f"slowest {latencies[-1] * 1000:.0f} ms; not 200: {failures}"
              + (f"; asked again on a new connection {client.reconnects}×" if client.reconnects else ""))


if __name__ == "__main__":
    main()
