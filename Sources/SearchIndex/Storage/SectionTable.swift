import CouncilDocuments

/// The sections block: one row per section, stored column by column, each column's values in the
/// fewest bits that hold its largest (`BitPacking`), so that a row is still read by its number
/// without decoding the rows before it.
///
/// The writer and the reader share this one layout: `encode` turns records into columns and `Row`
/// reads a record's back. A fixed record of 48 bytes took 13.5 MB at 100 MB of
/// corpus; most fields need far fewer bits than their u32 (a meeting number, a kind, a year), and
/// the end of a line range or byte range is stored as its distance from the start.
///
/// Layout: row count u32, column count u32, then per column its base u32 and width u32 (frame of
/// reference: a value `v` other than 0 is stored as `v - base + 1`, 0 as 0, so years and dates
/// take the bits of their spread, and "none" stays 0), then each column's packed values followed
/// by 8 zero bytes, for `BitPacking`'s 8-byte reads.
struct SectionTable: Sendable {
    enum Column: Int, CaseIterable {
        case file, firstLine, lineSpan, byteStart, byteLength, length, caseNumber, meeting, kind, caseYear, year,
             title, date, references, titleAsWritten, caseOrdinal
    }

    /// Where each column's values start in the block, and how to read them.
    private struct Layout: Sendable {
        var start: Int
        var base: UInt32
        var bits: Int
    }

    let rowCount: Int
    private let columns: [Layout]

    /// The block for `records`; `intern` gives a string's offset in the strings block (0 for none),
    /// `caseOrdinals` each record's case ordinal plus one (`SectionGroups`).
    static func encode(_ records: [SectionRecord], caseOrdinals: [UInt32], intern: (String?) -> UInt32) -> [UInt8] {
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
        out.u32(UInt32(records.count))
        out.u32(UInt32(columns.count))
        var frames: [(base: UInt32, bits: Int)] = []
        for column in columns {
            let base = column.lazy.filter { $0 != 0 }.min() ?? 1
            let largest = column.max().map { $0 == 0 ? 0 : $0 - base + 1 } ?? 0
            frames.append((base, BitPacking.width(largest)))
            out.u32(base)
            out.u32(UInt32(frames[frames.count - 1].bits))
        }
        for (column, frame) in zip(columns, frames) {
            BitPacking.append(column.lazy.map { $0 == 0 ? 0 : $0 - frame.base + 1 }, bits: frame.bits, to: &out)
            out.append(repeatElement(UInt8(0), count: 8))
        }
        return out.bytes
    }

    /// Reads the layout of the block at `range` of `raw`, checking that it holds `rowCount` rows of
    /// every column this build knows.
    init(_ raw: UnsafeRawBufferPointer, range: Range<Int>, rowCount: Int) throws(IndexError) {
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[range]))
        guard try reader.u32() == UInt32(rowCount), try reader.u32() == UInt32(Column.allCases.count) else {
            throw .corrupt("section table shape")
        }
        var frames: [(UInt32, Int)] = []
        for _ in Column.allCases {
            let base = try reader.u32(), bits = Int(try reader.u32())
            guard bits <= 32 else { throw .corrupt("section table column width") }
            frames.append((base, bits))
        }
        var start = range.lowerBound + reader.offset
        var columns: [Layout] = []
        for (base, bits) in frames {
            columns.append(Layout(start: start, base: base, bits: bits))
            start += BitPacking.byteCount(rowCount, bits: bits) + 8
        }
        guard start == range.upperBound else { throw .corrupt("section table size") }
        self.rowCount = rowCount
        self.columns = columns
    }

    /// Column `column` of row `row`.
    @inline(__always)
    func value(_ column: Column, row: Int, in raw: UnsafeRawBufferPointer) -> UInt32 {
        let layout = columns[column.rawValue]
        let stored = BitPacking.value(raw.baseAddress!, at: layout.start, index: row, bits: layout.bits)
        return stored == 0 ? 0 : stored &+ layout.base &- 1
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
