import Testing
@testable import SearchIndex

/// A request past its time limit stops its own work: every entry point that a server calls gives
/// up with `DeadlineExceeded` instead of finishing late.
@Suite("Deadlines stop planning, ranking, snippets and similar")
struct DeadlineTests {
    let files = [
        "møte.txt": "Sak 8/1/2025 Bedre tilgang til helsedata\n\nRådet diskuterte helsedata og KSF.\n\n"
            + "Vedtak: Rådet tar saken til orientering.",
        "annet.txt": "Årsrapport\n\nHelseOmsorg21-rådet arbeider med forskning og innovasjon om helsedata.",
    ]

    @Test("a search, a case search and similar past their deadline throw DeadlineExceeded",
          arguments: ["helsedata", "helsedta~2 rådet~2 forskning~2", "\"tar saken\"", "helse*"])
    func pastDeadline(query: String) throws {
        try TestCorpus.withIndex(files) { reader in
            let service = SearchService(reader: reader)
            var texts = SectionTextSource(reader: reader)
            #expect(throws: DeadlineExceeded.self) { try service.search(query, texts: &texts, deadline: Deadline(seconds: 0)) }
            #expect(throws: DeadlineExceeded.self) { try service.searchCases(query, texts: &texts, deadline: Deadline(seconds: 0)) }
            #expect(throws: DeadlineExceeded.self) {
                try SimilarPassages(reader: reader).similar(to: query, texts: &texts, deadline: Deadline(seconds: 0))
            }
            let answered = try service.search(query, texts: &texts, deadline: Deadline(seconds: 60))
            #expect(answered.total > 0)
        }
    }

    @Test("a vocabulary scan past its deadline stops early and returns what it found")
    func vocabularyScan() throws {
        try TestCorpus.withIndex(files) { reader in
            var matcher = VocabularyMatcher(reader: reader)
            #expect(!matcher.terms(near: ["helsedta"], maximumEdits: 2).isEmpty)
            matcher.deadline = Deadline(seconds: 0)
            #expect(matcher.terms(near: ["helsedta"], maximumEdits: 2).isEmpty)
        }
    }
}
