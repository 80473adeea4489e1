import CouncilDocuments
import Foundation
import Testing
@testable import SearchIndex

/// Opening an index reads every block but the postings; a query reads and verifies the pages of
/// postings it needs (`IndexBytes`). What it must keep: the same answers as a reader that holds
/// the whole file, at once from many threads, and damage refused rather than answered from.
@Suite("Postings read on demand: opening reads none, a query reads the pages it needs")
struct LazyPostingsTests {
    /// The repository's corpus twice over, under other names: postings of several pages.
    static func files() throws -> [String: String] {
        var files: [String: String] = [:]
        for file in try CorpusScanner.files(in: TestIndex.corpusFolder) {
            let text = try DocumentReader.read(path: file.path, id: file.id).text
            files["a-" + file.id] = text
            files["b-" + file.id] = text
        }
        return files
    }

    static let queries = ["helsedata", "rådet møte", "KSF", "\"kunstig intelligens\"", "forskning -innovasjon",
                          "helsenæring*", "horingssvar", "persontilpasset medisin", "vedtak type:vedtak"]

    /// Each query's hits with their scores, from the searcher that a service uses.
    static func answers(_ reader: IndexReader) -> [[String]] {
        queries.map { query in
            Searcher(reader: reader).search(reader.plan(query), limit: 20).hits.map { "\($0.sectionID):\($0.score)" }
        }
    }

    static func built() throws -> (TestCorpus, whole: IndexReader) {
        let corpus = try TestCorpus(files: files())
        try corpus.build()
        let whole = try IndexReader(data: Data(contentsOf: URL(fileURLWithPath: corpus.indexFile)))
        return (corpus, whole)
    }

    @Test("opening reads no postings, one term reads only its pages, and the answers equal a reader held whole")
    func pagesOnDemand() throws {
        let (corpus, whole) = try Self.built()
        defer { corpus.remove() }
        let reader = try corpus.open()
        let pages = reader.bytes.pagesMissing
        #expect(pages >= 3, "the test needs postings of several pages")

        let rare = try #require((0..<reader.termCount).min {
            reader.postingsInfo($0).documentFrequency < reader.postingsInfo($1).documentFrequency
        })
        let sections = reader.withPostings(rare) { postings in
            var found: [Int32] = []
            postings.forEach { section, _ in found.append(Int32(section)) }
            return found
        }
        #expect(sections.count == reader.postingsInfo(rare).documentFrequency)
        #expect(reader.bytes.pagesMissing >= pages - 2, "one rare term read \(pages - reader.bytes.pagesMissing) pages")

        #expect(Self.answers(reader) == Self.answers(whole))
        try reader.loadAll()
        #expect(reader.bytes.pagesMissing == 0)
        #expect(reader.bytes.damage == nil)
    }

    @Test("ranking reads a term's sections and block bounds but not its positions; a phrase reads them")
    func positionsOnlyForPhrases() throws {
        // A word said sixty times in each of 4,000 paragraphs: positions of several pages.
        let paragraph = (0..<60).map { _ in "omsorg" }.joined(separator: " ")
        let text = (0..<4_000).map { "Avsnitt \($0) om helse. " + paragraph }.joined(separator: "\n\n")
        let corpus = try TestCorpus(files: ["omsorg.txt": text])
        defer { corpus.remove() }
        try corpus.build()
        let whole = try IndexReader(data: Data(contentsOf: URL(fileURLWithPath: corpus.indexFile)))
        let reader = try corpus.open()
        let term = try #require(reader.termID("omsorg"))
        let positionsOnly = reader.withPostings(term) { postings in
            postings.positions.lowerBound..<postings.boundsAndSkips.lowerBound
        }
        let pages = positionsOnly.count / PostingsPages.size - 1
        try #require(pages >= 1, "the test needs a term whose positions fill a page")

        let word = reader.plan("omsorg")
        #expect(Searcher(reader: reader).search(word, limit: 10).hits.map(\.sectionID)
                == Searcher(reader: whole).search(word, limit: 10).hits.map(\.sectionID))
        #expect(reader.bytes.pagesRead(inside: positionsOnly) == 0, "ranking a word read its positions")

        let phrase = reader.plan("\"helse omsorg\"")
        let hits = Searcher(reader: reader).search(phrase, limit: 10).hits.map(\.sectionID)
        #expect(!hits.isEmpty && hits == Searcher(reader: whole).search(phrase, limit: 10).hits.map(\.sectionID))
        #expect(reader.bytes.pagesRead(inside: positionsOnly) >= pages, "a phrase did not read the positions")
    }

    @Test("many threads reading a fresh reader's first pages at once get the answers of a reader held whole")
    func concurrentFirstReads() async throws {
        let (corpus, whole) = try Self.built()
        defer { corpus.remove() }
        let expected = Self.answers(whole)
        let reader = try corpus.open()
        let all = await withTaskGroup(of: [[String]].self) { group in
            for _ in 0..<8 { group.addTask { Self.answers(reader) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        for answers in all { #expect(answers == expected) }
        #expect(reader.bytes.damage == nil)
    }

    @Test("a file overwritten in place before its postings are read: the search refuses, a reader held whole answers")
    func overwrittenBeforeRead() throws {
        let (corpus, _) = try Self.built()
        defer { corpus.remove() }
        let lazy = try corpus.open()
        let server = try corpus.open()
        try server.loadAll()
        let expected = Self.answers(server)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: corpus.indexFile)[.size] as? Int)
        try Data(repeating: 0xAB, count: size).write(to: URL(fileURLWithPath: corpus.indexFile))

        let service = SearchService(reader: lazy)
        var texts = SectionTextSource(reader: lazy, corpusPath: corpus.corpus)
        let error = #expect(throws: IndexError.self) { try service.search("helsedata rådet", texts: &texts) }
        #expect(error?.description.contains("the index is damaged") == true)
        #expect(Self.answers(server) == expected)

        #expect(truncate(corpus.indexFile, 0) == 0)
        #expect(throws: IndexError.self) { try lazy.loadAll() }
        #expect(Self.answers(server) == expected)
    }
}
