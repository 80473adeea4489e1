extension Searcher {
    /// Every section the query matches and its filter accepts, unranked and unordered: what facet
    /// counts are made of. It costs one pass over the query's postings, without ranking, proximity
    /// or snippets.
    func matchingSections(_ query: Query, deadline: Deadline = .never) -> [Int] {
        let accepts = { [reader] (i: Int) in query.filter.isEmpty || query.filter.accepts(reader.facts(i)) }
        guard !query.clauses.isEmpty else {
            return query.filter.isEmpty ? [] : (0..<reader.sectionCount).filter(accepts)
        }
        return scratch.withScratch { scores in
            defer { scores.reset() }
            accumulate(query, into: scores, deadline: deadline)
            let excluded = excludedSections(query, scores: scores)
            return scores.queryTouched.elements.compactMap { section in
                excluded.contains(section) || !accepts(Int(section)) ? nil : Int(section)
            }
        }
    }

    /// The sections that a `-word` or `-"phrase"` of the query leaves out.
    func excludedSections(_ query: Query, scores: ScoreScratch) -> Set<Int32> {
        query.excluded.reduce(into: Set<Int32>()) { $0.formUnion(clauseScorer(scores).sections($1)) }
    }
}
