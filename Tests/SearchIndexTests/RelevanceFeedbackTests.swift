import Testing
@testable import SearchIndex
import NorwegianText

@Suite("Pseudo-relevance feedback finds what uses other words than the query")
struct RelevanceFeedbackTests {
    /// Two sections name the topic with the words the others use for it.
    let files = [
        "a.txt": "Personvern og taushetsplikt ved deling av personsensitive helseopplysninger i forskning.",
        "b.txt": "Personvern krever dataminimering, taushetsplikt og sikker behandling av personsensitive data.",
        "c.txt": "Endringer i reglene om taushetsplikt for personsensitive opplysninger i helseregistre.",
        "d.txt": "Arendalsuka 2023: rådet arrangerte to debatter om bærekraftig helsetjeneste og samhandling.",
        "e.txt": "Budsjettet for kommunikasjon og arrangementer ble lagt fram for rådet i møtet.",
    ]

    func ranked(_ reader: IndexReader, _ text: String, _ widening: SearchService.Widening) throws -> [String] {
        var service = SearchService(reader: reader)
        service.widening = widening
        var texts = SectionTextSource(reader: reader)
        return try service.search(text, limit: 10, texts: &texts).hits.map(\.file)
    }

    @Test("a section without the typed word but with the words the best sections share is found, below them")
    func findsOtherWords() throws {
        let corpus = try TestCorpus(files: files)
        defer { corpus.remove() }
        try corpus.build()
        let reader = try corpus.open()
        let typed = try ranked(reader, "personvern", .none)
        #expect(Set(typed) == ["a.txt", "b.txt"])
        let widened = try ranked(reader, "personvern", .feedback)
        #expect(Array(widened.prefix(2)) == typed, "the sections with the typed word keep their order, first")
        #expect(widened.dropFirst(2).first == "c.txt")
        #expect(!widened.contains("d.txt"))
    }

    @Test("the added terms are content words of the best sections, weighted below the typed word, shown as feedback")
    func addedTerms() throws {
        try TestCorpus.withIndex(files) { reader in
            var texts = SectionTextSource(reader: reader)
            let query = try SearchService(reader: reader).plan("personvern", texts: &texts)
            let added = query.clauses.filter(\.isExpansion).flatMap(\.words).flatMap(\.terms)
            #expect(!added.isEmpty && added.count <= RelevanceFeedback().terms)
            #expect(added.allSatisfy { $0.reason == .feedback && $0.weight < 1 && $0.weight > 0 })
            #expect(added.contains { $0.term.hasPrefix("taushetsplikt") })
            #expect(!added.contains { ["og", "av", "i", "ved"].contains($0.term) })
            #expect(!added.contains { $0.term.hasPrefix("personvern") }, "the typed word is not added again")
        }
    }

    @Test("a query naming a case, or of filters alone, is not widened")
    func notWidened() throws {
        try TestCorpus.withIndex(files) { reader in
            var texts = SectionTextSource(reader: reader)
            let service = SearchService(reader: reader)
            let named = try service.plan("sak 8/1/2025 personvern", texts: &texts)
            #expect(named.clauses.allSatisfy { !$0.isExpansion })
            let filtersAlone = try service.plan("år:2023", texts: &texts)
            #expect(filtersAlone.clauses.isEmpty)
        }
    }
}

@Suite("The relevance model is Anserini's RM3, read from running text rather than lists of names")
struct RelevanceModelTests {
    /// Twelve sections, so that a term in more than a tenth of them and in more than the ten the
    /// model reads is a function word of the index.
    static let files: [String: String] = {
        var files: [String: String] = [:]
        for i in 0..<12 { files["f\(i).txt"] = "Arkivet nummer \(i) beskriver rutiner for arkivering." }
        files["f0.txt"]! += " Personvern og taushetsplikt gjelder."
        return files
    }()

    @Test("a term that most sections hold is not taken from the best sections")
    func commonTermsLeftOut() throws {
        try TestCorpus.withIndex(Self.files) { reader in
            let top = [RelevanceFeedback.Evidence(text: Self.files["f0.txt"]!, score: 2)]
            let model = RelevanceFeedback().feedbackModel(top[...], excluding: [], reader: reader).map(\.term)
            #expect(model.contains { $0.hasPrefix("taushetsplikt") })
            #expect(!model.contains { $0.hasPrefix("arkiv") || $0.hasPrefix("rutin") }, "in all twelve sections")
        }
    }

    @Test("a section of names weighs less than one of running text with the same score")
    func namesWeighLess() throws {
        let prose = "Rådet drøftet taushetsplikt og dataminimering i forskning på helsedata."
        let names = "Deltakere: Kari Nordmann, Helsedirektoratet. Ola Hansen, Datatilsynet. Per Berg, Sintef."
        try TestCorpus.withIndex(["a.txt": prose, "b.txt": names, "c.txt": "Budsjettet ble lagt fram."]) { reader in
            let top = [RelevanceFeedback.Evidence(text: names, score: 1), .init(text: prose, score: 1)]
            let model = RelevanceFeedback().feedbackModel(top[...], excluding: [], reader: reader)
            let fromNames = Set(RelevanceFeedback().analyzer.analyze(names).map(\.text))
            let proseWeights = model.filter { !fromNames.contains($0.term) }.map(\.probability)
            let nameWeights = model.filter { fromNames.contains($0.term) }.map(\.probability)
            #expect(proseWeights.count >= 4 && !nameWeights.isEmpty)
            // Weighed alike, a word of the prose (one of six) would have 1.7 times a name's weight
            // (one of ten); the names' share of the list takes it past twice.
            #expect((proseWeights.min() ?? 0) > 2 * (nameWeights.max() ?? 1))
        }
    }
}

@Suite("How much of a text is names")
struct NameShareTests {
    @Test("running text is mostly not names, and a sentence's first word is never one")
    func prose() {
        let share = NameShare.of("Rådet ønsker ikke å gå inn i detaljer. Helsedirektoratet har fått oppdraget fra HOD.")
        #expect(share < 0.1)
        #expect(NameShare.of("Møtet. Rådet? Saken: Vedtak") == 0)
    }

    @Test("an attendance list is mostly names")
    func attendance() {
        #expect(NameShare.of("""
            Helene Brandstorp, Helsedirektoratet
            Sveinung Tornås, Direktoratet for e-helse
            Knut Inge Klepp, Folkehelseinstituttet
            """) > 0.5)
    }

    @Test("no words, no names")
    func empty() {
        #expect(NameShare.of("") == 0)
        #expect(NameShare.of("12, 13 – 14.") == 0)
    }
}

@Suite("Synonyms from a thesaurus, below the typed words")
struct SynonymExpansionTests {
    @Test("a typed word gains its synonyms that the index holds, as an expansion that never outranks it")
    func synonyms() throws {
        let files = [
            "a.txt": "Fastlegen møtte pasienten.",
            "b.txt": "Allmennlegen og doktoren møtte pasienten.",
            "c.txt": "Budsjettet ble lagt fram.",
        ]
        try TestCorpus.withIndex(files) { reader in
            var planner = QueryPlanner()
            planner.thesaurus = Thesaurus(synonyms: [NorwegianStemFilter().stem("fastlege"): ["allmennlege", "tannlege"]])
            planner.synonymWeight = 0.3
            let query = planner.plan("fastlegene", reader: reader)
            let added = query.clauses.filter(\.isExpansion).flatMap(\.words).flatMap(\.terms)
            #expect(added.map(\.reason) == [.synonym])
            #expect(added.map(\.weight) == [0.3], "tannlege is not in the index")
            let hits = Searcher(reader: reader).search(query, limit: 10).hits.map { reader.fileID(ofSection: $0.sectionID) }
            #expect(hits == ["a.txt", "b.txt"])
            #expect(QueryPlanner().plan("fastlegene", reader: reader).clauses.allSatisfy { !$0.isExpansion },
                    "off by default")
        }
    }
}
