import CouncilDocuments
import Foundation
import Testing
@testable import SearchIndex

/// The section table is packed as it is written, row by row, into memory or into a file of the
/// index folder; the meetings' dates are learned in one walk and filled in on later ones. Either
/// way the table reads back as the sections were.
@Suite("Section table written as it is packed")
struct SectionTableWritingTests {
    static let columns: [[UInt32]] = [
        [0, 7, 9, 0, 12],
        [2025, 2024, 0, 2026, 2025],
        [0, 0, 0, 0, 0],
        [1, 1 << 31, 3, 0, UInt32.max],
    ]

    static func write(_ columns: [[UInt32]], spillPath: String?) throws -> BlockBytes {
        let rows = columns[0].count
        let writer = try PackedColumnsWriter(frames: columns.map(PackedColumnsWriter.Frame.init(of:)), rowCount: rows,
                                             spillPath: spillPath)
        for row in 0..<rows { for c in columns.indices { try writer.append(columns[c][row], column: c) } }
        return try writer.finish()
    }

    @Test("values written row by row read back by row and column, zeros and extremes included")
    func readsBack() throws {
        guard case .memory(let bytes) = try Self.write(Self.columns, spillPath: nil) else {
            Issue.record("a table without a spill path is kept in memory")
            return
        }
        try bytes.withUnsafeBytes { raw in
            let table = try PackedColumns(raw, at: 0, limit: raw.count, columnCount: Self.columns.count, name: "test")
            #expect(table.end == raw.count)
            for c in Self.columns.indices {
                #expect(Self.columns[c].indices.map { table.value(c, row: $0, in: raw) } == Self.columns[c])
            }
        }
    }

    @Test("a table written to its file is the table made in memory, with that table's checksum")
    func spilled() throws {
        let folder = try TestCorpus(files: [:])
        defer { folder.remove() }
        let path = (folder.root.path as NSString).appendingPathComponent("table")
        let written = try Self.write(Self.columns, spillPath: path)
        guard case .file(let filePath, let count, let checksum) = written else {
            Issue.record("a table with a spill path goes to its file")
            return
        }
        let inMemory = try Self.write(Self.columns, spillPath: nil).load()
        #expect(filePath == path && count == inMemory.count)
        #expect(try written.load() == inMemory)
        #expect(checksum == ContentHash.of(inMemory))
    }

    @Test("a whole column read in one pass, and its largest value, agree with reading row by row")
    func wholeColumns() throws {
        guard case .memory(let bytes) = try Self.write(Self.columns, spillPath: nil) else { return }
        try bytes.withUnsafeBytes { raw in
            let table = try PackedColumns(raw, at: 0, limit: raw.count, columnCount: Self.columns.count, name: "test")
            for c in Self.columns.indices {
                #expect(table.values(c, in: raw) { $0 } == Self.columns[c])
                #expect(table.largest(c, in: raw) == Self.columns[c].max())
            }
        }
    }

    @Test("case groups that list a section past the section table are refused")
    func groupsPastTheTable() throws {
        let case1 = CaseID(number: 8, meetingNumber: 1, year: 2025)
        var groups = SectionGroups.Builder(fileCount: 1)
        groups.add(PackedSections([Self.section(nil, date: nil, file: 0), Self.section(case1, date: nil, file: 0)]))
        let block = groups.finish().block
        try block.withUnsafeBytes { raw in
            _ = try SectionGroups(raw, range: 0..<raw.count, sectionCount: 2, fileCount: 1)
            #expect(throws: IndexError.corrupt("section groups id")) {
                try SectionGroups(raw, range: 0..<raw.count, sectionCount: 1, fileCount: 1)
            }
        }
    }

    @Test("a writer let go unfinished removes its file")
    func unfinished() throws {
        let folder = try TestCorpus(files: [:])
        defer { folder.remove() }
        let path = (folder.root.path as NSString).appendingPathComponent("table")
        do {
            let writer = try PackedColumnsWriter(frames: [.init(nonzero: 1...9)], rowCount: 3, spillPath: path)
            try writer.append(4, column: 0)
            #expect(FileManager.default.fileExists(atPath: path))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    static func section(_ caseID: CaseID?, date: String?, file: Int) -> SectionRecord {
        let section = Section(firstLine: 1, lastLine: 2, byteRange: 0..<10, kind: .saksfremlegg, caseID: caseID,
                              title: nil, meeting: caseID?.meeting, date: date)
        return SectionRecord(fileIndex: file, section: section, length: 3)
    }

    @Test("an undated meeting takes the first date its other sections give, in index order, else a mention")
    func meetingDates() {
        let case1 = CaseID(number: 8, meetingNumber: 1, year: 2025)
        let case2 = CaseID(number: 3, meetingNumber: 2, year: 2025)
        var dating = MeetingDating()
        dating.observe(PackedSections([Self.section(case1, date: nil, file: 0), Self.section(case2, date: nil, file: 0)]))
        dating.observe(PackedSections([Self.section(case1, date: "2025-02-24", file: 1),
                                       Self.section(case1, date: "2025-03-01", file: 1)]))
        let (dates, filled) = dating.dates(mentions: [("1/2025", "2025-01-01"), ("2/2025", "2025-05-21")])
        #expect(dates == ["1/2025": "2025-02-24", "2/2025": "2025-05-21"])
        #expect(filled == [CorpusDate(meeting: "1/2025", file: 0), CorpusDate(meeting: "2/2025", file: 0)])

        var sections = PackedSections([Self.section(case1, date: nil, file: 0), Self.section(nil, date: nil, file: 0),
                                       Self.section(case2, date: "2024-01-01", file: 0)])
        MeetingDating.fill(&sections, from: dates)
        #expect(sections.date(at: 0) == "2025-02-24" && sections.year(at: 0) == 2025)
        #expect(sections.date(at: 1) == nil && sections.date(at: 2) == "2024-01-01")
    }

    @Test("the index is the same whether its section table was packed in memory or in a file")
    func sameIndexEitherWay() throws {
        let folder = try TestCorpus(files: try WindowedAnalysisTests.corpusTexts())
        defer { folder.remove() }
        var builder = IndexBuilder()
        builder.wordList = nil
        let (contents, _) = try builder.makeContents(corpus: folder.corpus, progress: nil)
        let path = (folder.root.path as NSString).appendingPathComponent("sections")
        let inMemory = try IndexWriter.blocks(contents)
        let spilled = try IndexWriter.blocks(contents, spill: (path, 0))
        #expect(spilled.map(\.0) == inMemory.map(\.0))
        for ((kind, a), (_, b)) in zip(inMemory, spilled) {
            #expect(try a.load() == b.load(), "block \(kind)")
            if kind == .sections, case .memory = b { Issue.record("a table over its spill size goes to the file") }
        }
    }
}
