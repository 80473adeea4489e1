import Foundation

extension SearchService {
    /// How plain hits are ordered: by relevance (the ranking), or by date for "what is the latest
    /// on X" and "how did X start".
    public enum HitOrder: String, Sendable, CaseIterable {
        case relevance, newest, oldest

        /// The same order for plain hits as `order` is for cases.
        public init(_ order: CaseOrder) {
            switch order {
            case .relevance: self = .relevance
            case .date: self = .newest
            case .oldest: self = .oldest
            }
        }
    }

    /// Runs a planned query with its hits in `order`. By date, the matching sections (as many as a
    /// timeline ranks) are ordered by their date; undated sections follow, by their year, and those
    /// with neither come last; equal dates keep their rank order.
    ///
    /// By date only sections holding a typed word are listed when there are any: the sections that
    /// only feedback terms reach rank below all of those by relevance, but by date they would stand
    /// among them, and "KSF, newest first" must not open with a section without KSF.
    public func search(_ query: Query, order: HitOrder, limit: Int = 10, offset: Int = 0,
                       texts: inout SectionTextSource, deadline: Deadline = .never,
                       started: DispatchTime = .now()) throws -> SearchResponse {
        guard order != .relevance else {
            return try search(query, limit: limit, offset: offset, texts: &texts, deadline: deadline, started: started)
        }
        let ranked = searcher.search(query, limit: Self.timelineDepth, deadline: deadline)
        try reader.checkIntact()
        try deadline.check()
        let typed = ranked.hits.filter { $0.matchedWords > 0 }
        let found = typed.isEmpty ? ranked.hits : typed
        let total = typed.isEmpty ? ranked.total : typed.count
        // Dated sections first, by date; then those known only by year (an annual report), by year;
        // then the rest. A shown date never follows an empty one.
        let keyed = found.enumerated().map { rank, hit in
            let facts = reader.facts(hit.sectionID)
            let tier = facts.date != nil ? 0 : facts.year != nil ? 1 : 2
            return (hit: hit, rank: rank, tier: tier, key: facts.date ?? facts.year.map(String.init) ?? "")
        }
        let sorted = keyed.sorted { a, b in
            if a.tier != b.tier { return a.tier < b.tier }
            if a.key != b.key { return order == .newest ? a.key > b.key : a.key < b.key }
            return a.rank < b.rank
        }
        let terms = query.allTerms
        var hits: [SearchHit] = []
        for entry in sorted.dropFirst(offset).prefix(limit) {
            hits.append(try makeHit(entry.hit, terms: terms, texts: &texts, deadline: deadline))
        }
        var response = SearchResponse(query: query.text, total: total, tookMs: Self.milliseconds(since: started), hits: hits)
        response.suggestion = suggestion(for: query, total: total, texts: &texts)
        return response
    }
}
