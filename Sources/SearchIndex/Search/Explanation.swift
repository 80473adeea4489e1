/// Why a section scored what it did: each query clause's best matching term (or phrase) with its
/// BM25 contribution, for `--explain`.
public struct Explanation: Sendable {
    public struct Contribution: Sendable {
        /// The clause as written.
        public let word: String
        /// The index term that matched, or the phrase.
        public let term: String
        public let reason: WeightedTerm.Reason
        public let frequency: Int
        public let score: Double
    }

    /// What each part added, as it adds up: clause scores (and a decision's share of its case)
    /// already times `kindWeight`, then the proximity bonuses, which are not weighted.
    public let contributions: [Contribution]
    /// How much a match counts in this kind of section for this query (×0.85 in an attachment,
    /// more in a decision when a question asks for the council's view).
    public let kindWeight: Double

    /// The section's score: the sum of the contributions.
    public var score: Double { contributions.reduce(0) { $0 + $1.score } }
}

extension Explanation.Contribution {
    func scaled(by weight: Double) -> Self {
        weight == 1 ? self : .init(word: word, term: term, reason: reason, frequency: frequency, score: score * weight)
    }
}

extension Searcher {
    /// Recomputes, for one section, what each clause contributed, the same way `search` scores it,
    /// and what neighbouring query words found side by side added.
    public func explain(_ query: Query, section: Int) -> Explanation {
        let scorer = clauseScorer()
        let proximity = (self.proximity.bonuses(query, in: [Int32(section)])[Int32(section)] ?? []).map {
            Explanation.Contribution(word: "\"\($0.pair.written)\"", term: $0.pair.firstTerms,
                                     reason: .proximity, frequency: $0.frequency, score: $0.score)
        }
        let weight = Double(kindCodeWeights(query)[Int(reader.sectionKindCodes[section])])
        let perClause = query.clauses.map { ($0, explain($0, section: section, scorer: scorer)) }
        let inherited = inheritance(query, section: section)
        // Expansion words score only sections without a typed word (a decision holds its case's),
        // unless the query blends them.
        let typed = inherited?.typed == true || perClause.contains { query.ranksTier($0.0) && !$0.1.isEmpty }
        let counted = perClause.filter { !(typed && $0.0.isExpansion && !query.blendsExpansions) }.flatMap(\.1)
        let weighted = (counted + [inherited?.contribution].compactMap { $0 }).map { $0.scaled(by: weight) }
        return Explanation(contributions: weighted + proximity, kindWeight: weight)
    }

    /// What a decision inherits from the best section of its case, as `search` adds it, and
    /// whether that section holds a typed word.
    private func inheritance(_ query: Query, section: Int) -> (contribution: Explanation.Contribution, typed: Bool)? {
        let links = reader.decisionLinks
        let c = links.caseOrdinal(section)
        guard inheritedByDecisions > 0, query.asksForDecisions, c >= 0,
              links.decisions(ofCase: Int(c)).contains(Int32(section)) else { return nil }
        return scratch.withScratch { scores -> (contribution: Explanation.Contribution, typed: Bool)? in
            defer { scores.reset() }
            accumulate(query, into: scores, deadline: .never, expansions: false)
            let vedtak = SectionCodes.code(of: .vedtak)
            let best = links.bestOfEachCase(scores.queryTouched.elements, isDecision: { reader.sectionKindCodes[$0] == vedtak },
                                            rank: { (scores.matched[$0], scores.total[$0]) })
            guard let best = best[c] else { return nil }
            let record = reader.sectionRecord(Int(best.section))
            let place = "\(reader.metadata.files[record.fileIndex].id):\(record.section.firstLine)-\(record.section.lastLine)"
            let contribution = Explanation.Contribution(
                word: "its case \(record.section.caseID?.description ?? "")", term: place, reason: .inherited,
                frequency: 0, score: Double(best.score * inheritedByDecisions))
            return (contribution, best.matched >= 0x100)
        }
    }

    private func explain(_ clause: QueryClause, section: Int, scorer: ClauseScorer) -> [Explanation.Contribution] {
        switch clause {
        case .word(let word):
            return explain(word, section: section, scorer: scorer)
        case .phrase(let phrase):
            guard let frequency = PhraseMatcher(reader: reader).frequencies(of: phrase, only: [Int32(section)])[Int32(section)] else { return [] }
            let score = phrase.weight * scorer.phraseScore(frequency: frequency, section: section, idf: scorer.phraseIDF(phrase))
            return [.init(word: clause.written, term: phrase.firstTerms,
                          reason: phrase.reason, frequency: frequency, score: score)]
        case .anyOf(let clauses):
            return clauses.map { explain($0, section: section, scorer: scorer) }
                .max { $0.reduce(0) { $0 + $1.score } < $1.reduce(0) { $0 + $1.score } } ?? []
        case .allOf(let clauses):
            let parts = clauses.map { explain($0, section: section, scorer: scorer) }
            return parts.contains(where: \.isEmpty) ? [] : parts.flatMap { $0 }
        }
    }

    private func explain(_ word: QueryWord, section: Int, scorer: ClauseScorer) -> [Explanation.Contribution] {
        let n = reader.sectionCount
        let length = Int(reader.sectionLengths[section])
        var best: Explanation.Contribution?
        for term in word.terms {
            guard let frequency = frequency(of: term.termID, in: section) else { continue }
            let idf = bm25.idf(documentFrequency: reader.postingsInfo(term.termID).documentFrequency, sectionCount: n)
            let score = term.weight * bm25.score(frequency: frequency, length: length, averageLength: reader.averageSectionLength, idf: idf)
            if score > best?.score ?? 0 {
                best = .init(word: word.written, term: term.term, reason: term.reason, frequency: frequency, score: score)
            }
        }
        if !word.parts.isEmpty {
            let parts = word.parts.map { explain($0, section: section, scorer: scorer) }
            let share = word.partsWeight / Double(word.parts.count)
            let sum = parts.reduce(0) { $0 + ($1.first?.score ?? 0) } * share
            if !parts.contains(where: \.isEmpty), sum > best?.score ?? 0 {
                return parts.map { part in
                    let c = part[0]
                    return .init(word: word.written, term: c.term, reason: .part, frequency: c.frequency, score: c.score * share)
                }
            }
        }
        guard let best else { return [] }
        for term in word.titleTerms where frequency(of: term.termID, in: section) != nil {
            guard let body = word.terms.first(where: { $0.term == term.term }) else { continue }
            return [best, .init(word: word.written, term: term.term, reason: .title, frequency: 1,
                                score: scorer.titleScore(term, body: body, sectionCount: n))]
        }
        return [best]
    }

    private func frequency(of termID: Int, in section: Int) -> Int? {
        var found: Int?
        reader.withPostings(termID) { postings in
            postings.forEach { s, frequency in if s == section { found = frequency } }
        }
        return found
    }
}
