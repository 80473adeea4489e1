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

    /// The block for `records`; `intern` gives a string's offset in the strings block (0 for none),
    /// `caseOrdinals` each record's case ordinal plus one (`SectionGroups`).
    static func encode(_ records: some Collection<SectionRecord>, caseOrdinals: [UInt32], intern: (String?) -> UInt32) -> [UInt8] {
        var columns = [[UInt32]](repeating: [], count: Column.allCases.count)
        for c in columns.indices { columns[c].reserveCapacity(records.count) }
        for record in records {
            let s = record.section
            columns[Column.file.rawValue].append(UInt32(record.fileIndex))
            columns[Column.firstLine.rawValue].append(UInt32(s.firstLine))
            columns[Column.lineSpan.rawValue].append(UInt32(truncatingIfNeeded: s.lastLine - s.firstLine))
            columns[Column.byteStart.rawValue].append(UInt32(s.byteRange.lowerBound))
            columns[Column.byteLength.rawValue].append(UInt32(s.byteRange.count))
            columns[Column.length.rawValue].append(UInt32(record.length))
            columns[Column.caseNumber.rawValue].append(UInt32(UInt16(s.caseID?.number ?? 0)))
            columns[Column.meeting.rawValue].append(UInt32(UInt8(s.caseID?.meetingNumber ?? 0)))
            columns[Column.kind.rawValue].append(UInt32(SectionCodes.code(of: s.kind)))
            columns[Column.caseYear.rawValue].append(UInt32(UInt16(s.caseID?.year ?? 0)))
            columns[Column.year.rawValue].append(UInt32(UInt16(s.year ?? 0)))
            columns[Column.title.rawValue].append(intern(s.title))
            columns[Column.date.rawValue].append(SectionCodes.packDate(s.date))
            let references = s.references.isEmpty ? nil : s.references.map(\.description).joined(separator: " ")
            columns[Column.references.rawValue].append(intern(references))
            columns[Column.titleAsWritten.rawValue].append(intern(s.titleAsWritten))
        }
        columns[Column.caseOrdinal.rawValue] = caseOrdinals
        var out = ByteWriter()
        PackedColumns.append(columns, rowCount: records.count, to: &out)
        return out.bytes
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
