import CouncilDocuments

/// How many of a query's matching sections lie in each kind and each year: the counts a page shows
/// beside its results (all matches, not one page's), as "Vedtak (4)", "2023 (12)".
///
/// Each facet is counted with the query's other filters but not its own, so that with `år:2023`
/// chosen the other years still show what choosing them would give (Elasticsearch's post filter,
/// Algolia's disjunctive facets). Sections, like `total`: a decision inside its case counts apart.
public struct SearchFacets: Encodable, Sendable, Equatable {
    public struct Count: Encodable, Sendable, Equatable {
        /// A kind's name (`vedtak`), or a year; null for sections with no year.
        public let value: String?
        public let count: Int

        enum CodingKeys: String, CodingKey { case value, count }

        /// `value` is null, not left out, when unknown: the contract's rule.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(value, forKey: .value)
            try c.encode(count, forKey: .count)
        }
    }

    /// Most first, then by name.
    public let kinds: [Count]
    /// Newest first; sections with no year last.
    public let years: [Count]
}

extension SearchService {
    /// The facet counts of a planned query (`SearchFacets`).
    public func facets(of query: Query, deadline: Deadline = .never) throws -> SearchFacets {
        var open = query
        open.filter.kinds = []
        open.filter.years = []
        let sections = searcher.matchingSections(open, deadline: deadline)
        try deadline.check()
        var kinds: [String: Int] = [:]
        var years: [Int?: Int] = [:]
        for section in sections {
            let facts = reader.facts(section)
            let kindChosen = query.filter.kinds.isEmpty || query.filter.kinds.contains(facts.kind)
            let yearChosen = query.filter.years.isEmpty || facts.year.map(query.filter.years.contains) == true
            if yearChosen { kinds[facts.kind.rawValue, default: 0] += 1 }
            if kindChosen { years[facts.year, default: 0] += 1 }
        }
        let kindCounts = kinds.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let yearCounts = years.sorted { ($0.key ?? .min) > ($1.key ?? .min) }
        return SearchFacets(kinds: kindCounts.map { .init(value: $0.key, count: $0.value) },
                            years: yearCounts.map { .init(value: $0.key.map(String.init), count: $0.value) })
    }
}
