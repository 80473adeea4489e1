import ArgumentParser

/// `radsok-bench`: speed figures for Rådsøk beside SQLite FTS5 and Tantivy on the same synthetic corpus.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "radsok-bench",
        abstract: "Generate a synthetic council corpus and measure Rådsøk against SQLite FTS5 and Tantivy on it.",
        discussion: """
            Build in release mode first (swift build -c release), then:
              radsok-bench generate --size 100MB --out /tmp/radsok-100mb
              radsok-bench run --corpus /tmp/radsok-100mb
            """,
        subcommands: [GenerateCommand.self, RunCommand.self, ChildCommand.self]
    )
}
