import ArgumentParser
import Foundation
import SearchIndex

/// The measured steps, each run in a process of its own by `run`.
struct ChildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "child", abstract: "One measured step (used by 'run').", shouldDisplay: false)

    enum Step: String, ExpressibleByArgument {
        case indexRadsok = "index-radsok", indexFTS5 = "index-fts5", coldRadsok = "cold-radsok", coldFTS5 = "cold-fts5"
        /// The query set once against an index, for counting instructions under
        /// `valgrind --tool=callgrind --toggle-collect='*runQueries*'`, which machine noise
        /// does not touch (see Benchmarks/README.md).
        case queriesRadsok = "queries-radsok"
    }

    @Argument var step: Step
    @Option var corpus = ""
    @Option var target = ""
    @Option var query = "helsedata"
    @Option var kind = BenchQuery.Kind.words
    @Option var queries = 240
    @Option var rounds = 1
    /// Scores every matching section instead of pruning, for an A/B in one build.
    @Flag var exhaustive = false
    /// With rounds, also prints this many of the slowest queries with their medians.
    @Option var slowest = 0

    func run() throws {
        let start = DispatchTime.now()
        switch step {
        case .indexRadsok:
            // From scratch, as FTS5 and Tantivy build: an earlier run's segments would make it an update.
            try? FileManager.default.removeItem(atPath: target)
            try IndexBuilder().build(corpus: corpus, into: target)
        case .indexFTS5:
            _ = try FTS5Engine.build(corpus: corpus, database: target)
        case .coldRadsok:
            let reader = try IndexReader.open(folder: target)
            let hits = Searcher(reader: reader).search(QueryPlanner().plan(query, reader: reader), limit: 10).hits
            precondition(hits.count <= 10)
        case .coldFTS5:
            let searcher = try FTS5Engine.Searcher(database: target, limit: 10)
            _ = searcher.search(BenchQuery(kind: .words, words: query.split(separator: " ").map(String.init)).fts5Match)
            searcher.close()
        case .queriesRadsok:
            let set = try QuerySet.make(source: BenchPaths.defaultSource, count: queries).filter { $0.kind == kind }
            if rounds <= 1 {
                var searcher = Searcher(reader: try IndexReader.open(folder: target))
                searcher.prunes = !exhaustive
                Self.runQueries(set, searcher: searcher)
            } else {
                // The same measurement as `run`, in this process alone: each query's median over
                // the rounds, then their percentiles (ms).
                let measured = try RunCommand.latencies(set, threads: 1, rounds: rounds) { [target, exhaustive] in
                    try RunCommand.makeRadsokQuery(target, prunes: !exhaustive)
                }
                let latency = measured.latency
                for (i, ms) in measured.medians.sorted(by: { $0.value > $1.value }).prefix(slowest) {
                    print(String(format: "%8.3f ms  ", ms) + set[i].radsokText)
                }
                print(String(format: "p50 %.3f p90 %.3f p99 %.3f", latency.percentile(50), latency.percentile(90), latency.percentile(99)))
            }
        }
        print(Latency.milliseconds(since: start) / 1000)
    }

    @inline(never)
    static func runQueries(_ queries: [BenchQuery], searcher: Searcher) {
        let planner = QueryPlanner()
        for query in queries {
            _ = searcher.search(planner.plan(query.radsokText, reader: searcher.reader), limit: 10)
        }
    }
}

extension BenchQuery.Kind: ExpressibleByArgument {}
