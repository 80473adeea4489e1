import Foundation
@testable import SearchIndex

/// A corpus folder and an index folder in a fresh temporary directory, removed by the caller.
struct TestCorpus {
    let root: URL
    var corpus: String { root.appendingPathComponent("corpus").path }
    var index: String { root.appendingPathComponent("index").path }

    init(files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("radsok-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: root.appendingPathComponent("corpus").path, withIntermediateDirectories: true)
        for (name, text) in files { try write(name, text) }
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: corpus).appendingPathComponent(name))
    }

    func writeBytes(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: corpus).appendingPathComponent(name))
    }

    @discardableResult
    func build() throws -> BuildReport { try IndexBuilder().build(corpus: corpus, into: index) }

    func open() throws -> IndexReader { try IndexReader.open(folder: index) }

    func remove() { try? FileManager.default.removeItem(at: root) }

    var indexFile: String { (index as NSString).appendingPathComponent(IndexFormat.fileName) }

    /// Builds an index of `files` in a temporary folder, hands its reader to `body`, cleans up.
    static func withIndex<R>(_ files: [String: String], _ body: (IndexReader) throws -> R) throws -> R {
        let corpus = try TestCorpus(files: files)
        defer { corpus.remove() }
        try corpus.build()
        return try body(try corpus.open())
    }
}

extension IndexReader {
    /// The files of the sections a query ranks, best first: what most search tests compare.
    func rankedFiles(_ query: String, filter: SearchFilter = SearchFilter(), limit: Int = 10) -> [String] {
        Searcher(reader: self).search(plan(query, filter: filter), limit: limit).hits
            .map { fileID(ofSection: $0.sectionID) }
    }

    /// A query as the default planner makes it for this index.
    func plan(_ query: String, filter: SearchFilter = SearchFilter()) -> Query {
        QueryPlanner().plan(query, reader: self, filter: filter)
    }

    /// The file a ranked section comes from, for readable expectations.
    func fileID(ofSection id: Int) -> String { metadata.files[sectionRecord(id).fileIndex].id }
}

/// An index of the repository's Corpus/ in a temporary folder, for tests that need its
/// vocabulary; the folder stays until the test process ends.
struct TestIndex: Sendable {
    let reader: IndexReader
    let corpus: String

    /// The repository's Corpus/ folder.
    static let corpusFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Corpus").standardized.path

    static func ofRepositoryCorpus() throws -> TestIndex {
        let corpus = corpusFolder
        let index = FileManager.default.temporaryDirectory.appendingPathComponent("radsok-corpus-\(UUID().uuidString)").path
        try IndexBuilder().build(corpus: corpus, into: index)
        return TestIndex(reader: try IndexReader.open(folder: index), corpus: corpus)
    }

    func texts() -> SectionTextSource { SectionTextSource(reader: reader, corpusPath: corpus) }
}
