import Foundation
import Testing
@testable import SearchIndex

@Suite("Position skips: reading a few sections' positions of a common word")
struct PositionSkipsTests {
    /// Three files of 150 cases each; "og" stands in every case, 1 to 5 times, at places that
    /// differ from case to case, so any wrong jump reads wrong positions.
    static func files() -> [String: String] {
        var files: [String: String] = [:]
        for file in 0..<3 {
            var text = ""
            for n in 1...150 {
                let filler = String(repeating: "tekst ", count: (n * 7 + file) % 11)
                let ogs = (0..<(n % 5 + 1)).map { "ord\($0) og" }.joined(separator: " ")
                text += "Sak \(n)/\(file + 1)/2025 Tittel \(n)\n\n\(filler)\(ogs) slutt.\n\n"
            }
            files["møte-\(file).txt"] = text
        }
        return files
    }

    @Test("any subset of sections gets the positions a full walk finds, for a term long enough to have skips")
    func subsetsAgreeWithFullWalk() throws {
        try TestCorpus.withIndex(Self.files()) { reader in
            let id = try #require(reader.termID("og"))
            let df = reader.postingsInfo(id).documentFrequency
            #expect(PositionSkips.entryCount(documentFrequency: df) >= 5)
            let all = (0..<Int32(reader.sectionCount)).map { $0 }
            var truth: [Int32: [Int32]] = [:]
            reader.withPostings(id, positions: true) { $0.forEachWithPositions(in: all) { truth[all[$0]] = Array($1) } }
            #expect(truth.count == df)

            var generator = SystemRandomNumberGenerator()
            var subsets: [[Int32]] = all.map { [$0] }
            subsets.append([all.last!])
            subsets.append(stride(from: 0, to: all.count, by: 37).map { all[$0] })
            for _ in 0..<50 { subsets.append(all.filter { _ in Int.random(in: 0..<100, using: &generator) < 3 }) }
            for subset in subsets where !subset.isEmpty {
                var found: [Int32: [Int32]] = [:]
                reader.withPostings(id, positions: true) { $0.forEachWithPositions(in: subset) { found[subset[$0]] = Array($1) } }
                #expect(found == truth.filter { subset.contains($0.key) }, "subset \(subset.prefix(5))…")
            }
        }
    }

    @Test("a term in fewer sections than the interval has no skip entries")
    func shortListsHaveNone() {
        #expect(PositionSkips.entryCount(documentFrequency: 0) == 0)
        #expect(PositionSkips.entryCount(documentFrequency: PositionSkips.interval) == 0)
        #expect(PositionSkips.entryCount(documentFrequency: PositionSkips.interval + 1) == 1)
    }
}
