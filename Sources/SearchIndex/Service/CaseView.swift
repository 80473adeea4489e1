import CouncilDocuments

/// What `show` was asked for: a case id or a FILE:FIRST-LAST section id.
public enum SectionSelector: Sendable, CustomStringConvertible {
    case caseID(CaseID)
    case section(file: String, first: Int, last: Int)

    /// A selector that is neither form, as a sentence for the user.
    public struct Invalid: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public init(_ text: String) throws(Invalid) {
        if let id = CaseID(text) {
            self = .caseID(id)
            return
        }
        if let colon = text.lastIndex(of: ":") {
            let bounds = text[text.index(after: colon)...].split(separator: "-")
            if bounds.count == 2, let first = Int(bounds[0]), let last = Int(bounds[1]) {
                self = .section(file: String(text[..<colon]), first: first, last: last)
                return
            }
        }
        throw Invalid(description: "'\(text)' is neither a case id (8/1/2025) nor a section id (FILE:FIRST-LAST)")
    }

    public func matches(_ record: SectionRecord, file: String) -> Bool {
        switch self {
        case .caseID(let id): record.section.caseID == id
        case .section(let f, let first, let last): f == file && record.section.firstLine == first && record.section.lastLine == last
        }
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

    init(record: SectionRecord, file: String, text: String) {
        self.record = record
        self.file = file
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case file, lines, caseID = "case", kind, title, titleAsWritten, meeting, date, text, decisions, matches
    }

    public func encode(to encoder: any Encoder) throws {
        let s = record.section
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode([s.firstLine, s.lastLine], forKey: .lines)
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
        let ids = records.indices.filter { wanted.matches(records[$0], file: files[records[$0].fileIndex]) }
            .sorted { ShowResponse.order(records[$0]) < ShowResponse.order(records[$1]) }
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
            shown.append(ShownSection(record: record, file: texts.fileID(record.fileIndex), text: try texts.text(of: record)))
        }
        for sectionID in nested {
            let record = records[sectionID]
            guard let host = shown.firstIndex(where: { Self.contains($0.record, record) }) else { continue }
            shown[host].marks.append(.init(kind: record.section.kind.rawValue,
                                           lines: [record.section.firstLine, record.section.lastLine]))
        }
        return ShowResponse(id: wanted.description, sections: shown, records: records)
    }

    static func isDecision(_ record: SectionRecord) -> Bool {
        record.section.kind == .vedtak || record.section.kind == .forslag
    }

    static func contains(_ outer: SectionRecord, _ inner: SectionRecord) -> Bool {
        outer.fileIndex == inner.fileIndex && outer.section.firstLine <= inner.section.firstLine
            && inner.section.lastLine <= outer.section.lastLine
    }
}
