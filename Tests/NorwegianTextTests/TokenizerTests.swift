import Foundation
import Testing
@testable import NorwegianText

@Suite("ICU word tokenizer")
struct TokenizerTests {
    let tokenizer = ICUWordTokenizer()

    func texts(_ s: String) -> [String] { tokenizer.tokenize(s).map(\.text) }

    @Test("splits at word boundaries and drops punctuation")
    func wordBoundaries() {
        #expect(texts("Rådet tar saken til orientering.") == ["rådet", "tar", "saken", "til", "orientering"])
    }

    @Test("folds case fully and composes to NFC")
    func foldingAndNFC() {
        #expect(texts("MØTET") == ["møtet"])
        #expect(texts("Stra\u{00DF}e") == ["strasse"])
        #expect(texts("ra\u{030A}det") == ["rådet"])  // a + combining ring
    }

    @Test("keeps each word's exact range in the original text")
    func ranges() {
        let text = "Sak om helsedata, KSF og HO21."
        let units = Array(text.utf16)
        for token in tokenizer.tokenize(text) {
            let written = String(decoding: units[Int(token.range.lowerBound)..<Int(token.range.upperBound)], as: UTF16.self)
            #expect(written.lowercased() == token.text)
        }
    }

    @Test("numbers positions consecutively")
    func positions() {
        #expect(tokenizer.tokenize("en to tre").map(\.position) == [0, 1, 2])
    }

    @Test("splits hyphenated forms so HO21-rådet finds both HO21 and rådet")
    func hyphens() {
        #expect(texts("HO21-rådet") == ["ho21", "rådet"])
    }

    @Test("joins case numbers and normalizes two-digit years", arguments: [
        ("Sak 8/1/25 Bedre tilgang", "8/1/2025"), ("Sak 8/1/2025", "8/1/2025"), ("møte 1/2025", "1/2025"),
    ])
    func caseNumbers(text: String, expected: String) {
        let tokens = tokenizer.tokenize(text)
        let joined = tokens.first { $0.flags.contains(.caseNumber) }
        #expect(joined?.text == expected)
        #expect(joined?.flags.contains(.keyword) == true)
    }

    @Test("marks acronyms and codes")
    func flags() {
        let tokens = tokenizer.tokenize("KSF HO21 Rådet")
        #expect(tokens[0].flags.contains(.uppercase))
        #expect(tokens[1].flags.contains(.hasDigit))
        #expect(!tokens[2].flags.contains(.uppercase))
    }

    @Test("returns nothing for empty or punctuation-only text")
    func emptyText() {
        #expect(texts("").isEmpty)
        #expect(texts(" … !! ").isEmpty)
    }
}

@Suite("Norwegian analyzer chain")
struct AnalyzerTests {
    let analyzer = Analyzer.norwegian

    func terms(_ s: String) -> [String] { analyzer.analyze(s).map(\.text) }

    @Test("stems inflected forms to one term")
    func stemming() {
        #expect(terms("høringssvar")[0] == terms("høringssvaret")[0])
        #expect(terms("rådsmøte")[0] == terms("rådsmøtet")[0])
    }

    @Test("leaves codes, years and case numbers unstemmed")
    func keywords() {
        #expect(terms("HO21 2025 8/1/2025 NOU") == ["ho21", "2025", "8/1/2025", "nou"])
    }

    @Test("gives a capitalized heading word its stem beside the written form")
    func uppercaseWords() {
        let tokens = analyzer.analyze("REFERATET")
        #expect(tokens.map(\.text) == ["referatet", "referat"])
        #expect(tokens.allSatisfy { $0.position == 0 })
    }

    @Test("is built from composable steps")
    func composable() {
        let bare = Analyzer(tokenizer: ICUWordTokenizer(), filters: [])
        #expect(bare.analyze("møtene").map(\.text) == ["møtene"])
        #expect(analyzer.filters.count >= 2)
    }
}

@Suite("A text's UTF-16 units for ICU")
struct UTF16UnitsTests {
    @Test("are the standard library's, for every corpus file and for text of every UTF-8 length")
    func sameAsStandardLibrary() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Corpus")
        var texts = ["", "a", "æøå ÆØÅ", "e\u{0301}", "\u{0000}", "– « » • …", "中文", "𝔘𝔫𝔦 😀 🇳🇴", "\r\n"]
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
        for name in names where name.hasSuffix(".txt") {
            texts.append(try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8))
        }
        for text in texts {
            #expect(UTF16Units.of(text) == Array(text.utf16), "\(text.prefix(20).debugDescription)")
        }
    }
}
