import Foundation
import Testing

/// A query of punctuation alone is not a usage error (the forgiving grammar reads stray operators
/// as nothing, and scripts get the empty answer), but a person is told why nothing matched.
@Suite("A query of punctuation alone: zero hits, and a hint that says why")
struct PunctuationQueryTests {
    func run(_ arguments: [String]) async throws -> CLIRunner.Result {
        try await CLIRunner.run(arguments + ["--corpus", CLIRunner.corpus, "--index", try await CLIRunner.sharedIndex().path])
    }

    @Test("text output says the query has no words", arguments: [
        ["search", "..."], ["search", "?", "!"], ["search", "«»", "--cases"], ["timeline", "—"],
    ])
    func hint(_ arguments: [String]) async throws {
        let result = try await run(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.contains("no words to search for, only punctuation"), "\(result.stdout)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test("JSON is the empty answer, with nothing on stderr")
    func json() async throws {
        let result = try await run(["search", "...", "--json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["total"] as? Int == 0)
        #expect(result.stderr.isEmpty)
    }

    @Test("a word that finds nothing gets no such hint")
    func wordWithoutHits() async throws {
        let result = try await run(["search", "ordsomikkefinnes", "--as-typed"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("only punctuation"))
    }
}
