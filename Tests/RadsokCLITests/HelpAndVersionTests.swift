import Foundation
import Testing

@Suite("--help stands on its own; --version says which build")
struct HelpAndVersionTests {
    static let commands = [[], ["index"], ["search"], ["timeline"], ["show"], ["similar"], ["serve"], ["eval"],
                           ["normalize"]]

    @Test("every help names only files the repository has", arguments: commands)
    func selfContained(_ command: [String]) async throws {
        let result = try await CLIRunner.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE"))
        let named = try Regex(#"[\w./-]+\.(md|json)\b"#)
        for match in result.stdout.matches(of: named) {
            let path = String(result.stdout[match.range])
            let file = CLIRunner.repository.appendingPathComponent(path).path
            #expect(FileManager.default.fileExists(atPath: file), "help of \(command) names \(path), not in the repository")
        }
        #expect(!result.stdout.contains("DESIGN.md"))
        #expect(!result.stdout.contains("../"))
    }

    @Test("--version prints the version and the index format, exit 0")
    func version() async throws {
        let result = try await CLIRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let line = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try Regex(#"^radsok \d+\.\d+\.\d+ \(index format \d+\)$"#).wholeMatch(in: line) != nil, "\(line)")
    }
}
