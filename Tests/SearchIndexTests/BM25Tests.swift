import Testing
@testable import SearchIndex

@Suite("BM25 ranking")
struct BM25Tests {
    @Test("scores a tiny corpus as computed by hand (k1 = 1.2, b = 0.75)")
    func handComputed() throws {
        let corpus = try TestCorpus(files: [
            "a.txt": "helsedata helsedata forskning",
            "b.txt": "forskning og innovasjon",
            "c.txt": "helsedata",
        ])
        defer { corpus.remove() }
        try corpus.build()
        let reader = try corpus.open()
        // idf = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = 0.470004; avgdl = 7/3
        // a: tf 2, dl 3 → 0.598186; c: tf 1, dl 1 → 0.613395
        let result = Searcher(reader: reader).search(QueryPlanner().plan("helsedata", reader: reader), limit: 10)
        #expect(result.total == 2)
        let files = result.hits.map { reader.metadata.files[reader.sectionRecord($0.sectionID).fileIndex].id }
        #expect(files == ["c.txt", "a.txt"])
        #expect(abs(result.hits[0].score - 0.613395) < 1e-4)
        #expect(abs(result.hits[1].score - 0.598186) < 1e-4)
    }

    @Test("idf is never negative, even for a term in every section")
    func idfFloor() {
        #expect(BM25().idf(documentFrequency: 10, sectionCount: 10) > 0)
    }

    @Test("sections with all the query's words rank above those with some, however frequent")
    func allWordsFirst() throws {
        let corpus = try TestCorpus(files: [
            "many.txt": "helsedata helsedata helsedata helsedata helsedata",
            "both.txt": "helsedata og forskning i en lang tekst om mange andre ting og saker",
        ])
        defer { corpus.remove() }
        try corpus.build()
        let reader = try corpus.open()
        let result = Searcher(reader: reader).search(QueryPlanner().plan("helsedata forskning", reader: reader), limit: 10)
        #expect(reader.metadata.files[reader.sectionRecord(result.hits[0].sectionID).fileIndex].id == "both.txt")
        #expect(result.hits[0].matchedWords == 2)
    }

    @Test("exact spellings rank above spellings reached by folding æøå")
    func exactFirst() throws {
        let corpus = try TestCorpus(files: [
            "folded.txt": "Innspill til høringssvar om forskrift",
            "exact.txt": "Innspill til horingssvar om forskrift",
        ])
        defer { corpus.remove() }
        try corpus.build()
        let reader = try corpus.open()
        let query = QueryPlanner().plan("horingssvar", reader: reader)
        #expect(Set(query.words[0].terms.map(\.reason)) == [.exact, .folded])
        let result = Searcher(reader: reader).search(query, limit: 10)
        #expect(result.total == 2)
        #expect(reader.metadata.files[reader.sectionRecord(result.hits[0].sectionID).fileIndex].id == "exact.txt")
    }

    @Test("a word typed with æøå does not expand to other spellings")
    func noExpansionFromNorwegianLetters() throws {
        let corpus = try TestCorpus(files: ["a.txt": "før og for"])
        defer { corpus.remove() }
        try corpus.build()
        let reader = try corpus.open()
        #expect(QueryPlanner().plan("før", reader: reader).words[0].terms.map(\.term) == ["før"])
    }
}

@Suite("Top-k selection")
struct TopKTests {
    @Test("keeps the best k in order")
    func bestK() {
        var top = TopK<Int>(3, isBetter: >)
        for x in [5, 1, 9, 3, 7, 2, 8] { top.insert(x) }
        #expect(top.sorted() == [9, 8, 7])
    }
}
