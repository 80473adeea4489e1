import ArgumentParser
import CouncilDocuments
import Foundation
import SearchIndex

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a case (8/1/2025 or 8/1/25: every section of it) or one section (FILE:FIRST-LAST).",
        discussion: "A section id is the file and line range of a search hit, e.g. ho21-møte-2025-2-sakspapirer.txt:284-338."
    )

    @Argument(help: "A case id like 8/1/2025, or a section id FILE:FIRST-LAST.")
    var id: String

    @OptionGroup var location: LocationOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let reader = try location.openIndex()
        let wanted = try SectionSelector(id)
        let records = (0..<reader.sectionCount).map(reader.sectionRecord)
        let files = reader.metadata.files.map(\.id)
        let ids = records.indices.filter { wanted.matches(records[$0], file: files[records[$0].fileIndex]) }
            .sorted { ShowResponse.order(records[$0]) < ShowResponse.order(records[$1]) }
        guard !ids.isEmpty else { throw CommandFailure.failure("no case or section \(id) in the index") }
        var texts = SectionTextSource(reader: reader, corpusPath: location.corpusPath)
        var shown: [ShownSection] = []
        for sectionID in ids {
            let record = records[sectionID]
            let text: String
            do { text = try texts.text(of: record) } catch { throw CommandFailure.failure(error.description) }
            shown.append(ShownSection(record: record, file: texts.fileID(record.fileIndex), text: text))
        }
        let response = ShowResponse(id: wanted.description, sections: shown, records: records)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes, .prettyPrinted]
            print(String(decoding: try encoder.encode(response), as: UTF8.self))
        } else {
            if case .caseID = wanted {
                print(Terminal.bold("Sak \(wanted)") + (shown.first?.record.section.title.map { "  " + $0 } ?? ""))
                if !response.references.isEmpty { print("Viser til / tidligere behandlet: " + response.references.joined(separator: ", ")) }
                if !response.referencedBy.isEmpty { print("Omtalt i: " + response.referencedBy.joined(separator: ", ")) }
                print("")
            }
            for section in shown {
                let s = section.record.section
                var head = "── \(section.file):\(s.firstLine)-\(s.lastLine) · \(s.kind.rawValue)"
                if let c = s.caseID { head += " · Sak \(c)" }
                if let m = s.meeting { head += " · møte \(m)" }
                if let d = s.date { head += " · \(d)" }
                print(Terminal.bold(head))
                if let t = s.title { print(Terminal.bold(t)) }
                print(section.text.trimmingCharacters(in: .newlines))
                print("")
            }
        }
    }
}

/// What `show` was asked for: a case id or a FILE:FIRST-LAST section id.
enum SectionSelector: CustomStringConvertible {
    case caseID(CaseID)
    case section(file: String, first: Int, last: Int)

    init(_ text: String) throws {
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
        throw CommandFailure.usage("'\(text)' is neither a case id (8/1/2025) nor a section id (FILE:FIRST-LAST)")
    }

    func matches(_ record: SectionRecord, file: String) -> Bool {
        switch self {
        case .caseID(let id): record.section.caseID == id
        case .section(let f, let first, let last): f == file && record.section.firstLine == first && record.section.lastLine == last
        }
    }

    var description: String {
        switch self {
        case .caseID(let id): id.description
        case .section(let f, let first, let last): "\(f):\(first)-\(last)"
        }
    }
}

struct ShownSection: Encodable {
    let record: SectionRecord
    let file: String
    let text: String

    enum CodingKeys: String, CodingKey { case file, lines, caseID = "case", kind, title, meeting, date, text }

    func encode(to encoder: any Encoder) throws {
        let s = record.section
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode([s.firstLine, s.lastLine], forKey: .lines)
        try c.encode(s.caseID?.description, forKey: .caseID)
        try c.encode(s.kind.rawValue, forKey: .kind)
        try c.encode(s.title, forKey: .title)
        try c.encode(s.meeting, forKey: .meeting)
        try c.encode(s.date, forKey: .date)
        try c.encode(text, forKey: .text)
    }
}

/// A case (or one section) with the cases it cites and the cases that cite it.
struct ShowResponse: Encodable {
    let id: String
    let sections: [ShownSection]
    /// Cases these sections cite ("Tidligere behandlet 5/1/2023, 19/2/2023").
    let references: [String]
    /// Cases whose sections cite this one.
    let referencedBy: [String]

    init(id: String, sections: [ShownSection], records: [SectionRecord]) {
        self.id = id
        self.sections = sections
        let own = Set(sections.compactMap(\.record.section.caseID))
        var cited: [CaseID] = []
        for section in sections { for ref in section.record.section.references where !cited.contains(ref) && !own.contains(ref) { cited.append(ref) } }
        references = cited.map(\.description)
        var citing: Set<CaseID> = []
        for record in records {
            guard let id = record.section.caseID, !own.contains(id), record.section.references.contains(where: own.contains) else { continue }
            citing.insert(id)
        }
        referencedBy = citing.sorted().map(\.description)
    }

    /// Agenda, presentation, minutes, decision; then by date and place.
    static func order(_ record: SectionRecord) -> (Int, String, Int, Int) {
        let kinds: [SectionKind] = [.saksliste, .saksfremlegg, .referat, .vedtak, .vedlegg, .other]
        return (kinds.firstIndex(of: record.section.kind) ?? 9, record.section.date ?? "", record.fileIndex, record.section.firstLine)
    }
}
