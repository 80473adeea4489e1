import CouncilDocuments
import Foundation
import Testing
@testable import SearchIndex

/// A build holds no more than its memory budget of postings: past it, files' postings become
/// runs on disk and the joined postings go to a file too. The index is the same either way.
@Suite("Builds in bounded memory")
struct BoundedMemoryBuildTests {
    func builder(budget: Int) -> IndexBuilder {
        var builder = IndexBuilder()
        builder.wordList = nil
        builder.memoryBudget = budget
        return builder
    }

    @Test("a budget too small for any file's postings makes the index a build with room makes, built and updated")
    func smallBudgetSameIndex() throws {
        // The repository's packages, clean and OCR-damaged: damaged files are merged after the clean ones.
        let folder = try TestCorpus(files: [:])
        defer { folder.remove() }
        let names = try FileManager.default.contentsOfDirectory(atPath: TestIndex.corpusFolder).sorted()
        for name in names.prefix(12) {
            try FileManager.default.copyItem(atPath: (TestIndex.corpusFolder as NSString).appendingPathComponent(name),
                                             toPath: (folder.corpus as NSString).appendingPathComponent(name))
        }
        let roomy = (folder.root.path as NSString).appendingPathComponent("roomy")
        try builder(budget: 1 << 30).build(corpus: folder.corpus, into: roomy)
        try builder(budget: 1).build(corpus: folder.corpus, into: folder.index)
        try IncrementalUpdateTests.expectSameIndex(folder.index, roomy)
        try expectNoTemporaryFiles(folder.index)

        // An update reads the unchanged files' postings back from their segments.
        let first = (folder.corpus as NSString).appendingPathComponent(names[0])
        try (try String(contentsOfFile: first, encoding: .utf8) + "\nEn ny linje om helsedata.\n")
            .write(toFile: first, atomically: true, encoding: .utf8)
        try builder(budget: 1).build(corpus: folder.corpus, into: folder.index)
        try builder(budget: 1 << 30).build(corpus: folder.corpus, into: roomy)
        try IncrementalUpdateTests.expectSameIndex(folder.index, roomy)
        try expectNoTemporaryFiles(folder.index)
    }

    @Test("a run read through a buffer smaller than one record reads as it does from memory")
    func runThroughSmallBuffer() throws {
        let folder = try TestCorpus(files: [:])
        defer { folder.remove() }
        let (parts, _) = try filesPostings(in: folder)
        let run = PostingsRun.make(parts)
        // Written a chunk at a time, as a run goes to its file, it is the same bytes.
        var chunks: [[UInt8]] = []
        PostingsRun.write(parts, chunkBytes: 4096) { chunks.append($0) }
        #expect(chunks.count > 3)
        #expect(Array(chunks.joined()) == run)
        let path = (folder.root.path as NSString).appendingPathComponent("run")
        try Data(run).write(to: URL(fileURLWithPath: path))
        let (whole, buffered) = (try PostingsRunReader(bytes: run), try PostingsRunReader(path: path, bufferBytes: 7))
        var terms = 0
        while let text = whole.text {
            #expect(buffered.text == text)
            let a = whole.withBuffer { (Array($0[whole.docs]), Array($0[whole.positions])) }
            let b = buffered.withBuffer { (Array($0[buffered.docs]), Array($0[buffered.positions])) }
            #expect(a == b, "term \(String(decoding: text, as: UTF8.self))")
            try whole.advance()
            try buffered.advance()
            terms += 1
        }
        #expect(buffered.text == nil)
        #expect(terms > 100)
        // Cut short, the run is an error, not a shorter run.
        try Data(run.dropLast(3)).write(to: URL(fileURLWithPath: path))
        let cut = try PostingsRunReader(path: path, bufferBytes: 64)
        #expect(throws: IndexError.self) { while cut.text != nil { try cut.advance() } }
    }

    @Test("runs on disk and a last batch too small for a run of its own give the postings one batch gives")
    func runsAndLastBatch() throws {
        let folder = try TestCorpus(files: [:])
        defer { folder.remove() }
        let (parts, base) = try filesPostings(in: folder)
        // The weight `add` counts: a budget whose half the first two files reach and the last does not.
        let weights = parts.map { $0.postings.docs.count + $0.postings.positions.count + $0.postings.terms.count * 48 }
        try #require(weights[2] < weights[0] + weights[1])
        let lengths = (0..<Int(base)).map { UInt32($0 % 17 + 3) }
        let kinds = [UInt8](repeating: 0, count: Int(base))
        func merged(budget: Int) throws -> ([String], [UInt8], [UInt8]) {
            let merger = PostingsMerger(lengths: lengths, kinds: kinds, budget: budget, workFolder: folder.index)
            for part in parts { try merger.add(part.postings, sectionBase: part.base) }
            let (terms, postings, pages) = try merger.finish()
            let bytes = try postings.load()
            if case .file(let path, _, _) = postings { unlink(path) }
            return (terms.map { "\(String(decoding: $0.text, as: UTF8.self)) \($0.documentFrequency) \($0.docsOffset) "
                + "\($0.docsLength) \($0.positionsLength)" }, bytes, pages)
        }
        let (one, split) = (try merged(budget: 1 << 30), try merged(budget: 2 * (weights[0] + weights[1])))
        #expect(split.0 == one.0)
        // Compared whole, not printed: a failure names which part differs.
        let (samePostings, samePages) = (split.1 == one.1, split.2 == one.2)
        #expect(samePostings, "the postings differ (\(split.1.count) bytes against \(one.1.count))")
        #expect(samePages, "the page checksums differ")
        try expectNoTemporaryFiles(folder.index)
    }

    @Test("a damaged text waiting for the lexicon is read again, not held, and is refused once changed")
    func deferredDocumentsAreReadAgain() throws {
        let folder = try TestCorpus(files: ["a.txt": "Radet mgte om helsedata.\n"])
        defer { folder.remove() }
        let path = (folder.corpus as NSString).appendingPathComponent("a.txt")
        let read = try DocumentReader.read(path: path, id: "a.txt")
        let waiting = DeferredDocument(read, path: path, pdf: PDFReading())
        guard case .onDisk = waiting else { Issue.record("a text file was held: \(waiting)"); return }
        #expect(waiting.byteCount == read.byteCount)
        #expect(waiting.document(pdf: PDFReading())?.text == read.text)
        try folder.write("a.txt", "Radet mgte om personvern.\n")
        #expect(waiting.document(pdf: PDFReading()) == nil)
        // A PDF without a cache of its text would be extracted again: it is held.
        let pdf = DeferredDocument(read, path: (folder.corpus as NSString).appendingPathComponent("b.pdf"),
                                   pdf: PDFReading())
        #expect(pdf.document(pdf: PDFReading())?.text == read.text)
    }

    /// Three files of the update pool indexed in `folder`, and each one's postings as its segment
    /// keeps them, with the section its sections count from; and the sections of all three.
    func filesPostings(in folder: TestCorpus) throws
        -> (parts: [(postings: PostingsAccumulator.Encoded, base: UInt32)], sections: UInt32) {
        for entry in IncrementalUpdateTests.pool.prefix(3) { try folder.write(entry.name, entry.text) }
        let builder = builder(budget: 1 << 30)
        try builder.build(corpus: folder.corpus, into: folder.index)
        let store = SegmentStore(indexFolder: folder.index, fingerprint: builder.fingerprint)
        var parts: [(postings: PostingsAccumulator.Encoded, base: UInt32)] = []
        var base: UInt32 = 0
        for file in try folder.open().metadata.files {
            let analysis = try #require(store.load(fileID: file.id, contentHash: file.contentHash))
            parts.append((analysis.postings, base))
            base += UInt32(analysis.sections.count)
        }
        return (parts, base)
    }

    func expectNoTemporaryFiles(_ index: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let left = try FileManager.default.contentsOfDirectory(atPath: index).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "left behind: \(left)", sourceLocation: sourceLocation)
    }
}

@Suite("Sizes as written on a command line")
struct ByteSizeTests {
    @Test("decimal and binary units, any case, fractions; nonsense is nil",
          arguments: [("512MB", 512_000_000), ("1.5GB", 1_500_000_000), ("64MiB", 64 << 20), ("100kb", 100_000),
                      ("2G", 2_000_000_000), ("4096", 4096), ("1 GiB", 1 << 30)] as [(String, Int)])
    func parses(_ text: String, _ bytes: Int) {
        #expect(ByteSize(text)?.bytes == bytes)
    }

    @Test("not a size", arguments: ["", "MB", "lots", "-5MB", "1e30GB", "nan", "12XB"])
    func refuses(_ text: String) {
        #expect(ByteSize(text) == nil)
    }

    @Test("said as people say it")
    func description() {
        #expect(ByteSize(bytes: 512 << 20).description == "536.9 MB")
        #expect(ByteSize(bytes: 512_000_000).description == "512 MB")
        #expect(ByteSize(bytes: 300).description == "300 bytes")
    }
}
