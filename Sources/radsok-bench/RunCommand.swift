import CouncilDocuments
import ArgumentParser
import Foundation
import Synchronization
import SearchIndex

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Index a corpus with Rådsøk, SQLite FTS5 and Tantivy, query each, print the figures side by side."
    )

    @Option(help: "The corpus to measure on (see 'generate').")
    var corpus: String

    @Option(help: "Scratch folder for the indexes and the Tantivy export.")
    var work = "/tmp/radsok-bench-work"

    @Option(help: "Folder whose words make the query set (default: the project's Corpus/).")
    var source: String?

    @Option(help: "Number of queries (1–4 words each).")
    var queries = 240

    @Flag(help: "Leave FTS5 out.")
    var skipFTS5 = false

    @Flag(help: "Leave Tantivy out.")
    var skipTantivy = false

    @Option(help: "Seconds each Tantivy step (indexing, a cold start, the query set) may take before it is killed.")
    var tantivyTimeout = 1800.0

    @Option(help: "Times each query is run; its latency is the median of its runs, which keeps a moment of machine noise out of the percentiles.")
    var rounds = 3

    func run() throws {
        let querySet = try QuerySet.make(source: source ?? BenchPaths.defaultSource, count: queries)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let indexFolder = (work as NSString).appendingPathComponent("radsok-index")
        let database = (work as NSString).appendingPathComponent("fts5.sqlite")
        let megabytes = Double(try Self.folderBytes(corpus)) / 1e6
        let counts = BenchQuery.Kind.allCases.map { kind in "\(querySet.filter { $0.kind == kind }.count) \(kind.rawValue)" }.joined(separator: ", ")
        print(String(format: "corpus %@: %.1f MB; queries (%@), top 10; %d cores; %@", corpus, megabytes, counts,
                     ProcessInfo.processInfo.activeProcessorCount, ISO8601DateFormatter().string(from: Date())))

        let radsok = try measure(EngineSteps(
            name: "radsok", index: ["child", "index-radsok", "--corpus", corpus, "--target", indexFolder],
            cold: { ["child", "cold-radsok", "--target", indexFolder, "--query", $0.words.joined(separator: " ")] },
            indexBytes: { Self.fileSize((indexFolder as NSString).appendingPathComponent(IndexFormat.fileName)) },
            latencies: {
                try Self.inProcessLatencies(querySet, rounds: rounds) { try Self.makeRadsokQuery(indexFolder) }
            }
        ), megabytes: megabytes, querySet: querySet)
        var peers: [FigureTable.Peer] = []
        if !skipFTS5 {
            let fts5 = try measure(EngineSteps(
                name: "fts5", index: ["child", "index-fts5", "--corpus", corpus, "--target", database],
                cold: { ["child", "cold-fts5", "--target", database, "--query", $0.words.joined(separator: " ")] },
                indexBytes: { Self.fileSize(database) },
                latencies: {
                    try Self.inProcessLatencies(querySet, rounds: rounds) { try Self.makeFTS5Query(database) }
                }
            ), megabytes: megabytes, querySet: querySet)
            peers.append(FigureTable.Peer(name: "FTS5", ratioTitle: "Rådsøk/FTS5", figures: fts5))
        }
        if !skipTantivy, let tantivy = try measureTantivy(megabytes: megabytes, querySet: querySet) {
            peers.append(FigureTable.Peer(name: "Tantivy", ratioTitle: "Rådsøk ÷ Tantivy", figures: tantivy))
        }
        FigureTable(radsok: radsok, peers: peers).lines.forEach { print($0) }
    }

    /// Tantivy's figures, or nil after one printed line saying why there are none: the binding is
    /// not installed, or a step failed (its last line of stderr). The other engines' figures print
    /// either way.
    func measureTantivy(megabytes: Double, querySet: [BenchQuery]) throws -> EngineFigures? {
        guard let peer = TantivyPeer.find(script: BenchPaths.tantivyScript, timeout: tantivyTimeout) else {
            print("Tantivy: not measured (pip install tantivy)")
            return nil
        }
        let index = (work as NSString).appendingPathComponent("tantivy-index")
        do {
            let exportStart = DispatchTime.now()
            let inputs = try TantivyPeer.export(corpus: corpus, querySet: querySet, into: work)
            let exportSeconds = Latency.milliseconds(since: exportStart) / 1000
            print(String(format: "Tantivy %@ (%@): %d sections exported in %.1f s (reading and sectioning, which the "
                         + "others' indexing time includes); starting python3 and importing tantivy takes %.0f ms "
                         + "of its cold start", peer.version, peer.python, inputs.sectionCount, exportSeconds,
                         try peer.importMilliseconds()))
            let figures = try measure(EngineSteps(
                name: "tantivy", executable: peer.python, timeout: peer.timeout,
                index: peer.indexArguments(inputs, index: index),
                cold: { peer.coldArguments(index: index, query: $0) },
                indexBytes: { try Self.folderBytes(index) },
                latencies: { [rounds] in try peer.latencies(inputs, index: index, rounds: max(1, rounds)) }
            ), megabytes: megabytes, querySet: querySet)
            let segments = TantivyPeer.segmentCount(index: index).map(String.init) ?? "?"
            print("Tantivy's index: \(segments) segment(s) after its commit and merges")
            return figures
        } catch {
            print("Tantivy: not measured: \(error)")
            return nil
        }
    }

    /// How one engine is measured: indexing and cold starts as processes of their own (so peak RSS
    /// and start-up are the engine's), latencies by whatever runs its queries.
    struct EngineSteps {
        let name: String
        var executable = ChildProcess.selfPath
        var timeout: Double?
        let index: [String]
        let cold: (BenchQuery) -> [String]
        let indexBytes: () throws -> Int
        let latencies: () throws -> EngineFigures
    }

    func measure(_ steps: EngineSteps, megabytes: Double, querySet: [BenchQuery]) throws -> EngineFigures {
        let build = try ChildProcess.run(steps.index, executable: steps.executable, timeout: steps.timeout)
        guard build.succeeded else {
            throw FTS5Engine.Failure(description: "\(steps.name) indexing failed: \(build.failureReason)")
        }
        var colds: [Double] = []
        for query in querySet.prefix(5) {
            let cold = try ChildProcess.run(steps.cold(query), executable: steps.executable, timeout: steps.timeout)
            guard cold.succeeded else {
                throw FTS5Engine.Failure(description: "\(steps.name) cold start failed: \(cold.failureReason)")
            }
            colds.append(cold.seconds * 1000)
        }
        var figures = try steps.latencies()
        figures[.indexingSeconds] = build.seconds
        figures[.indexingRate] = megabytes / build.seconds
        figures[.indexingPeakRSS] = build.peakRSSMegabytes
        figures[.indexSize] = Double(try steps.indexBytes()) / (megabytes * 1e6)
        figures[.coldStart] = Latency(colds).percentile(50)
        return figures
    }

    /// The latency figures of an engine queried in this process.
    static func inProcessLatencies(_ querySet: [BenchQuery], rounds: Int,
                                   makeQuery: @escaping @Sendable () throws -> QueryFunction) throws -> EngineFigures {
        let rounds = max(1, rounds)
        func measured(_ kind: BenchQuery.Kind, threads: Int = 1) throws -> (latency: Latency, throughput: Double) {
            let figures = try latencies(querySet.filter { $0.kind == kind }, threads: threads, rounds: rounds,
                                        makeQuery: makeQuery)
            return (figures.latency, figures.throughput)
        }
        let single = try measured(.words)
        let double = try measured(.words, threads: 2)
        let phrases = try measured(.phrase)
        let prefixes = try measured(.prefix)
        return [
            .p50: single.latency.percentile(50), .p95: single.latency.percentile(95),
            .p99: single.latency.percentile(99),
            .throughput: single.throughput,
            .p50TwoThreads: double.latency.percentile(50), .p99TwoThreads: double.latency.percentile(99),
            .throughputTwoThreads: double.throughput,
            .phraseP50: phrases.latency.percentile(50), .phraseP99: phrases.latency.percentile(99),
            .prefixP50: prefixes.latency.percentile(50), .prefixP99: prefixes.latency.percentile(99),
        ]
    }

    /// A query function per thread: each thread gets its own (FTS5 connections are not shared).
    typealias QueryFunction = (BenchQuery) -> Void

    /// Warms up on a tenth of the query set, then runs the whole set `rounds` times, split between
    /// the threads, timing each query (so the two-thread run costs no more time than the one-thread
    /// run). A query's latency is the median of its rounds.
    static func latencies(_ querySet: [BenchQuery], threads: Int, rounds: Int,
                          makeQuery: @escaping @Sendable () throws -> QueryFunction)
        throws -> (latency: Latency, throughput: Double, medians: [Int: Double]) {
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
        let medians = samples.withLock { $0 }.mapValues { Latency($0).percentile(50) }
        return (Latency(Array(medians.values)), Double(medians.count * rounds) / seconds, medians)
    }

    /// - Parameter prunes: off, every matching section is scored (for an A/B of `BlockMaxSearch`).
    static func makeRadsokQuery(_ folder: String, prunes: Bool = true) throws -> QueryFunction {
        let reader = try IndexReader.open(folder: folder)
        let planner = QueryPlanner()
        var searcher = Searcher(reader: reader)
        searcher.prunes = prunes
        return { query in _ = searcher.search(planner.plan(query.radsokText, reader: reader), limit: 10) }
    }

    static func makeFTS5Query(_ database: String) throws -> QueryFunction {
        let searcher = try FTS5Engine.Searcher(database: database, limit: 10)
        return { query in _ = searcher.search(query.fts5Match) }
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    /// Bytes of the regular files under a folder (the corpus, Tantivy's index).
    static func folderBytes(_ folder: String) throws -> Int {
        try FileManager.default.subpathsOfDirectory(atPath: folder).reduce(0) { total, name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: (folder as NSString).appendingPathComponent(name))
            return total + ((attributes?[.type] as? FileAttributeType) == .typeRegular ? (attributes?[.size] as? Int ?? 0) : 0)
        }
    }
}
