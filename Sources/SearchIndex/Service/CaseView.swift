import CouncilDocuments
import Foundation

/// What `show` was asked for: a case id, or lines of a file — `FILE:FIRST-LAST` as a hit gives
/// it, with a hyphen or an en dash as the page writes it (`file.txt:1382–1386`), or `FILE:LINE`.
/// A range selects every section it overlaps, so lines quoted from anywhere in a document find
/// their sections; a range that is exactly a section's bounds selects that section alone.
public enum SectionSelector: Sendable, CustomStringConvertible {
    case caseID(CaseID)
    case section(file: String, first: Int, last: Int)

    /// A selector that is neither form, as a sentence for the user.
    public struct Invalid: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// The dashes a range may be written with: hyphen-minus, hyphen, en dash, em dash, minus sign.
    static let dashes: Set<Character> = ["-", "\u{2010}", "\u{2013}", "\u{2014}", "\u{2212}"]

    public init(_ text: String) throws(Invalid) {
        if let id = CaseID(text) {
            self = .caseID(id)
            return
        }
        if let colon = text.lastIndex(of: ":") {
            let bounds = text[text.index(after: colon)...]
                .split(omittingEmptySubsequences: false) { Self.dashes.contains($0) }
                .map { Int($0.trimmingCharacters(in: .whitespaces)) }
            if (1...2).contains(bounds.count), let first = bounds[0], let last = bounds[bounds.count - 1] {
                guard first >= 1, first <= last else {
                    throw Invalid(description: "'\(text)' is not a range of lines: they count from 1, "
                                  + "the first before the last")
                }
                self = .section(file: String(text[..<colon]), first: first, last: last)
                return
            }
        }
        throw Invalid(description: "'\(text)' is neither a case id (8/1/2025) nor a section id "
                      + "(FILE:FIRST-LAST or FILE:LINE)")
    }

    /// Whether the record belongs to the selection: the case's section, or a section the lines overlap.
    public func matches(_ record: SectionRecord, file: String) -> Bool {
        switch self {
        case .caseID(let id): record.section.caseID == id
        case .section(let f, let first, let last):
            f == file && record.section.firstLine <= last && first <= record.section.lastLine
        }
    }

    /// Whether the lines are exactly the record's bounds.
    func isExactly(_ record: SectionRecord) -> Bool {
        guard case .section(_, let first, let last) = self else { return false }
        return record.section.firstLine == first && record.section.lastLine == last
    }

    public var description: String {
        switch self {
        case .caseID(let id): id.description
        case .section(let f, let first, let last): "\(f):\(first)-\(last)"
        }
    }
}

public struct ShownSection: Encodable, Sendable {
    /// A decision or proposal that lies inside the section: shown in place, marked, not twice.
    public struct Mark: Encodable, Sendable, Equatable {
        public let kind: String
        public let lines: [Int]
    }

    public let record: SectionRecord
    public let file: String
    public let text: String
    public var marks: [Mark] = []
    /// Where the query's words stand in `text`, as [start, end) UTF-16 offsets, when the section was
    /// shown for a query (`markMatches`); left out of the JSON otherwise.
    public var matches: [[Int]]?
    /// The PDF pages the section stands on, as in `SearchHit`.
    public var pages: ClosedRange<Int>?

    /// The section as read back from its file.
    init(record: SectionRecord, texts: inout SectionTextSource) throws(IndexError) {
        self.record = record
        file = texts.fileID(record.fileIndex)
        text = try texts.text(of: record)
        pages = texts.pages(of: record)
    }

    enum CodingKeys: String, CodingKey {
        case file, lines, page, pages, caseID = "case", kind, title, titleAsWritten, meeting, date, text, decisions, matches
    }

    public func encode(to encoder: any Encoder) throws {
        let s = record.section
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode([s.firstLine, s.lastLine], forKey: .lines)
        try c.encodePages(pages, page: .page, pages: .pages)
        try c.encode(s.caseID?.description, forKey: .caseID)
        try c.encode(s.kind.rawValue, forKey: .kind)
        try c.encode(s.title, forKey: .title)
        try c.encodeIfPresent(s.titleAsWritten, forKey: .titleAsWritten)
        try c.encode(s.meeting, forKey: .meeting)
        try c.encode(s.date, forKey: .date)
        try c.encode(text, forKey: .text)
        try c.encode(marks, forKey: .decisions)
        try c.encodeIfPresent(matches, forKey: .matches)
    }
}

/// A case that a shown case cites, and whether the index has it: a citation of a case from a
/// package the corpus lacks ("sak 21/2/22") is marked, not offered as a link that leads nowhere.
public struct CitedCase: Encodable, Sendable, Equatable {
    public let caseID: String
    public let inIndex: Bool

    enum CodingKeys: String, CodingKey { case caseID = "case", inIndex }
}

/// A case (or one section) with the cases it cites and the cases that cite it.
public struct ShowResponse: Encodable, Sendable {
    public let id: String
    public internal(set) var sections: [ShownSection]
    /// Cases these sections cite ("Tidligere behandlet 5/1/2023, 19/2/2023").
    public let references: [String]
    /// Cases whose sections cite this one.
    public let referencedBy: [String]
    /// `references`, each with whether the index holds it.
    public let cited: [CitedCase]

    init(id: String, sections: [ShownSection], records: [SectionRecord]) {
        self.id = id
        self.sections = sections
        let own = Set(sections.compactMap(\.record.section.caseID))
        var cited: [CaseID] = []
        for section in sections { for ref in section.record.section.references where !cited.contains(ref) && !own.contains(ref) { cited.append(ref) } }
        references = cited.map(\.description)
        let indexed = Set(records.compactMap(\.section.caseID))
        self.cited = cited.map { CitedCase(caseID: $0.description, inIndex: indexed.contains($0)) }
        var citing: Set<CaseID> = []
        for record in records {
            guard let id = record.section.caseID, !own.contains(id), record.section.references.contains(where: own.contains) else { continue }
            citing.insert(id)
        }
        referencedBy = citing.sorted().map(\.description)
    }

    /// Agenda, presentation, minutes, decision; then by date and place.
    public static func order(_ record: SectionRecord) -> (Int, String, Int, Int) {
        let kinds: [SectionKind] = [.saksliste, .saksfremlegg, .forslag, .referat, .vedtak, .vedlegg, .other]
        return (kinds.firstIndex(of: record.section.kind) ?? 9, record.section.date ?? "", record.fileIndex, record.section.firstLine)
    }
}

extension SearchService {
    /// A whole case across packages, or one section, as `radsok show` and `/api/cases/{id}` give
    /// it; nil when the index has no such case or section.
    public func show(_ wanted: SectionSelector, texts: inout SectionTextSource) throws(IndexError) -> ShowResponse? {
        let records = (0..<reader.sectionCount).map(reader.sectionRecord)
        let files = reader.metadata.files.map(\.id)
        let ids = Self.selected(wanted, records: records, files: files)
        guard !ids.isEmpty else { return nil }
        var shown: [ShownSection] = []
        var nested: [Int] = []
        for sectionID in ids {
            let record = records[sectionID]
            // A decision inside a part already shown is marked there, so each line is shown once
            // and the decision stands where it stands in the proceedings.
            if Self.isDecision(record), ids.contains(where: { !Self.isDecision(records[$0]) && Self.contains(records[$0], record) }) {
                nested.append(sectionID)
                continue
            }
            shown.append(try ShownSection(record: record, texts: &texts))
        }
        for sectionID in nested {
            let record = records[sectionID]
            guard let host = shown.firstIndex(where: { Self.contains($0.record, record) }) else { continue }
            shown[host].marks.append(.init(kind: record.section.kind.rawValue,
                                           lines: [record.section.firstLine, record.section.lastLine]))
        }
        return ShowResponse(id: wanted.description, sections: shown, records: records)
    }

    /// The sections `wanted` selects: a case's in the order of its proceedings, a range's in
    /// the order of the file, with the decisions inside them (to be marked where they stand).
    /// A range that is one section's exact bounds keeps that section and what lies inside it,
    /// not the part a decision lies in.
    static func selected(_ wanted: SectionSelector, records: [SectionRecord], files: [String]) -> [Int] {
        var ids = records.indices.filter { wanted.matches(records[$0], file: files[records[$0].fileIndex]) }
        guard case .section = wanted else {
            return ids.sorted { ShowResponse.order(records[$0]) < ShowResponse.order(records[$1]) }
        }
        if let exact = ids.first(where: { wanted.isExactly(records[$0]) }) {
            ids = ids.filter { contains(records[exact], records[$0]) }
        }
        let hosts = ids.map { records[$0] }
        let inside = records.indices.filter { id in
            isDecision(records[id]) && !ids.contains(id) && hosts.contains { contains($0, records[id]) }
        }
        return (ids + inside).sorted { (records[$0].section.firstLine, $0) < (records[$1].section.firstLine, $1) }
    }

    static func isDecision(_ record: SectionRecord) -> Bool {
        record.section.kind == .vedtak || record.section.kind == .forslag
    }

    static func contains(_ outer: SectionRecord, _ inner: SectionRecord) -> Bool {
        outer.fileIndex == inner.fileIndex && outer.section.firstLine <= inner.section.firstLine
            && inner.section.lastLine <= outer.section.lastLine
    }
}
