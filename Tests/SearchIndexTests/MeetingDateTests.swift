import Testing
@testable import SearchIndex

@Suite("Dates: filters never drop a meeting known only by its year")
struct MeetingDateTests {
    let files = [
        "ho21-møte-2025-1-sakspapirer.txt": """
            Møte 1/2025
            Dato 24. februar 2025, kl. 10.00

            Sak 8/1/2025 Helsedata
            Rådet drøftet helsedata.
            """,
        "ho21-møte-2025-2-sakspapirer.txt": """
            Møte 2/2025

            Sak 19/2/2025 Orienteringer om helsedata
            Sekretariatet orienterte om helsedata.
            """,
    ]

    func cases(_ query: String) throws -> [String] {
        try TestCorpus.withIndex(files) { reader in
            var texts = SectionTextSource(reader: reader)
            return try SearchService(reader: reader).searchCases(query, texts: &texts).cases.map(\.caseID)
        }
    }

    @Test("an undated meeting of 2025 is inside fra:2025, fra:2025-03-01 and til:2025, outside til:2024 and fra:2026")
    func yearOnly() throws {
        #expect(try cases("helsedata fra:2025").contains("19/2/2025"))
        #expect(try cases("helsedata fra:2025-03-01").contains("19/2/2025"))
        #expect(try cases("helsedata til:2025-12-31").contains("19/2/2025"))
        #expect(try !cases("helsedata til:2024").contains("19/2/2025"))
        #expect(try !cases("helsedata fra:2026").contains("19/2/2025"))
        let (from, year) = (try cases("helsedata fra:2025"), try cases("helsedata år:2025"))
        #expect(from == year)
        // A dated meeting is still judged by its day.
        #expect(try !cases("helsedata fra:2025-03-01").contains("8/1/2025"))
    }
}
