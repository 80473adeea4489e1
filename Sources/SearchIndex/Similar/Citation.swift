import CouncilDocuments

/// A reference a reader of a hearing response can follow: who, which document, which meeting
/// and when, which case — "HO21-rådet, referat fra møte 5/2023 (27. november 2023), sak
/// 52/5/2023", "HO21-rådet, årsrapport 2025, linje 649" — never a bare file name.
struct Citation {
    /// What is known of the document a passage stands in, beyond its own section.
    struct Document {
        var kind: DocumentKind
        /// The meeting most of the document's cases belong to, with its date.
        var meeting: String?
        var date: String?
        var year: Int?
    }

    let council: String

    /// The council a citation names unless told otherwise.
    static let defaultCouncil = "HO21-rådet"

    /// - Parameter pages: the pages of a PDF the passage stands on: named instead of the lines,
    ///   and after a case ("sak 17/2/2025, s. 3").
    func text(section: Section, in document: Document, lines: ClosedRange<Int>, pages: ClosedRange<Int>? = nil) -> String {
        let meeting = section.meeting ?? section.caseID?.meeting ?? document.meeting
        let date = section.date ?? (meeting == document.meeting ? document.date : nil)
        let held = meeting.map { "møte \($0)" + (date.flatMap(NorwegianDate.written(iso:)).map { " (\($0))" } ?? "") }
        let page = pages.map { $0.count == 1 ? "s. \($0.lowerBound)" : "s. \($0.lowerBound)–\($0.upperBound)" }
        let place = page ?? (lines.count == 1 ? "linje \(lines.lowerBound)" : "linje \(lines.lowerBound)–\(lines.upperBound)")
        if let id = section.caseID {
            let held = held ?? "møte \(id.meeting)"
            let which: String = switch section.kind {
            case .referat: "referat fra \(held), sak \(id)"
            case .vedtak: "vedtak i \(held), sak \(id)"
            case .forslag: "forslag til vedtak, \(held), sak \(id)"
            case .saksfremlegg: "saksfremlegg til \(held), sak \(id)"
            case .saksliste: "saksliste for \(held)"
            case .vedlegg: "vedlegg til sak \(id), \(held)"
            case .other: document.kind == .minutes ? "referat fra \(held), sak \(id)" : "\(held), sak \(id)"
            }
            return "\(council), \(which)" + (page.map { ", \($0)" } ?? "")
        }
        if let held {
            let which: String = switch (section.kind, document.kind) {
            case (.saksliste, _): "saksliste for \(held)"
            case (_, .minutes): "referat fra \(held)"
            case (.vedlegg, _): "vedlegg til sakspapirene for \(held)"
            default: "\(document.kind.name) for \(held)"
            }
            return "\(council), \(which), \(place)"
        }
        let year = section.year ?? document.year
        let which = year.map { document.kind == .document ? "dokument fra \($0)" : "\(document.kind.name) \($0)" }
        return "\(council), \(which ?? document.kind.name), \(place)"
    }
}

extension Citation.Document {
    /// What the index says of a file: its kind by name, and the meeting most of its cases belong
    /// to, with that meeting's date; from the fixed fields of its section records, no text read.
    init(reader: IndexReader, fileIndex: Int, file: String) {
        var meetings: [String: Int] = [:]
        var dates: [String: String] = [:]
        var year: Int?
        for id in reader.sections(ofFile: fileIndex) {
            let facts = reader.facts(id)
            year = year ?? facts.year
            guard let meeting = facts.caseID?.meeting else { continue }
            meetings[meeting, default: 0] += 1
            if let date = facts.date, dates[meeting] == nil { dates[meeting] = date }
        }
        let meeting = meetings.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        self.init(kind: DocumentKind(fileName: file), meeting: meeting, date: meeting.flatMap { dates[$0] }, year: year)
    }
}
