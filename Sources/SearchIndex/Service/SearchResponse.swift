/// The JSON answer of `radsok search --json` and of the server's `/api/search`, exactly as
/// README.md's *JSON* says: unknown values are `null`, never left out.
public struct SearchResponse: Encodable, Sendable {
    public let query: String
    public var total: Int
    public let tookMs: Double
    public let hits: [SearchHit]
    /// Whether `total` is a lower bound: a top-k query passes over sections that match but cannot
    /// reach the page asked for (block-max pruning), and does not count them.
    public var totalIsLowerBound = false
    /// A better query when this one found little ("did you mean"); left out when there is none.
    public var suggestion: String?

    enum CodingKeys: String, CodingKey { case query, total, totalIsLowerBound, tookMs, hits, suggestion }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(query, forKey: .query)
        try c.encode(total, forKey: .total)
        try c.encode(totalIsLowerBound, forKey: .totalIsLowerBound)
        try c.encode(tookMs, forKey: .tookMs)
        try c.encode(hits, forKey: .hits)
        try c.encodeIfPresent(suggestion, forKey: .suggestion)
    }
}

public struct SearchHit: Encodable, Sendable {
    /// Path relative to the corpus folder.
    public let file: String
    /// 1-based inclusive line range of the section.
    public let lines: [Int]
    public let caseID: String?
    public let kind: String
    public let title: String?
    /// The title as an OCR-damaged document writes it, when `title` shows it repaired.
    public var titleAsWritten: String? = nil
    public let meeting: String?
    public let date: String?
    /// Where the date came from: `package` (the file itself), `corpus` (another document names the
    /// meeting's date), nil when there is no date.
    public var dateSource: String? = nil
    public let score: Double
    /// With matches between « and ».
    public let snippet: String
    /// A reference to paste beside quoted text: "HO21-rådet, referat fra møte 5/2023 (27. november
    /// 2023), sak 52/5/2023".
    public var citation: String? = nil
    /// The pages of a PDF the section stands on: `"page": 12` or `"pages": [12, 13]`; left out
    /// for a document without pages.
    public var pages: ClosedRange<Int>? = nil
    /// Why the snippet is empty: the file changed or went after the index was built. Left out
    /// of the JSON when there is none.
    public var note: String? = nil

    /// Kept for terminal output, not encoded.
    public let snippetValue: Snippet
    public let sectionID: Int
    public let matchedWords: Int

    enum CodingKeys: String, CodingKey {
        case file, lines, page, pages, caseID = "case", kind, title, titleAsWritten, meeting, date, dateSource, score
        case snippet, citation, note
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(lines, forKey: .lines)
        try c.encodePages(pages, page: .page, pages: .pages)
        try c.encode(caseID, forKey: .caseID)
        try c.encode(kind, forKey: .kind)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(titleAsWritten, forKey: .titleAsWritten)
        try c.encode(meeting, forKey: .meeting)
        try c.encode(date, forKey: .date)
        try c.encode(dateSource, forKey: .dateSource)
        try c.encode(score, forKey: .score)
        try c.encode(snippet, forKey: .snippet)
        try c.encode(citation, forKey: .citation)
        try c.encodeIfPresent(note, forKey: .note)
    }
}

/// The answer of `radsok search --cases --json`: one entry per case.
public struct CaseSearchResponse: Encodable, Sendable {
    public let query: String
    /// Number of cases found.
    public let total: Int
    public let tookMs: Double
    public let cases: [CaseHit]
}

public struct CaseHit: Encodable, Sendable {
    public struct SectionRef: Encodable, Sendable {
        public let file: String
        public let lines: [Int]
        public let kind: String
    }

    public let caseID: String
    public let title: String?
    public let meeting: String
    public let date: String?
    /// The kinds of section the query matched in, best first.
    public let kinds: [String]
    public let score: Double
    public let snippet: String
    /// The best section, for terminal output; not encoded.
    public let best: SearchHit
    public let sections: [SectionRef]
    /// The case's adopted decision, whether or not the query matched it; null when none.
    public let decision: CaseDecision?
    /// `package`, `corpus` or nil, as for a hit.
    public var dateSource: String? = nil
    /// As for a hit: the title as written when `title` is its repaired spelling.
    public var titleAsWritten: String? { best.titleAsWritten }

    enum CodingKeys: String, CodingKey {
        case caseID = "case", title, titleAsWritten, meeting, date, dateSource, kinds, score, snippet, note, sections, decision
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(caseID, forKey: .caseID)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(titleAsWritten, forKey: .titleAsWritten)
        try c.encode(meeting, forKey: .meeting)
        try c.encode(date, forKey: .date)
        try c.encode(kinds, forKey: .kinds)
        try c.encode(score, forKey: .score)
        try c.encode(snippet, forKey: .snippet)
        try c.encodeIfPresent(best.note, forKey: .note)
        try c.encode(sections, forKey: .sections)
        try c.encode(decision, forKey: .decision)
        try c.encode(dateSource, forKey: .dateSource)
    }
}
