import Foundation
import Testing

/// The same query on the same index gives the same bytes every time, in every process: Swift
/// seeds its hashing per process, so any ranking, tie, suggestion or snippet that depends on a
/// dictionary's or set's order shows up here as two processes disagreeing.
@Suite("Deterministic answers across processes", .serialized)
struct DeterminismTests {
    /// Fuzzy and prefix expansions, suggestions, similar, cases: the places where order was
    /// once left to chance.
    static let searches: [[String]] = [
        ["råd~2"], ["sak~2"], ["helsedta~"], ["helse*"], ["h*"], ["LO"], ["lå"], ["horingssvar"],
        ["mgte radet"], ["KSF", "--cases"], ["helsedata", "--cases", "--sort", "date"], ["type:vedtak"],
        ["\"tar saken til orientering\""], ["beerekraft legekontoret"], ["qqqzzz helsedta"],
    ]

    /// The JSON without `tookMs`, the one field that may differ.
    func answer(_ arguments: [String], index: String) throws -> String {
        let result = try CLIRunner.run(arguments + ["--json", "--corpus", CLIRunner.corpus, "--index", index])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout.replacing(/"tookMs" ?: ?[0-9.e+-]+/, with: "\"tookMs\":0")
    }

    @Test("searches in two processes give byte-identical JSON", arguments: searches)
    func search(arguments: [String]) throws {
        let index = try CLIRunner.sharedIndex().path
        let first = try answer(["search"] + arguments, index: index)
        let second = try answer(["search"] + arguments, index: index)
        #expect(first == second, "\(arguments) answered differently")
    }

    @Test("similar in two processes gives byte-identical JSON")
    func similar() throws {
        let index = try CLIRunner.sharedIndex().path
        let draft = "Rådet mener det er viktig å styrke samarbeidet mellom kommunene og forskningsmiljøene"
        #expect(try answer(["similar", draft], index: index) == answer(["similar", draft], index: index))
    }
}
