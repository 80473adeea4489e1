import CouncilDocuments
import Foundation

/// Query text in, contract response out: plans the query, ranks sections, builds snippets.
/// The CLI and the server both answer through it, so they cannot drift apart.
public struct SearchService: Sendable {
    public let reader: IndexReader
    public var planner: QueryPlanner
    public var searcher: Searcher
    public var snippets: SnippetBuilder
    /// Pseudo-relevance feedback, and how queries use it.
    public var feedback: RelevanceFeedback
    public var widening = Widening.feedback
    /// A query with fewer hits than this, or with a word the index lacks, gets a "did you mean"
    /// suggestion when one exists.
    public var suggestBelow = 3
    /// Who a hit's citation names.
    public var council = Citation.defaultCouncil
    let decisions: CaseDecisions
    let corpusDated: Set<CorpusDate>

    public init(reader: IndexReader) {
        self.reader = reader
        self.planner = QueryPlanner()
        self.searcher = Searcher(reader: reader)
        self.snippets = SnippetBuilder()
        self.feedback = RelevanceFeedback(analyzer: planner.analyzer)
        self.decisions = CaseDecisions(reader: reader)
        self.corpusDated = Set(reader.metadata.corpusDates)
    }

    /// A filter the query cannot satisfy as written: the message for the user.
    public struct QueryProblem: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Plans `text` with `filter` added to the filters written in it.
    public func plan(_ text: String, filter: SearchFilter = SearchFilter(),
                     deadline: Deadline = .never) throws(QueryProblem) -> Query {
        let query = planner.plan(text, reader: reader, filter: filter, deadline: deadline)
        if let problem = query.problems.first { throw QueryProblem(description: problem) }
        return query
    }

    /// - Parameter deadline: the request's time limit: past it the work stops with
    ///   `DeadlineExceeded` (checked between the steps and inside snippet building).
    public func search(_ text: String, filter: SearchFilter = SearchFilter(), limit: Int = 10, offset: Int = 0,
                       texts: inout SectionTextSource, deadline: Deadline = .never) throws -> SearchResponse {
        // The time reported counts planning too (fuzzy scans, feedback), as the user waits for it.
        let started = DispatchTime.now()
        let query = try plan(text, filter: filter, texts: &texts, deadline: deadline)
        return try search(query, limit: limit, offset: offset, texts: &texts, deadline: deadline, started: started)
    }

    /// Runs a query already planned (by `plan`), e.g. one the caller also explains.
    public func search(_ query: Query, limit: Int = 10, offset: Int = 0, texts: inout SectionTextSource,
                       deadline: Deadline = .never, started: DispatchTime = .now()) throws -> SearchResponse {
        let ranked = searcher.search(query, limit: limit, offset: offset, deadline: deadline)
        try deadline.check()
        try reader.checkIntact()
        let terms = query.allTerms
        var hits: [SearchHit] = []
        for hit in ranked.hits {
            hits.append(try makeHit(hit, terms: terms, texts: &texts, deadline: deadline))
        }
        var response = SearchResponse(query: query.text, total: ranked.total, tookMs: Self.milliseconds(since: started), hits: hits)
        response.totalIsLowerBound = ranked.totalIsLowerBound
        response.suggestion = suggestion(for: query, total: ranked.total, texts: &texts)
        // After the suggestion, which reads postings of its own.
        try reader.checkIntact()
        return response
    }

    /// "Did you mean", for a query with fewer than `suggestBelow` hits or a word the index lacks.
    func suggestion(for query: Query, total: Int, texts: inout SectionTextSource) -> String? {
        guard total < suggestBelow || query.words.contains(where: { $0.terms.isEmpty && $0.parts.isEmpty }) else { return nil }
        return Suggester(reader: reader, analyzer: planner.analyzer).suggestion(for: query, texts: &texts)
    }

    /// How `searchCases` orders cases.
    public enum CaseOrder: String, Sendable, CaseIterable {
        /// `date` is newest first.
        case relevance, date, oldest
    }

    /// Hits grouped by case, each case once: the answer to "every earlier case on X".
    public func searchCases(_ text: String, filter: SearchFilter = SearchFilter(), order: CaseOrder = .relevance, limit: Int = 10,
                            offset: Int = 0, texts: inout SectionTextSource,
                            deadline: Deadline = .never) throws -> CaseSearchResponse {
        let started = DispatchTime.now()
        let query = try plan(text, filter: filter, texts: &texts, deadline: deadline)
        return try searchCases(query, order: order, limit: limit, offset: offset, texts: &texts, deadline: deadline,
                               started: started)
    }

    /// `searchCases` of a query already planned (by `plan`), e.g. one whose facets are counted too.
    public func searchCases(_ query: Query, order: CaseOrder = .relevance, limit: Int = 10, offset: Int = 0,
                            texts: inout SectionTextSource, deadline: Deadline = .never,
                            started: DispatchTime = .now()) throws -> CaseSearchResponse {
        let ranked = searcher.search(query, limit: 5000, deadline: deadline)
        try deadline.check()
        try reader.checkIntact()
        var groups: [CaseID: [ScoredSection]] = [:]
        var firstSeen: [CaseID] = []
        for hit in ranked.hits {
            guard let id = reader.facts(hit.sectionID).caseID else { continue }
            if groups[id] == nil { firstSeen.append(id) }
            groups[id, default: []].append(hit)
        }
        var cases: [(id: CaseID, best: ScoredSection, date: String?)] = firstSeen.map { id in
            let sections = groups[id]!
            return (id, sections[0], sections.lazy.compactMap { reader.facts($0.sectionID).date }.first)
        }
        if order != .relevance {
            // Newest meeting first: meetings are numbered in order within a year, and many have
            // no date in the text.
            cases.sort { a, b in
                if (a.id.year, a.id.meetingNumber) != (b.id.year, b.id.meetingNumber) {
                    return (a.id.year, a.id.meetingNumber) > (b.id.year, b.id.meetingNumber)
                }
                return a.id.number > b.id.number
            }
            if order == .oldest { cases.reverse() }
        }
        let terms = query.allTerms
        var results: [CaseHit] = []
        for entry in cases.dropFirst(offset).prefix(limit) {
            let sections = groups[entry.id]!
            let best = try makeHit(entry.best, terms: terms, texts: &texts, deadline: deadline)
            var kinds: [String] = []
            for section in sections {
                let kind = reader.facts(section.sectionID).kind.rawValue
                if !kinds.contains(kind) { kinds.append(kind) }
            }
            results.append(CaseHit(
                caseID: entry.id.description, title: best.title, meeting: entry.id.meeting, date: entry.date, kinds: kinds,
                score: best.score, snippet: best.snippet, best: best,
                sections: sections.map { section in
                    let facts = reader.facts(section.sectionID)
                    return CaseHit.SectionRef(file: reader.metadata.files[facts.fileIndex].id,
                                              lines: [facts.lines.lowerBound, facts.lines.upperBound], kind: facts.kind.rawValue)
                },
                decision: decisions.decision(of: entry.id, texts: &texts),
                dateSource: entry.date == nil ? nil : best.dateSource ?? "package"))
        }
        return CaseSearchResponse(query: query.text, total: cases.count, tookMs: Self.milliseconds(since: started), cases: results)
    }

    func makeHit(_ hit: ScoredSection, terms: HighlightTerms, texts: inout SectionTextSource,
                 deadline: Deadline = .never) throws -> SearchHit {
        let record = reader.sectionRecord(hit.sectionID)
        let damaged = reader.metadata.files[record.fileIndex].damaged
        // A file deleted or changed since indexing costs its hit the snippet, not the whole answer.
        var snippet = Snippet(passages: [])
        var note: String?
        do {
            let text = try texts.text(of: record)
            let readings = self.readings(damaged: damaged)
            snippet = try snippets.snippet(of: text, terms: terms.typed, readings: readings, deadline: deadline)
            if !snippet.hasMatch, !terms.added.isEmpty {
                snippet = try snippets.snippet(of: text, terms: terms.added, readings: readings, deadline: deadline)
            }
        } catch let error as IndexError {
            note = error.description
        }
        let s = record.section
        let file = texts.fileID(record.fileIndex)
        let document = Citation.Document(reader: reader, fileIndex: record.fileIndex, file: file)
        let pages = texts.pages(of: record)
        let citation = Citation(council: council).text(section: s, in: document, lines: s.firstLine...s.lastLine,
                                                       pages: pages)
        var made = SearchHit(
            file: file, lines: [s.firstLine, s.lastLine], caseID: s.caseID?.description,
            kind: s.kind.rawValue, title: s.title, titleAsWritten: s.titleAsWritten, meeting: s.meeting, date: s.date,
            dateSource: dateSource(of: record), score: (hit.score * 1000).rounded() / 1000,
            snippet: snippet.rendered(), citation: citation, note: note,
            snippetValue: snippet, sectionID: hit.sectionID, matchedWords: hit.matchedWords)
        made.pages = pages
        return made
    }

    /// `package` when the file dates the section itself, `corpus` when the date came from another
    /// document (`IndexMetadata.corpusDates`), nil when undated.
    func dateSource(of record: SectionRecord) -> String? {
        guard record.section.date != nil else { return nil }
        guard let meeting = record.section.caseID?.meeting,
              corpusDated.contains(CorpusDate(meeting: meeting, file: record.fileIndex)) else { return "package" }
        return "corpus"
    }

    static func milliseconds(since started: DispatchTime) -> Double {
        let ms = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
        return (ms * 1000).rounded() / 1000
    }
}
