import Testing
import NorwegianText

@Suite("Splitting Norwegian compounds into known parts")
struct DecompounderTests {
    /// Word frequencies of a small vocabulary, standing in for the corpus lexicon.
    static let words: [String: Double] = [
        "helse": 40, "data": 30, "helsedata": 12, "service": 3, "råd": 50, "møte": 20, "møt": 20,
        "innovasjon": 15, "anskaffelser": 8, "man": 30, "opp": 60, "dat": 30, "kandi": 0.2,
    ]
    let decompounder = Decompounder()

    func split(_ word: String) -> Decompounder.Split? {
        decompounder.split(word, modifierFrequency: { Self.words[$0] ?? 0 }, isCorpusWord: { (Self.words[$0] ?? 0) >= 1 },
                           headFrequency: { Self.words[$0] ?? 0 })
    }

    @Test("modifier and head, directly joined or with a linking s", arguments: [
        ("helsedataservice", "helsedata", "", "service"),
        ("rådsmøt", "råd", "s", "møt"),
        ("innovasjonsanskaffelser", "innovasjon", "s", "anskaffelser"),
        ("helsedata", "helse", "", "data"),
    ])
    func splits(word: String, modifier: String, link: String, head: String) {
        #expect(split(word) == Decompounder.Split(modifier: modifier, link: link, head: head))
    }

    @Test("no split into unknown pieces, nor a short head after a short unlinked modifier", arguments: [
        "mandat", "oppdat", "kandidat", "helsexyz", "data", "abc",
    ])
    func rejects(word: String) {
        #expect(split(word) == nil)
    }
}
