import Dispatch
import Foundation
import PropertyBased
import Synchronization
import Testing
@testable import SearchIndex

/// Whatever a user or a client types, the parser, planner, searcher and snippets answer without
/// crashing, within a bound, and the same way twice. `RADSOK_QUERY_CHECKS` raises the number of
/// random queries (`Benchmarks/robustness.sh` runs many more).
@Suite("Hostile queries: random text, operators, junk filters, huge queries", .serialized)
struct HostileQueryTests {
    static var checks: Int { ProcessInfo.processInfo.environment["RADSOK_QUERY_CHECKS"].flatMap(Int.init) ?? 600 }
    /// A debug build answers a query of the real corpus in milliseconds; a query that takes this
    /// long has work that grows without bound.
    static let bound = 5.0

    /// The slowest answer so far, for the report `Benchmarks/robustness.sh` prints.
    static let slowest = Mutex<(seconds: Double, query: String)>((0, ""))

    /// One index of the real corpus, so that expansions meet a real vocabulary.
    static let corpus: Result<TestIndex, any Error> = Result { try TestIndex.ofRepositoryCorpus() }

    /// The answer as bytes, without the time it took.
    static func answer(_ service: SearchService, _ query: String, texts: inout SectionTextSource) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let started = DispatchTime.now()
        let json: Data
        do {
            json = try encoder.encode(try service.search(query, limit: 10, texts: &texts))
        } catch let problem as SearchService.QueryProblem {
            json = Data("problem: \(problem.description)".utf8)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        slowest.withLock { if seconds > $0.seconds { $0 = (seconds, query) } }
        #expect(seconds < bound, "\(seconds) s for \(query.debugDescription.prefix(200))")
        return String(decoding: json, as: UTF8.self).replacing(/"tookMs":[0-9.e+-]+/, with: "")
    }

    @Test("random queries never crash, finish within the bound and answer the same twice")
    func randomQueries() async throws {
        let index = try Self.corpus.get()
        let service = SearchService(reader: index.reader)
        await propertyCheck(count: Self.checks, input: QueryGen.query) { query in
            var texts = index.texts()
            let first = try Self.answer(service, query, texts: &texts)
            var fresh = index.texts()
            let second = try Self.answer(service, query, texts: &fresh)
            #expect(first == second, "\(query.debugDescription) answered differently")
        }
        let (seconds, query) = Self.slowest.withLock { $0 }
        print("slowest of \(Self.checks) random queries: \(String(format: "%.3f", seconds)) s for \(query.debugDescription.prefix(80))")
    }

    @Test("the parser takes any Unicode, including unpaired marks, controls and bidi characters")
    func parserTakesAnything() async {
        await propertyCheck(count: Self.checks * 4, input: QueryGen.anyText) { text in
            _ = QueryParser().parse(text)
        }
    }

    @Test("a query of a thousand words is cut, planned and answered", arguments: [1, 2, 3])
    func thousandWords(seed: Int) throws {
        let index = try Self.corpus.get()
        let words = ["helsedata", "rådet", "OR", "-KSF", "\"tar saken", "(", "type:vedtak", "h*", "råd~2", "år:2025"]
        // A fixed walk through the words, a different one per seed.
        let query = (0..<1000).map { words[($0 * (2 * seed + 1) + seed) % words.count] }.joined(separator: " ")
        var texts = index.texts()
        _ = try Self.answer(SearchService(reader: index.reader), query, texts: &texts)
    }

    @Test("queries that once crashed or hung stay answered", arguments: [
        "\u{202E}helsedata\u{202C}", "helse\u{200B}data", "\u{FEFF}KSF", "e\u{301}\u{301}\u{301}", "~~~~", "*~*", "-\"\"",
        "\"\" OR \"\"", "((((((((((", "))))", "sak:", "sak:99999999/99/99999", "fra:2025-99-99", "år:-1", "type:",
        "møte:0/0", "OR", "AND AND", "\u{0}", "a~99", String(repeating: "x", count: 5000) + "~2",
        String(repeating: "å", count: 300) + "*",
    ])
    func regressions(query: String) throws {
        let index = try Self.corpus.get()
        var texts = index.texts()
        _ = try Self.answer(SearchService(reader: index.reader), query, texts: &texts)
    }
}

/// Generators of what a hostile user types.
enum QueryGen {
    /// Any Unicode scalar, surrogates aside (they are not scalars).
    static let scalar = Gen<UInt32>.value(in: 0...0x10FFFF).withoutShrink().compactMap { Unicode.Scalar($0) }
    static let anyText = scalar.map { Character($0) }.string(of: 0...40)

    static let fragments: [String] = [
        "helsedata", "rådet", "Rådet", "KSF", "møte", "mgte", "horingssvar", "bærekraft", "sak", "8/1/25", "2025",
        "OR", "AND", "-", "+", "(", ")", "\"", "«", "»", "*", "~", "~2", "~9", ":", "type:", "type:vedtak", "år:",
        "år:20x5", "fra:", "fra:2023-13-45", "til:0", "møte:1/2025", "sak:8/1/2025", "sak:x", "kind:junk", "-\"",
        "\u{200B}", "\u{200D}", "\u{202E}", "\u{2066}", "\u{FEFF}", "\u{301}", "\u{0}", "\t", "\n", "😀", "ﬁ", "ẞ",
        "İ", "Ǆ", "ﷺ", "𝔥𝔢𝔩𝔰𝔢", "h", "hel", "helsed", "x",
    ]
    static let piece = Gen<String>.oneOf(
        Gen<String?>.element(of: fragments).map { $0 ?? "" },
        anyText.withoutShrink(),
        Gen.letterOrNumber.string(of: 1...12).withoutShrink()
    )
    static let query = piece.array(of: 0...12).map { pieces in pieces.joined(separator: pieces.count % 3 == 0 ? "" : " ") }
}
