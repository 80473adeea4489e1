import CouncilDocuments

/// The sections block: one row per section in `PackedColumns`, so that a row is still read by
/// its number without decoding the rows before it.
///
/// The writer and the reader share this one layout: `encode` turns sections into columns and `Row`
/// reads a record's back. A fixed record of 48 bytes took 13.5 MB at 100 MB of corpus; most fields
/// need far fewer bits than their u32 (a meeting number, a kind, a year), and the end of a line
/// range or byte range is stored as its distance from the start.
struct SectionTable: Sendable {
    enum Column: Int, CaseIterable {
        case file, firstLine, lineSpan, byteStart, byteLength, length, caseNumber, meeting, kind, caseYear, year,
             title, date, references, titleAsWritten, caseOrdinal
    }

    private let table: PackedColumns

    /// The columns that store an offset in the strings block, in the order their strings enter it.
    private static let stringColumns: [Column] = [.title, .references, .titleAsWritten]

    /// What the first walk over the sections learns for the second: each column's spread (its
    /// frame) and the strings, so that the second packs every value as it comes.
    struct Census {
        private var smallest = [UInt32](repeating: .max, count: Column.allCases.count)
        private var largest = [UInt32](repeating: 0, count: Column.allCases.count)
        private var strings = [FirstSeenStrings](repeating: FirstSeenStrings(), count: SectionTable.stringColumns.count)
        private(set) var rowCount = 0

        mutating func add(_ sections: PackedSections) {
            for i in sections.indices {
                for column in Column.allCases {
                    guard let value = SectionTable.number(column, of: sections, at: i), value != 0 else { continue }
                    smallest[column.rawValue] = min(smallest[column.rawValue], value)
                    largest[column.rawValue] = max(largest[column.rawValue], value)
                }
                for (k, column) in SectionTable.stringColumns.enumerated() {
                    strings[k].insert(SectionTable.string(column, of: sections, at: i))
                }
            }
            rowCount += sections.count
        }

        /// The strings block, every string column's strings in turn, each in the order the
        /// sections first give it; and every column's frame (`caseCount` cases numbered from 1).
        func layout(caseCount: Int) -> (strings: StringPool, frames: [PackedColumnsWriter.Frame]) {
            var pool = StringPool()
            for column in strings { for string in column.strings { _ = pool.intern(string) } }
            let frames = Column.allCases.map { column -> PackedColumnsWriter.Frame in
                if column == .caseOrdinal { return .init(nonzero: caseCount == 0 ? nil : 1...UInt32(caseCount)) }
                if let k = SectionTable.stringColumns.firstIndex(of: column) {
                    let offsets = strings[k].strings.map { pool.offset(of: $0) }
                    return .init(nonzero: offsets.min().map { $0...offsets.max()! })
                }
                let c = column.rawValue
                return .init(nonzero: largest[c] == 0 ? nil : smallest[c]...largest[c])
            }
            return (pool, frames)
        }
    }

    /// The sections block and the strings block of `feed`, whose first walk gave `census`; a case's
    /// ordinal plus one goes in its sections' rows (`SectionGroups`). The block is packed as it is
    /// written, into `spill.path` when it takes more than `spill.bytes`: never held as `UInt32`
    /// columns (900 MB at 5 GB of corpus), nor joined from packed columns (335 MB).
    static func encode(_ feed: SectionFeed, census: Census, caseOrdinals: [CaseID: UInt32],
                       spill: (path: String, bytes: Int)? = nil) throws(IndexError)
        -> (records: BlockBytes, strings: [UInt8]) {
        let (pool, frames) = census.layout(caseCount: caseOrdinals.count)
        let size = PackedColumnsWriter.byteCount(frames: frames, rowCount: census.rowCount)
        let writer = try PackedColumnsWriter(frames: frames, rowCount: census.rowCount,
                                             spillPath: spill.flatMap { size > $0.bytes ? $0.path : nil })
        try feed.forEach { sections throws(IndexError) in
            for i in sections.indices {
                for column in Column.allCases {
                    let value: UInt32
                    if let number = number(column, of: sections, at: i) {
                        value = number
                    } else if column == .caseOrdinal {
                        value = sections.caseID(at: i).flatMap { caseOrdinals[$0] }.map { $0 + 1 } ?? 0
                    } else {
                        value = pool.offset(of: string(column, of: sections, at: i))
                    }
                    try writer.append(value, column: column.rawValue)
                }
            }
        }
        return (try writer.finish(), pool.bytes)
    }

    /// What a column of numbers stores of section `i` (nil for the string columns and the case ordinal).
    private static func number(_ column: Column, of sections: PackedSections, at i: Int) -> UInt32? {
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
        case .date: SectionCodes.packDate(sections.date(at: i))
        case .title, .references, .titleAsWritten, .caseOrdinal: nil
        }
    }

    /// What a string column stores of section `i`.
    private static func string(_ column: Column, of sections: PackedSections, at i: Int) -> String? {
        switch column {
        case .title: sections.title(at: i)
        case .references: citations(sections.references(at: i))
        case .titleAsWritten: sections.titleAsWritten(at: i)
        default: nil
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

    /// Column `column` of every row, in row order (`PackedColumns.values`).
    func values<T>(_ column: Column, in raw: UnsafeRawBufferPointer, _ transform: (UInt32) -> T) -> [T] {
        table.values(column.rawValue, in: raw, transform)
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
