import ArgumentParser
import Foundation
import Synchronization
import SearchIndex

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Index a corpus with Rådsøk and with SQLite FTS5, query both, print the figures side by side."
    )

    @Option(help: "The corpus to measure on (see 'generate').")
    var corpus: String

    @Option(help: "Scratch folder for both indexes.")
    var work = "/tmp/radsok-bench-work"

    @Option(help: "Folder whose words make the query set (default: the project's Corpus/).")
    var source: String?

    @Option(help: "Number of queries (1–4 words each).")
    var queries = 240

    @Flag(help: "Measure Rådsøk only.")
    var skipFTS5 = false

    @Option(help: "Times each query is run; its latency is the median of its runs, which keeps a moment of machine noise out of the percentiles.")
    var rounds = 3

    func run() throws {
        let querySet = try QuerySet.make(source: source ?? BenchPaths.defaultSource, count: queries)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let indexFolder = (work as NSString).appendingPathComponent("radsok-index")
        let database = (work as NSString).appendingPathComponent("fts5.sqlite")
        let corpusBytes = try FileManager.default.subpathsOfDirectory(atPath: corpus).reduce(0) { total, name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: (corpus as NSString).appendingPathComponent(name))
            return total + ((attributes?[.type] as? FileAttributeType) == .typeRegular ? (attributes?[.size] as? Int ?? 0) : 0)
        }
        let megabytes = Double(corpusBytes) / 1e6
        let counts = BenchQuery.Kind.allCases.map { kind in "\(querySet.filter { $0.kind == kind }.count) \(kind.rawValue)" }.joined(separator: ", ")
        print(String(format: "corpus %@: %.1f MB; queries (%@), top 10; %d cores; %@", corpus, megabytes, counts,
                     ProcessInfo.processInfo.activeProcessorCount, ISO8601DateFormatter().string(from: Date())))

        var rows: [(String, Double, Double?)] = []
        let radsok = try measure(engine: "radsok", indexStep: "index-radsok", coldStep: "cold-radsok", target: indexFolder,
                                 size: { Self.fileSize((indexFolder as NSString).appendingPathComponent(IndexFormat.fileName)) },
                                 megabytes: megabytes, querySet: querySet) { try Self.makeRadsokQuery(indexFolder) }
        var fts5: EngineFigures?
        if !skipFTS5 {
            fts5 = try measure(engine: "fts5", indexStep: "index-fts5", coldStep: "cold-fts5", target: database,
                               size: { Self.fileSize(database) }, megabytes: megabytes, querySet: querySet) { try Self.makeFTS5Query(database) }
        }
        for (name, value) in radsok.rows {
            rows.append((name, value, fts5?.rows.first { $0.0 == name }?.1))
        }
        print("figure".padding(toLength: 30, withPad: " ", startingAt: 0) + "Rådsøk".leftPadded(12) + "FTS5".leftPadded(12) + "Rådsøk/FTS5".leftPadded(14))
        for (name, ours, theirs) in rows {
            let ratio = theirs.map { String(format: "%.2f×", ours / $0) } ?? "–"
            print(name.padding(toLength: 30, withPad: " ", startingAt: 0) + Self.format(ours).leftPadded(12)
                  + (theirs.map(Self.format) ?? "–").leftPadded(12) + ratio.leftPadded(14))
        }
    }

    struct EngineFigures { var rows: [(String, Double)] }

    /// A query function per thread: each thread gets its own (FTS5 connections are not shared).
    typealias QueryFunction = (BenchQuery) -> Void

    func measure(engine: String, indexStep: String, coldStep: String, target: String, size: () -> Int, megabytes: Double,
                 querySet: [BenchQuery], makeQuery: @escaping @Sendable () throws -> QueryFunction) throws -> EngineFigures {
        let build = try ChildProcess.run(["child", indexStep, "--corpus", corpus, "--target", target])
        guard build.status == 0 else { throw FTS5Engine.Failure(description: "\(engine) indexing failed: \(build.output)") }
        var colds: [Double] = []
        for query in querySet.prefix(5) {
            let cold = try ChildProcess.run(["child", coldStep, "--target", target, "--query", query.words.joined(separator: " ")])
            colds.append(cold.seconds * 1000)
        }
        let plain = querySet.filter { $0.kind == .words }
        let rounds = max(1, self.rounds)
        let single = try Self.latencies(plain, threads: 1, rounds: rounds, makeQuery: makeQuery)
        let double = try Self.latencies(plain, threads: 2, rounds: rounds, makeQuery: makeQuery)
        let phrases = try Self.latencies(querySet.filter { $0.kind == .phrase }, threads: 1, rounds: rounds, makeQuery: makeQuery)
        let prefixes = try Self.latencies(querySet.filter { $0.kind == .prefix }, threads: 1, rounds: rounds, makeQuery: makeQuery)
        return EngineFigures(rows: [
            ("indexing time (s)", build.seconds),
            ("indexing (MB/s)", megabytes / build.seconds),
            ("indexing peak RSS (MB)", build.peakRSSMegabytes),
            ("index size / corpus", Double(size()) / (megabytes * 1e6)),
            ("cold start, median of 5 (ms)", Latency(colds).percentile(50)),
            ("p50, 1 thread (ms)", single.latency.percentile(50)),
            ("p95, 1 thread (ms)", single.latency.percentile(95)),
            ("p99, 1 thread (ms)", single.latency.percentile(99)),
            ("queries/s, 1 thread", single.throughput),
            ("p50, 2 threads (ms)", double.latency.percentile(50)),
            ("p99, 2 threads (ms)", double.latency.percentile(99)),
            ("queries/s, 2 threads", double.throughput),
            ("phrase p50, 1 thread (ms)", phrases.latency.percentile(50)),
            ("phrase p99, 1 thread (ms)", phrases.latency.percentile(99)),
            ("prefix p50, 1 thread (ms)", prefixes.latency.percentile(50)),
            ("prefix p99, 1 thread (ms)", prefixes.latency.percentile(99)),
        ])
    }

    /// Warms up on a tenth of the query set, then runs the whole set `rounds` times, split between
    /// the threads, timing each query (so the two-thread run costs no more time than the one-thread
    /// run). A query's latency is the median of its rounds.
    static func latencies(_ querySet: [BenchQuery], threads: Int, rounds: Int,
                          makeQuery: @escaping @Sendable () throws -> QueryFunction) throws -> (latency: Latency, throughput: Double) {
        let warm = try makeQuery()
        querySet.prefix(max(1, querySet.count / 10)).forEach(warm)
        let samples = Mutex<[Int: [Double]]>([:])
        let start = DispatchTime.now()
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            guard let query = try? makeQuery() else { return }
            var local: [Int: [Double]] = [:]
            for _ in 0..<rounds {
                for (i, benchQuery) in querySet.enumerated() where i % threads == thread {
                    let t = DispatchTime.now()
                    query(benchQuery)
                    local[i, default: []].append(Latency.milliseconds(since: t))
                }
            }
            samples.withLock { $0.merge(local) { a, _ in a } }
        }
        let seconds = Latency.milliseconds(since: start) / 1000
        let perQuery = samples.withLock { $0 }.values.map { Latency($0).percentile(50) }
        return (Latency(perQuery), Double(perQuery.count * rounds) / seconds)
    }

    static func makeRadsokQuery(_ folder: String) throws -> QueryFunction {
        let reader = try IndexReader.open(folder: folder)
        let planner = QueryPlanner()
        let searcher = Searcher(reader: reader)
        return { query in _ = searcher.search(planner.plan(query.radsokText, reader: reader), limit: 10) }
    }

    static func makeFTS5Query(_ database: String) throws -> QueryFunction {
        let searcher = try FTS5Engine.Searcher(database: database, limit: 10)
        return { query in _ = searcher.search(query.fts5Match) }
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    static func format(_ value: Double) -> String {
        value >= 100 ? String(format: "%.0f", value) : value >= 10 ? String(format: "%.1f", value) : String(format: "%.3f", value)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
