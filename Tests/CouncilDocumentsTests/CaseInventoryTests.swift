import Foundation
import Testing
@testable import CouncilDocuments

/// The parser against the hand-made inventory of every case occurrence in the development corpus.
@Suite("Case sections agree with the case inventory")
struct CaseInventoryTests {
    struct Row {
        let file: String
        let first: Int
        let last: Int
        let caseID: String
        let kind: String
    }

    struct Found {
        let first: Int
        var last: Int
        let caseID: String
        let kind: SectionKind
    }

    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    static func inventory() throws -> [Row] {
        try String(contentsOf: here.appendingPathComponent("Fixtures/case-inventory.tsv"), encoding: .utf8)
            .split(separator: "\n").dropFirst()
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0.count >= 5 && !$0[3].isEmpty }
            .map { Row(file: $0[0], first: Int($0[1])!, last: Int($0[2])!, caseID: $0[3], kind: $0[4]) }
    }

    /// Case occurrences as the parser sees them: parts of one long case joined, decisions (which
    /// are sub-sections inside a case) left out.
    static func parsed() throws -> [String: [Found]] {
        let corpus = here.appendingPathComponent("../../Corpus").standardized.path
        var result: [String: [Found]] = [:]
        for file in try CorpusScanner.files(in: corpus) {
            var found: [Found] = []
            for section in Sectioner().sections(of: try DocumentReader.read(path: file.path, id: file.id)) {
                guard let id = section.caseID, section.kind != .vedtak, section.kind != .forslag else { continue }
                if section.isContinuation, let last = found.last, last.caseID == id.description {
                    found[found.count - 1].last = section.lastLine
                } else {
                    found.append(Found(first: section.firstLine, last: section.lastLine, caseID: id.description, kind: section.kind))
                }
            }
            result[file.id] = found
        }
        return result
    }

    @Test("line ranges within ±2 lines and kinds right for at least 95% of the inventory")
    func agreement() throws {
        let rows = try Self.inventory()
        let parsed = try Self.parsed()
        var linesRight = 0
        var kindsRight = 0
        var misses: [String] = []
        for row in rows {
            let candidates = (parsed[row.file] ?? []).filter { $0.caseID == row.caseID }
            guard let best = candidates.min(by: { abs($0.first - row.first) < abs($1.first - row.first) }) else {
                misses.append("\(row.file) \(row.caseID): not found")
                continue
            }
            if abs(best.first - row.first) <= 2 && abs(best.last - row.last) <= 2 {
                linesRight += 1
            } else {
                misses.append("\(row.file) \(row.caseID) \(row.kind): \(row.first)-\(row.last) vs \(best.first)-\(best.last)")
            }
            if best.kind.rawValue == row.kind { kindsRight += 1 } else { misses.append("\(row.file) \(row.caseID): kind \(best.kind) vs \(row.kind)") }
        }
        let lineShare = Double(linesRight) / Double(rows.count)
        let kindShare = Double(kindsRight) / Double(rows.count)
        print("case inventory: lines within ±2 for \(linesRight)/\(rows.count), kinds right for \(kindsRight)/\(rows.count)")
        #expect(lineShare >= 0.95, "lines \(linesRight)/\(rows.count)\n\(misses.joined(separator: "\n"))")
        #expect(kindShare >= 0.95, "kinds \(kindsRight)/\(rows.count)\n\(misses.joined(separator: "\n"))")
    }

    @Test("no case is titled by a label (Vedtak, Forslag til vedtak, Saksfremlegg)")
    func titlesAreNotLabels() throws {
        let corpus = Self.here.appendingPathComponent("../../Corpus").standardized.path
        var labelled: [String] = []
        for file in try CorpusScanner.files(in: corpus) {
            for section in Sectioner().sections(of: try DocumentReader.read(path: file.path, id: file.id)) where section.caseID != nil {
                guard let title = section.title else { continue }
                let folded = title.lowercased().trimmingCharacters(in: .whitespaces)
                if DecisionLabel.isLabelOnly(title) || ["saksfremlegg", "saksframlegg", "referat"].contains(folded) {
                    labelled.append("\(file.id):\(section.firstLine) \(section.caseID!) \(title)")
                }
            }
        }
        #expect(labelled.isEmpty, "\(labelled.joined(separator: "\n"))")
    }
}
