import Testing
@testable import SearchIndex

@Suite("Query operators select and rank the sections they promise")
struct QueryOperatorTests {
    static let files = [
        "a.txt": "Rådet hadde et møte med Helsedataservice om tilgang til helsedata.",
        "b.txt": "Helsedataservice var ikke med, men rådet hadde et møte om data.",
        "c.txt": "Kommunenes samarbeidsarena for forskning (KSF) ble presentert.",
        "d.txt": "Leverandørutviklingsprogrammet (LUP) og innovative anskaffelser.",
        "e.txt": "Bærekraft i helsetjenesten og bærekraftige løsninger.",
    ]

    func files(_ query: String, filter: SearchFilter = SearchFilter()) throws -> [String] {
        try TestCorpus.withIndex(Self.files) { $0.rankedFiles(query, filter: filter) }
    }

    @Test("a phrase matches only words at consecutive positions, in order")
    func phrase() throws {
        #expect(try files("\"møte med Helsedataservice\"") == ["a.txt"])
        #expect(try files("\"Helsedataservice med møte\"").isEmpty)
        // Inflections of each phrase word still match.
        #expect(try files("\"møtet med helsedataservicen\"") == ["a.txt"])
    }

    @Test("-word and -\"phrase\" leave out the sections that contain them")
    func exclusion() throws {
        #expect(try files("helsedataservice -tilgang") == ["b.txt"])
        #expect(try files("helsedataservice -\"møte med\"") == ["b.txt"])
        #expect(try files("-helsedataservice").isEmpty)
    }

    @Test("OR matches either side; a group needs all of its words")
    func orAndGroups() throws {
        #expect(Set(try files("KSF OR LUP")) == ["c.txt", "d.txt"])
        #expect(try files("(møte tilgang) OR anskaffelser").sorted() == ["a.txt", "d.txt"])
    }

    @Test("prefix* reaches every term with the prefix; an ASCII prefix reaches æøå spellings")
    func prefix() throws {
        #expect(Set(try files("helsedata*")) == ["a.txt", "b.txt"])
        #expect(Set(try files("baerekraft*")) == ["e.txt"])
        #expect(try files("zzz*").isEmpty)
    }

    @Test("word~ tolerates typos by word length: none for ≤4 letters, one for 5–8, two beyond")
    func fuzzy() throws {
        #expect(VocabularyMatcher.allowedEdits(letters: 4) == 0)
        #expect(VocabularyMatcher.allowedEdits(letters: 5) == 1)
        #expect(VocabularyMatcher.allowedEdits(letters: 9) == 2)
        #expect(Set(try files("helsedatsaervice~")) == ["a.txt", "b.txt"])
        #expect(try files("ksg~").isEmpty)
        #expect(try files("Helsedataservice").count == 2)
    }

    @Test("all words are preferred, but a section missing one still follows the complete matches")
    func softConjunction() throws {
        let ranked = try files("møte tilgang")
        #expect(ranked.first == "a.txt")
        #expect(ranked.contains("b.txt"))
    }

    @Test("malformed queries give results or nothing, never a crash", arguments: [
        "\"unclosed", "((", "-", "OR OR", "))((", "\"\"", "* ~ -", String(repeating: "helse OR ", count: 1200),
    ])
    func malformed(query: String) throws {
        _ = try files(query)
    }

    @Test("a query is cut after the word budget, with a note")
    func wordBudget() throws {
        try TestCorpus.withIndex(Self.files) { reader in
            let query = QueryPlanner().plan(String(repeating: "helse data ", count: 100), reader: reader)
            #expect(query.words.count <= 64)
            let long = QueryPlanner().plan((1...100).map { "ord\($0)" }.joined(separator: " "), reader: reader)
            #expect(long.words.count == 64)
            #expect(!long.notes.isEmpty)
        }
    }
}

@Suite("Compound words: a word finds compounds that contain it, and a compound its parts")
struct CompoundSearchTests {
    static let files = [
        "exact.txt": "Tilgang til helsedata er viktig. Helsedata brukes i forskning.",
        "compound.txt": "Helsedataservice skal gi tilgang, og helsedataservicen er i gang.",
        "parts.txt": "Anskaffelser av innovasjon: offentlige anskaffelser kan fremme innovasjon.",
        "whole.txt": "Innovasjonsanskaffelser er et virkemiddel.",
        "other.txt": "Mandatet ble oppdatert. Tjenesten gir service til brukerne.",
    ]

    func files(_ query: String) throws -> [String] {
        try TestCorpus.withIndex(Self.files) { $0.rankedFiles(query) }
    }

    @Test("helsedata finds Helsedataservice, ranked below the word itself")
    func partFindsCompound() throws {
        #expect(try files("helsedata") == ["exact.txt", "compound.txt"])
    }

    @Test("anskaffelser finds innovasjonsanskaffelser; the compound finds its parts apart")
    func bothDirections() throws {
        #expect(try files("anskaffelser") == ["parts.txt", "whole.txt"])
        #expect(try files("innovasjonsanskaffelser") == ["whole.txt", "parts.txt"])
    }

    @Test("a compound finds its head alone and the compounds with its head, below itself; not those of its modifier")
    func siblingCompounds() throws {
        let files = [
            "compound.txt": "Helseklyngen samler bedrifter.",
            "head.txt": "Klyngen har mange medlemmer.",
            "sibling.txt": "Næringsklyngen vokser raskt.",
            "modifier.txt": "Helsetjenesten er under press.",
            "other.txt": "Helse og næring er viktige tema.",
        ]
        let found = try TestCorpus.withIndex(files) { $0.rankedFiles("helseklyngen") }
        #expect(found.first == "compound.txt")
        #expect(Set(found.dropFirst()) == ["head.txt", "sibling.txt"])
    }

    @Test("a part does not match words that merely contain its letters")
    func precision() throws {
        #expect(!(try files("data")).contains("other.txt"))
        #expect(!(try files("dat")).contains("other.txt"))
    }
}

@Suite("Acronyms learned from the corpus")
struct AcronymSearchTests {
    static let files = [
        "defines.txt": "Rådet møtte Kommunenes samarbeidsarena for forskning (KSF) i mars.",
        "acronym.txt": "KSF la fram sin plan for neste år.",
        "name.txt": "Kommunenes samarbeidsarena for forskning har fått nye midler.",
        "other.txt": "Kommunene har samarbeid om forskning på mange arenaer.",
    ]

    func files(_ query: String) throws -> [String] {
        try TestCorpus.withIndex(Self.files) { reader in
            #expect(reader.metadata.acronyms["ksf"] == ["Kommunenes samarbeidsarena for forskning"])
            return reader.rankedFiles(query)
        }
    }

    @Test("the acronym finds its spelled-out name, below the acronym itself")
    func acronymFindsName() throws {
        let ranked = try files("KSF")
        #expect(Set(ranked) == ["defines.txt", "acronym.txt", "name.txt"])
        #expect(ranked.last == "name.txt")
    }

    @Test("the name typed in full finds the acronym")
    func nameFindsAcronym() throws {
        #expect(try files("Kommunenes samarbeidsarena for forskning").contains("acronym.txt"))
    }

    @Test("a name of one word finds its acronym too, below the name itself")
    func oneWordNameFindsAcronym() throws {
        let files = [
            "defines.txt": "Rådet fikk en orientering om Leverandørutviklingsprogrammet (LUP) i mars.",
            "acronym.txt": "LUP la fram sin plan for neste år.",
            "other.txt": "Leverandører fikk en orientering om programmet.",
        ]
        let ranked = try TestCorpus.withIndex(files) { reader in
            #expect(reader.metadata.acronyms["lup"] == ["Leverandørutviklingsprogrammet"])
            return reader.rankedFiles("Leverandørutviklingsprogrammet")
        }
        #expect(ranked.first == "defines.txt" && ranked.contains("acronym.txt") && !ranked.contains("other.txt"))
    }
}

@Suite("Did you mean")
struct SuggestionTests {
    @Test("a misspelled word that finds nothing gets the closest widespread word, as the documents write it")
    func suggestsClosestWord() throws {
        let files = (1...4).reduce(into: [String: String]()) { $0["d\($1).txt"] = "Tilgang til Helsedataservice og helsedata, notat \($1)." }
        let corpus = try TestCorpus(files: files)
        defer { corpus.remove() }
        try corpus.build()
        let reader = try corpus.open()
        var texts = SectionTextSource(reader: reader, corpusPath: corpus.corpus)
        let service = SearchService(reader: reader)
        #expect(try service.search("helsedataservise", texts: &texts).suggestion == "helsedataservice")
        #expect(try service.search("tilgang Helsedtaservice", texts: &texts).suggestion == "tilgang Helsedataservice")
        #expect(try service.search("helsedata", texts: &texts).suggestion == nil)
        #expect(try service.search("qqqqqq", texts: &texts).suggestion == nil)
    }
}
