import CouncilDocuments

/// The sections block: one row per section in `PackedColumns`, so that a row is still read by
/// its number without decoding the rows before it.
///
/// The writer and the reader share this one layout: `encode` turns records into columns and `Row`
/// reads a record's back. A fixed record of 48 bytes took 13.5 MB at 100 MB of corpus; most fields
/// need far fewer bits than their u32 (a meeting number, a kind, a year), and the end of a line
/// range or byte range is stored as its distance from the start.
struct SectionTable: Sendable {
    enum Column: Int, CaseIterable {
        case file, firstLine, lineSpan, byteStart, byteLength, length, caseNumber, meeting, kind, caseYear, year,
             title, date, references, titleAsWritten, caseOrdinal
    }

    private let table: PackedColumns

    /// The block for `sections`; `intern` gives a string's offset in the strings block (0 for none),
    /// `caseOrdinals` each section's case ordinal plus one (`SectionGroups`).
    ///
    /// Made a column at a time, each packed as soon as it is read: the whole table as `UInt32`s
    /// would take 64 bytes a section beside the sections themselves (900 MB at 5 GB of corpus).
    static func encode(_ sections: PackedSections, caseOrdinals: [UInt32], intern: (String?) -> UInt32) -> [UInt8] {
        var out = ByteWriter()
        PackedColumns.append(columnCount: Column.allCases.count, rowCount: sections.count, to: &out) { c in
            let column = Column(rawValue: c)!
            if column == .caseOrdinal { return caseOrdinals }
            return sections.indices.map { value(column, of: sections, at: $0, intern: intern) }
        }
        return out.bytes
    }

    /// What column `column` stores of section `i`.
    private static func value(_ column: Column, of sections: PackedSections, at i: Int,
                              intern: (String?) -> UInt32) -> UInt32 {
        switch column {
        case .file: UInt32(sections.fileIndex(at: i))
        case .firstLine: UInt32(sections.firstLine(at: i))
        case .lineSpan: UInt32(truncatingIfNeeded: sections.lastLine(at: i) - sections.firstLine(at: i))
        case .byteStart: UInt32(sections.byteRange(at: i).lowerBound)
        case .byteLength: UInt32(sections.byteRange(at: i).count)
        case .length: UInt32(sections.length(at: i))
        case .caseNumber: UInt32(UInt16(sections.caseID(at: i)?.number ?? 0))
        case .meeting: UInt32(UInt8(sections.caseID(at: i)?.meetingNumber ?? 0))
        case .kind: UInt32(SectionCodes.code(of: sections.kind(at: i)))
        case .caseYear: UInt32(UInt16(sections.caseID(at: i)?.year ?? 0))
        case .year: UInt32(UInt16(sections.year(at: i) ?? 0))
        case .title: intern(sections.title(at: i))
        case .date: SectionCodes.packDate(sections.date(at: i))
        case .references: intern(citations(sections.references(at: i)))
        case .titleAsWritten: intern(sections.titleAsWritten(at: i))
        case .caseOrdinal: 0
        }
    }

    /// The cases a section cites as one string ("8/1/2025 3/2/2024"), nil when it cites none.
    private static func citations(_ cited: [CaseID]) -> String? {
        cited.isEmpty ? nil : cited.map(\.description).joined(separator: " ")
    }

    /// Reads the layout of the block at `range` of `raw`, checking that it holds `rowCount` rows of
    /// every column this build knows.
    init(_ raw: UnsafeRawBufferPointer, range: Range<Int>, rowCount: Int) throws(IndexError) {
        table = try PackedColumns(raw, at: range.lowerBound, limit: range.upperBound, columnCount: Column.allCases.count,
                                  rowCount: rowCount, name: "section table")
        guard table.end == range.upperBound else { throw .corrupt("section table size") }
    }

    var rowCount: Int { table.rowCount }

    /// Column `column` of row `row`.
    @inline(__always)
    func value(_ column: Column, row: Int, in raw: UnsafeRawBufferPointer) -> UInt32 {
        table.value(column.rawValue, row: row, in: raw)
    }

    /// One row, read column by column.
    struct Row {
        let table: SectionTable
        let raw: UnsafeRawBufferPointer
        let row: Int

        subscript(_ column: Column) -> UInt32 { table.value(column, row: row, in: raw) }

        var facts: SectionFacts {
            let caseNumber = Int(self[.caseNumber])
            let caseID = caseNumber == 0 ? nil
                : CaseID(number: caseNumber, meetingNumber: Int(self[.meeting]), year: Int(self[.caseYear]))
            let firstLine = Int(self[.firstLine])
            let lastLine = Int(Int32(bitPattern: self[.firstLine] &+ self[.lineSpan]))
            let year = Int(self[.year])
            return SectionFacts(kind: SectionCodes.kind(of: UInt8(truncatingIfNeeded: self[.kind])), caseID: caseID,
                                packedDate: self[.date], year: year == 0 ? nil : year, fileIndex: Int(self[.file]),
                                lines: firstLine...max(firstLine, lastLine))
        }

        var byteRange: Range<Int> {
            let start = Int(self[.byteStart])
            return start..<(start + Int(self[.byteLength]))
        }
    }

    func row(_ row: Int, in raw: UnsafeRawBufferPointer) -> Row { Row(table: self, raw: raw, row: row) }
}
