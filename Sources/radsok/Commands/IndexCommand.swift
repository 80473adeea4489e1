import ArgumentParser
import Foundation
import SearchIndex

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build the index of the corpus (replacing the old one only when the new one is complete)."
    )

    @OptionGroup var location: LocationOptions

    func run() throws {
        let report: BuildReport
        do {
            report = try IndexBuilder().build(corpus: location.corpusPath, into: location.indexPath,
                                              progress: Terminal.progressLine(), waiting: Terminal.note)
        } catch {
            Terminal.endProgressLine()
            throw CommandFailure.failure(error.description)
        }
        Terminal.endProgressLine()
        // One line for everything left out, so a corpus with many odd files stays readable.
        if let summary = report.skipSummary { Terminal.note(summary) }
        report.notes.forEach(Terminal.note)
        let ratio = Double(report.indexBytes) / Double(max(1, report.corpusBytes))
        print(String(format: "indexed %d files, %d sections, %d terms in %.2f s (%.1f MB/s); index %.2f MB = %.2f× the corpus, in %@",
                     report.files, report.sections, report.terms, report.seconds,
                     Double(report.corpusBytes) / 1e6 / max(report.seconds, 1e-9),
                     Double(report.indexBytes) / 1e6, ratio, location.indexPath))
    }
}
