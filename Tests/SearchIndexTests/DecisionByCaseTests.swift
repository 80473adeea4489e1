import Testing
@testable import SearchIndex

@Suite("A decision is found by what its case is about, when the query asks for decisions")
struct DecisionByCaseTests {
    /// The decision says only what the council resolved; the case's words are in its presentation,
    /// another document of the same case.
    let files = [
        "fremlegg.txt": """
            Saksfremlegg møte 5/2023

            Sak 49/5/2023 Et kunnskapsløft for kommunene
            KS orienterer om KSF og piloten. Evalueringen av KSF er god.

            Sak 50/5/2023 Orienteringer
            Sekretariatet orienterer om arbeidet med helsedata.
            """,
        "referat.txt": """
            Referat fra møte 5/2023

            Sak 49/5/2023 Et kunnskapsløft for kommunene

            Vedtak: Rådet tar presentasjonene til orientering og ber sekretariatet følge opp saken.

            Sak 50/5/2023 Orienteringer

            Vedtak: Rådet tar orienteringen til etterretning.
            """,
    ]

    func decisionCases(_ reader: IndexReader, _ text: String) -> [String] {
        Searcher(reader: reader).search(reader.plan(text), limit: 10).hits.compactMap { hit in
            let record = reader.sectionRecord(hit.sectionID)
            return record.section.kind == .vedtak ? record.section.caseID?.description : nil
        }
    }

    @Test("type:vedtak reaches the decision of the case that discusses the word, and no other decision")
    func filterToDecisions() throws {
        try TestCorpus.withIndex(files) { reader in
            #expect(decisionCases(reader, "KSF type:vedtak") == ["49/5/2023"])
        }
    }

    @Test("a question about the council's view reaches the decision too; a plain query does not gain it")
    func questionFrame() throws {
        try TestCorpus.withIndex(files) { reader in
            #expect(decisionCases(reader, "hva vedtok rådet om KSF") == ["49/5/2023"])
            #expect(decisionCases(reader, "KSF").isEmpty)
        }
    }

    @Test("a decision that holds its case's words by inheritance gains nothing from expansion words")
    func inheritedWordsKeepExpansionsOut() throws {
        try TestCorpus.withIndex(files) { reader in
            let searcher = Searcher(reader: reader)
            let question = reader.plan("hva vedtok rådet om KSF")
            var widened = question
            // An added word that the decision's own text holds ("til orientering").
            let term = try #require(reader.termID("orientering"))
            let weighted = WeightedTerm(term: "orientering", termID: term, weight: 0.5, reason: .feedback)
            var added = QueryWord(written: "orientering", terms: [weighted])
            added.isExpansion = true
            widened.clauses.append(.word(added))
            func decisionScore(_ query: Query) -> Double? {
                searcher.search(query, limit: 10).hits
                    .first { reader.sectionRecord($0.sectionID).section.kind == .vedtak }?.score
            }
            let plain = try #require(decisionScore(question))
            #expect(decisionScore(widened) == plain)
            let decision = try #require(searcher.search(widened, limit: 10).hits.first {
                reader.sectionRecord($0.sectionID).section.kind == .vedtak
            })
            #expect(abs(searcher.explain(widened, section: decision.sectionID).score - plain) <= 0.001 * plain)
        }
    }

    @Test("the decision ranks below the section that holds the words")
    func inheritsLess() throws {
        try TestCorpus.withIndex(files) { reader in
            let hits = Searcher(reader: reader).search(reader.plan("hva vedtok rådet om KSF"), limit: 10).hits
            let kinds = hits.map { reader.sectionRecord($0.sectionID).section.kind }
            #expect(kinds.first == .saksfremlegg)
            #expect(kinds.contains(.vedtak))
        }
    }
}

@Suite("--explain adds up to the score")
struct ExplanationSumTests {
    static let corpus = Result { try TestIndex.ofRepositoryCorpus() }

    @Test("every contribution printed sums to the hit's score, kind weights, inheritance and proximity included",
          arguments: ["helsedata", "kunstig intelligens", "KSF", "KSF type:vedtak", "hva vedtok rådet om arrangementer",
                      "\"nasjonal helse- og samhandlingsplan\"", "horingssvar OR innspill", "livsvitenskap",
                      "Arendalsuka 2023", "Forskningsradet tildelingsbrev",
                      "hva mener rådet om helsetjenesten"])
    func sums(query text: String) throws {
        let index = try Self.corpus.get()
        let reader = index.reader
        var texts = index.texts()
        for widening in SearchService.Widening.allCases {
            var service = SearchService(reader: reader)
            service.widening = widening
            try expectSums(service.plan(text, texts: &texts), searcher: service.searcher, reader: reader)
        }
    }

    func expectSums(_ query: Query, searcher: Searcher, reader: IndexReader) {
        let text = query.text
        let hits = searcher.search(query, limit: 10).hits
        #expect(!hits.isEmpty)
        for hit in hits {
            let explained = searcher.explain(query, section: hit.sectionID)
            #expect(abs(explained.score - hit.score) <= 0.001 * max(1, hit.score),
                    "\(text): section \(hit.sectionID) scored \(hit.score), explained \(explained.score)")
        }
    }

    @Test("an attachment's weight is shown and applied")
    func kindWeightShown() throws {
        let reader = try Self.corpus.get().reader
        let searcher = Searcher(reader: reader)
        let query = reader.plan("helsedata")
        let attachment = try #require(searcher.search(query, limit: 50).hits.first {
            reader.sectionRecord($0.sectionID).section.kind == .vedlegg
        })
        #expect(searcher.explain(query, section: attachment.sectionID).kindWeight == Double(Float(0.85)))
    }
}
