import Testing
@testable import SearchIndex

@Suite("Snippets: the best passages as written, cut at word boundaries, matches marked")
struct SnippetTests {
    let builder = SnippetBuilder()

    @Test("a short text is shown whole with every match marked, in any inflection")
    func shortText() {
        let snippet = builder.snippet(of: "Rådet drøftet helsedata og Helsedataservice.", terms: ["helsedat", "råd"])
        #expect(snippet.rendered() == "«Rådet» drøftet «helsedata» og Helsedataservice.")
        #expect(snippet.rendered(open: "<b>", close: "</b>") == "<b>Rådet</b> drøftet <b>helsedata</b> og Helsedataservice.")
    }

    @Test("a long text gives at most three passages of about 240 characters, each cut between words")
    func passages() {
        let filler = String(repeating: "Dette er fyllord uten treff i det hele tatt. ", count: 12)
        let text = "Først om helsedata. " + filler + "Så om bærekraft i tjenesten. " + filler + "Til slutt om KSF og arendalsuka. " + filler
        let snippet = builder.snippet(of: text, terms: ["helsedat", "bærekraft", "ksf", "arendalsuk"])
        #expect(snippet.passages.count == 3)
        for passage in snippet.passages {
            let plain = passage.rendered(open: "", close: "")
            #expect(plain.count <= builder.maximumLength + 4)
            let words = Set(text.split(separator: " ").map { String($0) })
            // Every word shown is a whole word of the text (ellipses aside).
            for word in plain.split(separator: " ") where word != "…" { #expect(words.contains(String(word))) }
        }
        let rendered = snippet.rendered()
        #expect(rendered.contains("«helsedata»") && rendered.contains("«bærekraft»") && rendered.contains("«KSF»"))
        // The best passage (two words) comes in reading order with the others.
        #expect(rendered.firstRange(of: "«helsedata»")!.lowerBound < rendered.firstRange(of: "«KSF»")!.lowerBound)
    }

    @Test("a further passage must show a word not yet shown, or several matches")
    func noRepeats() {
        let filler = String(repeating: "Dette er fyllord uten treff i det hele tatt. ", count: 12)
        let text = "Om helsedata og KSF. " + filler + "Igjen om helsedata. " + filler
        #expect(builder.snippet(of: text, terms: ["helsedat", "ksf"]).passages.count == 1)
    }

    @Test("line breaks and runs of spaces become single spaces")
    func oneLine() {
        let snippet = builder.snippet(of: "Sak 8/1/25\n\n  Bedre   tilgang\ntil helsedata", terms: ["helsedat"])
        #expect(snippet.rendered() == "Sak 8/1/25 Bedre tilgang til «helsedata»")
    }
}
