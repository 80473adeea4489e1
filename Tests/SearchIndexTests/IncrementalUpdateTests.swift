import CouncilDocuments
import Foundation
import Testing
@testable import SearchIndex

/// Updates read only what changed (each file's analysis is kept as a segment), and the index an
/// update makes is the index a full build of the same corpus makes: same sections, terms,
/// postings, fold keys, compounds, repairs and acronyms, so the same results for every query.
@Suite("Incremental updates")
struct IncrementalUpdateTests {
    /// Pieces of the repository's packages, cut at blank lines, named after the package they
    /// come from (the name dates the meeting): the pool random updates draw files from.
    static let pool: [(name: String, text: String)] = {
        let folder = TestIndex.corpusFolder
        var pieces: [(String, String)] = []
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        for name in names {
            guard let text = try? String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8)
            else { continue }
            var piece = ""
            var part = 1
            for paragraph in text.components(separatedBy: "\n\n") {
                piece += paragraph + "\n\n"
                if piece.utf8.count > 6_000 {
                    pieces.append(((name as NSString).deletingPathExtension + "-del\(part).txt", piece))
                    piece = ""
                    part += 1
                }
                if part > 3 { break }
            }
        }
        return pieces
    }()

    static let queries = ["møte", "rådet", "KSF", "helsedata", "forskning og innovasjon", "\"tilgang til helsedata\"",
                          "bærekraft", "kommunene", "samarbeid*"]

    var builder: IndexBuilder {
        var builder = IndexBuilder()
        builder.wordList = nil
        return builder
    }

    @Test("after random sequences of adds, changes, deletes and touches, an update equals a full rebuild",
          arguments: [1, 2, 3] as [UInt64])
    func randomSequences(seed: UInt64) throws {
        #expect(Self.pool.count >= 8)
        var random = TestRandom(seed: seed)
        let folder = try TestCorpus(files: [:])
        defer { folder.remove() }
        var present: [String: Int] = [:]
        for _ in 0..<3 {
            let pick = random.below(Self.pool.count)
            try folder.write(Self.pool[pick].name, Self.pool[pick].text)
            present[Self.pool[pick].name] = pick
        }
        try builder.build(corpus: folder.corpus, into: folder.index)
        for step in 0..<7 {
            let names = present.keys.sorted()
            switch random.below(5) {
            case 0 where names.count > 1:
                let name = names[random.below(names.count)]
                try FileManager.default.removeItem(atPath: (folder.corpus as NSString).appendingPathComponent(name))
                present[name] = nil
            case 1 where !names.isEmpty:
                let name = names[random.below(names.count)]
                let other = Self.pool[random.below(Self.pool.count)].text
                try folder.write(name, other + "\n\nKommunenes samarbeidsarena for forskning (KSF) møtes \(step).\n")
            case 2 where !names.isEmpty:
                let path = (folder.corpus as NSString).appendingPathComponent(names[random.below(names.count)])
                try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: Double(step + 1) * 60)],
                                                      ofItemAtPath: path)
            case 3:
                let segments = (folder.index as NSString).appendingPathComponent(SegmentStore.folderName)
                if let victim = try FileManager.default.contentsOfDirectory(atPath: segments).sorted().first {
                    try Data("not a segment".utf8).write(to: URL(fileURLWithPath: (segments as NSString).appendingPathComponent(victim)))
                }
            default:
                let pick = random.below(Self.pool.count)
                try folder.write(Self.pool[pick].name, Self.pool[pick].text)
                present[Self.pool[pick].name] = pick
            }
            try builder.build(corpus: folder.corpus, into: folder.index)
            let fresh = (folder.root.path as NSString).appendingPathComponent("fresh-\(step)")
            try builder.build(corpus: folder.corpus, into: fresh)
            try Self.expectSameIndex(folder.index, fresh)
        }
    }

    @Test("an update reads only new and changed files, and says what changed")
    func readsOnlyChanges() throws {
        let pieces = Array(Self.pool.prefix(4))
        let folder = try TestCorpus(files: Dictionary(uniqueKeysWithValues: pieces.prefix(3).map { ($0.name, $0.text) }))
        defer { folder.remove() }
        let first = try builder.build(corpus: folder.corpus, into: folder.index)
        #expect(first.changes == nil)
        try folder.write(pieces[3].name, pieces[3].text)
        try folder.write(pieces[0].name, pieces[0].text + "\nEn ny linje om helsedata.\n")
        try FileManager.default.removeItem(atPath: (folder.corpus as NSString).appendingPathComponent(pieces[1].name))
        let update = try builder.build(corpus: folder.corpus, into: folder.index)
        let changes = try #require(update.changes)
        #expect((changes.added, changes.changed, changes.removed, changes.unchanged) == (1, 1, 1, 1))
        #expect(changes.reused == 1)
        #expect(changes.summary == "1 file added, 1 changed, 1 removed")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)],
                                              ofItemAtPath: (folder.corpus as NSString).appendingPathComponent(pieces[2].name))
        let touched = try #require(try builder.build(corpus: folder.corpus, into: folder.index).changes)
        #expect(touched.reused == 3 && touched.unchanged == 3)
    }

    @Test("an update with nothing changed writes nothing, and one that finds the index damaged builds it again")
    func nothingChanged() throws {
        let folder = try TestCorpus(files: Dictionary(uniqueKeysWithValues: Self.pool.prefix(2).map { ($0.name, $0.text) }))
        defer { folder.remove() }
        try folder.writeBytes("skadet.txt", [0, 1, 2, 0, 0xFF, 0, 0, 7])
        try builder.build(corpus: folder.corpus, into: folder.index)
        let written = try FileManager.default.attributesOfItem(atPath: folder.indexFile)
        let again = try builder.build(corpus: folder.corpus, into: folder.index)
        #expect(again.upToDate && again.changes?.unchanged == 2 && again.files == 2)
        #expect(again.notes == ["1 file left out, as by the last build"])
        let after = try FileManager.default.attributesOfItem(atPath: folder.indexFile)
        #expect(after[.systemFileNumber] as? Int == written[.systemFileNumber] as? Int)
        #expect(again.indexBytes == written[.size] as? Int)

        var otherList = builder
        otherList.wordList = (folder.corpus as NSString).appendingPathComponent(Self.pool[0].name)
        #expect(try !otherList.build(corpus: folder.corpus, into: folder.index).upToDate)
        #expect(try !builder.build(corpus: folder.corpus, into: folder.index).upToDate)

        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: folder.indexFile))
        try handle.seek(toOffset: UInt64(after[.size] as? Int ?? 0) / 2)
        try handle.write(contentsOf: Data("damage".utf8))
        try handle.close()
        #expect(try !builder.build(corpus: folder.corpus, into: folder.index).upToDate)
        #expect(try builder.build(corpus: folder.corpus, into: folder.index).upToDate)
        #expect(try folder.open().metadata.files.count == 2)
    }

    @Test("segments of removed files and temporary files of killed builds are removed by the next build")
    func orphans() throws {
        let pieces = Array(Self.pool.prefix(2))
        let folder = try TestCorpus(files: Dictionary(uniqueKeysWithValues: pieces.map { ($0.name, $0.text) }))
        defer { folder.remove() }
        try builder.build(corpus: folder.corpus, into: folder.index)
        let segments = (folder.index as NSString).appendingPathComponent(SegmentStore.folderName)
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: (segments as NSString).appendingPathComponent("0123.seg.99.tmp")))
        try FileManager.default.removeItem(atPath: (folder.corpus as NSString).appendingPathComponent(pieces[1].name))
        try builder.build(corpus: folder.corpus, into: folder.index)
        let left = try FileManager.default.contentsOfDirectory(atPath: segments)
        #expect(left == [SegmentStore.name(fileID: pieces[0].name, contentHash: try folder.open().metadata.files[0].contentHash)])
    }

    @Test("a segment round-trips every field the index keeps of a file")
    func codec() throws {
        let folder = try TestCorpus(files: Dictionary(uniqueKeysWithValues: Self.pool.prefix(2).map { ($0.name, $0.text) }))
        defer { folder.remove() }
        try builder.build(corpus: folder.corpus, into: folder.index)
        let store = SegmentStore(indexFolder: folder.index, fingerprint: builder.fingerprint)
        let file = try folder.open().metadata.files[0]
        let analysis = try #require(store.load(fileID: file.id, contentHash: file.contentHash))
        let bytes = SegmentCodec.encode(analysis, fileID: file.id, fingerprint: builder.fingerprint)
        let again = try #require(bytes.withUnsafeBytes { SegmentCodec.decode($0, fileID: file.id, fingerprint: builder.fingerprint) })
        #expect(again.sections == analysis.sections && again.postings.docs == analysis.postings.docs)
        #expect(SegmentCodec.encode(again, fileID: file.id, fingerprint: builder.fingerprint) == bytes)
        #expect(bytes.withUnsafeBytes { SegmentCodec.decode($0, fileID: "other.txt", fingerprint: builder.fingerprint) } == nil)
        #expect(bytes.withUnsafeBytes { SegmentCodec.decode($0, fileID: file.id, fingerprint: "other rules") } == nil)
        #expect(bytes.dropLast(3).withUnsafeBytes { SegmentCodec.decode($0, fileID: file.id, fingerprint: builder.fingerprint) } == nil)

        // Read in parts, as a build holds it until the merge: the bulk stays in the segment.
        let summary = try #require(store.load(fileID: file.id, contentHash: file.contentHash, parts: .summary))
        #expect(summary.leftInSegment && summary.sections.isEmpty && summary.postings.docs.isEmpty)
        #expect(summary.sectionCount == analysis.sections.count && summary.decisions == analysis.decisions)
        #expect(try store.sections(of: summary, fileID: file.id) == analysis.sections)
        #expect(try store.postings(of: summary, fileID: file.id).positions == analysis.postings.positions)
        let whole = try store.whole(summary, fileID: file.id)
        #expect(SegmentCodec.encode(whole, fileID: file.id, fingerprint: builder.fingerprint) == bytes)
    }

    /// Every block but the metadata byte for byte, the metadata but for the build times, and the
    /// ranked results of `queries`.
    static func expectSameIndex(_ updated: String, _ fresh: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let a = try Data(contentsOf: URL(fileURLWithPath: (updated as NSString).appendingPathComponent(IndexFormat.fileName)))
        let b = try Data(contentsOf: URL(fileURLWithPath: (fresh as NSString).appendingPathComponent(IndexFormat.fileName)))
        let (blocksA, blocksB) = try a.withUnsafeBytes { ra in
            try b.withUnsafeBytes { rb in (try IndexFile.blocks(ra), try IndexFile.blocks(rb)) }
        }
        for block in IndexFormat.Block.allCases where block != .metadata {
            #expect(a[blocksA[block]!] == b[blocksB[block]!], "\(block) block differs", sourceLocation: sourceLocation)
        }
        let (ra, rb) = (try IndexReader.open(folder: updated), try IndexReader.open(folder: fresh))
        #expect(try comparable(ra.metadata) == comparable(rb.metadata), sourceLocation: sourceLocation)
        for query in queries {
            let hitsA = Searcher(reader: ra).search(ra.plan(query), limit: 20).hits
            let hitsB = Searcher(reader: rb).search(rb.plan(query), limit: 20).hits
            #expect(hitsA.map(\.sectionID) == hitsB.map(\.sectionID) && hitsA.map(\.score) == hitsB.map(\.score),
                    "results for \(query) differ", sourceLocation: sourceLocation)
        }
    }

    static func comparable(_ metadata: IndexMetadata) throws -> Data {
        var metadata = metadata
        metadata.builtAt = 0
        metadata.buildSeconds = 0
        return Data(MetadataCodec.encode(metadata))
    }
}

/// SplitMix64: the same sequence of updates for a seed on every run.
struct TestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func below(_ n: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(n))
    }
}
