import Foundation
import Testing

@Suite("search --sort date orders plain hits too: newest first, by rank within a date, undated last")
struct SortByDateTests {
    func hits(_ extra: [String]) async throws -> [[String: Any]] {
        let result = try await CLIRunner.run(["search", "KSF", "--json", "--corpus", CLIRunner.corpus,
                                        "--index", try await CLIRunner.sharedIndex().path] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try #require(json["hits"] as? [[String: Any]])
    }

    func id(_ hit: [String: Any]) -> String { "\(hit["file"]!):\(hit["lines"]!)" }

    @Test("dates never rise down the list, and a date's hits keep their relevance order")
    func newestFirst() async throws {
        let byDate = try await hits(["--sort", "date", "--limit", "1000"])
        let byRank = try await hits(["--limit", "1000"])
        #expect(byDate.count > 3)
        let dates = byDate.map { $0["date"] as? String }
        let undated = dates.firstIndex { $0 == nil } ?? dates.count
        #expect(dates[undated...].allSatisfy { $0 == nil }, "undated hits stand last")
        let known = dates[..<undated].compactMap { $0 }
        #expect(known == known.sorted(by: >))
        #expect(byDate.map(id) != byRank.map(id), "the order must change: --sort date is not ignored")
        let rank = Dictionary(byRank.enumerated().map { (id($1), $0) }) { first, _ in first }
        // Undated hits are ordered by their year (not in the JSON), so only dated pairs are compared.
        for (a, b) in zip(byDate, byDate.dropFirst()) where a["date"] is String && a["date"] as? String == b["date"] as? String {
            #expect(rank[id(a)] ?? 0 < rank[id(b)] ?? 0, "\(id(a)) and \(id(b)) share a date but left rank order")
        }
    }

    @Test("every hit in date order holds a typed word (or its spelled-out name), none only a feedback term")
    func typedWordsOnly() async throws {
        for hit in try await hits(["--sort", "date", "--limit", "1000"]) {
            #expect((hit["snippet"] as? String)?.contains("«") == true, "\(id(hit))")
        }
    }
}
