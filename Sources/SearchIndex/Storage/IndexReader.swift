import CouncilDocuments
import Foundation

/// An opened index: checksum-verified, read-only, shareable across threads.
///
/// The file is read, not memory-mapped: a mapping of a file that another program truncates or
/// overwrites in place (`cp other.idx Index/radsok.idx`) kills the reading process with SIGBUS,
/// and a server must survive whatever happens to its files. Opening reads every block but the
/// postings, which are read page by page as queries need them (`IndexBytes`); `loadAll` reads
/// the rest, after which the reader no longer depends on the file.
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
    let bytes: IndexBytes
    let blocks: [IndexFormat.Block: Range<Int>]
    let sectionTable: SectionTable
    let termCount: Int
    let foldKeyCount: Int
    let compoundPartCount: Int
    let repairCount: Int
    /// Acronym names by their first index term, for finding a name typed in full in a query.
    let acronymNamesByFirstTerm: [String: [AcronymName]]
    /// The sections of each case and each file (`SectionGroups`), read in place.
    let sectionGroups: SectionGroups

    /// The folder the index was opened from, whose `ExtractedTextCache` holds its PDFs' text;
    /// nil for an index made in memory.
    public private(set) var folder: String?

    public var sectionCount: Int { sectionLengths.count }

    public static func open(folder: String) throws(IndexError) -> IndexReader {
        let path = (folder as NSString).appendingPathComponent(IndexFormat.fileName)
        var reader = try IndexReader(bytes: IndexBytes.open(path))
        reader.folder = folder
        return reader
    }

    /// An index file's bytes held in memory, verified whole.
    init(data: Data) throws(IndexError) {
        try self.init(bytes: IndexBytes(copying: data))
    }

    init(bytes: IndexBytes) throws(IndexError) {
        self.bytes = bytes
        let parsed: Result<Parsed, IndexError> = bytes.withUnsafeBytes { raw in
            do throws(IndexError) { return .success(try Self.parse(raw, blocks: bytes.blocks)) } catch { return .failure(error) }
        }
        let p = try parsed.get()
        (metadata, blocks, sectionTable, sectionGroups) = (p.metadata, p.blocks, p.sections, p.groups)
        (sectionLengths, sectionKindCodes) = (p.lengths, p.kinds)
        (termCount, foldKeyCount, compoundPartCount) = (p.termCount, p.foldKeyCount, p.compoundPartCount)
        repairCount = p.repairCount
        let total = sectionLengths.reduce(0) { $0 + Int($1) }
        averageSectionLength = sectionLengths.isEmpty ? 1 : max(1, Double(total) / Double(sectionLengths.count))
        var names: [String: [AcronymName]] = [:]
        for (acronym, nameTerms) in metadata.acronymNameTerms.sorted(by: { $0.key < $1.key }) {
            for terms in nameTerms where !terms.isEmpty {
                names[terms[0], default: []].append(AcronymName(acronym: acronym, terms: terms))
            }
        }
        acronymNamesByFirstTerm = names
    }

    /// Every section of a case, in index order.
    public func sections(ofCase caseID: CaseID) -> [Int] {
        bytes.withUnsafeBytes { raw in
            sectionGroups.ordinal(of: caseID, in: raw).map { sectionGroups.sections(ofOrdinal: $0, in: raw) } ?? []
        }
    }

    /// Each section's case and each case's decisions, for finding a decision by its case.
    var decisionLinks: DecisionLinks { DecisionLinks(reader: self) }

    /// Every section of a file, in index order (which is the file's order of sections).
    public func sections(ofFile fileIndex: Int) -> Range<Int> {
        bytes.withUnsafeBytes { sectionGroups.sections(ofFile: fileIndex, in: $0) }
    }

    /// The acronym names whose first index term is `term`, in a stable order.
    func acronymNames(startingWith term: String) -> [AcronymName] {
        acronymNamesByFirstTerm[term] ?? []
    }

    /// What opening reads of the file before any query.
    private struct Parsed {
        let metadata: IndexMetadata
        let blocks: [IndexFormat.Block: Range<Int>]
        let sections: SectionTable
        let groups: SectionGroups
        let lengths: [UInt32]
        let kinds: [UInt8]
        let termCount, foldKeyCount, compoundPartCount, repairCount: Int
    }

    private static func parse(_ raw: UnsafeRawBufferPointer,
                              blocks: [IndexFormat.Block: Range<Int>]) throws(IndexError) -> Parsed {
        let metadata = try MetadataCodec.decode(UnsafeRawBufferPointer(rebasing: raw[blocks[.metadata]!]))
        let sections = try SectionTable(raw, range: blocks[.sections]!, rowCount: metadata.sectionCount)
        let lengths = sections.values(.length, in: raw) { $0 }
        let kinds = sections.values(.kind, in: raw) { UInt8(truncatingIfNeeded: $0) }
        var terms = ByteReader(raw, offset: blocks[.terms]!.lowerBound)
        let termCount = Int(try terms.u32())
        guard termCount == metadata.termCount, (termCount + 2) * 4 + termCount * IndexFormat.termEntrySize <= blocks[.terms]!.count else {
            throw .corrupt("term dictionary size")
        }
        func groupCount(_ block: IndexFormat.Block) throws(IndexError) -> Int {
            var reader = ByteReader(raw, offset: blocks[block]!.lowerBound)
            let count = Int(try reader.u32())
            guard (count + 2) * 8 <= blocks[block]!.count + 8 else { throw .corrupt("\(block) table size") }
            return count
        }
        _ = try groupCount(.spellings)
        let groups = try SectionGroups(raw, range: blocks[.sectionGroups]!, sectionCount: metadata.sectionCount,
                                       fileCount: metadata.files.count)
        return Parsed(metadata: metadata, blocks: blocks, sections: sections, groups: groups, lengths: lengths,
                      kinds: kinds,
                      termCount: termCount, foldKeyCount: try groupCount(.foldKeys),
                      compoundPartCount: try groupCount(.compoundParts), repairCount: try groupCount(.repairs))
    }

    // MARK: Sections

    public func sectionRecord(_ id: Int) -> SectionRecord {
        bytes.withUnsafeBytes { raw in
            let row = sectionTable.row(id, in: raw)
            let facts = row.facts
            var section = Section(
                firstLine: facts.lines.lowerBound, lastLine: facts.lines.upperBound, byteRange: row.byteRange,
                kind: facts.kind, caseID: facts.caseID, title: string(at: Int(row[.title]), raw),
                meeting: facts.caseID?.meeting, date: facts.date)
            section.year = facts.year
            section.references = (string(at: Int(row[.references]), raw) ?? "").split(separator: " ")
                .compactMap { CaseID($0) }
            section.titleAsWritten = string(at: Int(row[.titleAsWritten]), raw)
            return SectionRecord(fileIndex: facts.fileIndex, section: section, length: Int(row[.length]))
        }
    }

    /// What filters and result grouping need of a section, read from its row without decoding
    /// strings: cheap enough to ask of every candidate.
    public func facts(_ id: Int) -> SectionFacts {
        bytes.withUnsafeBytes { raw in sectionTable.row(id, in: raw).facts }
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
        return term.withUTF8 { key in bytes.withUnsafeBytes { raw in termTable(raw).find(key) } }
    }

    /// The ids of the terms that start with `prefix`: a range, since the dictionary is sorted.
    public func termIDs(withPrefix prefix: String) -> Range<Int> {
        var prefix = prefix
        return prefix.withUTF8 { key in bytes.withUnsafeBytes { raw in termTable(raw).range(withPrefix: key) } }
    }

    public func term(_ id: Int) -> String {
        bytes.withUnsafeBytes { raw in String(decoding: termTable(raw).bytes(id), as: UTF8.self) }
    }

    /// Calls `body` with each term's id and UTF-8 bytes, in dictionary order, without making
    /// strings: a scan of the whole vocabulary (typo-tolerant matching) stays cheap.
    public func forEachTerm(in ids: Range<Int>? = nil, _ body: (Int, UnsafeRawBufferPointer) -> Void) {
        bytes.withUnsafeBytes { raw in
            let table = termTable(raw)
            for id in ids ?? 0..<termCount { body(id, table.bytes(id)) }
        }
    }

    /// Where a term's postings are and how many sections contain it.
    public func postingsInfo(_ id: Int) -> (documentFrequency: Int, docs: Range<Int>, positions: Range<Int>) {
        bytes.withUnsafeBytes { raw in
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

    /// Reads every postings page not read yet, so that the reader no longer depends on its file
    /// (a server, which must survive the file being overwritten in place). Throws the damage found.
    public func loadAll() throws(IndexError) { try bytes.loadAll() }

    /// Throws if a postings page read after opening was damaged: no answer is given from it.
    public func checkIntact() throws(IndexError) {
        if let damage = bytes.damage { throw damage }
    }

    /// Runs `body` over a term's postings without copying them; their positions are readable
    /// (`forEachWithPositions`) only when asked for, so that ranking reads no positions.
    public func withPostings<R>(_ id: Int, positions: Bool = false,
                                _ body: (PostingsCursor) throws -> R) rethrows -> R {
        try withPostingsBase { base in try body(postingsCursor(id, base: base, positions: positions)) }
    }

    /// Runs `body` with the index's bytes, so that many postings can be walked at once
    /// (`postingsCursor(_:base:)`), none copied.
    func withPostingsBase<R>(_ body: (UnsafePointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes { raw in try body(raw.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
    }

    /// A term's postings in the bytes `withPostingsBase` hands out: the section stream and the
    /// block bounds and skips read from the file if they were not yet, and the positions only
    /// when asked for. Positions are about half of the postings, and a cold ranking query that
    /// read them too read twice what it used.
    func postingsCursor(_ id: Int, base: UnsafePointer<UInt8>, positions: Bool = false) -> PostingsCursor {
        let info = postingsInfo(id)
        let cursor = PostingsCursor(base: base, docs: info.docs, positions: info.positions,
                                    count: info.documentFrequency)
        if positions {
            bytes.ensure(info.docs.lowerBound..<info.positions.upperBound)
        } else {
            bytes.ensure(info.docs, cursor.boundsAndSkips)
        }
        return cursor
    }

    private func termTable(_ raw: UnsafeRawBufferPointer) -> SortedStrings {
        SortedStrings(raw: raw, offsets: blocks[.terms]!.lowerBound + 4, count: termCount)
    }

    // MARK: Fold keys

    /// The terms that are spelled like `key` once æ, ø and å are folded.
    public func terms(withFoldKey key: String) -> [Int] {
        groupLists(.foldKeys, count: foldKeyCount, key) { table, wanted in table.find(wanted).map { $0..<($0 + 1) } ?? 0..<0 }
    }

    /// The compound terms that have `part` (a stem) as modifier or head: `helsedat` →
    /// `helsedataservic`, `møt` → `rådsmøt`.
    public func compounds(withPart part: String) -> [Int] {
        groupLists(.compoundParts, count: compoundPartCount, part) { table, wanted in table.find(wanted).map { $0..<($0 + 1) } ?? 0..<0 }
    }

    /// The terms a word written in a damaged document (as the analyzer without repair makes it)
    /// was repaired to: `gkt` → `økt`. For marking repaired words in snippets.
    public func repairs(of written: String) -> [Int] {
        groupLists(.repairs, count: repairCount, written) { table, wanted in table.find(wanted).map { $0..<($0 + 1) } ?? 0..<0 }
    }

    /// The word a damaged document's `written` word (lower case, unstemmed) was repaired to when
    /// the index was built: `gkt` → `økt`. For showing a damaged passage repaired.
    public func spellingRepair(of written: String) -> String? {
        let key = Array(written.utf8) + [0]
        return key.withUnsafeBufferPointer { wanted in
            bytes.withUnsafeBytes { raw -> String? in
                let block = blocks[.spellings]!
                guard block.count >= 8 else { return nil }
                let count = Int(raw.loadUnaligned(fromByteOffset: block.lowerBound, as: UInt32.self))
                let table = SortedStrings(raw: raw, offsets: block.lowerBound + 4, count: count)
                guard let first = table.range(withPrefix: wanted).first else { return nil }
                return String(decoding: table.bytes(first).dropFirst(wanted.count), as: UTF8.self)
            }
        }
    }

    /// The terms whose folded spelling starts with `prefix` (`horingss*` → høringssvar).
    public func terms(withFoldKeyPrefix prefix: String) -> [Int] {
        groupLists(.foldKeys, count: foldKeyCount, prefix) { table, wanted in table.range(withPrefix: wanted) }
    }

    /// The term ids listed under the keys `select` picks from a table of term groups.
    private func groupLists(_ kind: IndexFormat.Block, count: Int, _ key: String,
                            _ select: (SortedStrings, UnsafeBufferPointer<UInt8>) -> Range<Int>) -> [Int] {
        var key = key
        return key.withUTF8 { wanted in
            bytes.withUnsafeBytes { raw -> [Int] in
                let block = blocks[kind]!.lowerBound
                let table = SortedStrings(raw: raw, offsets: block + 4, count: count)
                let keys = select(table, wanted)
                guard !keys.isEmpty else { return [] }
                let textBytes = Int(raw.loadUnaligned(fromByteOffset: table.offsets + count * 4, as: UInt32.self))
                let lists = block + ((table.textBase - block + textBytes + 3) & ~3)
                let from = Int(raw.loadUnaligned(fromByteOffset: lists + keys.lowerBound * 4, as: UInt32.self))
                let to = Int(raw.loadUnaligned(fromByteOffset: lists + keys.upperBound * 4, as: UInt32.self))
                let ids = lists + (count + 1) * 4
                return (from..<to).map { Int(raw.loadUnaligned(fromByteOffset: ids + $0 * 4, as: UInt32.self)) }
            }
        }
    }
}

/// A sorted table of byte strings as the writer lays them out: `count + 1` u32 offsets, then the
/// concatenated bytes.
struct SortedStrings {
    let raw: UnsafeRawBufferPointer
    let offsets: Int
    let count: Int

    var textBase: Int { offsets + (count + 1) * 4 }

    func bytes(_ i: Int) -> UnsafeRawBufferPointer {
        let start = Int(raw.loadUnaligned(fromByteOffset: offsets + i * 4, as: UInt32.self))
        let end = Int(raw.loadUnaligned(fromByteOffset: offsets + (i + 1) * 4, as: UInt32.self))
        return UnsafeRawBufferPointer(rebasing: raw[(textBase + start)..<(textBase + end)])
    }

    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let i = firstIndex { compare(bytes($0), key) >= 0 }
        return i < count && compare(bytes(i), key) == 0 ? i : nil
    }

    func range(withPrefix prefix: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let start = firstIndex { compare(bytes($0), prefix) >= 0 }
        let end = firstIndex { i in
            let b = bytes(i)
            let n = min(b.count, prefix.count)
            // Past the range once the first bytes sort after the prefix.
            return n > 0 && memcmp(b.baseAddress!, prefix.baseAddress!, n) > 0
        }
        return start..<max(start, end)
    }

    /// The first index for which `isAtOrAfter` holds (it must be false, then true, along the table).
    private func firstIndex(_ isAtOrAfter: (Int) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if isAtOrAfter(mid) { high = mid } else { low = mid + 1 }
        }
        return low
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

/// An acronym's name as index terms ("Kommunenes samarbeidsarena for forskning" → kommun,
/// samarbeids, for, forskning).
struct AcronymName: Sendable, Hashable {
    let acronym: String
    let terms: [String]
}
