import CouncilDocuments

/// Section records as a build holds them: seventeen 32-bit words a section, each distinct string
/// once, read and written as `SectionRecord`s.
///
/// A build holds a file's sections while it analyses the file and again whenever it walks the
/// corpus's sections (`SectionFeed`), one file at a time. As `SectionRecord`s they would take about
/// 180 bytes each and a heap block for every title, copied once per section of a case; packed they
/// take 68 bytes and the titles are shared. Numbers are kept as 32-bit patterns: lines and byte
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

    /// Appends another table's sections, each given `fileIndex` (nil: each keeps its own): word by
    /// word, with the other's strings and cited cases moved into these pools, so no record is made.
    mutating func append(contentsOf other: PackedSections, fileIndex: Int?) {
        let ids = other.strings.indices.map { $0 == 0 ? 0 : intern(other.strings[$0]) }
        let referenceBase = UInt32(references.count)
        references.append(contentsOf: other.references)
        words.reserveCapacity(words.count + other.words.count)
        for row in other.indices {
            let base = words.count
            words.append(contentsOf: other.words[(row * Self.stride)..<((row + 1) * Self.stride)])
            if let fileIndex { words[base + Word.file.rawValue] = UInt32(bitPattern: Int32(truncatingIfNeeded: fileIndex)) }
            for word in [Word.title, .titleAsWritten, .meeting, .date] {
                words[base + word.rawValue] = ids[Int(words[base + word.rawValue])]
            }
            words[base + Word.referenceStart.rawValue] &+= referenceBase
        }
    }

    static func == (a: PackedSections, b: PackedSections) -> Bool {
        a.elementsEqual(b)
    }

    // Fields read straight from the words, for the index's tables (`SectionTable`, `SectionGroups`)
    // and the corpus's dates: a pass over millions of sections that made a record of each would
    // spend most of its time building and freeing them.

    private func word(_ word: Word, at i: Int) -> UInt32 { words[i * Self.stride + word.rawValue] }
    private func number(_ word: Word, at i: Int) -> Int { Int(Int32(bitPattern: self.word(word, at: i))) }
    private func string(_ word: Word, at i: Int) -> String? {
        let id = Int(self.word(word, at: i))
        return id == 0 ? nil : strings[id]
    }

    func fileIndex(at i: Int) -> Int { number(.file, at: i) }
    func firstLine(at i: Int) -> Int { number(.firstLine, at: i) }
    func lastLine(at i: Int) -> Int { number(.lastLine, at: i) }
    func byteRange(at i: Int) -> Range<Int> { number(.byteStart, at: i)..<number(.byteEnd, at: i) }
    func length(at i: Int) -> Int { number(.length, at: i) }
    func kind(at i: Int) -> SectionKind { Self.kinds[Int(word(.flags, at: i) & 0xff)] }
    func year(at i: Int) -> Int? { word(.flags, at: i) & Self.yearFlag != 0 ? number(.year, at: i) : nil }
    func title(at i: Int) -> String? { string(.title, at: i) }
    func titleAsWritten(at i: Int) -> String? { string(.titleAsWritten, at: i) }
    func date(at i: Int) -> String? { string(.date, at: i) }

    func caseID(at i: Int) -> CaseID? {
        guard word(.flags, at: i) & Self.caseFlag != 0 else { return nil }
        return CaseID(number: number(.caseNumber, at: i), meetingNumber: number(.caseMeeting, at: i),
                      year: number(.caseYear, at: i))
    }

    func references(at i: Int) -> [CaseID] {
        let start = number(.referenceStart, at: i)
        return (0..<number(.referenceCount, at: i)).map { k in
            let offset = start + 3 * k
            return CaseID(number: Int(Int32(bitPattern: references[offset])),
                          meetingNumber: Int(Int32(bitPattern: references[offset + 1])),
                          year: Int(Int32(bitPattern: references[offset + 2])))
        }
    }

    /// Dates section `i` (and sets its year from the date), as `dateFromCorpus` does for a meeting
    /// whose date another document gives.
    mutating func setDate(_ date: String, year: Int?, at i: Int) {
        let base = i * Self.stride
        words[base + Word.date.rawValue] = intern(date)
        words[base + Word.year.rawValue] = UInt32(bitPattern: Int32(truncatingIfNeeded: year ?? 0))
        if year != nil { words[base + Word.flags.rawValue] |= Self.yearFlag } else {
            words[base + Word.flags.rawValue] &= ~Self.yearFlag
        }
    }

    private func record(at i: Int) -> SectionRecord {
        var section = Section(firstLine: firstLine(at: i), lastLine: lastLine(at: i), byteRange: byteRange(at: i),
                              kind: kind(at: i))
        section.caseID = caseID(at: i)
        section.title = title(at: i)
        section.titleAsWritten = titleAsWritten(at: i)
        section.meeting = string(.meeting, at: i)
        section.date = date(at: i)
        section.isContinuation = word(.flags, at: i) & Self.continuationFlag != 0
        section.year = year(at: i)
        section.references = references(at: i)
        return SectionRecord(fileIndex: fileIndex(at: i), section: section, length: length(at: i))
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
