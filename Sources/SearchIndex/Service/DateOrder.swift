extension SearchService {
    /// How many of the best-ranked sections an order other than rank looks at (and how many
    /// sections `searchCases` groups): enough for every match of a council's corpus, bounded
    /// for a query that matches everything.
    static let orderedPool = 5000

    /// The query's matching sections newest first, as `search --sort date` lists them; the
    /// sections of one date keep their rank order, and undated sections come last.
    ///
    /// Only sections holding a typed word are listed when there are any: the sections that only
    /// feedback terms reach rank below all of those by relevance, but by date they would stand
    /// among them, and a list of "KSF, newest first" must not open with a section without KSF.
    func newestFirst(_ query: Query, limit: Int, offset: Int, deadline: Deadline) -> RankedResult {
        let ranked = searcher.search(query, limit: Self.orderedPool, deadline: deadline)
        let typed = ranked.hits.filter { $0.matchedWords > 0 }
        let found = typed.isEmpty ? ranked.hits : typed
        let dated = found.enumerated().map { rank, hit in (rank: rank, date: reader.facts(hit.sectionID).date, hit: hit) }
        let sorted = dated.sorted { a, b in
            switch (a.date, b.date) {
            case let (x?, y?) where x != y: x > y
            case (.some, nil): true
            case (nil, .some): false
            default: a.rank < b.rank
            }
        }
        let total = typed.isEmpty ? ranked.total : typed.count
        return RankedResult(total: total, hits: sorted.dropFirst(offset).prefix(limit).map(\.hit))
    }
}
