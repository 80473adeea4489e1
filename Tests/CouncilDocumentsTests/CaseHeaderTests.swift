import Testing
@testable import CouncilDocuments

@Suite("Case ids and case headers")
struct CaseHeaderTests {
    @Test("8/1/25 and 8/1/2025 are the same case")
    func normalizedIDs() throws {
        let short = try #require(CaseID("8/1/25"))
        let long = try #require(CaseID("8/1/2025"))
        #expect(short == long)
        #expect(short.description == "8/1/2025")
        #expect(short.meeting == "1/2025")
    }

    @Test("rejects what is not a case id", arguments: ["8/1", "8/1/123", "x/1/2025", "8/1/2025/3", ""])
    func invalidIDs(text: String) {
        #expect(CaseID(text) == nil)
    }

    @Test("recognizes headers as the packages write them", arguments: [
        ("Sak 16/2/2025", "16/2/2025", nil),
        (" Sak 22/3/2023 ", "22/3/2023", nil),
        ("- Sak 1/1/23 Godkjenning av innkalling og sakliste**", "1/1/2023", "Godkjenning av innkalling og sakliste"),
        ("Sak 2/1/2023**Spørsmål om habilitet**", "2/1/2023", "Spørsmål om habilitet"),
        ("**Sak 4/1/2023**", "4/1/2023", nil),
        ("Sak 47/6/22 Godkjenning av innkalling og sakliste", "47/6/2022", "Godkjenning av innkalling og sakliste"),
    ] as [(String, String, String?)])
    func headers(line: String, id: String, title: String?) throws {
        let header = try #require(CaseHeader.parse(line))
        #expect(header.caseID.description == id)
        #expect(header.title == title)
    }

    @Test("does not take references in running text for headers", arguments: [
        "Sak 54/6/2022: antall kommuner er rettet opp i teksten.",
        "Noen sma justeringer ble meldt inn til sak 8/1/2025 og sak 12/1/2025.",
        "Saker 8/1/2025",
        "Sak 8/1/2025 ble behandlet i forrige møte.",
    ])
    func references(line: String) {
        #expect(CaseHeader.parse(line) == nil)
    }
}

@Suite("Norwegian dates")
struct NorwegianDateTests {
    @Test("finds dates written in words or digits", arguments: [
        ("Dato 3. februar 2023, kl. 10.00 – 15.00", "2023-02-03"),
        ("Mandag 24. februar 2025", "2025-02-24"),
        ("Vedlegg: utkast referat (28.11.2022)", nil),
        ("møte 28.11.2022", "2022-11-28"),
        ("Ingen dato her", nil),
    ] as [(String, String?)])
    func dates(line: String, iso: String?) {
        #expect(NorwegianDate.find(in: line) == iso)
    }
}
