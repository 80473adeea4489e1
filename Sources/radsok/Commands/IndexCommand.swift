import ArgumentParser
import Foundation
import SearchIndex

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build the index of the corpus (replacing the old one only when the new one is complete).",
        discussion: """
            On a terminal a progress bar shows files and megabytes read, the rate and the time left; \
            at the end one line sums up what was built, wherever the output goes.
            """
    )

    @OptionGroup var location: LocationOptions

    @Option(help: ArgumentHelp(
        "About how much memory the merge of the postings may hold (512MB, 1GB …); past it, it works through "
            + "files in the index folder.",
        discussion: "Default: an eighth of the machine's memory, between 64 MB and 512 MB (here \(ByteSize(bytes: IndexBuilder.defaultMemoryBudget)))."))
    var memory: ByteSize?

    func validate() throws {
        if let memory, memory.bytes < 1 << 20 { throw ValidationError("--memory must be at least 1MB, not \(memory)") }
    }

    func run() throws {
        location.noteWhere()
        let report: BuildReport
        var builder = IndexBuilder()
        if let memory { builder.memoryBudget = memory.bytes }
        do {
            report = try builder.build(corpus: location.corpusPath, into: location.indexPath,
                                       progress: Terminal.progressLine(), waiting: Terminal.note)
        } catch {
            Terminal.endProgressLine()
            throw CommandFailure.failure(error.description)
        }
        Terminal.endProgressLine()
        // One line for everything left out, so a corpus with many odd files stays readable.
        if let summary = report.skipSummary { Terminal.note(summary) }
        report.notes.forEach(Terminal.note)
        if let update = Self.update(report) { print(update) }
        print(Self.summary(report, index: location.indexPath))
    }

    /// "3 files added, 1 changed, 0 removed; 52 unchanged files taken from their segments; 0.41 s":
    /// what an update did, when there was an index to update.
    static func update(_ report: BuildReport) -> String? {
        guard let changes = report.changes else { return nil }
        if report.upToDate {
            return "nothing changed: the index is up to date, nothing read or written; "
                + String(format: "%.2f s", report.seconds)
        }
        return changes.summary + "; " + Plural.count(changes.reused, "file")
            + String(format: " taken from segments without analysis; %.2f s", report.seconds)
    }

    /// "indexed 5 files (0.26 MB), 1 234 sections, … in 0.41 s (0.6 MB/s); index …": the line a
    /// build always ends with, on a terminal or in a log.
    static func summary(_ report: BuildReport, index: String) -> String {
        let megabytes = Double(report.corpusBytes) / 1e6
        let ratio = Double(report.indexBytes) / Double(max(1, report.corpusBytes))
        let contents = Plural.count(report.files, "file") + String(format: " (%.2f MB), ", megabytes)
            + Plural.count(report.sections, "section") + ", " + Plural.count(report.terms, "term")
        let size = String(format: "index %.2f MB = %.2f× the corpus, in ", Double(report.indexBytes) / 1e6, ratio)
        if report.upToDate { return "the index holds " + contents + "; " + size + index }
        return "indexed " + contents
            + String(format: " in %.2f s (%.1f MB/s); ", report.seconds, megabytes / max(report.seconds, 1e-9))
            + size + index
    }
}

extension ByteSize: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
