import Testing
@testable import NorwegianText

@Suite("Folding of æ, ø, å spellings")
struct FoldingTests {
    func key(_ word: String) -> String {
        NorwegianFolding.foldKey(Analyzer.norwegian.analyze(word)[0].text)
    }

    @Test("words typed without æøå meet the spelling with them", arguments: [
        ("horingssvar", "høringssvar"), ("hoeringssvar", "høringssvar"), ("radsmote", "rådsmøte"),
        ("baerekraft", "bærekraft"), ("paa", "på"), ("Forskningsradet", "Forskningsrådet"),
    ])
    func foldedSpellingsMeet(typed: String, written: String) {
        #expect(key(typed) == key(written))
    }

    @Test("different words keep different keys")
    func distinctWords() {
        #expect(key("helsedata") != key("helseforskning"))
        #expect(key("møte") != key("mate"))
    }

    @Test("only ASCII-typed words are candidates for expansion")
    func mayBeFolded() {
        #expect(NorwegianFolding.mayBeFolded("horingssvar"))
        #expect(!NorwegianFolding.mayBeFolded("høringssvar"))
    }
}
