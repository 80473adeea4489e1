import ArgumentParser
import Foundation
import SearchIndex

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the corpus; ranked sections with case, meeting, date and a snippet.",
        discussion: """
            Words are matched in all their inflected forms (høringssvar, høringssvaret) and \
            also when typed without æ, ø, å (horingssvar, hoeringssvar, radsmote). Sections \
            with all the words come first.
            """
    )

    @Argument(help: "The words to search for.")
    var query: [String] = []

    @OptionGroup var location: LocationOptions

    @Option(help: "How many hits to show (1–1000).")
    var limit = 10

    @Flag(help: "Print one JSON object (the contract of DESIGN.md) instead of text.")
    var json = false

    func validate() throws {
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000") }
        guard !query.joined().allSatisfy(\.isWhitespace) else { throw ValidationError("the query is empty: give words to search for") }
    }

    func run() throws {
        let reader = try location.openIndex()
        let service = SearchService(reader: reader)
        var texts = SectionTextSource(reader: reader, corpusPath: location.corpusPath)
        let response: SearchResponse
        do {
            response = try service.search(query.joined(separator: " "), limit: limit, texts: &texts)
        } catch {
            throw CommandFailure.failure(error.description)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(response), as: UTF8.self))
        } else {
            print(HitFormatter.render(response))
        }
    }
}

/// The readable list of hits for a terminal.
enum HitFormatter {
    static func render(_ response: SearchResponse) -> String {
        guard !response.hits.isEmpty else { return "No sections match “\(response.query)”." }
        var lines: [String] = []
        for (rank, hit) in response.hits.enumerated() {
            var head = "\(String(format: "%2d", rank + 1)). "
            if let id = hit.caseID { head += Terminal.bold("Sak \(id)") + "  " }
            head += Terminal.bold(hit.title ?? "(\(hit.kind))")
            lines.append(head)
            var facts = ["\(hit.file):\(hit.lines[0])-\(hit.lines[1])", hit.kind]
            if let meeting = hit.meeting { facts.append("møte \(meeting)") }
            if let date = hit.date { facts.append(date) }
            facts.append(String(format: "score %.2f", hit.score))
            lines.append("    " + Terminal.dim(facts.joined(separator: " · ")))
            let snippet = Terminal.stdoutIsTTY ? hit.snippetValue.rendered(open: "\u{1B}[1;33m", close: "\u{1B}[0m") : hit.snippet
            lines.append("    " + snippet)
            lines.append("")
        }
        lines.append(String(format: "%d of %d matching sections, %.2f ms", response.hits.count, response.total, response.tookMs))
        return lines.joined(separator: "\n")
    }
}
