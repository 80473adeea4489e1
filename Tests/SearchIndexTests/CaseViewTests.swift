import Testing
import CouncilDocuments
@testable import SearchIndex

@Suite("The case view: each line once, in the order of the proceedings, citations checked")
struct CaseViewTests {
    let files = [
        "ho21-møte-2025-1-sakspapirer.txt": """
            Saksfremlegg

            Sak 8/1/2025 Bedre tilgang til helsedata
            Saksbehandler: NN
            Tidligere behandlet i sak 21/2/22 og sak 5/1/2025.

            Forslag til vedtak
            Rådet tar saken til orientering.

            Sak 5/1/2025 Orienteringer
            Saksbehandler: NN
            Sekretariatet orienterer.
            """,
        "ho21-referat-møte-2025-1.txt": """
            Referat fra møte 1/2025

            Sak 8/1/2025 Bedre tilgang til helsedata
            Rådet diskuterte flaskehalser.

            Vedtak: Rådet ber sekretariatet følge opp saken.
            """,
    ]

    @Test("show lists each section once, presentation before minutes, decisions marked where they stand")
    func oncePerLine() throws {
        try TestCorpus.withIndex(files) { reader in
            var texts = SectionTextSource(reader: reader)
            let shown = try #require(try SearchService(reader: reader).show(.caseID(CaseID("8/1/2025")!), texts: &texts))
            let spans = shown.sections.map { ($0.file, $0.record.section.firstLine...$0.record.section.lastLine) }
            for (i, a) in spans.enumerated() {
                for b in spans[(i + 1)...] { #expect(a.0 != b.0 || !a.1.overlaps(b.1), "\(a) and \(b) overlap") }
            }
            #expect(shown.sections.map(\.record.section.kind) == [.saksfremlegg, .referat])
            #expect(shown.sections[0].marks.map(\.kind) == ["forslag"])
            #expect(shown.sections[1].marks.map(\.kind) == ["vedtak"])
            #expect(shown.cited == [CitedCase(caseID: "21/2/2022", inIndex: false), CitedCase(caseID: "5/1/2025", inIndex: true)])
        }
    }
}
