import Foundation
import Testing

/// `radsok search --prefix-last`: the page's as-you-type reading, from the command line; without it
/// the words are as typed.
@Suite("search --prefix-last")
struct PrefixLastCommandTests {
    func total(_ arguments: [String]) throws -> Int {
        let result = try CLIRunner.run(["search"] + arguments
            + ["--json", "--corpus", CLIRunner.corpus, "--index", try CLIRunner.sharedIndex().path])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try #require(json["total"] as? Int)
    }

    @Test("a word cut short finds the whole word's sections only with --prefix-last")
    func cutShort() throws {
        #expect(try total(["helsed"]) == 0)
        #expect(try total(["helsed", "--prefix-last"]) > 0)
        #expect(try total(["helsedat", "--prefix-last"]) >= total(["helsedata"]))
    }
}
