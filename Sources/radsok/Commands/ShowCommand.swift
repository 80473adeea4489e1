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
        let ids = (0..<reader.sectionCount).filter { wanted.matches(reader.sectionRecord($0), file: reader.metadata.files[reader.sectionRecord($0).fileIndex].id) }
        guard !ids.isEmpty else { throw CommandFailure.failure("no case or section \(id) in the index") }
        var texts = SectionTextSource(reader: reader, corpusPath: location.corpusPath)
        var shown: [ShownSection] = []
        for sectionID in ids {
            let record = reader.sectionRecord(sectionID)
            let text: String
            do { text = try texts.text(of: record) } catch { throw CommandFailure.failure(error.description) }
            shown.append(ShownSection(record: record, file: texts.fileID(record.fileIndex), text: text))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes, .prettyPrinted]
            print(String(decoding: try encoder.encode(ShowResponse(id: wanted.description, sections: shown)), as: UTF8.self))
        } else {
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

struct ShowResponse: Encodable {
    let id: String
    let sections: [ShownSection]
}
