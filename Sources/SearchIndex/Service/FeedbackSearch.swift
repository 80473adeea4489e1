import Foundation

extension SearchService {
    /// How a query is widened by pseudo-relevance feedback (`RelevanceFeedback`) before ranking.
    public enum Widening: String, Sendable, CaseIterable {
        /// As typed.
        case none
        /// The feedback terms bring in sections that hold none of the typed words, ranked below
        /// every section that holds one: more of "every earlier case on X", the order of the
        /// sections with the typed words unchanged. The default (it helped both halves of the
        /// development set; blending did not).
        case feedback
        /// The feedback terms also score the sections with typed words: full RM3, for recall.
        case recall
    }

    /// Plans `text` and widens it as `widening` says.
    public func plan(_ text: String, filter: SearchFilter = SearchFilter(), texts: inout SectionTextSource,
                     deadline: Deadline = .never) throws -> Query {
        let query = try plan(text, filter: filter, deadline: deadline)
        try deadline.check()
        return try widened(query, texts: &texts, deadline: deadline)
    }

    /// `query` expanded by pseudo-relevance feedback as `widening` says: ranked once as typed,
    /// then with the terms its best sections share. A query with nothing to rank (filters alone),
    /// or naming cases by id, is left as it is.
    public func widened(_ query: Query, texts: inout SectionTextSource, deadline: Deadline = .never) throws -> Query {
        guard widening != .none, !query.clauses.isEmpty, query.cases.isEmpty else { return query }
        let first = searcher.search(query, limit: feedback.documents, deadline: deadline)
        try deadline.check()
        var top: [RelevanceFeedback.Evidence] = []
        for hit in first.hits {
            // A file changed since indexing gives no evidence; the others still do.
            guard let text = try? texts.text(of: reader.sectionRecord(hit.sectionID)) else { continue }
            top.append(.init(text: text, score: hit.score))
        }
        try deadline.check()
        var expanded = feedback.expand(query, top: top, reader: reader)
        expanded.blendsExpansions = widening == .recall
        return expanded
    }
}
