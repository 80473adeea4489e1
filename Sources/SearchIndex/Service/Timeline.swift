import CouncilDocuments
import Foundation

/// "Every earlier case on X", as a timeline: the matching cases grouped by year and meeting, each
/// with its title, date, the kinds that matched and its decision; text outside cases tied to the
/// cases it cites, or listed under its document's year as a mention.
public struct TimelineResponse: Encodable, Sendable {
    public struct Year: Encodable, Sendable {
        public let year: Int
        public let cases: Int
        public let mentions: Int
    }

    public struct Meeting: Encodable, Sendable {
        public let meeting: String
        public let year: Int
        public let date: String?
        public let cases: [TimelineCase]

        enum CodingKeys: String, CodingKey { case meeting, year, date, cases }

        /// Unknown values are null, as everywhere in the JSON contract, not left out.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(meeting, forKey: .meeting)
            try c.encode(year, forKey: .year)
            try c.encode(date, forKey: .date)
            try c.encode(cases, forKey: .cases)
        }
    }

    public let query: String
    public let tookMs: Double
    /// Counts per year, oldest first, for a histogram.
    public let years: [Year]
    public let meetings: [Meeting]
    /// Text outside cases that cites no case in the timeline, by its document's year.
    public let mentions: [TimelineMention]
}

public struct TimelineCase: Encodable, Sendable {
    public let caseID: String
    public let title: String?
    /// The title as written, when `title` is its repaired spelling.
    public let titleAsWritten: String?
    public let date: String?
    public let kinds: [String]
    public let decision: CaseDecision?
    /// Text outside cases (reports, attachments) that cites this case and matched the query.
    public let mentions: [TimelineMention]

    enum CodingKeys: String, CodingKey { case caseID = "case", title, titleAsWritten, date, kinds, decision, mentions }

    /// Unknown values are null (`titleAsWritten` is there only when it differs from `title`).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(caseID, forKey: .caseID)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(titleAsWritten, forKey: .titleAsWritten)
        try c.encode(date, forKey: .date)
        try c.encode(kinds, forKey: .kinds)
        try c.encode(decision, forKey: .decision)
        try c.encode(mentions, forKey: .mentions)
    }
}

public struct TimelineMention: Encodable, Sendable {
    public let file: String
    public let lines: [Int]
    public let year: Int?
    public let title: String?
    public let snippet: String

    enum CodingKeys: String, CodingKey { case file, lines, year, title, snippet }

    /// Unknown values are null, not left out.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(lines, forKey: .lines)
        try c.encode(year, forKey: .year)
        try c.encode(title, forKey: .title)
        try c.encode(snippet, forKey: .snippet)
    }
}

extension SearchService {
    /// How many matching sections a timeline looks at: every case a topic query can reasonably
    /// have in an archive of years.
    static let timelineDepth = 5000

    public func timeline(_ text: String, filter: SearchFilter = SearchFilter(), newestFirst: Bool = false,
                         texts: inout SectionTextSource, deadline: Deadline = .never) throws -> TimelineResponse {
        let started = DispatchTime.now()
        let query = try plan(text, filter: filter, texts: &texts, deadline: deadline)
        try deadline.check()
        let ranked = searcher.search(query, limit: Self.timelineDepth, deadline: deadline)
        try deadline.check()
        try reader.checkIntact()
        var kindsByCase: [CaseID: [String]] = [:]
        var caseOrder: [CaseID] = []
        var outside: [ScoredSection] = []
        for hit in ranked.hits {
            let facts = reader.facts(hit.sectionID)
            guard let id = facts.caseID else { outside.append(hit); continue }
            if kindsByCase[id] == nil { caseOrder.append(id) }
            let kind = facts.kind.rawValue
            if !(kindsByCase[id]?.contains(kind) ?? false) { kindsByCase[id, default: []].append(kind) }
        }
        let terms = query.allTerms
        var tied: [CaseID: [TimelineMention]] = [:]
        var loose: [TimelineMention] = []
        for hit in outside {
            try deadline.check()
            let record = reader.sectionRecord(hit.sectionID)
            let made = try makeHit(hit, terms: terms, texts: &texts, deadline: deadline)
            let mention = TimelineMention(file: made.file, lines: made.lines, year: record.section.year,
                                          title: record.section.title, snippet: made.snippet)
            let cited = record.section.references.filter { kindsByCase[$0] != nil }
            if cited.isEmpty { loose.append(mention) } else { for id in cited { tied[id, default: []].append(mention) } }
        }
        // Meetings are numbered in order within a year, so they order the undated ones too.
        let ordered = caseOrder.sorted { a, b in
            (a.year, a.meetingNumber, a.number) < (b.year, b.meetingNumber, b.number)
        }
        var meetings: [TimelineResponse.Meeting] = []
        for id in newestFirst ? ordered.reversed() : ordered {
            let sections = reader.sections(ofCase: id)
            let first = sections.first.map(reader.sectionRecord)
            let entry = TimelineCase(
                caseID: id.description, title: first?.section.title, titleAsWritten: first?.section.titleAsWritten,
                date: sections.lazy.compactMap { reader.facts($0).date }.first,
                kinds: kindsByCase[id] ?? [], decision: decisions.decision(of: id, texts: &texts),
                mentions: tied[id] ?? [])
            if meetings.last?.meeting == id.meeting {
                let last = meetings.removeLast()
                meetings.append(.init(meeting: last.meeting, year: last.year, date: last.date ?? entry.date, cases: last.cases + [entry]))
            } else {
                meetings.append(.init(meeting: id.meeting, year: id.year, date: entry.date, cases: [entry]))
            }
        }
        var caseCounts: [Int: Int] = [:]
        for id in ordered { caseCounts[id.year, default: 0] += 1 }
        var mentionCounts: [Int: Int] = [:]
        for mention in loose + tied.values.flatMap({ $0 }) { if let year = mention.year { mentionCounts[year, default: 0] += 1 } }
        let years = Set(caseCounts.keys).union(mentionCounts.keys).sorted().map {
            TimelineResponse.Year(year: $0, cases: caseCounts[$0] ?? 0, mentions: mentionCounts[$0] ?? 0)
        }
        let sortedLoose = loose.sorted { ($0.year ?? 0, $0.file, $0.lines[0]) < ($1.year ?? 0, $1.file, $1.lines[0]) }
        return TimelineResponse(query: text, tookMs: Self.milliseconds(since: started), years: newestFirst ? years.reversed() : years,
                                meetings: meetings, mentions: newestFirst ? sortedLoose.reversed() : sortedLoose)
    }
}
