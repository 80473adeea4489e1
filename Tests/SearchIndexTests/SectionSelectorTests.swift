import Testing
import CouncilDocuments
@testable import SearchIndex

@Suite("Section ids: any lines of a document, with a hyphen or an en dash")
struct SectionSelectorTests {
    static let file = "ho21-referat-møte-2025-1.txt"
    static let files = [
        file: """
            Referat fra møte 1/2025

            Sak 8/1/2025 Bedre tilgang til helsedata
            Rådet diskuterte flaskehalser.

            Vedtak: Rådet ber sekretariatet følge opp saken.

            Sak 9/1/2025 Eventuelt
            Ingen saker ble meldt.
            """,
    ]

    func bounds(_ selector: SectionSelector) -> [Int]? {
        guard case .section(_, let first, let last) = selector else { return nil }
        return [first, last]
    }

    @Test("FILE:FIRST-LAST, FILE:FIRST–LAST and FILE:LINE are read alike", arguments: [
        ("a.txt:3-5", [3, 5]), ("a.txt:3–5", [3, 5]), ("a.txt:3—5", [3, 5]), ("a.txt:3 – 5", [3, 5]),
        ("a.txt:4", [4, 4]), ("dir/b:c.txt:7-7", [7, 7]),
    ])
    func parse(_ text: String, _ expected: [Int]) throws {
        #expect(bounds(try SectionSelector(text)) == expected)
    }

    @Test("backwards, zero and malformed ranges are refused with a sentence", arguments: [
        "a.txt:5-3", "a.txt:0", "a.txt:0-2", "a.txt:", "a.txt:3-", "a.txt:-3", "a.txt:x", "a.txt:1-2-3", "a.txt",
    ])
    func refuse(_ text: String) {
        #expect(throws: SectionSelector.Invalid.self) { try SectionSelector(text) }
    }

    @Test("lines inside a section, or across two, show the sections they overlap, in file order")
    func overlapping() throws {
        try TestCorpus.withIndex(Self.files) { reader in
            var texts = SectionTextSource(reader: reader)
            let service = SearchService(reader: reader)
            let one = try #require(try service.show(try SectionSelector("\(Self.file):4"), texts: &texts))
            #expect(one.sections.map(\.record.section.caseID?.description) == ["8/1/2025"])
            #expect(one.sections[0].marks.map(\.kind) == ["vedtak"])
            let both = try #require(try service.show(try SectionSelector("\(Self.file):4–9"), texts: &texts))
            #expect(both.sections.map(\.record.section.caseID?.description) == ["8/1/2025", "9/1/2025"])
            #expect(try service.show(try SectionSelector("\(Self.file):400-401"), texts: &texts) == nil)
        }
    }

    @Test("a range that is exactly a decision's bounds shows the decision alone, as before")
    func exactDecision() throws {
        try TestCorpus.withIndex(Self.files) { reader in
            var texts = SectionTextSource(reader: reader)
            let service = SearchService(reader: reader)
            let records = (0..<reader.sectionCount).map(reader.sectionRecord)
            let decision = try #require(records.first { $0.section.kind == .vedtak }).section
            let shown = try #require(try service.show(
                try SectionSelector("\(Self.file):\(decision.firstLine)-\(decision.lastLine)"), texts: &texts))
            #expect(shown.sections.map(\.record.section.kind) == [.vedtak])
        }
    }
}
