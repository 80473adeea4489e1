import Foundation
import Testing
@testable import SearchIndex

@Suite("Ranking: function words, proximity, spreading over cases")
struct RankingTests {
    @Test("a short decision with the query's content words beats a long text that holds more of its function words")
    func functionWordsDoNotDecideTheTier() throws {
        let files = [
            "vedtak.txt": "Rådet sluttet seg til innspillet.",
            "lang.txt": "Det ble sagt at de som kom på møtet med de andre ville ha kommentarer til det som var på sakslisten, og de var med på det.",
        ]
        try TestCorpus.withIndex(files) { reader in
            #expect(reader.rankedFiles("Rådet slutter seg til innspillet med de kommentarer som kom på møtet").first == "vedtak.txt")
            // A query of function words alone still prefers the section with more of them.
            #expect(reader.rankedFiles("de som kom på").first == "lang.txt")
        }
    }

    @Test("the query's words side by side, in order, rank above the same words apart")
    func proximity() throws {
        // The same words, as often, in sections of the same length: only their order differs.
        let files = [
            "apart.txt": "Kronikker med opp følges uttalelser. Brev ble sendt i fjor.",
            "together.txt": "Uttalelser følges opp med kronikker. Brev ble sendt i fjor.",
        ]
        try TestCorpus.withIndex(files) { reader in
            #expect(reader.rankedFiles("uttalelser følges opp med kronikker") == ["together.txt", "apart.txt"])
            let query = reader.plan("uttalelser følges opp")
            let searcher = Searcher(reader: reader)
            let top = try #require(searcher.search(query, limit: 1).hits.first)
            let proximity = searcher.explain(query, section: top.sectionID).contributions.filter { $0.reason == .proximity }
            #expect(proximity.map(\.word) == ["\"uttalelser følges\"", "\"følges opp\""])
        }
    }

    /// Case 1 repeats the query's words in five sections; case 2 has them once.
    static func crowdedFiles() -> [String: String] {
        let repeated = (1...5).map { "Sak 1/1/2025 Monitor del \($0)\n\nMonitoren og monitoren og HelseOmsorg21-monitor igjen, del \($0)." }
        return [
            "møte.txt": repeated.joined(separator: "\n\n"),
            "annen.txt": "Sak 2/1/2025 Orienteringer\n\nKort om HelseOmsorg21-monitor blant mye annet: budsjett, plan, rapport, møter, referater og innspill.",
        ]
    }

    @Test("one case repeating the words does not fill the first page: a second case is shown before its third section")
    func crowding() {
        let crowding = Crowding()
        let hits = (0..<6).map { ScoredSection(sectionID: $0, score: 10 - Double($0), matchedWords: 1) }
        // Sections 0–4 are one case, section 5 another with the lowest score.
        let order = crowding.apply(hits) { $0 < 5 ? 0 : 1 }.map(\.sectionID)
        #expect(order.firstIndex(of: 5)! <= 2)
        // Without a second case the order stays as scored.
        #expect(crowding.apply(hits) { _ in 0 }.map(\.sectionID) == [0, 1, 2, 3, 4, 5])
        // More of the query's words still comes first.
        let fewer = hits.map { ScoredSection(sectionID: $0.sectionID, score: $0.score, matchedWords: $0.sectionID == 5 ? 0 : 1) }
        #expect(crowding.apply(fewer) { $0 < 5 ? 0 : 1 }.last?.sectionID == 5)
    }

    @Test("pages agree with each other whatever their size")
    func pagesAreStable() throws {
        try TestCorpus.withIndex(Self.crowdedFiles()) { reader in
            let query = reader.plan("HelseOmsorg21-monitor")
            let searcher = Searcher(reader: reader)
            let all = searcher.search(query, limit: 6).hits.map(\.sectionID)
            let paged = (0..<6).flatMap { searcher.search(query, limit: 1, offset: $0).hits.map(\.sectionID) }
            #expect(paged == all)
            #expect(Set(all.prefix(3).map(reader.fileID)) == ["møte.txt", "annen.txt"])
        }
    }
}

@Suite("Phrase matching counts every occurrence")
struct PhraseFrequencyTests {
    @Test("each occurrence counts once, also when a word's inflections both stand there; order matters")
    func frequencies() throws {
        let files = [
            "a.txt": "Møte med rådet. Møtet med rådet. Rådet med møte. Møter med rådet.",
            "b.txt": "Rådet hadde møte, og med rådet kom flere.",
        ]
        try TestCorpus.withIndex(files) { reader in
            let query = reader.plan("\"møte med rådet\"")
            guard case .phrase(let phrase) = try #require(query.clauses.first) else { Issue.record("not a phrase"); return }
            let found = PhraseMatcher(reader: reader).frequencies(of: phrase)
            #expect(found.count == 1)
            #expect(found.values.first == 3)
            #expect(reader.fileID(ofSection: Int(try #require(found.keys.first))) == "a.txt")
        }
    }
}
