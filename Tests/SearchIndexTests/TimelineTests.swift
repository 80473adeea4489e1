import Testing
@testable import SearchIndex

@Suite("The timeline of a topic: cases by year and meeting, mentions tied to what they cite")
struct TimelineTests {
    let files = [
        "ho21-referat-møte-2022-1.txt": """
            Referat fra møte 1/2022

            Sak 8/1/2022 Tilgang til helsedata
            Rådet drøftet helsedata.

            Vedtak: Rådet tar saken til orientering.
            """,
        "ho21-møte-2023-3-saksframlegg.txt": """
            Saksfremlegg

            Sak 29/3/2023 Helsedata i Europa
            Saksbehandler: NN
            Om helsedata og EHDS.

            Forslag til vedtak
            Rådet tar saken til orientering.
            """,
        "ho21-årsrapport-2023.txt": """
            Årsrapport 2023

            Helsedata for ny kunnskap
            Rådet har arbeidet med helsedata, se sak 8/1/22 og sak 29/3/23.

            Kommunikasjon
            Rådet skrev kronikker om helsedata i mange aviser gjennom hele året.
            """,
    ]

    @Test("oldest first, grouped by meeting, each case with its decision; counts per year")
    func oldestFirst() throws {
        try TestCorpus.withIndex(files) { reader in
            var texts = SectionTextSource(reader: reader)
            let timeline = try SearchService(reader: reader).timeline("helsedata", texts: &texts)
            #expect(timeline.meetings.map(\.meeting) == ["1/2022", "3/2023"])
            let first = try #require(timeline.meetings.first?.cases.first)
            #expect(first.caseID == "8/1/2022")
            #expect(first.decision?.text == "Rådet tar saken til orientering.")
            #expect(timeline.meetings[1].cases.first?.decision == nil, "a proposal is not a decision")
            #expect(first.mentions.map(\.file) == ["ho21-årsrapport-2023.txt"], "the report cites sak 8/1/22")
            #expect(timeline.mentions.map(\.file) == ["ho21-årsrapport-2023.txt"], "the kronikk paragraph cites nothing")
            #expect(timeline.years.map(\.year) == [2022, 2023])
            #expect(timeline.years.map(\.cases) == [1, 1])
            #expect(timeline.years.last?.mentions == 3)
        }
    }

    @Test("--newest-first reverses meetings and years")
    func newestFirst() throws {
        try TestCorpus.withIndex(files) { reader in
            var texts = SectionTextSource(reader: reader)
            let timeline = try SearchService(reader: reader).timeline("helsedata", newestFirst: true, texts: &texts)
            #expect(timeline.meetings.map(\.meeting) == ["3/2023", "1/2022"])
            #expect(timeline.years.map(\.year) == [2023, 2022])
        }
    }
}
