import Testing
@testable import SearchIndex

@Suite("A query that is a case id ranks the case's own sections first")
struct CaseNumberQueryTests {
    let files = [
        "referat-2025-2.txt": """
            Referat fra møte 2/2025

            Sak 18/2/2025 Godkjenning av referat
            Referatet fra møte 1/2025 godkjennes. Rådet viste til sak 8/1/25 og sak 8/1/25 om helsedata,
            og til sak 8/1/2025 igjen.
            """,
        "referat-2025-1.txt": """
            Referat fra møte 1/2025

            Sak 8/1/25 Bedre tilgang til og økt bruk av helsedata
            Rådet diskuterte flaskehalser.

            Vedtak: Rådet ber sekretariatet følge opp saken.
            """,
    ]

    @Test("the case first, then what cites it; written either way, with or without 'sak'",
          arguments: ["8/1/25", "8/1/2025", "sak 8/1/2025", "Sak 8/1/25"])
    func ownSectionsFirst(query: String) throws {
        try TestCorpus.withIndex(files) { reader in
            let planned = reader.plan(query)
            #expect(planned.cases.map(\.description) == ["8/1/2025"])
            #expect(planned.words.allSatisfy { $0.written.lowercased() != "sak" }, "'sak' is no search word here")
            let hits = Searcher(reader: reader).search(planned, limit: 10).hits
            let cases = hits.map { reader.sectionRecord($0.sectionID).section.caseID?.description }
            #expect(cases.first == "8/1/2025")
            #expect(cases.contains("18/2/2025"))
            #expect(cases.lastIndex(of: "8/1/2025")! < cases.firstIndex(of: "18/2/2025")!)
        }
    }

    @Test("'sak' stays a word when no case id is in the query")
    func sakAlone() throws {
        try TestCorpus.withIndex(files) { reader in
            #expect(reader.plan("sak helsedata").words.contains { $0.written.lowercased() == "sak" })
            #expect(reader.plan("sak helsedata").cases.isEmpty)
        }
    }
}
