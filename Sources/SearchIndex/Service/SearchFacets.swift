import CouncilDocuments

/// How many of a query's matching sections lie in each kind and each year: the counts a page shows
/// beside its results (all matches, not one page's), as "Vedtak (4)", "2023 (12)".
///
/// Each facet is counted with the query's other filters but not its own, so that with `år:2023`
/// chosen the other years still show what choosing them would give (Elasticsearch's post filter,
/// Algolia's disjunctive facets). Sections, like `total` (a decision inside its case counts apart),
/// or cases when the search lists cases.
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
    /// How many units pass all of the query's filters: the exact total, which a pruned search
    /// gives only as a lower bound. Not part of the JSON (the response's `total` is).
    public var matching = 0

    enum CodingKeys: String, CodingKey { case kinds, years }
}

extension SearchService {
    /// The facet counts of a planned query (`SearchFacets`): of sections, or with `perCase` of
    /// cases (`searchCases`' unit: a case counts once in each kind and year it matched in; text
    /// outside cases is no case and is not counted).
    public func facets(of query: Query, perCase: Bool = false, deadline: Deadline = .never) throws -> SearchFacets {
        var open = query
        open.filter.kinds = []
        open.filter.years = []
        let sections = searcher.matchingSections(open, deadline: deadline)
        try deadline.check()
        try reader.checkIntact()
        var kinds: [String: Set<Unit>] = [:]
        var years: [Int?: Set<Unit>] = [:]
        var matching: Set<Unit> = []
        for section in sections {
            let facts = reader.facts(section)
            let unit: Unit
            if perCase {
                guard let id = facts.caseID else { continue }
                unit = .case(id)
            } else {
                unit = .section(section)
            }
            let kindChosen = query.filter.kinds.isEmpty || query.filter.kinds.contains(facts.kind)
            let yearChosen = query.filter.years.isEmpty || facts.year.map(query.filter.years.contains) == true
            if yearChosen, kindChosen { matching.insert(unit) }
            if yearChosen { kinds[facts.kind.rawValue, default: []].insert(unit) }
            if kindChosen { years[facts.year, default: []].insert(unit) }
        }
        let kindCounts = kinds.map { ($0.key, $0.value.count) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        let yearCounts = years.map { ($0.key, $0.value.count) }.sorted { ($0.0 ?? .min) > ($1.0 ?? .min) }
        var facets = SearchFacets(kinds: kindCounts.map { .init(value: $0.0, count: $0.1) },
                                  years: yearCounts.map { .init(value: $0.0.map(String.init), count: $0.1) })
        facets.matching = matching.count
        return facets
    }

    /// What a facet counts: a section, or a case.
    private enum Unit: Hashable {
        case section(Int)
        case `case`(CaseID)
    }
}
