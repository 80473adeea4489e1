import CouncilDocuments
import Testing
@testable import SearchIndex

@Suite("Citations a reader can follow")
struct CitationTests {
    let citation = Citation(council: "HO21-rådet")

    func section(_ kind: SectionKind, _ caseID: String? = nil, date: String? = nil, year: Int? = nil) -> Section {
        let id = caseID.flatMap(CaseID.init)
        var s = Section(firstLine: 1, lastLine: 9, byteRange: 0..<1, kind: kind, caseID: id, meeting: id?.meeting, date: date)
        s.year = year
        return s
    }

    func document(_ file: String, meeting: String? = nil, date: String? = nil, year: Int? = nil) -> Citation.Document {
        Citation.Document(kind: DocumentKind(fileName: file), meeting: meeting, date: date, year: year)
    }

    @Test("a case's passage names the kind of document, the meeting with its Norwegian date, and the case")
    func cases() {
        let minutes = document("ho21-referat-møte-2023-5.txt", meeting: "5/2023", date: "2023-11-27")
        #expect(citation.text(section: section(.referat, "52/5/2023", date: "2023-11-27"), in: minutes, lines: 3...4)
                == "HO21-rådet, referat fra møte 5/2023 (27. november 2023), sak 52/5/2023")
        #expect(citation.text(section: section(.vedtak, "52/5/2023", date: "2023-11-27"), in: minutes, lines: 3...4)
                == "HO21-rådet, vedtak i møte 5/2023 (27. november 2023), sak 52/5/2023")
        let papers = document("ho21-møte-2023-3-saksframlegg.txt", meeting: "3/2023")
        #expect(citation.text(section: section(.saksfremlegg, "22/3/2023"), in: papers, lines: 3...4)
                == "HO21-rådet, saksfremlegg til møte 3/2023, sak 22/3/2023")
    }

    @Test("a passage outside any case names its document's meeting or year and its lines, never the file name")
    func outsideCases() {
        let papers = document("ho21-møte-2023-1-sakspapirer.txt", meeting: "1/2023", date: "2023-02-03")
        #expect(citation.text(section: section(.vedlegg), in: papers, lines: 821...821)
                == "HO21-rådet, vedlegg til sakspapirene for møte 1/2023 (3. februar 2023), linje 821")
        let report = document("ho21-årsrapport-2025.txt")
        let text = citation.text(section: section(.other, year: 2025), in: report, lines: 304...306)
        #expect(text == "HO21-rådet, årsrapport 2025, linje 304–306")
        #expect(!citation.text(section: section(.other), in: document("notes.txt"), lines: 1...2).contains("notes"))
    }

    @Test("document kinds come from the words of the file name, with or without æøå")
    func kinds() {
        #expect(DocumentKind(fileName: "ho21-referat-møte-2023-5.txt") == .minutes)
        #expect(DocumentKind(fileName: "HO21_arsrapport_2024.pdf") == .annualReport)
        #expect(DocumentKind(fileName: "ho21-møte-2025-2-sakspapirer.txt") == .meetingPapers)
        #expect(DocumentKind(fileName: "horingssvar-helsedata.txt") == .hearingResponse)
        #expect(DocumentKind(fileName: "diverse.txt") == .document)
    }

    @Test("ISO dates are written the Norwegian way")
    func dates() {
        #expect(NorwegianDate.written(iso: "2025-02-24") == "24. februar 2025")
        #expect(NorwegianDate.written(iso: "2025-13-01") == nil)
        #expect(NorwegianDate.written(iso: "24.02.2025") == nil)
    }
}
