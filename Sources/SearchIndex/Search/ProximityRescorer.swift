/// Rewards the best-ranked sections for holding the query's words next to each other, in the
/// order typed: each pair of neighbouring query words found as a two-word phrase adds a share of
/// that phrase's BM25 score. Like Elasticsearch's phrase rescoring of a match query's top hits,
/// it changes the order among candidates, never which sections match, and costs what the top
/// of the list costs.
struct ProximityRescorer {
    let reader: IndexReader
    let bm25: BM25
    /// Share of a neighbouring pair's phrase score added.
    var weight = 0.2
    /// How many of the best candidates are rescored.
    var depth = 60

    func rescore(_ hits: [ScoredSection], query: Query) -> [ScoredSection] {
        let pairs = neighbourPairs(query)
        guard !pairs.isEmpty, hits.count > 1 else { return hits }
        let top = Array(hits.prefix(depth))
        let candidates = Set(top.map { Int32($0.sectionID) })
        let scorer = ClauseScorer(reader: reader, bm25: bm25, scratch: ScoreScratch(sectionCount: 0))
        var bonus: [Int: Double] = [:]
        for pair in pairs {
            let idf = scorer.phraseIDF(pair)
            for (section, frequency) in PhraseMatcher(reader: reader).frequencies(of: pair, only: candidates) {
                bonus[Int(section), default: 0] += weight * scorer.phraseScore(frequency: frequency, section: Int(section), idf: idf)
            }
        }
        guard !bonus.isEmpty else { return hits }
        let rescored = top.map { ScoredSection(sectionID: $0.sectionID, score: $0.score + (bonus[$0.sectionID] ?? 0), matchedWords: $0.matchedWords) }
            .sorted { a, b in
                if a.matchedWords != b.matchedWords { return a.matchedWords > b.matchedWords }
                if a.score != b.score { return a.score > b.score }
                return a.sectionID < b.sectionID
            }
        return rescored + hits.dropFirst(depth)
    }

    /// Neighbouring plain words of the query, as two-word phrases of their own spellings.
    private func neighbourPairs(_ query: Query) -> [QueryPhrase] {
        var pairs: [QueryPhrase] = []
        var previous: QueryWord?
        for clause in query.clauses {
            guard case .word(let word) = clause else { previous = nil; continue }
            let current = word.asPhraseWord
            if let left = previous, !left.terms.isEmpty, !current.terms.isEmpty {
                pairs.append(QueryPhrase(written: left.written + " " + current.written, words: [left, current]))
            }
            previous = current
        }
        return pairs
    }
}
