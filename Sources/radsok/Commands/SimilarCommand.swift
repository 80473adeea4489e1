import ArgumentParser
import Foundation
import SearchIndex

struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "Find earlier paragraphs worded like a draft, with exact text and a citation to paste.",
        discussion: """
            Give the draft as an argument, with --file, or on standard input. Paragraphs that \
            recur nearly unchanged (boilerplate) are shown once with every place they stand.

            Examples:
              radsok similar "Rådet slutter seg til innspillet med de kommentarer som kom på møtet"
              radsok similar --file utkast.txt --json
              pbpaste | radsok similar
            """
    )

    @Argument(help: "The draft paragraph (or use --file, or standard input).")
    var draft: [String] = []

    @Option(help: "Read the draft from this file.")
    var file: String?

    @OptionGroup var location: LocationOptions

    @Option(help: "How many passages to show (1–100).")
    var limit = 5

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    /// Drafts longer than this are cut: a paragraph or a page is what the comparison is for.
    static let maximumDraftBytes = 64 * 1024

    func validate() throws {
        guard (1...100).contains(limit) else { throw ValidationError("--limit must be between 1 and 100") }
        guard draft.isEmpty || file == nil else { throw ValidationError("give the draft as an argument or with --file, not both") }
    }

    func run() throws {
        let text = try readDraft()
        guard !text.allSatisfy(\.isWhitespace) else { throw CommandFailure.usage("the draft is empty: give a paragraph to compare") }
        let reader = try location.openIndex()
        var texts = SectionTextSource(reader: reader, corpusPath: location.corpusPath)
        let response: SimilarResponse
        do {
            response = try SimilarPassages(reader: reader).similar(to: text, limit: limit, texts: &texts)
        } catch {
            throw CommandFailure.failure(String(describing: error))
        }
        if json {
            print(try ContractJSON.string(response))
        } else {
            print(Self.render(response))
        }
    }

    private func readDraft() throws -> String {
        let data: Data
        if let file {
            guard let read = FileManager.default.contents(atPath: file) else { throw CommandFailure.failure("cannot read \(file)") }
            data = read
        } else if !draft.isEmpty {
            return String(draft.joined(separator: " ").utf8.prefix(Self.maximumDraftBytes)) ?? ""
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let bytes = data.prefix(Self.maximumDraftBytes)
        return String(data: bytes, encoding: .utf8) ?? String(decoding: bytes, as: UTF8.self)
    }

    static func render(_ response: SimilarResponse) -> String {
        guard !response.passages.isEmpty else { return "No earlier paragraph shares the draft's words." }
        var lines: [String] = []
        for (rank, passage) in response.passages.enumerated() {
            lines.append("\(String(format: "%2d", rank + 1)). " + Terminal.bold(passage.place.citation)
                         + Terminal.dim(String(format: "  (likhet %.2f)", passage.score)))
            let place = passage.place
            lines.append("    " + Terminal.dim(["\(place.file):\(place.lines[0])-\(place.lines[1])", passage.kind, place.date].compactMap { $0 }.joined(separator: " · ")))
            for line in passage.text.split(separator: "\n", omittingEmptySubsequences: false) { lines.append("    │ " + line) }
            if passage.occurrences.count > 1 {
                lines.append("    " + Terminal.dim("Same text in \(passage.occurrences.count) places: "
                    + passage.occurrences.map { $0.caseID.map { "sak \($0)" } ?? "\($0.file):\($0.lines[0])" }.joined(separator: ", ")))
            }
            lines.append("")
        }
        if let note = response.note { lines.append(Terminal.dim(note)) }
        lines.append(String(format: "%d passages, %.2f ms", response.passages.count, response.tookMs))
        return lines.joined(separator: "\n")
    }
}
