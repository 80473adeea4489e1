import NorwegianText

/// Pseudo-relevance feedback by RM3: the terms that the best-ranked sections share, weighted by
/// how much of each section they make up and how well the section ranked (Lavrenko and Croft's
/// relevance model, RM1), interpolated with the query as typed. Relevant text uses other words
/// than the query ("personvern" is answered by passages on taushetsplikt and personsensitive
/// data); the best sections for the typed words name those words.
///
/// The parameters are Anserini's RM3 defaults (`-rm3.fbDocs 10 -rm3.fbTerms 10
/// -rm3.originalQueryWeight 0.5`, as in Lucene's and Anserini's regression runs), not tuned here,
/// and each section's vector is made as Anserini's `Rm3Reranker` makes it: terms in more than a
/// tenth of all sections left out (its stop-word rule, castorini/anserini#289), then cut to the
/// section's `terms` most frequent and weighed by their share of what is left. Without the cut, a
/// list of names (each name once) gives every name its share, and the names of the one list that
/// ranked first outweigh the words that the other sections repeat. A section also counts by the
/// share of it that is running text rather than names (`NameShare`): an attendance list ranks
/// high for a word it names once, and says nothing of what the topic's sections talk about.
/// Added terms do not raise a section's tier (how many typed words it holds): they reorder
/// within a tier and bring in sections below every section with a typed word.
public struct RelevanceFeedback: Sendable {
    /// How many of the best sections the model is taken from.
    public var documents = 10
    /// How many terms are added.
    public var terms = 10
    /// The query's share of the interpolated model; the rest is the feedback terms'.
    public var originalQueryWeight = 0.5
    /// Terms shorter than this are not added (inflection stubs, initials).
    public var minimumTermLength = 3
    /// Terms in a larger share of the sections (Anserini's 0.1), and in more sections than the
    /// model reads, are not taken from a section: they are the index's function words.
    public var maximumSectionShare = 0.1
    /// The chain the sections' text is analyzed with: the one that indexed it.
    public let analyzer: Analyzer
    /// Function words as the chain makes them ("hvilke" → "hvilk"): never added. Made once, not
    /// per query.
    let functionTerms: Set<String>

    public init(analyzer: Analyzer = .norwegian) {
        self.analyzer = analyzer
        functionTerms = Set(NorwegianStopWords.snowball.flatMap { analyzer.analyze($0).map(\.text) })
    }

    /// One section of the first ranking: its text and its score.
    public struct Evidence {
        public let text: String
        public let score: Double

        public init(text: String, score: Double) {
            self.text = text
            self.score = score
        }
    }

    /// `query` with the feedback terms from `top` (best first) added as clauses of their own.
    public func expand(_ query: Query, top: [Evidence], reader: IndexReader) -> Query {
        let excluded = functionTerms.union(query.words.flatMap { $0.terms.map(\.term) })
        let model = feedbackModel(top.prefix(documents), excluding: excluded, reader: reader)
        guard !model.isEmpty else { return query }
        // The query's terms weigh `originalQueryWeight / |q|` each and the feedback terms
        // `(1 - originalQueryWeight) × p(t)`; scaled so a typed word keeps weight 1.
        let typed = Double(max(1, query.clauses.filter { !$0.isExpansion }.count))
        let scale = (1 - originalQueryWeight) / originalQueryWeight * typed
        var expanded = query
        for (term, probability) in model {
            guard let id = reader.termID(term) else { continue }
            var word = QueryWord(written: term, terms: [WeightedTerm(term: term, termID: id, weight: probability * scale,
                                                                     reason: .feedback)])
            word.isExpansion = true
            expanded.clauses.append(.word(word))
        }
        return expanded
    }

    /// The `terms` likeliest terms of the relevance model, normalised to sum to 1, likeliest
    /// first (ties by term, so the model is the same on every run).
    func feedbackModel(_ top: ArraySlice<Evidence>, excluding: Set<String>,
                       reader: IndexReader) -> [(term: String, probability: Double)] {
        // A section counts by its score and by how much of it is running text (`NameShare`).
        let evidence = top.map { max(0, $0.score) * (1 - NameShare.of($0.text)) }
        let total = evidence.reduce(0, +)
        guard total > 0 else { return [] }
        var weights: [String: Double] = [:]
        // A term in no more sections than the model reads may be just what they share, however
        // small the index.
        let common = max(Int(maximumSectionShare * Double(reader.sectionCount)), documents)
        for (section, weight) in zip(top, evidence) where weight > 0 {
            var counts: [String: Int] = [:]
            for token in analyzer.analyze(section.text) where !token.flags.contains(.synonym) {
                counts[token.text, default: 0] += 1
            }
            let vector = counts.filter { term, _ in
                guard isCandidate(term, excluding: excluding), let id = reader.termID(term) else { return false }
                return reader.postingsInfo(id).documentFrequency <= common
            }.sorted(by: Self.likelierFirst).prefix(terms)
            let norm = vector.reduce(0) { $0 + $1.value }
            guard norm > 0 else { continue }
            let relevance = weight / total
            for (term, count) in vector {
                weights[term, default: 0] += relevance * Double(count) / Double(norm)
            }
        }
        let chosen = weights.sorted(by: Self.likelierFirst).prefix(terms)
        let sum = chosen.reduce(0) { $0 + $1.value }
        return chosen.map { ($0.key, $0.value / sum) }
    }

    /// The larger weight first, ties by term, so that every run cuts alike.
    static func likelierFirst<W: Comparable>(_ a: (key: String, value: W), _ b: (key: String, value: W)) -> Bool {
        a.value != b.value ? a.value > b.value : a.key < b.key
    }

    /// A term worth adding: a content word, not a number, not one the query has.
    func isCandidate(_ term: String, excluding: Set<String>) -> Bool {
        term.unicodeScalars.count >= minimumTermLength && !excluding.contains(term)
            && term.unicodeScalars.contains(where: { $0.properties.isAlphabetic })
            && !term.unicodeScalars.contains(where: { $0.properties.numericType != nil })
    }
}
