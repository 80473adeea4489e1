import Testing
import NorwegianText

@Suite("Learning acronyms from the text that defines them")
struct AcronymFinderTests {
    let finder = AcronymFinder()

    func definitions(_ text: String) -> [String: String] {
        Dictionary(finder.definitions(in: text).map { ($0.acronym, $0.longForm) }, uniquingKeysWith: { a, _ in a })
    }

    @Test("long form before the acronym, its letters starting words or inside compounds")
    func forward() {
        #expect(definitions("Møte med Kommunenes samarbeidsarena for forskning (KSF) i mai.") == ["KSF": "Kommunenes samarbeidsarena for forskning"])
        #expect(definitions("Dialog med Leverandørutviklingsprogrammet (LUP) om saken.") == ["LUP": "Leverandørutviklingsprogrammet"])
        #expect(definitions("Tangen, Norsk Forening for Allmennmedisin (NFA)") == ["NFA": "Norsk Forening for Allmennmedisin"])
        #expect(definitions("Helse- og omsorgsdepartementet (HOD) ber om innspill.") == ["HOD": "Helse- og omsorgsdepartementet"])
    }

    @Test("acronym first, long form in the parenthesis")
    func reverse() {
        #expect(definitions("KSF (Kommunenes strategiske forskningsorgan) ble evaluert.") == ["KSF": "Kommunenes strategiske forskningsorgan"])
        #expect(definitions("ESG (Environmental, Social and Governance)") == ["ESG": "Environmental, Social and Governance"])
    }

    @Test("names, words and unmatched letters in parentheses are not acronyms")
    func rejects() {
        #expect(definitions("Otto Christian Dahl (KS) og Tarje Bjørgum (Abelia)").isEmpty)
        #expect(definitions("Gløgg og pepperkaker (Mingle)").isEmpty)
        #expect(definitions("Sterk satsing i EU på beredskap (HERA)").isEmpty)
        #expect(definitions("se vedlegg (s. 4) og (unclosed").isEmpty)
    }

    @Test("a capital and small letters shorten the one compound before them, by its parts")
    func abbreviations() {
        #expect(definitions("Notat fra Helsedirektoratet (Hdir) om saken.") == ["Hdir": "Helsedirektoratet"])
        #expect(definitions("Møte med Barne-, ungdoms- og familiedirektoratet (Bufdir)").isEmpty)
        #expect(definitions("Tarje Bjørgum (Abelia) og Innovasjon Norge (Norge)").isEmpty)
        #expect(definitions("Helse Vest (Bergen) og Universitetet i Oslo (Oslo)").isEmpty)
        #expect(definitions("Gløgg og pepperkaker (Mingle)").isEmpty)
        #expect(definitions("HelseOmsorg21-rådet (Rådet) møttes.").isEmpty)
    }
}
