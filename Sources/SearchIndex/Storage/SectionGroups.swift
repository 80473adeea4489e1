import CouncilDocuments

/// The sections of each case and of each file, worked out when the index is written and read in
/// place: opening an index used to group every section by case and by file, which was half of a
/// cold start at 100 MB (120 of 270 ms) and grew with the corpus.
///
/// Cases are numbered by `CaseID` order (their ordinals, which `DecisionLinks` keys on and the
/// section table stores per section). The block is three `PackedColumns` tables, one after the
/// other: the cases (number, meeting, year, where their sections start in the list; they end where
/// the next case's start), the list (section ids, ascending within each case), and the files
/// (first section and end of their sections: a file's sections stand together).
struct SectionGroups: Sendable {
    private enum CaseColumn: Int, CaseIterable { case number, meeting, year, first }
    private enum FileColumn: Int, CaseIterable { case lower, upper }

    private let cases: PackedColumns
    private let list: PackedColumns
    private let files: PackedColumns

    var caseCount: Int { cases.rowCount }

    /// Gathers the groups from the sections, file after file in index order.
    struct Builder {
        private var byCase: [CaseID: [UInt32]] = [:]
        private var byFile: [Range<Int>]
        private var count = 0

        init(fileCount: Int) {
            byFile = [Range<Int>](repeating: 0..<0, count: fileCount)
        }

        mutating func add(_ sections: PackedSections) {
            for i in sections.indices {
                let id = count + i
                if let caseID = sections.caseID(at: i) { byCase[caseID, default: []].append(UInt32(id)) }
                let file = sections.fileIndex(at: i)
                if file < byFile.count {
                    let known = byFile[file]
                    byFile[file] = known.isEmpty ? id..<(id + 1) : known.lowerBound..<(id + 1)
                }
            }
            count += sections.count
        }

        /// The block, and each case's ordinal (`CaseID` order) for the section table.
        func finish() -> (block: [UInt8], caseOrdinals: [CaseID: UInt32]) {
            let sorted = byCase.sorted { $0.key < $1.key }
            var caseColumns = [[UInt32]](repeating: [], count: CaseColumn.allCases.count)
            var ordinals: [CaseID: UInt32] = [:]
            var listed: [UInt32] = []
            for (ordinal, (caseID, ids)) in sorted.enumerated() {
                caseColumns[CaseColumn.number.rawValue].append(UInt32(caseID.number))
                caseColumns[CaseColumn.meeting.rawValue].append(UInt32(caseID.meetingNumber))
                caseColumns[CaseColumn.year.rawValue].append(UInt32(caseID.year))
                caseColumns[CaseColumn.first.rawValue].append(UInt32(listed.count))
                listed += ids
                ordinals[caseID] = UInt32(ordinal)
            }
            var out = ByteWriter()
            PackedColumns.append(caseColumns, rowCount: sorted.count, to: &out)
            PackedColumns.append([listed], rowCount: listed.count, to: &out)
            PackedColumns.append([byFile.map { UInt32($0.lowerBound) }, byFile.map { UInt32($0.upperBound) }],
                                 rowCount: byFile.count, to: &out)
            return (out.bytes, ordinals)
        }
    }

    /// Reads the tables of the block at `range`, checking that every id and range they hold is one
    /// of `sectionCount` sections and every case's start lies in the list, so that no lookup can
    /// leave the section table.
    init(_ raw: UnsafeRawBufferPointer, range: Range<Int>, sectionCount: Int, fileCount: Int) throws(IndexError) {
        cases = try PackedColumns(raw, at: range.lowerBound, limit: range.upperBound,
                                  columnCount: CaseColumn.allCases.count, name: "case groups")
        list = try PackedColumns(raw, at: cases.end, limit: range.upperBound, columnCount: 1, name: "case sections")
        files = try PackedColumns(raw, at: list.end, limit: range.upperBound, columnCount: FileColumn.allCases.count,
                                  rowCount: fileCount, name: "file groups")
        guard files.end == range.upperBound else { throw .corrupt("section groups size") }
        var previous: UInt32 = 0
        for c in 0..<cases.rowCount {
            let first = cases.value(CaseColumn.first.rawValue, row: c, in: raw)
            guard first >= previous, Int(first) <= list.rowCount else { throw .corrupt("section groups order") }
            previous = first
        }
        guard list.rowCount == 0 || Int(list.largest(0, in: raw)) < sectionCount else { throw .corrupt("section groups id") }
        for f in 0..<fileCount {
            let lower = files.value(FileColumn.lower.rawValue, row: f, in: raw)
            let upper = files.value(FileColumn.upper.rawValue, row: f, in: raw)
            guard lower <= upper, Int(upper) <= sectionCount else { throw .corrupt("section groups file range") }
        }
    }

    /// The case with ordinal `ordinal`.
    func caseID(ofOrdinal ordinal: Int, in raw: UnsafeRawBufferPointer) -> CaseID {
        CaseID(number: Int(cases.value(CaseColumn.number.rawValue, row: ordinal, in: raw)),
               meetingNumber: Int(cases.value(CaseColumn.meeting.rawValue, row: ordinal, in: raw)),
               year: Int(cases.value(CaseColumn.year.rawValue, row: ordinal, in: raw)))
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
        let first = Int(cases.value(CaseColumn.first.rawValue, row: ordinal, in: raw))
        let end = ordinal + 1 < caseCount ? Int(cases.value(CaseColumn.first.rawValue, row: ordinal + 1, in: raw))
            : list.rowCount
        return (first..<max(first, end)).map { Int(list.value(0, row: $0, in: raw)) }
    }

    /// The sections of file `file`, in index order.
    func sections(ofFile file: Int, in raw: UnsafeRawBufferPointer) -> Range<Int> {
        guard file >= 0, file < files.rowCount else { return 0..<0 }
        let lower = Int(files.value(FileColumn.lower.rawValue, row: file, in: raw))
        let upper = Int(files.value(FileColumn.upper.rawValue, row: file, in: raw))
        return lower..<max(lower, upper)
    }
}
