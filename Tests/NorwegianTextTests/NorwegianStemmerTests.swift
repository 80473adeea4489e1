import Foundation
import Testing
@testable import NorwegianText

@Suite("Snowball Norwegian stemmer")
struct NorwegianStemmerTests {
    @Test("agrees with the reference stemmer on every word of the reference vocabulary")
    func agreesWithReference() throws {
        let url = try #require(Bundle.module.url(forResource: "snowball-norwegian", withExtension: "tsv", subdirectory: "Fixtures"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        let stemmer = NorwegianStemmer()
        var disagreements: [String] = []
        for line in lines {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 2 else { continue }
            let stem = stemmer.stem(String(columns[0]))
            if stem != columns[1] { disagreements.append("\(columns[0]) → \(stem), expected \(columns[1])") }
        }
        #expect(lines.count > 29_000)
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, e.g. \(disagreements.prefix(10))")
    }

    @Test("removes inflection endings within R1", arguments: [
        ("høringssvaret", "høringssvar"), ("rådet", "råd"), ("møtene", "møt"), ("helsedata", "helsedat"),
        ("kommunene", "kommun"), ("vurderinger", "vurdering"),
    ])
    func inflections(word: String, stem: String) {
        #expect(NorwegianStemmer().stem(word) == stem)
    }

    @Test("rewrites -ert and -erte to -er")
    func ertEndings() {
        #expect(NorwegianStemmer().stem("publiserte") == "publiser")
        #expect(NorwegianStemmer().stem("publisert") == "publiser")
    }

    @Test("keeps -ers after the listed exceptions and removes it elsewhere")
    func ersRule() {
        let stemmer = NorwegianStemmer()
        #expect(stemmer.stem("lærers") != "lærers")
    }

    @Test("leaves words of two letters alone")
    func shortWords() {
        #expect(NorwegianStemmer().stem("på") == "på")
        #expect(NorwegianStemmer().stem("og") == "og")
    }
}
