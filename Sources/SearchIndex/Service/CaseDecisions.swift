import Foundation
import CouncilDocuments

/// A case's adopted decision in one line, as `--cases`, the page and `show` give it: each case
/// knows its decision whether or not the query matched it.
public struct CaseDecision: Encodable, Sendable, Equatable {
    public let text: String
    public let file: String
    public let lines: [Int]
}

/// The adopted decision of a case, from the index's case table.
struct CaseDecisions: Sendable {
    let reader: IndexReader
    /// Characters of a decision's one line before it is cut at a word.
    static let maximumLength = 300

    /// The adopted decision of a case, or nil when the corpus records none (or its file cannot
    /// be read back).
    func decision(of caseID: CaseID, texts: inout SectionTextSource) -> CaseDecision? {
        // The last decision section of the case is its latest record.
        guard let id = reader.sections(ofCase: caseID).last(where: { reader.facts($0).kind == .vedtak }) else { return nil }
        let record = reader.sectionRecord(id)
        guard let text = try? texts.text(of: record) else { return nil }
        return CaseDecision(text: Self.oneLine(text), file: texts.fileID(record.fileIndex),
                            lines: [record.section.firstLine, record.section.lastLine])
    }

    /// The decision's words without its label, emphasis marks or line breaks, cut at a word.
    static func oneLine(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
        if let first = lines.first, let label = DecisionLabel.parse(first) { lines[0] = String(label.rest) }
        let joined = lines.filter { !$0.isEmpty }.joined(separator: " ")
            .replacingOccurrences(of: "*", with: "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard joined.count > maximumLength else { return joined }
        let cut = joined.prefix(maximumLength)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + " …"
    }
}
