import Foundation
import Testing
@testable import CouncilDocuments

/// Decisions and proposals as the sectioner finds them, against the inventory made by reading the
/// five documents (Fixtures/decision-inventory.md says how): adopted decisions (`vedtak`) and
/// proposed ones (`forslag`) told apart, in the clean packages and in the OCR-damaged one.
@Suite("Decisions and proposals agree with the decision inventory")
struct DecisionInventoryTests {
    struct Row: Hashable {
        let file: String
        let lines: ClosedRange<Int>
        let caseID: String
        let kind: String
    }

    static let damagedFiles: Set<String> = ["ho21-møte-2025-2-sakspapirer.txt"]

    static func inventory() throws -> [Row] {
        try String(contentsOf: CaseInventoryTests.here.appendingPathComponent("Fixtures/decision-inventory.tsv"), encoding: .utf8)
            .split(separator: "\n").dropFirst()
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0.count >= 5 }
            .map { Row(file: $0[0], lines: Int($0[1])!...Int($0[2])!, caseID: $0[3], kind: $0[4]) }
    }

    /// Every decision or proposal section the sectioner makes, as a row.
    static func detected() throws -> [Row] {
        let corpus = CaseInventoryTests.here.appendingPathComponent("../../Corpus").standardized.path
        var rows: [Row] = []
        for file in try CorpusScanner.files(in: corpus) {
            for section in Sectioner().sections(of: try DocumentReader.read(path: file.path, id: file.id))
            where section.kind == .vedtak || section.kind == .forslag {
                rows.append(Row(file: file.id, lines: section.firstLine...section.lastLine,
                                caseID: section.caseID?.description ?? "", kind: section.kind.rawValue))
            }
        }
        return rows
    }

    static func matches(_ a: Row, _ b: Row) -> Bool {
        a.file == b.file && a.caseID == b.caseID && a.kind == b.kind && a.lines.overlaps(b.lines)
    }

    @Test("precision and recall at least 0.95 for each kind, in clean and in damaged packages",
          arguments: ["vedtak", "forslag"], [false, true])
    func agreement(kind: String, damaged: Bool) throws {
        let inScope = { (row: Row) in row.kind == kind && Self.damagedFiles.contains(row.file) == damaged }
        let truth = try Self.inventory().filter(inScope)
        let found = try Self.detected().filter(inScope)
        let missed = truth.filter { row in !found.contains { Self.matches($0, row) } }
        let wrong = found.filter { row in !truth.contains { Self.matches($0, row) } }
        let recall = truth.isEmpty ? 1 : Double(truth.count - missed.count) / Double(truth.count)
        let precision = found.isEmpty ? 1 : Double(found.count - wrong.count) / Double(found.count)
        let scope = damaged ? "damaged" : "clean"
        print("decision inventory \(kind) \(scope): precision \(precision) (\(found.count) found), recall \(recall) (\(truth.count) true)")
        let report = "missed: \(missed.map { "\($0.file):\($0.lines) \($0.caseID)" })\nwrong: \(wrong.map { "\($0.file):\($0.lines) \($0.caseID)" })"
        #expect(recall >= 0.95, "\(kind) \(scope) recall \(recall)\n\(report)")
        #expect(precision >= 0.95, "\(kind) \(scope) precision \(precision)\n\(report)")
    }
}
