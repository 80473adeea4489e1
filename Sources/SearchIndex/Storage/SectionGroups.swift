import CouncilDocuments

/// The sections of each case and of each file, worked out when the index is written and read in
/// place: opening an index used to group every section by case and by file, which was half of a
/// cold start at 100 MB (120 of 270 ms) and grew with the corpus.
///
/// Cases are numbered by `CaseID` order (their ordinals, which `DecisionLinks` keys on and the
/// section table stores per section). Layout, little-endian u32s throughout:
///
///     case count · file count
///     per case: number · meeting · year · start of its sections in the list
///     end of the list
///     the list: section ids, ascending within each case
///     per file: first section · end of its sections (sections stand together per file)
struct SectionGroups: Sendable {
    private let start: Int
    let caseCount: Int
    let fileCount: Int
    private var listStart: Int { start + 8 + caseCount * 16 + 4 }
    private var filesStart: Int { listStart + 4 * listCount }
    private let listCount: Int

    /// The block for `sections`, and each section's case ordinal plus one (0 outside cases) for the
    /// section table.
    static func encode(_ sections: [SectionRecord], fileCount: Int) -> (block: [UInt8], caseOrdinals: [UInt32]) {
        var byCase: [CaseID: [UInt32]] = [:]
        var byFile = [Range<Int>](repeating: 0..<0, count: fileCount)
        for (id, record) in sections.enumerated() {
            if let caseID = record.section.caseID { byCase[caseID, default: []].append(UInt32(id)) }
            if record.fileIndex < fileCount {
                let known = byFile[record.fileIndex]
                byFile[record.fileIndex] = known.isEmpty ? id..<(id + 1) : known.lowerBound..<(id + 1)
            }
        }
        var ordinals = [UInt32](repeating: 0, count: sections.count)
        var out = ByteWriter()
        let cases = byCase.sorted { $0.key < $1.key }
        out.u32(UInt32(cases.count))
        out.u32(UInt32(fileCount))
        var listed: UInt32 = 0
        for (ordinal, (caseID, ids)) in cases.enumerated() {
            out.u32(UInt32(caseID.number))
            out.u32(UInt32(caseID.meetingNumber))
            out.u32(UInt32(caseID.year))
            out.u32(listed)
            listed += UInt32(ids.count)
            for id in ids { ordinals[Int(id)] = UInt32(ordinal + 1) }
        }
        out.u32(listed)
        for (_, ids) in cases { for id in ids { out.u32(id) } }
        for range in byFile {
            out.u32(UInt32(range.lowerBound))
            out.u32(UInt32(range.upperBound))
        }
        return (out.bytes, ordinals)
    }

    /// Reads the shape of the block at `range`, checking that every id and range it holds is one
    /// of `sectionCount` sections, so that no lookup can leave the section table.
    init(_ raw: UnsafeRawBufferPointer, range: Range<Int>, sectionCount: Int, fileCount: Int) throws(IndexError) {
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[range]))
        caseCount = Int(try reader.u32())
        guard Int(try reader.u32()) == fileCount, caseCount <= range.count / 16 else {
            throw .corrupt("section groups shape")
        }
        start = range.lowerBound
        var previous: UInt32 = 0
        for c in 0...caseCount {
            reader.offset = 8 + c * 16 + (c == caseCount ? 0 : 12)
            let first = try reader.u32()
            guard first >= previous else { throw .corrupt("section groups order") }
            previous = first
        }
        listCount = Int(previous)
        guard 8 + caseCount * 16 + 4 + 4 * listCount + 8 * fileCount == range.count else {
            throw .corrupt("section groups size")
        }
        reader.offset = 8 + caseCount * 16 + 4
        for _ in 0..<listCount { guard Int(try reader.u32()) < sectionCount else { throw .corrupt("section groups id") } }
        for _ in 0..<fileCount {
            let lower = try reader.u32(), upper = try reader.u32()
            guard lower <= upper, Int(upper) <= sectionCount else { throw .corrupt("section groups file range") }
        }
        self.fileCount = fileCount
    }

    private func u32(_ raw: UnsafeRawBufferPointer, _ offset: Int) -> UInt32 {
        UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    /// The case with ordinal `ordinal`.
    func caseID(ofOrdinal ordinal: Int, in raw: UnsafeRawBufferPointer) -> CaseID {
        let entry = start + 8 + ordinal * 16
        return CaseID(number: Int(u32(raw, entry)), meetingNumber: Int(u32(raw, entry + 4)), year: Int(u32(raw, entry + 8)))
    }

    /// The ordinal of `caseID`, by binary search over the cases in order.
    func ordinal(of caseID: CaseID, in raw: UnsafeRawBufferPointer) -> Int? {
        var low = 0, high = caseCount
        while low < high {
            let middle = (low + high) / 2
            if self.caseID(ofOrdinal: middle, in: raw) < caseID { low = middle + 1 } else { high = middle }
        }
        return low < caseCount && self.caseID(ofOrdinal: low, in: raw) == caseID ? low : nil
    }

    /// The sections of case `ordinal`, in index order.
    func sections(ofOrdinal ordinal: Int, in raw: UnsafeRawBufferPointer) -> [Int] {
        let entry = start + 8 + ordinal * 16
        // The next case's start, or after the last case the end of the list.
        let next = ordinal + 1 == caseCount ? start + 8 + caseCount * 16 : entry + 16 + 12
        let first = Int(u32(raw, entry + 12)), end = Int(u32(raw, next))
        return (first..<max(first, end)).map { Int(u32(raw, listStart + 4 * $0)) }
    }

    /// The sections of file `file`, in index order.
    func sections(ofFile file: Int, in raw: UnsafeRawBufferPointer) -> Range<Int> {
        guard file >= 0, file < fileCount else { return 0..<0 }
        let entry = filesStart + 8 * file
        let lower = Int(u32(raw, entry)), upper = Int(u32(raw, entry + 4))
        return lower..<max(lower, upper)
    }
}
