import Foundation

/// Query text in, contract response out: plans the query, ranks sections, builds snippets.
/// The CLI and the server both answer through it, so they cannot drift apart.
public struct SearchService: Sendable {
    public let reader: IndexReader
    public var planner: QueryPlanner
    public var searcher: Searcher
    public var snippets: SnippetBuilder

    public init(reader: IndexReader) {
        self.reader = reader
        self.planner = QueryPlanner()
        self.searcher = Searcher(reader: reader)
        self.snippets = SnippetBuilder()
    }

    public func search(_ text: String, limit: Int = 10, offset: Int = 0, texts: inout SectionTextSource) throws(IndexError) -> SearchResponse {
        let started = DispatchTime.now()
        let query = planner.plan(text, reader: reader)
        let ranked = searcher.search(query, limit: limit, offset: offset)
        let terms = query.allTerms
        var hits: [SearchHit] = []
        for hit in ranked.hits {
            let record = reader.sectionRecord(hit.sectionID)
            let snippet = snippets.snippet(of: try texts.text(of: record), terms: terms)
            let s = record.section
            hits.append(SearchHit(
                file: texts.fileID(record.fileIndex), lines: [s.firstLine, s.lastLine], caseID: s.caseID?.description,
                kind: s.kind.rawValue, title: s.title, meeting: s.meeting, date: s.date,
                score: (hit.score * 1000).rounded() / 1000, snippet: snippet.rendered(),
                snippetValue: snippet, sectionID: hit.sectionID, matchedWords: hit.matchedWords))
        }
        let tookMs = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
        return SearchResponse(query: text, total: ranked.total, tookMs: (tookMs * 1000).rounded() / 1000, hits: hits)
    }
}
