import CouncilDocuments
import Foundation
import Testing
@testable import SearchIndex

@Suite("The metadata block")
struct MetadataCodecTests {
    static func sample() -> IndexMetadata {
        var damaged = IndexedFile(id: "mappe/møte-2.txt", size: 12, modified: 1.5, contentHash: .max, encoding: .windows1252)
        damaged.damaged = true
        var metadata = IndexMetadata(
            formatVersion: IndexFormat.version, corpusPath: "/korpus/rådet", builtAt: 1_765_000_000.25,
            buildSeconds: 0.125,
            files: [IndexedFile(id: "a.txt", size: 3, modified: 2, contentHash: 7, encoding: .utf8), damaged],
            skipped: [SkippedFile(id: "bilde.png", size: 9, modified: -1)],
            corpusDates: [CorpusDate(meeting: "2/2025", file: 1)], sectionCount: 40, totalLength: 1_000,
            termCount: 77, corpusBytes: 15, analysisFingerprint: "v1 nb")
        metadata.acronyms = ["ksf": ["Kommunenes samarbeidsarena for forskning"], "hod": ["Helse- og omsorgsdepartementet"]]
        metadata.acronymNameTerms = ["ksf": [["kommun", "samarbeidsarena", "for", "forskning"]]]
        metadata.outsideInputs = "ordliste 1"
        return metadata
    }

    @Test("every field comes back as it was written")
    func roundTrip() throws {
        let written = Self.sample()
        let bytes = MetadataCodec.encode(written)
        let read = try bytes.withUnsafeBytes { try MetadataCodec.decode($0) }
        #expect(read.corpusPath == written.corpusPath && read.builtAt == written.builtAt)
        #expect(read.files == written.files && read.skipped == written.skipped && read.corpusDates == written.corpusDates)
        #expect(read.files[1].damaged && read.files[1].encoding == .windows1252)
        #expect(read.acronyms == written.acronyms && read.acronymNameTerms == written.acronymNameTerms)
        #expect(read.outsideInputs == "ordliste 1" && read.analysisFingerprint == "v1 nb")
        #expect((read.sectionCount, read.totalLength, read.termCount, read.corpusBytes) == (40, 1_000, 77, 15))
        #expect(MetadataCodec.encode(read) == bytes)
    }

    @Test("the same metadata is the same bytes, whatever order its dictionaries were filled in")
    func deterministic() {
        var other = Self.sample()
        // Another capacity and order of insertion: another order of iteration.
        var acronyms: [String: [String]] = [:]
        acronyms.reserveCapacity(1_000)
        for (key, names) in other.acronyms.sorted(by: { $0.key > $1.key }) { acronyms[key] = names }
        for i in 0..<20 { acronyms["x\(i)"] = [] }
        for i in 0..<20 { acronyms["x\(i)"] = nil }
        other.acronyms = acronyms
        #expect(MetadataCodec.encode(other) == MetadataCodec.encode(Self.sample()))
    }

    @Test("a cut, lengthened or garbled block is an error, not a crash")
    func damaged() {
        let bytes = MetadataCodec.encode(Self.sample())
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            #expect(throws: IndexError.self) { try Array(bytes[0..<cut]).withUnsafeBytes { try MetadataCodec.decode($0) } }
        }
        #expect(throws: IndexError.self) { try (bytes + [0]).withUnsafeBytes { try MetadataCodec.decode($0) } }
        var huge = bytes
        // The file count (after version, path and two times) made enormous.
        let countAt = 4 + 1 + "/korpus/rådet".utf8.count + 16
        for i in countAt..<(countAt + 8) { huge[i] = 0x7F }
        #expect(throws: IndexError.self) { try huge.withUnsafeBytes { try MetadataCodec.decode($0) } }
    }
}
