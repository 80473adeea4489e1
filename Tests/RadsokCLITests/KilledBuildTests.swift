import Foundation
import Testing

/// A build killed at any moment leaves the previous index usable with the same answers, and the
/// next build clears what the killed one left. `RADSOK_KILLS` raises the number of kills
/// (`Benchmarks/robustness.sh` runs many); `swift test` runs a few.
@Suite("Builds killed with SIGKILL at random moments", .serialized)
struct KilledBuildTests {
    static var kills: Int { ProcessInfo.processInfo.environment["RADSOK_KILLS"].flatMap(Int.init) ?? 4 }

    func answers(_ index: String) throws -> [String] {
        try ["helsedata", "KSF --cases", "\"tar saken til orientering\""].map { query in
            let words = query.split(separator: " ").map(String.init)
            let arguments = ["search"] + (query.hasPrefix("\"") ? [query] : words)
            let result = try CLIRunner.run(arguments + ["--json", "--corpus", CLIRunner.corpus, "--index", index])
            #expect(result.status == 0, "\(query): \(result.stderr)")
            #expect(!result.stderr.contains("building the index"), "the killed build must not have changed the index")
            return result.stdout.replacing(/"tookMs" ?: ?[0-9.e+-]+/, with: "")
        }
    }

    @Test("the previous index answers the same after every kill; the next build removes the leftovers")
    func killedBuilds() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let index = folder.appendingPathComponent("index").path
        let started = Date()
        let first = try CLIRunner.run(["index", "--corpus", CLIRunner.corpus, "--index", index])
        try #require(first.status == 0, "\(first.stderr)")
        let buildSeconds = Date().timeIntervalSince(started)
        let expected = try answers(index)
        var generator = SystemRandomNumberGenerator()
        for kill in 0..<Self.kills {
            let process = Process()
            process.executableURL = CLIRunner.executable
            process.arguments = ["index", "--corpus", CLIRunner.corpus, "--index", index]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Anywhere from the first instruction to the rename at the very end.
            let moment = Double.random(in: 0...(buildSeconds * 1.1), using: &generator)
            Thread.sleep(forTimeInterval: moment)
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(try answers(index) == expected, "kill \(kill) at \(moment) s")
        }
        let again = try CLIRunner.run(["index", "--corpus", CLIRunner.corpus, "--index", index])
        #expect(again.status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: index)
        #expect(names.allSatisfy { !$0.hasSuffix(".tmp") }, "leftovers: \(names)")
        #expect(try answers(index) == expected)
    }
}
