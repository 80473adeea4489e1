import Foundation
import Testing

@Suite("radsok index: a progress bar on a terminal, a summary line always", .serialized,
       .enabled(if: CLIRunner.hasTerminal, "needs util-linux script for a terminal"))
struct IndexProgressTests {
    @Test("on a terminal: files, MB and the bar while indexing, then the summary")
    func terminal() async throws {
        let result = try await CLIRunner.withTemporaryFolder { fresh in
            try await CLIRunner.runOnTerminal(["index", "--corpus", CLIRunner.corpus, "--index", fresh.path])
        }
        #expect(result.status == 0)
        let output = result.stdout
        #expect(output.contains("radsok: reading ["), "\(output)")
        #expect(output.contains("5/5 files"), "\(output)")
        #expect(output.contains(" MB"), "\(output)")
        #expect(output.contains("indexed 5 files ("), "\(output)")
    }

    @Test("off a terminal: no bar, and the summary with files, MB, sections and seconds")
    func piped() async throws {
        let result = try await CLIRunner.withTemporaryFolder { fresh in
            try await CLIRunner.run(["index", "--corpus", CLIRunner.corpus, "--index", fresh.path])
        }
        #expect(result.status == 0)
        #expect(!result.stderr.contains("\r") && !result.stderr.contains("reading ["), "\(result.stderr)")
        let summary = try #require(result.stdout.split(separator: "\n").last.map(String.init))
        let pattern = try Regex(#"^indexed 5 files \([0-9.]+ MB\), \d+ sections, \d+ terms in [0-9.]+ s "#)
        #expect(summary.prefixMatch(of: pattern) != nil, "\(summary)")
    }
}
