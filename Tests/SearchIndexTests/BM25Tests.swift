import Testing
@testable import SearchIndex

@Suite("BM25 ranking")
struct BM25Tests {
    @Test("scores a tiny corpus as computed by hand (k1 = 1.2, b = 0.75)")
    func handComputed() throws {
        try TestCorpus.withIndex([
            "a.txt": "helsedata helsedata forskning",
            "b.txt": "forskning og innovasjon",
            "c.txt": "helsedata",
        ]) { reader in
            // idf = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = 0.470004; avgdl = 7/3
            // a: tf 2, dl 3 → 0.598186; c: tf 1, dl 1 → 0.613395
            var searcher = Searcher(reader: reader)
            searcher.kindWeights = [:]  // plain BM25, no preference between kinds of section
            let result = searcher.search(QueryPlanner().plan("helsedata", reader: reader), limit: 10)
            #expect(result.total == 2)
            #expect(result.hits.map { reader.fileID(ofSection: $0.sectionID) } == ["c.txt", "a.txt"])
            #expect(abs(result.hits[0].score - 0.613395) < 1e-4)
            #expect(abs(result.hits[1].score - 0.598186) < 1e-4)
        }
    }

    @Test("the council's treatment of a case outranks the same words in other text")
    func kindWeights() throws {
        try TestCorpus.withIndex([
            "a.txt": "Sak 8/1/2025 Helsedata\nRådet diskuterte helsedata.",
            "b.txt": "Vedlegg\n\nHelsedata\nRådet diskuterte helsedata.",
        ]) { reader in
            let result = Searcher(reader: reader).search(QueryPlanner().plan("helsedata", reader: reader), limit: 10)
            #expect(reader.fileID(ofSection: result.hits[0].sectionID) == "a.txt")
        }
    }

    @Test("idf is never negative, even for a term in every section")
    func idfFloor() {
        #expect(BM25().idf(documentFrequency: 10, sectionCount: 10) > 0)
    }

    @Test("sections with all the query's words rank above those with some, however frequent")
    func allWordsFirst() throws {
        try TestCorpus.withIndex([
            "many.txt": "helsedata helsedata helsedata helsedata helsedata",
            "both.txt": "helsedata og forskning i en lang tekst om mange andre ting og saker",
        ]) { reader in
            let result = Searcher(reader: reader).search(QueryPlanner().plan("helsedata forskning", reader: reader), limit: 10)
            #expect(reader.fileID(ofSection: result.hits[0].sectionID) == "both.txt")
            #expect(result.hits[0].matchedWords == 2)
        }
    }

    @Test("exact spellings rank above spellings reached by folding æøå")
    func exactFirst() throws {
        try TestCorpus.withIndex([
            "folded.txt": "Innspill til høringssvar om forskrift",
            "exact.txt": "Innspill til horingssvar om forskrift",
        ]) { reader in
            let query = QueryPlanner().plan("horingssvar", reader: reader)
            #expect(Set(query.words[0].terms.map(\.reason)) == [.exact, .folded])
            let result = Searcher(reader: reader).search(query, limit: 10)
            #expect(result.total == 2)
            #expect(reader.fileID(ofSection: result.hits[0].sectionID) == "exact.txt")
        }
    }

    @Test("a word typed with æøå does not expand to other spellings")
    func noExpansionFromNorwegianLetters() throws {
        try TestCorpus.withIndex(["a.txt": "før og for"]) { reader in
            #expect(QueryPlanner().plan("før", reader: reader).words[0].terms.map(\.term) == ["før"])
        }
    }
}

@Suite("Top-k selection")
struct TopKTests {
    @Test("the norms of every section are each length's norm, long sections and empty ones too")
    func lengthNorms() {
        let bm25 = BM25()
        let lengths: [UInt32] = [0, 1, 7, 7, 300, 65_535, 65_536, 2_000_000, 12]
        let norms = bm25.lengthNorms(lengths, averageLength: 41.5)
        #expect(norms == lengths.map { Float(bm25.norm(length: Int($0), averageLength: 41.5)) })
        #expect(bm25.lengthNorms([], averageLength: 1).isEmpty)
    }

    @Test("accumulators read zero until written, small and large alike, and keep what is written")
    func zeroedBuffers() {
        for count in [0, 1, 100, 1 << 20] {
            let buffer = ZeroedBuffer<Float>(count: count)
            #expect(buffer.pointer.count == max(1, count))
            #expect(buffer.pointer.allSatisfy { $0 == 0 })
            buffer[buffer.pointer.count - 1] = 2.5
            #expect(buffer.withUnsafeBufferPointer { $0.last } == 2.5)
        }
    }

    @Test("keeps the best k in order")
    func bestK() {
        var top = TopK<Int>(3)
        for x in [5, 1, 9, 3, 7, 2, 8] { top.insert(x) }
        #expect(top.sorted() == [9, 8, 7])
    }

    @Test("sections with more of the query's words come first, then the higher score, then the earlier section")
    func sectionOrder() {
        var top = TopK<ScoredSection>(3)
        for (id, score, words) in [(0, 9.0, 1), (1, 2.0, 2), (2, 5.0, 2), (3, 5.0, 2), (4, 8.0, 1)] {
            top.insert(ScoredSection(sectionID: id, score: score, matchedWords: words))
        }
        #expect(top.sorted().map(\.sectionID) == [2, 3, 1])
    }
}

extension Int: RankOrdered {
    public static func isBetter(_ a: Int, _ b: Int) -> Bool { a > b }
}
