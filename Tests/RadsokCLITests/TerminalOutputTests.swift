import Foundation
import Testing

/// Colour and box characters for a person at a terminal; plain text for a pipe, a file, or
/// anyone who sets NO_COLOR (https://no-color.org).
@Suite("Plain text off a terminal and under NO_COLOR", .serialized,
       .enabled(if: CLIRunner.hasTerminal, "needs util-linux script for a terminal"))
struct TerminalOutputTests {
    static let styling = ["\u{1B}", "│", "▌", "──"]

    func located(_ arguments: [String]) async throws -> [String] {
        arguments + ["--corpus", CLIRunner.corpus, "--index", try await CLIRunner.sharedIndex().path]
    }

    static let commands = [["search", "helsedata"], ["search", "helsedata", "--cases"], ["timeline", "helsedata"],
                           ["show", "8/1/2025"], ["search", "KSF", "--explain"]]

    @Test("piped output has no escapes and no box characters", arguments: commands)
    func piped(_ command: [String]) async throws {
        let result = try await CLIRunner.run(try await located(command))
        #expect(result.status == 0)
        #expect(!result.stdout.isEmpty)
        for mark in Self.styling { #expect(!result.stdout.contains(mark), "\(mark.debugDescription) in \(command)") }
    }

    @Test("a terminal gets bold and colour, unless NO_COLOR is set and not empty", arguments: commands)
    func terminal(_ command: [String]) async throws {
        let styled = try await CLIRunner.runOnTerminal(try await located(command))
        #expect(styled.status == 0)
        #expect(styled.stdout.contains("\u{1B}[1m"), "no bold on a terminal: \(styled.stdout.prefix(200))")
        let empty = try await CLIRunner.runOnTerminal(try await located(command), environment: ["NO_COLOR": ""])
        #expect(empty.stdout.contains("\u{1B}[1m"), "an empty NO_COLOR must not turn colour off")
        let plain = try await CLIRunner.runOnTerminal(try await located(command), environment: ["NO_COLOR": "1"])
        #expect(plain.status == 0)
        #expect(!plain.stdout.isEmpty)
        for mark in Self.styling { #expect(!plain.stdout.contains(mark), "\(mark.debugDescription) under NO_COLOR") }
    }

    @Test("a decision in show is marked in plain text too, where it stands")
    func plainDecisionMark() async throws {
        let result = try await CLIRunner.run(try await located(["show", "8/1/2025"]))
        #expect(result.stdout.contains("> Vedtak") || result.stdout.contains("> Forslag til vedtak"))
    }
}
