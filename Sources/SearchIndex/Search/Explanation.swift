/// Why a section scored what it did: each query word's best matching term with its BM25
/// contribution, for `--explain`.
public struct Explanation: Sendable {
    public struct Contribution: Sendable {
        public let word: String
        public let term: String
        public let reason: WeightedTerm.Reason
        public let frequency: Int
        public let score: Double
    }

    public let contributions: [Contribution]
}

extension Searcher {
    /// Recomputes, for one section, what each query word contributed (the best of its terms, plus
    /// the title bonus), the same way `search` scores it.
    public func explain(_ query: Query, section: Int) -> Explanation {
        let n = reader.sectionCount
        let length = Int(reader.sectionLengths[section])
        var contributions: [Explanation.Contribution] = []
        for word in query.words {
            var best: Explanation.Contribution?
            for term in word.terms {
                guard let frequency = frequency(of: term.termID, in: section) else { continue }
                let idf = bm25.idf(documentFrequency: reader.postingsInfo(term.termID).documentFrequency, sectionCount: n)
                let score = term.weight * bm25.score(frequency: frequency, length: length, averageLength: reader.averageSectionLength, idf: idf)
                if score > best?.score ?? 0 {
                    best = .init(word: word.written, term: term.term, reason: term.reason, frequency: frequency, score: score)
                }
            }
            guard let best else { continue }
            contributions.append(best)
            for term in word.titleTerms where frequency(of: term.termID, in: section) != nil {
                guard let body = word.terms.first(where: { $0.term == term.term }) else { continue }
                let idf = bm25.idf(documentFrequency: reader.postingsInfo(body.termID).documentFrequency, sectionCount: n)
                contributions.append(.init(word: word.written, term: term.term, reason: .title, frequency: 1,
                                           score: term.weight * bm25.score(frequency: 1, length: 1, averageLength: 1, idf: idf)))
                break
            }
        }
        return Explanation(contributions: contributions)
    }

    private func frequency(of termID: Int, in section: Int) -> Int? {
        var found: Int?
        reader.withPostings(termID) { postings in
            postings.forEach { s, frequency in if s == section { found = frequency } }
        }
        return found
    }
}
