import CouncilDocuments
import Foundation

/// An opened index: memory-mapped, checksum-verified, read-only, shareable across threads.
///
/// Opening does no analysis and decodes only the metadata and the section lengths; terms and
/// postings are read in place when a query asks for them.
public struct IndexReader: Sendable {
    public let metadata: IndexMetadata
    /// Word positions per section, for BM25.
    public let sectionLengths: [UInt32]
    /// Kind code per section (`SectionCodes`), for ranking without reading records.
    let sectionKindCodes: [UInt8]
    public let averageSectionLength: Double
    let data: Data
    let blocks: [IndexFormat.Block: Range<Int>]
    let termCount: Int
    let foldKeyCount: Int

    public var sectionCount: Int { sectionLengths.count }

    public static func open(folder: String) throws(IndexError) -> IndexReader {
        let path = (folder as NSString).appendingPathComponent(IndexFormat.fileName)
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw .io("cannot read \(path): \(error.localizedDescription)")
        }
        return try IndexReader(data: data)
    }

    init(data: Data) throws(IndexError) {
        self.data = data
        let parsed: Result<(IndexMetadata, [IndexFormat.Block: Range<Int>], [UInt32], [UInt8], Int, Int), IndexError> = data.withUnsafeBytes { raw in
            do throws(IndexError) { return .success(try Self.parse(raw)) } catch { return .failure(error) }
        }
        (metadata, blocks, sectionLengths, sectionKindCodes, termCount, foldKeyCount) = try parsed.get()
        let total = sectionLengths.reduce(0) { $0 + Int($1) }
        averageSectionLength = sectionLengths.isEmpty ? 1 : max(1, Double(total) / Double(sectionLengths.count))
    }

    private static func parse(_ raw: UnsafeRawBufferPointer) throws(IndexError) -> (IndexMetadata, [IndexFormat.Block: Range<Int>], [UInt32], [UInt8], Int, Int) {
        guard raw.count >= 24, Array(raw[0..<8]) == IndexFormat.magic else { throw .corrupt("not a Rådsøk index file") }
        var header = ByteReader(raw, offset: 8)
        let version = try header.u32()
        guard version == IndexFormat.version else { throw .unsupportedVersion(version) }
        let body = UnsafeRawBufferPointer(rebasing: raw[0..<(raw.count - 8)])
        let stored = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self))
        guard ContentHash.of(body) == stored else { throw .corrupt("checksum mismatch") }
        let count = try header.u32()
        guard count <= 64 else { throw .corrupt("bad block table") }
        var blocks: [IndexFormat.Block: Range<Int>] = [:]
        for _ in 0..<count {
            let kind = try header.u32()
            let offset = try header.u64()
            let length = try header.u64()
            guard offset <= UInt64(body.count), length <= UInt64(body.count) - offset else { throw .corrupt("block out of bounds") }
            if let block = IndexFormat.Block(rawValue: kind) { blocks[block] = Int(offset)..<Int(offset + length) }
        }
        guard IndexFormat.Block.allCases.allSatisfy({ blocks[$0] != nil }) else { throw .corrupt("missing block") }

        let metadata: IndexMetadata
        do {
            metadata = try JSONDecoder().decode(IndexMetadata.self, from: Data(raw[blocks[.metadata]!]))
        } catch {
            throw .corrupt("unreadable metadata")
        }
        let sectionBytes = blocks[.sections]!
        guard sectionBytes.count == metadata.sectionCount * IndexFormat.sectionRecordSize else { throw .corrupt("section table size") }
        var lengths = [UInt32](repeating: 0, count: metadata.sectionCount)
        var kinds = [UInt8](repeating: 0, count: metadata.sectionCount)
        for i in 0..<metadata.sectionCount {
            let record = sectionBytes.lowerBound + i * IndexFormat.sectionRecordSize
            lengths[i] = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: record + 20, as: UInt32.self))
            kinds[i] = raw[record + 27]
        }
        var terms = ByteReader(raw, offset: blocks[.terms]!.lowerBound)
        let termCount = Int(try terms.u32())
        guard termCount == metadata.termCount, (termCount + 2) * 4 + termCount * IndexFormat.termEntrySize <= blocks[.terms]!.count else {
            throw .corrupt("term dictionary size")
        }
        var fold = ByteReader(raw, offset: blocks[.foldKeys]!.lowerBound)
        let foldCount = Int(try fold.u32())
        guard (foldCount + 2) * 8 <= blocks[.foldKeys]!.count + 8 else { throw .corrupt("fold table size") }
        return (metadata, blocks, lengths, kinds, termCount, foldCount)
    }

    // MARK: Sections

    public func sectionRecord(_ id: Int) -> SectionRecord {
        data.withUnsafeBytes { raw in
            let record = RecordView(raw: raw, base: blocks[.sections]!.lowerBound + id * IndexFormat.sectionRecordSize)
            let facts = record.facts
            var section = Section(
                firstLine: facts.lines.lowerBound, lastLine: facts.lines.upperBound,
                byteRange: Int(record.u32(12))..<max(Int(record.u32(12)), Int(record.u32(16))),
                kind: facts.kind, caseID: facts.caseID, title: string(at: Int(record.u32(32)), raw),
                meeting: facts.caseID?.meeting, date: facts.date)
            section.year = facts.year
            section.references = (string(at: Int(record.u32(40)), raw) ?? "").split(separator: " ").compactMap { CaseID($0) }
            return SectionRecord(fileIndex: facts.fileIndex, section: section, length: Int(record.u32(20)))
        }
    }

    /// What filters and result grouping need of a section, read from its record without
    /// decoding strings: cheap enough to ask of every candidate.
    public func facts(_ id: Int) -> SectionFacts {
        data.withUnsafeBytes { raw in
            RecordView(raw: raw, base: blocks[.sections]!.lowerBound + id * IndexFormat.sectionRecordSize).facts
        }
    }

    /// The fixed-size fields of one section record, as `IndexWriter` lays them out.
    private struct RecordView {
        let raw: UnsafeRawBufferPointer
        let base: Int

        func u32(_ at: Int) -> UInt32 { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: base + at, as: UInt32.self)) }
        func u16(_ at: Int) -> UInt16 { UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: base + at, as: UInt16.self)) }

        var facts: SectionFacts {
            let caseNumber = Int(u16(24))
            let caseID = caseNumber == 0 ? nil : CaseID(number: caseNumber, meetingNumber: Int(raw[base + 26]), year: Int(u16(28)))
            return SectionFacts(kind: SectionCodes.kind(of: raw[base + 27]), caseID: caseID, date: SectionCodes.unpackDate(u32(36)),
                                year: u16(30) == 0 ? nil : Int(u16(30)), fileIndex: Int(u32(0)),
                                lines: Int(u32(4))...max(Int(u32(4)), Int(u32(8))))
        }
    }

    private func string(at offset: Int, _ raw: UnsafeRawBufferPointer) -> String? {
        guard offset > 0 else { return nil }
        let strings = blocks[.strings]!
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[strings]), offset: offset)
        guard let length = try? reader.varint(), let bytes = try? reader.bytes(Int(length)) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Terms

    /// The id of a term, by binary search over the sorted dictionary.
    public func termID(_ term: String) -> Int? {
        var term = term
        return term.withUTF8 { key in
            data.withUnsafeBytes { raw in
                let block = blocks[.terms]!.lowerBound
                var low = 0, high = termCount - 1
                while low <= high {
                    let mid = (low + high) / 2
                    let c = compare(termBytes(mid, raw, block), key)
                    if c == 0 { return mid }
                    if c < 0 { low = mid + 1 } else { high = mid - 1 }
                }
                return nil
            }
        }
    }

    public func term(_ id: Int) -> String {
        data.withUnsafeBytes { raw in String(decoding: termBytes(id, raw, blocks[.terms]!.lowerBound), as: UTF8.self) }
    }

    /// Where a term's postings are and how many sections contain it.
    public func postingsInfo(_ id: Int) -> (documentFrequency: Int, docs: Range<Int>, positions: Range<Int>) {
        data.withUnsafeBytes { raw in
            let block = blocks[.terms]!.lowerBound
            let textBytes = Int(raw.loadUnaligned(fromByteOffset: block + 4 + termCount * 4, as: UInt32.self))
            var entries = block + 4 + (termCount + 1) * 4 + textBytes
            entries = block + ((entries - block + 3) & ~3)
            let e = entries + id * IndexFormat.termEntrySize
            let df = Int(raw.loadUnaligned(fromByteOffset: e, as: UInt32.self))
            let docsStart = blocks[.postings]!.lowerBound + Int(raw.loadUnaligned(fromByteOffset: e + 4, as: UInt64.self))
            let docsLength = Int(raw.loadUnaligned(fromByteOffset: e + 12, as: UInt32.self))
            let positionsLength = Int(raw.loadUnaligned(fromByteOffset: e + 16, as: UInt32.self))
            return (df, docsStart..<(docsStart + docsLength), (docsStart + docsLength)..<(docsStart + docsLength + positionsLength))
        }
    }

    /// Runs `body` over a term's postings without copying them.
    public func withPostings<R>(_ id: Int, _ body: (PostingsCursor) throws -> R) rethrows -> R {
        let info = postingsInfo(id)
        return try data.withUnsafeBytes { raw in
            let base = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            return try body(PostingsCursor(base: base, docs: info.docs, positions: info.positions, count: info.documentFrequency))
        }
    }

    private func termBytes(_ id: Int, _ raw: UnsafeRawBufferPointer, _ block: Int) -> UnsafeRawBufferPointer {
        let offsets = block + 4
        let start = Int(raw.loadUnaligned(fromByteOffset: offsets + id * 4, as: UInt32.self))
        let end = Int(raw.loadUnaligned(fromByteOffset: offsets + (id + 1) * 4, as: UInt32.self))
        let textBase = offsets + (termCount + 1) * 4
        return UnsafeRawBufferPointer(rebasing: raw[(textBase + start)..<(textBase + end)])
    }

    // MARK: Fold keys

    /// The terms that are spelled like `key` once æ, ø and å are folded.
    public func terms(withFoldKey key: String) -> [Int] {
        var key = key
        return key.withUTF8 { wanted in
            data.withUnsafeBytes { raw -> [Int] in
                let block = blocks[.foldKeys]!.lowerBound
                let offsets = block + 4
                let textBase = offsets + (foldKeyCount + 1) * 4
                func keyBytes(_ i: Int) -> UnsafeRawBufferPointer {
                    let s = Int(raw.loadUnaligned(fromByteOffset: offsets + i * 4, as: UInt32.self))
                    let e = Int(raw.loadUnaligned(fromByteOffset: offsets + (i + 1) * 4, as: UInt32.self))
                    return UnsafeRawBufferPointer(rebasing: raw[(textBase + s)..<(textBase + e)])
                }
                var low = 0, high = foldKeyCount - 1
                while low <= high {
                    let mid = (low + high) / 2
                    let c = compare(keyBytes(mid), wanted)
                    if c < 0 { low = mid + 1 } else if c > 0 { high = mid - 1 } else {
                        let textBytes = Int(raw.loadUnaligned(fromByteOffset: offsets + foldKeyCount * 4, as: UInt32.self))
                        let lists = block + ((textBase - block + textBytes + 3) & ~3)
                        let from = Int(raw.loadUnaligned(fromByteOffset: lists + mid * 4, as: UInt32.self))
                        let to = Int(raw.loadUnaligned(fromByteOffset: lists + (mid + 1) * 4, as: UInt32.self))
                        let ids = lists + (foldKeyCount + 1) * 4
                        return (from..<to).map { Int(raw.loadUnaligned(fromByteOffset: ids + $0 * 4, as: UInt32.self)) }
                    }
                }
                return []
            }
        }
    }
}

/// Lexicographic byte comparison, the order terms are stored in.
func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeBufferPointer<UInt8>) -> Int {
    let n = min(a.count, b.count)
    if n > 0 {
        let c = memcmp(a.baseAddress!, b.baseAddress!, n)
        if c != 0 { return Int(c) }
    }
    return a.count - b.count
}
