import Foundation
import CouncilDocuments
import Testing
@testable import SearchIndex

@Suite("Index file: round trip, checksum, atomic replacement")
struct IndexStorageTests {
    let files = [
        "møte.txt": "Sak 8/1/2025 Bedre tilgang til helsedata\n\nRådet diskuterte helsedata og KSF.\n\nVedtak: Rådet tar saken til orientering.",
        "annet.txt": "Årsrapport\n\nHelseOmsorg21-rådet arbeider med forskning og innovasjon.",
    ]

    @Test("what is written is read back: sections, terms, postings with positions, fold keys")
    func roundTrip() throws {
        let corpus = try TestCorpus(files: files)
        defer { corpus.remove() }
        let report = try corpus.build()
        let reader = try corpus.open()
        #expect(reader.metadata.files.map(\.id) == ["annet.txt", "møte.txt"])
        #expect(reader.sectionCount == report.sections)
        let caseSection = (0..<reader.sectionCount).map(reader.sectionRecord).first { $0.section.caseID != nil }
        #expect(caseSection?.section.caseID?.description == "8/1/2025")
        #expect(caseSection?.section.title == "Bedre tilgang til helsedata")
        #expect(caseSection?.section.firstLine == 1)

        let id = try #require(reader.termID("helsedat"))
        #expect(reader.term(id) == "helsedat")
        var occurrences: [(Int, [Int32])] = []
        let sections = (0..<Int32(reader.sectionCount)).map { $0 }
        reader.withPostings(id, positions: true) { $0.forEachWithPositions(in: sections) { occurrences.append((Int(sections[$0]), Array($1))) } }
        #expect(occurrences.count == 1)
        #expect(occurrences[0].1.count == 2)
        #expect(reader.termID("finnes-ikke") == nil)
        let folded = reader.terms(withFoldKey: "rad").map(reader.term)
        #expect(folded.contains("råd"))
    }

    @Test("a damaged index is refused with a clear error, never read")
    func checksum() throws {
        let corpus = try TestCorpus(files: files)
        defer { corpus.remove() }
        try corpus.build()
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: corpus.indexFile)))
        let blocks = try corpus.open().blocks
        func damaged(_ block: IndexFormat.Block) throws {
            var bytes = original
            // A byte inside the block (the padding between blocks carries no data, and no checksum).
            let range = try #require(blocks[block])
            bytes[(range.lowerBound + range.upperBound) / 2] ^= 0xFF
            try Data(bytes).write(to: URL(fileURLWithPath: corpus.indexFile))
        }
        // A block read at open is refused at open.
        try damaged(.sections)
        let error = #expect(throws: IndexError.self) { try corpus.open() }
        #expect(error.map { "\($0)".contains("checksum mismatch in the sections block") } == true)
        // The postings are read when first needed: the search that needs them refuses to answer.
        try damaged(.postings)
        let reader = try corpus.open()
        let service = SearchService(reader: reader)
        var texts = SectionTextSource(reader: reader, corpusPath: corpus.corpus)
        let refused = #expect(throws: IndexError.self) { try service.search("helsedata", texts: &texts) }
        #expect(refused.map { "\($0)".contains("checksum mismatch in the postings block") } == true)
        #expect(throws: IndexError.self) { try corpus.open().loadAll() }

        try Data(original.prefix(10)).write(to: URL(fileURLWithPath: corpus.indexFile))
        #expect(throws: IndexError.self) { try corpus.open() }
    }

    @Test("a failed build leaves the existing index as it was")
    func failedBuildKeepsIndex() throws {
        let corpus = try TestCorpus(files: files)
        defer { corpus.remove() }
        try corpus.build()
        let before = try Data(contentsOf: URL(fileURLWithPath: corpus.indexFile))
        for name in files.keys { try FileManager.default.removeItem(atPath: (corpus.corpus as NSString).appendingPathComponent(name)) }
        try corpus.writeBytes("binary.txt", [0x00, 0x01, 0x02, 0x03])
        #expect(throws: IndexError.self) { try corpus.build() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: corpus.indexFile)) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: corpus.index)
        #expect(Set(leftovers) == [IndexFormat.fileName, IndexLock.fileName, SegmentStore.folderName])
    }

    @Test("the index is rebuilt when the corpus changes, and only then")
    func freshness() throws {
        let corpus = try TestCorpus(files: files)
        defer { corpus.remove() }
        let (_, first) = try IndexStore.openFresh(index: corpus.index, corpus: corpus.corpus)
        #expect(first != nil)
        let (_, second) = try IndexStore.openFresh(index: corpus.index, corpus: corpus.corpus)
        #expect(second == nil)
        try corpus.write("ny.txt", "Et nytt dokument om KSF.")
        let (reader, third) = try IndexStore.openFresh(index: corpus.index, corpus: corpus.corpus)
        #expect(third != nil)
        #expect(reader.metadata.files.count == 3)
    }

    @Test("skips binary and empty files with a warning naming them, and reads Windows-1252")
    func badFiles() throws {
        let corpus = try TestCorpus(files: files)
        defer { corpus.remove() }
        try corpus.writeBytes("bilde.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00])
        try corpus.writeBytes("tom.txt", [])
        try corpus.writeBytes("latin.txt", [0x52, 0xE5, 0x64, 0x65, 0x74, 0x20, 0x6D, 0xF8, 0x74, 0x65, 0x73])  // "Rådet møtes"
        let report = try corpus.build()
        #expect(report.warnings.count == 2)
        #expect(report.warnings.contains { $0.contains("bilde.txt") })
        #expect(report.warnings.contains { $0.contains("tom.txt") })
        #expect(report.notes.contains { $0.contains("latin.txt") })
        let reader = try corpus.open()
        #expect(reader.termID("møt") != nil)
    }
}

@Suite("The reader's table of each file's sections")
struct FileSectionsTests {
    @Test("each file's range holds exactly the sections of that file, in the file's order")
    func rangesHoldTheirFile() throws {
        let index = try TestIndex.ofRepositoryCorpus()
        let reader = index.reader
        var covered = 0
        for file in reader.metadata.files.indices {
            let range = reader.sections(ofFile: file)
            #expect(!range.isEmpty)
            #expect(range.allSatisfy { reader.sectionRecord($0).fileIndex == file })
            covered += range.count
        }
        #expect(covered == reader.sectionCount)
        #expect(reader.sections(ofFile: reader.metadata.files.count).isEmpty)
    }
}

@Suite("The sections of each case, as the index stores them")
struct CaseSectionsTests {
    @Test("each case lists exactly its sections in index order, and each section knows its case and the case's decisions")
    func casesHoldTheirSections() throws {
        let index = try TestIndex.ofRepositoryCorpus()
        let reader = index.reader
        var expected: [CaseID: [Int]] = [:]
        for id in 0..<reader.sectionCount {
            if let caseID = reader.facts(id).caseID { expected[caseID, default: []].append(id) }
        }
        #expect(expected.count > 50)
        let links = reader.decisionLinks
        var ordinals = Set<Int32>()
        for (caseID, sections) in expected {
            #expect(reader.sections(ofCase: caseID) == sections, "\(caseID)")
            let ordinal = links.caseOrdinal(sections[0])
            #expect(sections.allSatisfy { links.caseOrdinal($0) == ordinal })
            #expect(ordinals.insert(ordinal).inserted, "one ordinal a case")
            let decisions = sections.filter { reader.facts($0).kind == .vedtak }.map { Int32($0) }
            #expect(links.decisions(ofCase: Int(ordinal)) == decisions)
        }
        for id in 0..<reader.sectionCount where reader.facts(id).caseID == nil { #expect(links.caseOrdinal(id) == -1) }
        #expect(reader.sections(ofCase: CaseID(number: 999, meetingNumber: 9, year: 1999)).isEmpty)
    }
}
