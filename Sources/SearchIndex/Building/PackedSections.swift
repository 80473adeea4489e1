import CouncilDocuments

/// Section records as a build holds them: seventeen 32-bit words a section, each distinct string
/// once, read and written as `SectionRecord`s.
///
/// A build holds every section of the corpus from the moment its file is analysed until the
/// index is written: 2.8 million sections at 1 GB. As `SectionRecord`s they take about 180 bytes
/// each and a heap block for every title, copied once per section of a case; packed they take
/// 68 bytes and the titles are shared. Numbers are kept as 32-bit patterns: lines and byte
/// offsets are bounded by `DocumentReader.maximumBytes`, case numbers by `CaseID`'s parser.
struct PackedSections: RandomAccessCollection, MutableCollection, Equatable, Sendable {
    private enum Word: Int, CaseIterable {
        case file, firstLine, lastLine, byteStart, byteEnd, length, flags, year
        case caseNumber, caseMeeting, caseYear, title, titleAsWritten, meeting, date, referenceStart, referenceCount
    }

    private static let stride = Word.allCases.count
    private static let kinds = SectionKind.allCases
    private static let continuationFlag: UInt32 = 1 << 8
    private static let caseFlag: UInt32 = 1 << 9
    private static let yearFlag: UInt32 = 1 << 10

    private var words: [UInt32] = []
    /// Distinct strings; id 0 stands for none.
    private var strings: [String] = [""]
    private var stringIDs: [String: UInt32] = [:]
    /// Cited cases, three words each, of every section in turn.
    private var references: [UInt32] = []

    init() {}

    init(_ records: some Sequence<SectionRecord>) {
        for record in records { append(record) }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { words.count / Self.stride }

    subscript(position: Int) -> SectionRecord {
        get { record(at: position) }
        set { write(newValue, at: position) }
    }

    /// Every section's length, read without making records.
    var lengths: [UInt32] { Swift.stride(from: Word.length.rawValue, to: words.count, by: Self.stride).map { words[$0] } }

    /// Every section's kind, read without making records.
    var kinds: [SectionKind] {
        Swift.stride(from: Word.flags.rawValue, to: words.count, by: Self.stride).map { Self.kinds[Int(words[$0] & 0xff)] }
    }

    mutating func reserveCapacity(_ count: Int) {
        words.reserveCapacity(count * Self.stride)
    }

    mutating func append(_ record: SectionRecord) {
        words.append(contentsOf: repeatElement(0, count: Self.stride))
        write(record, at: endIndex - 1)
    }

    /// Appends another file's sections, each given `fileIndex`.
    mutating func append(contentsOf other: PackedSections, fileIndex: Int) {
        reserveCapacity(count + other.count)
        for var record in other {
            record.fileIndex = fileIndex
            append(record)
        }
    }

    static func == (a: PackedSections, b: PackedSections) -> Bool {
        a.elementsEqual(b)
    }

    private func record(at i: Int) -> SectionRecord {
        let base = i * Self.stride
        func number(_ word: Word) -> Int { Int(Int32(bitPattern: words[base + word.rawValue])) }
        func string(_ word: Word) -> String? {
            let id = Int(words[base + word.rawValue])
            return id == 0 ? nil : strings[id]
        }
        func caseID(at offset: Int) -> CaseID {
            CaseID(number: Int(Int32(bitPattern: references[offset])),
                   meetingNumber: Int(Int32(bitPattern: references[offset + 1])),
                   year: Int(Int32(bitPattern: references[offset + 2])))
        }
        let flags = words[base + Word.flags.rawValue]
        var section = Section(firstLine: number(.firstLine), lastLine: number(.lastLine),
                              byteRange: number(.byteStart)..<number(.byteEnd), kind: Self.kinds[Int(flags & 0xff)])
        if flags & Self.caseFlag != 0 {
            section.caseID = CaseID(number: number(.caseNumber), meetingNumber: number(.caseMeeting),
                                    year: number(.caseYear))
        }
        section.title = string(.title)
        section.titleAsWritten = string(.titleAsWritten)
        section.meeting = string(.meeting)
        section.date = string(.date)
        section.isContinuation = flags & Self.continuationFlag != 0
        section.year = flags & Self.yearFlag != 0 ? number(.year) : nil
        let start = number(.referenceStart)
        section.references = (0..<number(.referenceCount)).map { caseID(at: start + 3 * $0) }
        return SectionRecord(fileIndex: number(.file), section: section, length: number(.length))
    }

    /// A rewritten section's old strings and references stay in the pools: records are set again
    /// only to fill in a date, so the waste is a few bytes.
    private mutating func write(_ record: SectionRecord, at i: Int) {
        let s = record.section
        let base = i * Self.stride
        func set(_ word: Word, _ value: UInt32) { words[base + word.rawValue] = value }
        func set(_ word: Word, number: Int) { set(word, UInt32(bitPattern: Int32(truncatingIfNeeded: number))) }
        func set(_ word: Word, string: String?) { set(word, string.map { intern($0) } ?? 0) }
        var flags = UInt32(Self.kinds.firstIndex(of: s.kind)!)
        if s.isContinuation { flags |= Self.continuationFlag }
        if s.caseID != nil { flags |= Self.caseFlag }
        if s.year != nil { flags |= Self.yearFlag }
        set(.flags, flags)
        set(.file, number: record.fileIndex)
        set(.firstLine, number: s.firstLine)
        set(.lastLine, number: s.lastLine)
        set(.byteStart, number: s.byteRange.lowerBound)
        set(.byteEnd, number: s.byteRange.upperBound)
        set(.length, number: record.length)
        set(.year, number: s.year ?? 0)
        set(.caseNumber, number: s.caseID?.number ?? 0)
        set(.caseMeeting, number: s.caseID?.meetingNumber ?? 0)
        set(.caseYear, number: s.caseID?.year ?? 0)
        set(.title, string: s.title)
        set(.titleAsWritten, string: s.titleAsWritten)
        set(.meeting, string: s.meeting)
        set(.date, string: s.date)
        set(.referenceStart, number: references.count)
        set(.referenceCount, number: s.references.count)
        for reference in s.references {
            for n in [reference.number, reference.meetingNumber, reference.year] {
                references.append(UInt32(bitPattern: Int32(truncatingIfNeeded: n)))
            }
        }
    }

    private mutating func intern(_ string: String) -> UInt32 {
        if let id = stringIDs[string] { return id }
        let id = UInt32(strings.count)
        strings.append(string)
        stringIDs[string] = id
        return id
    }
}
