import ArgumentParser
import Foundation

/// `radsok`: full-text search over Norwegian council documents.
struct Radsok: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "radsok",
        abstract: "Search the meeting packages of a Norwegian council: cases, minutes, decisions.",
        discussion: """
            The corpus is a folder of .txt, .md and .html files (default: Corpus/ in the current folder, \
            else next to Package.swift); the index lives in Index/ beside it. 'radsok search' builds the \
            index when it is missing or older than the corpus. README.md in the repository says more.

            Exit status: 0 results (also none), 2 a usage error (unknown option, bad value, empty \
            query), 1 any other failure; each with a one-line message on stderr. Colour only on a \
            terminal and without NO_COLOR.

            Examples:
              radsok search helsedata
              radsok search "høringssvar" --limit 5 --json
              radsok show 8/1/2025
            """,
        version: Version.text,
        subcommands: [
            IndexCommand.self, SearchCommand.self, TimelineCommand.self, ShowCommand.self, SimilarCommand.self,
            ServeCommand.self, EvalCommand.self, NormalizeCommand.self,
        ]
    )
}

@main
enum Main {
    static func main() {
        do {
            var command = try Radsok.parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            Terminal.fail(failure.message, code: failure.exitCode)
        } catch {
            let code = Radsok.exitCode(for: error)
            if code == .success {
                print(Radsok.fullMessage(for: error))
                exit(0)
            }
            let message = Radsok.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            Terminal.fail("\(message) (see '\(helpCommand()) --help')", code: code == .validationFailure ? 2 : 1)
        }
    }

    /// `radsok search` when the arguments name the search command, so the hint leads to its options.
    static func helpCommand() -> String {
        let names = Radsok.configuration.subcommands.map { $0.configuration.commandName ?? "" }
        guard let first = CommandLine.arguments.dropFirst().first(where: { !$0.hasPrefix("-") }),
              names.contains(first) else { return "radsok" }
        return "radsok \(first)"
    }
}
