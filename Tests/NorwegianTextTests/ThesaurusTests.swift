import Foundation
import Testing
@testable import NorwegianText

@Suite("The MyThes thesaurus (mythes-no)")
struct ThesaurusTests {
    let sample = """
        UTF-8
        lege|2
        -|allmennlege|doktor|gjøre frisk
        -|sykepleier|helsesøster
        møte|1
        (sb)|forsamling|konferanse|a/b
        tom|0
        """

    @Test("one-word synonyms by the stem of the headword; phrases and alternatives left out")
    func parses() {
        let thesaurus = Thesaurus(data: Data(sample.utf8))
        #expect(thesaurus.synonyms(ofStem: NorwegianStemFilter().stem("legene")) == ["allmennlege", "doktor", "sykepleier",
                                                                                      "helsesøster"])
        #expect(thesaurus.synonyms(ofStem: NorwegianStemFilter().stem("møte")) == ["forsamling", "konferanse"])
        #expect(thesaurus.synonyms(ofStem: "tom").isEmpty)
    }

    @Test("a Latin-1 file, as Debian ships it, is decoded")
    func latin1() {
        let text = "ISO8859-1\nmøte|1\n-|sammenkomst|rådslagning\n"
        let thesaurus = Thesaurus(data: text.data(using: .isoLatin1)!)
        #expect(thesaurus.synonyms(ofStem: NorwegianStemFilter().stem("møte")) == ["sammenkomst", "rådslagning"])
    }

    @Test("garbage and a truncated file give an empty or partial thesaurus, never a crash")
    func hostile() {
        #expect(Thesaurus(data: Data([0xFF, 0x00, 0x7C, 0x0A])).isEmpty)
        #expect(Thesaurus(data: Data("UTF-8\nlege|999999999\n".utf8)).isEmpty)
        #expect(Thesaurus(data: Data("UTF-8\nlege|3\n-|doktor\n".utf8)).synonyms(ofStem: "leg") == ["doktor"])
        #expect(Thesaurus(path: "/nonexistent/th.dat") == nil)
    }

    @Test("the installed thesaurus, when there is one, knows common words")
    func system() {
        guard FileManager.default.fileExists(atPath: Thesaurus.systemPath) else { return }
        #expect(!Thesaurus.system.synonyms(ofStem: NorwegianStemFilter().stem("lege")).isEmpty)
    }
}
