import Foundation
import Testing
@testable import SearchIndex

@Suite("Each case knows its decision; proposals are not decisions")
struct CaseDecisionTests {
    let files = [
        "referat.txt": """
            Referat fra møte 5/2023

            Sak 49/5/2023 Et kunnskapsløft for kommunene
            KS orienterte om KSF og piloten.

            Vedtak: *Rådet tar presentasjonene til orientering og ber sekretariatet
            følge opp saken.*

            Sak 50/5/2023 Orienteringer
            Sekretariatet orienterte om arbeidet med helsedata.
            """,
        "fremlegg.txt": """
            Saksfremlegg møte 6/2023

            Sak 60/6/2023 Kommunal forskning
            Saksbehandler: NN
            Om KSF og kommunene.

            Forslag til vedtak
            Rådet tar saken til orientering.
            """,
    ]

    @Test("--cases gives every case its adopted decision in one line, or null; a proposal is no decision")
    func decisionField() throws {
        try TestCorpus.withIndex(files) { reader in
            var texts = SectionTextSource(reader: reader)
            let response = try SearchService(reader: reader).searchCases("KSF helsedata", texts: &texts)
            let byCase = Dictionary(uniqueKeysWithValues: response.cases.map { ($0.caseID, $0) })
            let decided = try #require(byCase["49/5/2023"]?.decision)
            #expect(decided.text == "Rådet tar presentasjonene til orientering og ber sekretariatet følge opp saken.")
            #expect(decided.file == "referat.txt")
            #expect(byCase["50/5/2023"] != nil && byCase["50/5/2023"]?.decision == nil)
            #expect(byCase["60/6/2023"] != nil && byCase["60/6/2023"]?.decision == nil)
            let json = try ContractJSON.string(response)
            #expect(json.contains(#""decision":null"#))
            #expect(json.contains(#""decision":{"file":"referat.txt","lines":["#))
        }
    }

    @Test("type:forslag finds proposals and type:vedtak adopted decisions, not each other")
    func kindsApart() throws {
        try TestCorpus.withIndex(files) { reader in
            let decisions = reader.rankedFiles("orientering", filter: try SearchFilter(kinds: "vedtak"))
            let proposals = reader.rankedFiles("orientering", filter: try SearchFilter(kinds: "forslag"))
            #expect(decisions == ["referat.txt"])
            #expect(proposals == ["fremlegg.txt"])
        }
    }
}

extension SearchFilter {
    init(kinds: String) throws {
        self.init()
        try add(field: "kind", value: kinds)
    }
}
