#!/usr/bin/env python3
"""Tantivy as a benchmark peer of Rådsøk and SQLite FTS5 (issue 17), through its Python binding.

`radsok-bench run` writes the sections it gives FTS5 (JSON lines, one JSON string per section
body) and its query set (JSON lines, {"kind": "words" | "phrase" | "prefix", "words": [...]})
into its work folder, then runs this script's steps as child processes of its own, as it does
for the other engines: `index` (wall time and peak RSS read with wait4), `cold` five times (a new
process that opens the index and answers one query) and `queries` (latency figures as JSON).
`all` runs the three in one go and prints every figure, for use without radsok-bench:

    pip install tantivy==0.27.0
    python3 Benchmarks/tantivy-peer.py all --sections S.jsonl --queries Q.jsonl --index DIR

Settings, as issue 17 gives them: the simple tokenizer, lowercase, the Snowball Norwegian
stemmer; one writer thread; bodies indexed with positions but not stored (the hits are document
addresses, as FTS5's are rowids); queries parsed by Tantivy's query parser as an OR of the words
(as FTS5's) and phrases as "a b"; the top 10 by BM25 without counting all matches (`count=False`,
so Tantivy may prune as top-k search does). Tantivy's query parser has no single-term prefix
query (`abcd*` parses as the term `abcd`), so the prefix figures are null (n/a).

Only the standard library and `tantivy` are used. Latencies are in milliseconds; each query's
latency is the median of its rounds, and the percentiles use the same rank rule as radsok-bench.
"""

import argparse
import importlib.metadata
import json
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time

import tantivy

TOKENIZER = "norwegian_simple"
FIELD = "body"
WRITER_HEAP_BYTES = 256_000_000


def analyzer():
    """The analysis issue 17 asks for: simple tokenizer, lowercase, Snowball Norwegian stemmer."""
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.stemmer("norwegian"))
            .build())


def schema():
    builder = tantivy.SchemaBuilder()
    builder.add_text_field(FIELD, stored=False, tokenizer_name=TOKENIZER, index_option="position")
    return builder.build()


def open_index(path):
    """Opens an index and registers the analyzer, which Tantivy does not store with the index."""
    index = tantivy.Index.open(path)
    index.register_tokenizer(TOKENIZER, analyzer())
    return index


def build_index(sections_path, index_path):
    """Indexes every section body; returns (sections, segments)."""
    shutil.rmtree(index_path, ignore_errors=True)
    os.makedirs(index_path)
    index = tantivy.Index(schema(), path=index_path)
    index.register_tokenizer(TOKENIZER, analyzer())
    writer = index.writer(heap_size=WRITER_HEAP_BYTES, num_threads=1)
    count = 0
    with open(sections_path, encoding="utf-8") as sections:
        for line in sections:
            document = tantivy.Document()
            document.add_text(FIELD, json.loads(line))
            writer.add_document(document)
            count += 1
    writer.commit()
    # Merges that the commit started belong to the indexing time.
    writer.wait_merging_threads()
    index.reload()
    return count, index.searcher().num_segments


def query_text(query):
    """Tantivy's query syntax for a benchmark query: an OR of the words, or a phrase."""
    if query["kind"] == "words":
        return " OR ".join(query["words"])
    if query["kind"] == "phrase":
        return '"' + " ".join(query["words"]) + '"'
    raise ValueError("Tantivy's query parser has no single-term prefix query")


def search(index, searcher, query):
    """One top-10 query, parsing included (as FTS5's MATCH and Rådsøk's planning are timed)."""
    parsed = index.parse_query(query_text(query), [FIELD])
    return searcher.search(parsed, limit=10, count=False).hits


def percentile(samples, p):
    """radsok-bench's rank rule (Latency.percentile), so both sides cut the same sample."""
    ordered = sorted(samples)
    if not ordered:
        return None
    rank = min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))
    return ordered[rank]


def latencies(index, queries, threads, rounds):
    """Warms up on a tenth of the set, then runs it `rounds` times split between the threads (each
    with its own searcher, as each FTS5 thread has its own connection). Returns each query's
    median latency (ms) and the throughput. Python threads share the GIL, so two threads gain only
    as much as the binding runs a query without holding it."""
    warm = index.searcher()
    for query in queries[:max(1, len(queries) // 10)]:
        search(index, warm, query)
    samples = {}

    def worker(thread):
        searcher = index.searcher()
        local = {}
        for _ in range(rounds):
            for i, query in enumerate(queries):
                if i % threads != thread:
                    continue
                start = time.perf_counter()
                search(index, searcher, query)
                local.setdefault(i, []).append((time.perf_counter() - start) * 1000)
        samples.update(local)

    start = time.perf_counter()
    workers = [threading.Thread(target=worker, args=(t,)) for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    seconds = time.perf_counter() - start
    medians = [statistics.median(runs) for runs in samples.values()]
    return medians, len(medians) * rounds / seconds


def query_figures(index_path, queries_path, rounds):
    """The latency figures, keyed as radsok-bench's figures are."""
    index = open_index(index_path)
    with open(queries_path, encoding="utf-8") as lines:
        queries = [json.loads(line) for line in lines]
    words = [q for q in queries if q["kind"] == "words"]
    phrases = [q for q in queries if q["kind"] == "phrase"]
    single, single_rate = latencies(index, words, 1, rounds)
    double, double_rate = latencies(index, words, 2, rounds)
    phrase, _ = latencies(index, phrases, 1, rounds)
    return {
        "p50_1": percentile(single, 50), "p95_1": percentile(single, 95), "p99_1": percentile(single, 99),
        "qps_1": single_rate,
        "p50_2": percentile(double, 50), "p99_2": percentile(double, 99), "qps_2": double_rate,
        "phrase_p50": percentile(phrase, 50), "phrase_p99": percentile(phrase, 99),
        "prefix_p50": None, "prefix_p99": None,
    }


def folder_bytes(path):
    return sum(os.path.getsize(os.path.join(root, name)) for root, _, names in os.walk(path) for name in names)


def peak_rss_megabytes():
    """Linux reports ru_maxrss in KiB; radsok-bench prints MiB as `wait4` gives them."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_all(args):
    """Every figure in one invocation: indexing in this process, cold start in new ones."""
    corpus_bytes = args.corpus_bytes or os.path.getsize(args.sections)
    start = time.perf_counter()
    sections, segments = build_index(args.sections, args.index)
    seconds = time.perf_counter() - start
    rss = peak_rss_megabytes()
    with open(args.queries, encoding="utf-8") as lines:
        first = [q for q in map(json.loads, lines) if q["kind"] == "words"][:5]
    colds = []
    for query in first:
        start = time.perf_counter()
        subprocess.run([sys.executable, __file__, "cold", "--index", args.index, "--query", " ".join(query["words"])],
                       check=True, stdout=subprocess.DEVNULL)
        colds.append((time.perf_counter() - start) * 1000)
    figures = {
        "binding": importlib.metadata.version("tantivy"), "engine": tantivy.__version__,
        "sections": sections, "segments": segments,
        "indexing_seconds": seconds, "indexing_mb_per_s": corpus_bytes / 1e6 / seconds, "indexing_peak_rss_mb": rss,
        "index_size_per_corpus": folder_bytes(args.index) / corpus_bytes,
        "cold_start_ms": statistics.median(colds),
    }
    figures.update(query_figures(args.index, args.queries, args.rounds))
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    steps = parser.add_subparsers(dest="step", required=True)
    index = steps.add_parser("index", help="index the sections (radsok-bench reads time and RSS with wait4)")
    index.add_argument("--sections", required=True)
    index.add_argument("--index", required=True)
    cold = steps.add_parser("cold", help="open the index and answer one OR query")
    cold.add_argument("--index", required=True)
    cold.add_argument("--query", required=True)
    queries = steps.add_parser("queries", help="latency figures over the query set")
    queries.add_argument("--index", required=True)
    queries.add_argument("--queries", required=True)
    queries.add_argument("--rounds", type=int, default=3)
    every = steps.add_parser("all", help="every figure in one invocation")
    every.add_argument("--sections", required=True)
    every.add_argument("--queries", required=True)
    every.add_argument("--index", required=True)
    every.add_argument("--rounds", type=int, default=3)
    every.add_argument("--corpus-bytes", type=int, help="corpus size for MB/s (default: the sections file's)")
    args = parser.parse_args()

    if args.step == "index":
        sections, segments = build_index(args.sections, args.index)
        result = {"sections": sections, "segments": segments, "indexing_peak_rss_mb": peak_rss_megabytes()}
    elif args.step == "cold":
        index = open_index(args.index)
        hits = search(index, index.searcher(), {"kind": "words", "words": args.query.split()})
        result = {"hits": len(hits)}
    elif args.step == "queries":
        result = query_figures(args.index, args.queries, max(1, args.rounds))
    else:
        args.rounds = max(1, args.rounds)
        result = run_all(args)
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
