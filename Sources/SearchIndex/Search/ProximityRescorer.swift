/// Rewards the best-ranked sections for holding the query's words next to each other, in the
/// order typed: each pair of neighbouring query words found as a two-word phrase adds a share of
/// that phrase's BM25 score. Like Elasticsearch's phrase rescoring of a match query's top hits,
/// it changes the order among candidates, never which sections match, and costs what the top
/// of the list costs: `PositionSkips` let a common word's positions be read for these
/// sections alone.
struct ProximityRescorer {
    let scorer: ClauseScorer
    /// Share of a neighbouring pair's phrase score added.
    var weight = 0.2
    /// How many of the best candidates are rescored: a fixed number, so that a page's contents
    /// do not depend on the page size asked for.
    var depth = 50

    /// One neighbouring pair found in a section, and what it adds.
    struct Bonus {
        let pair: QueryPhrase
        let frequency: Int
        let score: Double
    }

    func rescore(_ hits: [ScoredSection], query: Query) -> [ScoredSection] {
        guard hits.count > 1 else { return hits }
        let top = Array(hits.prefix(depth))
        let bonuses = self.bonuses(query, in: Set(top.map { Int32($0.sectionID) }))
        guard !bonuses.isEmpty else { return hits }
        let rescored = top.map { hit in
            let bonus = bonuses[Int32(hit.sectionID)]?.reduce(0) { $0 + $1.score } ?? 0
            return ScoredSection(sectionID: hit.sectionID, score: hit.score + bonus, matchedWords: hit.matchedWords)
        }
        .sorted(by: ScoredSection.isBetter)
        return rescored + hits.dropFirst(depth)
    }

    /// The pairs each of `sections` holds, for ranking and for `--explain`.
    func bonuses(_ query: Query, in sections: Set<Int32>) -> [Int32: [Bonus]] {
        let pairs = neighbourPairs(query)
        guard !pairs.isEmpty, !sections.isEmpty else { return [:] }
        var result: [Int32: [Bonus]] = [:]
        for pair in pairs {
            let idf = scorer.phraseIDF(pair)
            for (section, frequency) in PhraseMatcher(reader: scorer.reader).frequencies(of: pair, only: sections) {
                let score = weight * scorer.phraseScore(frequency: frequency, section: Int(section), idf: idf)
                result[section, default: []].append(Bonus(pair: pair, frequency: frequency, score: score))
            }
        }
        return result
    }

    /// Neighbouring plain words of the query, as two-word phrases of their own spellings.
    private func neighbourPairs(_ query: Query) -> [QueryPhrase] {
        var pairs: [QueryPhrase] = []
        var previous: QueryWord?
        for clause in query.clauses {
            guard case .word(let word) = clause, !word.isExpansion else { previous = nil; continue }
            let current = word.asPhraseWord
            if let left = previous, !left.terms.isEmpty, !current.terms.isEmpty {
                pairs.append(QueryPhrase(written: left.written + " " + current.written, words: [left, current]))
            }
            previous = current
        }
        return pairs
    }
}
