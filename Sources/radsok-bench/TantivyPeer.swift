import CouncilDocuments
import Foundation

/// Tantivy as a second peer, through `Benchmarks/tantivy-peer.py` and the `tantivy` Python package
/// (see the script's docstring for its settings). `run` gives it the sections FTS5 indexes and the
/// same query set as files, and starts its steps as it starts the other engines' steps.
struct TantivyPeer {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// The interpreter's own path (`sys.executable`): a pyenv shim in PATH would add its own start,
    /// hundreds of milliseconds, to every cold start.
    let python: String
    let script: String
    /// The `tantivy` package's version, for the printed notes.
    let version: String
    /// Seconds one step may take before it is killed.
    let timeout: Double

    /// The peer, or nil when python3 or its `tantivy` package is missing.
    static func find(script: String, timeout: Double) -> TantivyPeer? {
        guard FileManager.default.fileExists(atPath: script) else { return nil }
        let probe = "import importlib.metadata, sys, tantivy; "
            + "print(sys.executable); print(importlib.metadata.version('tantivy'))"
        guard let result = try? ChildProcess.run(["-c", probe], executable: "python3", timeout: 120), result.succeeded
        else { return nil }
        let lines = result.output.split(separator: "\n").map(String.init)
        guard lines.count == 2 else { return nil }
        return TantivyPeer(python: lines[0], script: script, version: lines[1], timeout: timeout)
    }

    /// Median of five starts of the interpreter that import the binding: the share of Tantivy's cold
    /// start that is Python's, not Tantivy's.
    func importMilliseconds() throws -> Double {
        let runs = try (0..<5).map { _ in
            try ChildProcess.run(["-c", "import tantivy"], executable: python, timeout: 120)
        }
        return Latency(runs.map { $0.seconds * 1000 }).percentile(50)
    }

    /// The files the script reads, written once in `work` before anything is timed.
    struct Inputs {
        let sections: String
        let queries: String
        let sectionCount: Int
    }

    /// Writes every section body as a JSON string per line, and the query set as a JSON object per
    /// line, so the script indexes and queries exactly what the other engines do.
    static func export(corpus: String, querySet: [BenchQuery], into work: String) throws -> Inputs {
        let sections = (work as NSString).appendingPathComponent("tantivy-sections.jsonl")
        let queries = (work as NSString).appendingPathComponent("tantivy-queries.jsonl")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        var lines = try JSONLinesWriter(path: sections)
        var count = 0
        for section in try BenchSections(corpus: corpus) {
            try lines.write(encoder.encode(String(decoding: section, as: UTF8.self)))
            count += 1
        }
        try lines.close()
        var queryLines = try JSONLinesWriter(path: queries)
        for query in querySet { try queryLines.write(encoder.encode(query)) }
        try queryLines.close()
        return Inputs(sections: sections, queries: queries, sectionCount: count)
    }

    func indexArguments(_ inputs: Inputs, index: String) -> [String] {
        [script, "index", "--sections", inputs.sections, "--index", index]
    }

    func coldArguments(index: String, query: BenchQuery) -> [String] {
        [script, "cold", "--index", index, "--query", query.words.joined(separator: " ")]
    }

    /// The latency figures, which the script measures in its own process (a Python caller's loop
    /// costs what it costs any user of the binding).
    func latencies(_ inputs: Inputs, index: String, rounds: Int) throws -> EngineFigures {
        let result = try ChildProcess.run([script, "queries", "--index", index, "--queries", inputs.queries,
                                           "--rounds", String(rounds)], executable: python, timeout: timeout)
        guard result.succeeded else { throw Failure(description: result.failureReason) }
        return try Self.figures(fromJSON: result.output)
    }

    /// The number of segments in Tantivy's `meta.json`: queries visit each, so the count says how
    /// far the one-thread writer's memory budget left the index from a single segment.
    static func segmentCount(index: String) -> Int? {
        let meta = URL(fileURLWithPath: index).appendingPathComponent("meta.json")
        guard let data = try? Data(contentsOf: meta),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let segments = object["segments"] as? [Any] else { return nil }
        return segments.count
    }

    /// The figures of one JSON object whose keys are `Figure` raw values; a null is a figure the
    /// script could not measure.
    static func figures(fromJSON text: String) throws -> EngineFigures {
        let values = try JSONDecoder().decode([String: Double?].self, from: Data(text.utf8))
        var figures: EngineFigures = [:]
        for figure in Figure.allCases {
            if let value = values[figure.rawValue] ?? nil { figures[figure] = value }
        }
        return figures
    }
}

/// Appends lines to a file through a buffer, so a 100 MB export is not one write per section.
private struct JSONLinesWriter {
    let handle: FileHandle
    var buffer = Data()

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw TantivyPeer.Failure(description: "cannot write \(path)")
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }

    mutating func write(_ line: Data) throws {
        buffer.append(line)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= 1 << 22 { try flush() }
    }

    mutating func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() throws {
        try flush()
        try handle.close()
    }
}
