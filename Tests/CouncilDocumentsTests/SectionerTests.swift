import Foundation
import Testing
@testable import CouncilDocuments

@Suite("Cutting packages into sections")
struct SectionerTests {
    let sectioner = Sectioner()

    /// From ho21-møte-2023-1-sakspapirer.txt: agenda, a case presentation, then minutes of the
    /// previous meeting.
    let package = """
        HelseOmsorg21-rådet

        Dato 3. februar 2023, kl. 10.00 – 15.00
        Sted Forskningsrådets lokaler, møterom Hassel 2

        - Sak 1/1/23 Godkjenning av innkalling og sakliste**
        - Sak 2/1/23 Spørsmål om habilitet**

        Sak 1/1/2023
        Godkjenning av innkalling og saksliste

        Innkalling og saksliste legges frem for godkjenning.

        Forslag til vedtak
        Innkallingen og sakslisten godkjennes.

        HelseOmsorg 21-rådet

        Dato Onsdag 28. november 2022, 10.00 – 15.00
        Til stede: Per Morten Sandset, UiO (leder)

        Sak 47/6/22 Godkjenning av innkalling og sakliste

        To saker ble meldt inn til eventuelt.

        Vedtak: *Innkallingen og sakslisten godkjennes.*
        """

    @Test("every case header starts a case section with its normalized id and kind")
    func caseSections() {
        let sections = sectioner.sections(text: package, documentID: "ho21-møte-2023-1-sakspapirer.txt")
        let cases = sections.filter { $0.caseID != nil && $0.kind != .vedtak && $0.kind != .forslag }
        #expect(cases.map { $0.caseID!.description } == ["1/1/2023", "2/1/2023", "1/1/2023", "47/6/2022"])
        #expect(cases.map(\.kind) == [.saksliste, .saksliste, .saksfremlegg, .referat])
        #expect(cases[2].title == "Godkjenning av innkalling og saksliste")
        #expect(cases[2].firstLine == 9)
        #expect(cases[3].meeting == "6/2022")
    }

    @Test("a proposal (forslag) and an adopted decision (vedtak) are sub-sections of their cases, told apart")
    func decisions() throws {
        let sections = sectioner.sections(text: package, documentID: "ho21-møte-2023-1-sakspapirer.txt")
        let decisions = sections.filter { $0.kind == .vedtak }
        let proposals = sections.filter { $0.kind == .forslag }
        #expect(decisions.map { $0.caseID!.description } == ["47/6/2022"])
        #expect(proposals.map { $0.caseID!.description } == ["1/1/2023"])
        let proposal = try #require(proposals.first)
        let parent = try #require(sections.first { $0.kind == .saksfremlegg })
        #expect(proposal.firstLine == 14 && proposal.lastLine == 15)
        #expect(parent.firstLine <= proposal.firstLine && proposal.lastLine <= parent.lastLine)
        #expect(decisions[0].firstLine == 26)
    }

    @Test("a case lists the cases it cites, not itself")
    func references() {
        let text = "Sak 26/3/2023 Oppfølging\nTidligere behandlet 5/1/2023, 19/2/2023\nse også sak 42/5/22 og sak 26/3/2023."
        let section = sectioner.sections(text: text, documentID: "x.txt").first { $0.caseID != nil }
        #expect(section?.references.map(\.description) == ["5/1/2023", "19/2/2023", "42/5/2022"])
    }

    @Test("every section has a year: of its date, its case, or its document's name")
    func years() {
        let sections = sectioner.sections(text: "Innledning\n\nSak 3/2/22 Tittel\ntekst", documentID: "ho21-årsrapport-2025.txt")
        #expect(sections.map(\.year) == [2025, 2022])
    }

    @Test("dates a meeting by the meeting header its cases stand under")
    func meetingDates() {
        let sections = sectioner.sections(text: package, documentID: "ho21-møte-2023-1-sakspapirer.txt")
        #expect(sections.first { $0.caseID?.description == "1/1/2023" }?.date == "2023-02-03")
        #expect(sections.first { $0.caseID?.description == "47/6/2022" }?.date == "2022-11-28")
    }

    @Test("line ranges and byte ranges cover the same text")
    func ranges() {
        let lines = package.split(separator: "\n", omittingEmptySubsequences: false)
        for section in sectioner.sections(text: package, documentID: "x.txt") {
            let expected = lines[(section.firstLine - 1)...(section.lastLine - 1)].joined(separator: "\n")
            let bytes = Array(package.utf8)[section.byteRange]
            #expect(String(decoding: bytes, as: UTF8.self) == expected)
        }
    }

    @Test("cuts long text between cases into pieces of at most 60 lines and no section exceeds 150")
    func lengthLimits() {
        let paragraph = (1...8).map { "Linje \($0) av et avsnitt om helsedata." }.joined(separator: "\n")
        let long = Array(repeating: paragraph, count: 40).joined(separator: "\n\n")
        let caseText = "Sak 3/1/2023 Lang sak\n" + (1...400).map { "linje \($0)" }.joined(separator: "\n")
        let sections = sectioner.sections(text: long + "\n\n" + caseText, documentID: "x.txt")
        #expect(sections.allSatisfy { $0.lineCount <= 150 })
        #expect(sections.filter { $0.caseID == nil }.allSatisfy { $0.lineCount <= 60 })
        #expect(sections.filter { $0.caseID?.description == "3/1/2023" }.count >= 3)
    }

    @Test("finds every case of the development corpus that the inventory lists, and invents none")
    func corpusCases() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Corpus").standardized.path
        let inventory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/case-inventory.tsv")
        let rows = try String(contentsOf: inventory, encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        var expected: Set<String> = []
        for row in rows where row.count >= 4 && !row[3].isEmpty { expected.insert("\(row[0]) \(row[3])") }
        var found: Set<String> = []
        for file in try CorpusScanner.files(in: corpus) {
            let document = try DocumentReader.read(path: file.path, id: file.id)
            for section in sectioner.sections(of: document) {
                if let id = section.caseID { found.insert("\(file.id) \(id)") }
            }
        }
        #expect(expected.subtracting(found).isEmpty, "missed: \(expected.subtracting(found).sorted())")
        #expect(found.subtracting(expected).count <= 1, "invented: \(found.subtracting(expected).sorted())")
    }
}
