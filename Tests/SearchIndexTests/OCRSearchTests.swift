import Testing
@testable import SearchIndex

@Suite("Searching OCR-damaged packages with correctly typed words")
struct OCRSearchTests {
    /// A clean package (whose words teach the lexicon) and a package whose æøå the OCR damaged.
    static let files = [
        "clean.txt": String(repeating: """
            Rådet hadde møte med Helsedataservice på fredag. Møtet skal være åpent, og rådet følger opp.
            Bærekraft og økt bruk av helsedata er viktig for rådet før neste møte.

            """, count: 6),
        "damaged.txt": String(repeating: """
            Radet gnsker a fglge opp saken. Det ble avholdt mgte med Helsedataservice pa fredag.
            Mgtet skal veere apent for radet, og beerekraft er viktig for @konomien.

            """, count: 6),
    ]

    func files(_ query: String) throws -> [String] {
        try TestCorpus.withIndex(Self.files) { $0.rankedFiles(query) }
    }

    @Test("a phrase typed correctly matches across the damaged passage")
    func phraseAcrossDamage() throws {
        #expect(Set(try files("\"møte med Helsedataservice\"")) == ["clean.txt", "damaged.txt"])
    }

    @Test("a correctly typed word finds its damaged spelling; the damaged spelling itself still finds it")
    func wordsBothWays() throws {
        #expect(Set(try files("bærekraft")) == ["clean.txt", "damaged.txt"])
        #expect(try files("mgte").first == "damaged.txt")
    }

    @Test("a query typed as OCR damage also finds the clean word, below the damaged spelling; real words are not repaired")
    func querySideRepair() throws {
        // Repair on the query side needs overwhelming evidence: many clean sections with the word.
        var files = Self.files
        for i in 1...12 { files["clean\(i).txt"] = "Bærekraft for rådet, notat \(i)." }
        try TestCorpus.withIndex(files) { reader in
            let planner = QueryPlanner()
            let damaged = planner.plan("beerekraft", reader: reader).words[0].terms
            #expect(damaged.first?.reason == .exact)
            #expect(damaged.contains { $0.term == "bærekraft" && $0.reason == .repaired && $0.weight < 1 })
            let clean = planner.plan("for", reader: reader).words[0].terms
            #expect(!clean.contains { $0.reason == .repaired })
            let ranked = Searcher(reader: reader).search(planner.plan("beerekraft", reader: reader), limit: 20).hits
            #expect(reader.fileID(ofSection: ranked[0].sectionID) == "damaged.txt")
            #expect(ranked.count == 14)
        }
    }

    @Test("snippets show the damaged text as written, with the repaired word marked")
    func snippetMarksRepairedWord() throws {
        let corpus = try TestCorpus(files: Self.files)
        defer { corpus.remove() }
        try corpus.build()
        let reader = try corpus.open()
        var texts = SectionTextSource(reader: reader, corpusPath: corpus.corpus)
        let response = try SearchService(reader: reader).search("bærekraft", texts: &texts)
        let damaged = try #require(response.hits.first { $0.file == "damaged.txt" })
        #expect(damaged.snippet.contains("«beerekraft»"))
        #expect(reader.metadata.files.first { $0.id == "damaged.txt" }?.damaged == true)
        #expect(reader.metadata.files.first { $0.id == "clean.txt" }?.damaged == false)
    }
}

@Suite("Titles of OCR-damaged documents")
struct DamagedTitleTests {
    static let corpus = Result { try TestIndex.ofRepositoryCorpus() }

    @Test("a damaged case title is shown repaired, the text as written beside it; clean titles have no second form")
    func repairedTitle() throws {
        let reader = try Self.corpus.get().reader
        var texts = try Self.corpus.get().texts()
        let response = try SearchService(reader: reader).searchCases("helsedata", limit: 20, texts: &texts)
        let damaged = try #require(response.cases.first { $0.titleAsWritten != nil })
        #expect(damaged.title != damaged.titleAsWritten)
        let clean = response.cases.filter { !reader.metadata.files[reader.sectionRecord($0.best.sectionID).fileIndex].damaged }
        #expect(!clean.isEmpty)
        #expect(clean.allSatisfy { $0.titleAsWritten == nil })
        let json = try ContractJSON.string(damaged)
        #expect(json.contains("\"titleAsWritten\""))
    }
}
