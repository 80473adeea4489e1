import Testing
@testable import SearchIndex

@Suite("Prior wording: the paragraphs most like a draft")
struct SimilarPassagesTests {
    static let boilerplate = "Rådet bes om å vurdere sin habilitet for sakene i dette møtet, og vurderingen protokollføres."
    static let files = [
        "2024-1.txt": """
            Sak 1/1/2024 Spørsmål om habilitet

            \(boilerplate)

            Sak 2/1/2024 Høring om helsedata

            Rådet mener at tilgangen til helsedata for forskning må bli raskere og enklere, og at \
            søknadsprosessen hos Helsedataservice bør forenkles.

            Rådet slutter seg til innspillet med de kommentarer som kom på møtet.
            """,
        "2025-1.txt": """
            Sak 1/1/2025 Spørsmål om habilitet

            \(boilerplate)

            Sak 2/1/2025 Kliniske studier

            Flere kliniske studier i kommunene krever bedre samarbeid mellom sykehus og \
            kommunehelsetjenesten, og en nasjonal infrastruktur for studier.
            """,
    ]

    func similar(_ draft: String, in files: [String: String] = Self.files) throws -> SimilarResponse {
        let corpus = try TestCorpus(files: files)
        defer { corpus.remove() }
        try corpus.build()
        let reader = try corpus.open()
        var texts = SectionTextSource(reader: reader, corpusPath: corpus.corpus)
        return try SimilarPassages(reader: reader).similar(to: draft, limit: 5, texts: &texts)
    }

    @Test("a paraphrased paragraph returns the original paragraph first, exact text, with a citation")
    func paraphrase() throws {
        let response = try similar("Tilgang til helsedata for forskningsformål bør bli enklere og raskere, og Helsedataservice må forenkle søknadsprosessen.")
        let first = try #require(response.passages.first)
        #expect(first.text.hasPrefix("Rådet mener at tilgangen til helsedata for forskning"))
        #expect(first.place.file == "2024-1.txt")
        #expect(first.place.citation == "HO21-rådet, saksfremlegg til møte 1/2024, sak 2/1/2024")
        #expect(first.place.lines == [7, 7])
    }

    @Test("recurring boilerplate is one result that lists every place it stands")
    func boilerplateCollapsed() throws {
        let response = try similar("Rådet skal vurdere habiliteten sin for sakene på møtet.")
        let first = try #require(response.passages.first)
        #expect(first.text == Self.boilerplate)
        #expect(Set(first.occurrences.map(\.caseID)) == ["1/1/2024", "1/1/2025"])
        #expect(response.passages.filter { $0.text == Self.boilerplate }.count == 1)
    }

    @Test("a draft with no word in common finds nothing")
    func nothingInCommon() throws {
        #expect(try similar("xyzzy plugh").passages.isEmpty)
    }

    @Test("a damaged source's passage offers the reading its index repaired, marked apart from the text as written")
    func repairedReading() throws {
        let response = try similar("Det ble avholdt møte med Helsedataservice på fredag.", in: OCRSearchTests.files)
        let damaged = try #require(response.passages.first { $0.place.file == "damaged.txt" })
        #expect(damaged.text.contains("avholdt mgte med Helsedataservice pa fredag"))
        #expect(damaged.textRepaired?.contains("avholdt møte med Helsedataservice på fredag") == true)
        #expect(damaged.textRepaired?.hasPrefix("Rådet ønsker å følge opp saken.") == true)
        let clean = try #require(response.passages.first { $0.place.file == "clean.txt" })
        #expect(clean.textRepaired == nil)
    }

    @Test("on the repository's corpus every passage starts a sentence and ends one, with clean text to copy")
    func wholeSentences() throws {
        let index = try TestIndex.ofRepositoryCorpus()
        var texts = index.texts()
        let draft = "Rådet mener det er viktig å styrke samarbeidet mellom kommunene og forskningsmiljøene"
        let response = try SimilarPassages(reader: index.reader).similar(to: draft, limit: 10, texts: &texts)
        #expect(response.passages.count == 10)
        for passage in response.passages {
            // A sentence starts with a capital or a number; a list item may start in lower case.
            let first = try #require(passage.textAsWritten.first)
            #expect(first.isUppercase || first.isNumber || "•-*".contains(first), "starts mid-sentence: \(passage.text)")
            #expect(!passage.text.contains("\n") && !passage.text.contains("  ") && !passage.text.contains("*"))
            #expect(!passage.place.citation.contains(".txt"), "\(passage.place.citation)")
        }
        let first = try #require(response.passages.first)
        #expect(first.text.hasSuffix("."))
    }
}

