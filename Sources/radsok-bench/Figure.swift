/// The figures `run` prints, in table order. The raw value is the key the Tantivy script's JSON
/// uses for the figure, so its output maps onto the same rows without a second list of names.
enum Figure: String, CaseIterable, Sendable {
    case indexingSeconds = "indexing_seconds"
    case indexingRate = "indexing_mb_per_s"
    case indexingPeakRSS = "indexing_peak_rss_mb"
    case indexSize = "index_size_per_corpus"
    case coldStart = "cold_start_ms"
    case p50 = "p50_1", p95 = "p95_1", p99 = "p99_1", throughput = "qps_1"
    case p50TwoThreads = "p50_2", p99TwoThreads = "p99_2", throughputTwoThreads = "qps_2"
    case phraseP50 = "phrase_p50", phraseP99 = "phrase_p99"
    case prefixP50 = "prefix_p50", prefixP99 = "prefix_p99"

    /// The row's name, as the tables in Benchmarks/README.md have always printed it.
    var label: String {
        switch self {
        case .indexingSeconds: "indexing time (s)"
        case .indexingRate: "indexing (MB/s)"
        case .indexingPeakRSS: "indexing peak RSS (MB)"
        case .indexSize: "index size / corpus"
        case .coldStart: "cold start, median of 5 (ms)"
        case .p50: "p50, 1 thread (ms)"
        case .p95: "p95, 1 thread (ms)"
        case .p99: "p99, 1 thread (ms)"
        case .throughput: "queries/s, 1 thread"
        case .p50TwoThreads: "p50, 2 threads (ms)"
        case .p99TwoThreads: "p99, 2 threads (ms)"
        case .throughputTwoThreads: "queries/s, 2 threads"
        case .phraseP50: "phrase p50, 1 thread (ms)"
        case .phraseP99: "phrase p99, 1 thread (ms)"
        case .prefixP50: "prefix p50, 1 thread (ms)"
        case .prefixP99: "prefix p99, 1 thread (ms)"
        }
    }
}

/// One engine's measured figures; a figure the engine cannot measure (Tantivy's prefix queries)
/// is absent and prints as n/a.
typealias EngineFigures = [Figure: Double]

/// The printed comparison: Rådsøk's column, then for each peer its column and the ratio of
/// Rådsøk's figure to the peer's, measured in the same run.
struct FigureTable {
    struct Peer {
        let name: String
        let ratioTitle: String
        let figures: EngineFigures
    }

    let radsok: EngineFigures
    let peers: [Peer]

    var lines: [String] {
        let header = "figure".padding(toLength: 30, withPad: " ", startingAt: 0) + "Rådsøk".leftPadded(12)
            + peers.map { $0.name.leftPadded(12) + $0.ratioTitle.leftPadded(Self.ratioWidth($0)) }.joined()
        return [header] + Figure.allCases.map { figure in
            let ours = radsok[figure]
            return figure.label.padding(toLength: 30, withPad: " ", startingAt: 0) + Self.format(ours).leftPadded(12)
                + peers.map { peer in
                    let theirs = peer.figures[figure]
                    let ratio = ours.flatMap { a in theirs.map { String(format: "%.2f×", a / $0) } } ?? "–"
                    return Self.format(theirs).leftPadded(12) + ratio.leftPadded(Self.ratioWidth(peer))
                }.joined()
        }
    }

    private static func ratioWidth(_ peer: Peer) -> Int { max(14, peer.ratioTitle.count + 2) }

    static func format(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "n/a" }
        return String(format: value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.3f", value)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
