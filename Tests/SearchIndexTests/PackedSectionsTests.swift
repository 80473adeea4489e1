import CouncilDocuments
import Testing
@testable import SearchIndex

/// A build holds the corpus's sections packed; what it reads back must be what it put in, every
/// field, whether set or left out.
@Suite("Sections packed for a build")
struct PackedSectionsTests {
    static let records: [SectionRecord] = {
        var decision = Section(firstLine: 40, lastLine: 52, byteRange: 1_900..<2_750, kind: .vedtak,
                               caseID: CaseID(number: 8, meetingNumber: 1, year: 2025), title: "Helsedata og personvern",
                               meeting: "1/2025", date: "2025-02-12")
        decision.titleAsWritten = "Helsedata og personvem"
        decision.isContinuation = true
        decision.year = 2025
        decision.references = [CaseID(number: 5, meetingNumber: 1, year: 2023), CaseID(number: 19, meetingNumber: 2, year: 23)]
        var sameCase = decision
        sameCase.kind = .saksfremlegg
        sameCase.references = []
        sameCase.isContinuation = false
        let bare = Section(firstLine: 1, lastLine: 1, byteRange: 0..<0, kind: SectionKind.allCases.last!)
        return [SectionRecord(fileIndex: 3, section: decision, length: 120),
                SectionRecord(fileIndex: 3, section: sameCase, length: 0),
                SectionRecord(fileIndex: 0, section: bare, length: 7)]
    }()

    @Test("every field of every record reads back as written, set or left out")
    func roundTrip() {
        let packed = PackedSections(Self.records)
        #expect(Array(packed) == Self.records)
        #expect(packed.count == 3)
        #expect(packed.lengths == [120, 0, 7])
        #expect(packed.kinds == Self.records.map(\.section.kind))
    }

    @Test("a record set in place changes that record only")
    func setInPlace() {
        var packed = PackedSections(Self.records)
        var changed = packed[2]
        changed.section.date = "2024-06-01"
        changed.section.year = 2024
        changed.section.references = [CaseID(number: 1, meetingNumber: 1, year: 2024)]
        packed[2] = changed
        #expect(Array(packed) == Array(Self.records.prefix(2)) + [changed])
    }

    @Test("another file's sections are appended under the file index given, and are equal as records")
    func appendFile() {
        var all = PackedSections(Self.records.prefix(1))
        all.append(contentsOf: PackedSections(Self.records.suffix(2)), fileIndex: 9)
        #expect(all.map(\.fileIndex) == [3, 9, 9])
        #expect(all.map(\.section) == Self.records.map(\.section))
        #expect(PackedSections(Self.records) != all)
        var relabelled = Self.records
        relabelled[1].fileIndex = 9
        relabelled[2].fileIndex = 9
        #expect(PackedSections(relabelled) == all)
    }

    @Test("appended sections keep their own strings and cited cases beside those already held")
    func appendKeepsReferences() {
        var all = PackedSections(Self.records.prefix(1))
        all.append(contentsOf: PackedSections(Self.records), fileIndex: 4)
        #expect(all.map(\.section) == [Self.records[0].section] + Self.records.map(\.section))
        #expect(all.references(at: 1) == Self.records[0].section.references)
        #expect(all.title(at: 2) == "Helsedata og personvern" && all.title(at: 3) == nil)
    }

    @Test("fields read without making records are the records' fields")
    func fields() {
        let packed = PackedSections(Self.records)
        for (i, record) in Self.records.enumerated() {
            let s = record.section
            #expect(packed.fileIndex(at: i) == record.fileIndex && packed.length(at: i) == record.length)
            #expect(packed.firstLine(at: i) == s.firstLine && packed.lastLine(at: i) == s.lastLine)
            #expect(packed.byteRange(at: i) == s.byteRange && packed.kind(at: i) == s.kind)
            #expect(packed.caseID(at: i) == s.caseID && packed.year(at: i) == s.year && packed.date(at: i) == s.date)
            #expect(packed.title(at: i) == s.title && packed.titleAsWritten(at: i) == s.titleAsWritten)
            #expect(packed.references(at: i) == s.references)
        }
    }

    @Test("a date set in place dates that section and sets its year, and nothing else")
    func setDate() {
        var packed = PackedSections(Self.records)
        packed.setDate("2024-06-01", year: 2024, at: 2)
        var expected = Self.records
        expected[2].section.date = "2024-06-01"
        expected[2].section.year = 2024
        #expect(Array(packed) == expected)
        packed.setDate("ukjent", year: nil, at: 0)
        expected[0].section.date = "ukjent"
        expected[0].section.year = nil
        #expect(Array(packed) == expected)
    }
}
