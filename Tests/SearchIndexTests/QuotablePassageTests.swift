import Testing
@testable import SearchIndex

@Suite("Passages ready to quote: whole sentences, clean text")
struct QuotablePassageTests {
    func passages(_ text: String, maximum: Int = 600) -> [Passage] {
        var cutter = PassageCutter()
        cutter.maximumCharacters = maximum
        return cutter.passages(of: text, firstLine: 10, fileIndex: 0)
    }

    @Test("a full stop after an abbreviation, an initial or an ordinal does not end a sentence")
    func sentenceEnds() {
        let text = "Rådet møtte bl.a. Helsedirektoratet og P. M. Sandset den 1. januar i år. Neste møte er i mai. "
            + "Saken gjelder kl. 10.00 i dag! Er det klart? Ja."
        let ends = SentenceSpans.ends(in: text[...]).map { String(text[..<$0]) }
        #expect(ends == [
            "Rådet møtte bl.a. Helsedirektoratet og P. M. Sandset den 1. januar i år.",
            "Rådet møtte bl.a. Helsedirektoratet og P. M. Sandset den 1. januar i år. Neste møte er i mai.",
            "Rådet møtte bl.a. Helsedirektoratet og P. M. Sandset den 1. januar i år. Neste møte er i mai. "
                + "Saken gjelder kl. 10.00 i dag!",
            String(text.dropLast(4)), text,
        ])
    }

    @Test("a long paragraph is cut only where a sentence ends, and every passage starts a sentence")
    func longParagraph() {
        let sentence = "Rådet mener at kommunene og forskningsmiljøene må samarbeide tettere om kliniske studier."
        let lines = (0..<12).map { _ in sentence }.joined(separator: " ")
        // Wrapped at spaces every five words, as a text file is.
        let words = lines.split(separator: " ")
        let wrapped = stride(from: 0, to: words.count, by: 5).map { words[$0..<min($0 + 5, words.count)].joined(separator: " ") }
            .joined(separator: "\n")
        let found = passages(wrapped, maximum: 300)
        #expect(found.count > 1)
        for passage in found {
            #expect(passage.asWritten.hasPrefix("Rådet"))
            #expect(passage.asWritten.hasSuffix("studier."))
            #expect(passage.asWritten.utf8.count <= 300 + 70)
        }
        #expect(found.first?.lines.lowerBound == 10)
        #expect(found.last?.lines.upperBound == 10 + wrapped.split(separator: "\n").count - 1)
    }

    @Test("blank lines inside a sentence (text from PDF) do not cut it; a blank line before a capital does")
    func pdfBlankLines() {
        let text = """
            Rådet skal skape en målrettet innsats for forskning og

            innovasjon innenfor helse og omsorg i hele landet.

            Innsatsen er rettet mot hele verdikjeden fra forskning til bruk i tjenestene.
            """
        let found = passages(text, maximum: 60)
        #expect(found.map(\.lines) == [10...12, 14...14])
        #expect(found[0].asWritten.hasSuffix("i hele landet."))
    }

    @Test("headings and page numbers are not passages; bullets are items of their own")
    func fragmentsAndBullets() {
        let text = """
            Sak 2/1/2025 Høring
            • Rådet ber om at tilgangen til helsedata for forskning blir raskere og enklere
            • Søknadsprosessen hos Helsedataservice bør forenkles for alle søkere i landet
            12
            """
        #expect(passages(text).map(\.lines) == [11...11, 12...12])
    }

    func clean(_ text: String, known: Set<String> = ["forskningsmiljøene"]) -> String {
        QuotableText(isKnownWord: { known.contains($0) }).clean(text[...])
    }

    @Test("wrapped lines are joined; a hyphenated word is joined where it is known, kept hyphenated where not")
    func joining() {
        #expect(clean("Rådet mener at   \nkommunene og forsknings-\nmiljøene må samarbeide  ") ==
                "Rådet mener at kommunene og forskningsmiljøene må samarbeide")
        #expect(clean("et offentlig-\nprivat samarbeid") == "et offentlig-privat samarbeid")
        #expect(clean("helse- og\nomsorg") == "helse- og omsorg")
    }

    @Test("bullets, Markdown emphasis and heading marks are removed; words keep their underscores")
    func markup() {
        #expect(clean("- Rådet **ber** om *raskere* tilgang\n• til _helsedata_") == "Rådet ber om raskere tilgang til helsedata")
        #expect(clean("## Forslag til vedtak") == "Forslag til vedtak")
        #expect(clean("filen data_2025.csv") == "filen data_2025.csv")
    }
}
