import Testing
@testable import NorwegianText

@Suite("A damaged title shown repaired, everything else as written")
struct RepairedSpellingTests {
    let analyzer = Analyzer.norwegian.withOCRRepair(WordRepairer(lexicon: OCRRepairTests.lexicon))

    @Test("damaged words are repaired in the casing written; punctuation, numbers and sound words stay")
    func repairsInPlace() {
        #expect(analyzer.repairedSpelling(of: "Radet tar saken til orientering") == "Rådet tar saken til orientering")
        #expect(analyzer.repairedSpelling(of: "Godkjenning av mgtet 4/2024.") == "Godkjenning av møtet 4/2024.")
        #expect(analyzer.repairedSpelling(of: "HØRINGSSVAR: RADET") == "HØRINGSSVAR: RÅDET")
    }

    @Test("nil when nothing needs repair, and for a chain without a repair step")
    func nothingToRepair() {
        #expect(analyzer.repairedSpelling(of: "Rådet tar saken til orientering") == nil)
        #expect(Analyzer.norwegian.repairedSpelling(of: "Radet tar saken") == nil)
        #expect(analyzer.repairedSpelling(of: "") == nil)
    }
}
