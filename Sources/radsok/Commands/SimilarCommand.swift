import ArgumentParser
import CouncilDocuments
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

    /// Drafts longer than this are refused: a paragraph or a page is what the comparison is for.
    static let maximumDraftBytes = 64 * 1024

    func validate() throws {
        guard (1...100).contains(limit) else { throw ValidationError("--limit must be between 1 and 100") }
        guard draft.isEmpty || file == nil else { throw ValidationError("give the draft as an argument or with --file, not both") }
    }

    func run() throws {
        let text = try Self.draftText(readDraft())
        let response: SimilarResponse
        do {
            response = try location.withIndex { reader in
                var texts = SectionTextSource(reader: reader, corpusPath: location.corpusPath)
                return try SimilarPassages(reader: reader).similar(to: text, limit: limit, texts: &texts)
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure.failure(String(describing: error))
        }
        if json {
            print(try ContractJSON.string(response))
        } else {
            print(Self.render(response))
        }
    }

    private func readDraft() throws -> Data {
        if let file {
            guard let read = FileManager.default.contents(atPath: file) else { throw CommandFailure.failure("cannot read \(file)") }
            return read
        }
        if !draft.isEmpty { return Data(draft.joined(separator: " ").utf8) }
        return FileHandle.standardInput.readDataToEndOfFile()
    }

    /// The draft as text, decoded as corpus files are (UTF-8, UTF-16 or Windows-1252, stray
    /// controls as spaces), or a usage failure that says what is wrong with it: too long, binary,
    /// empty, or without a word.
    static func draftText(_ data: Data) throws -> String {
        guard data.count <= maximumDraftBytes else {
            throw CommandFailure.usage("the draft is \(data.count / 1024) KB; similar compares at most "
                                       + "\(maximumDraftBytes / 1024) KB: give a paragraph or a page")
        }
        let text: String
        do {
            text = try TextDecoding.decode(Array(data), path: "the draft").text
        } catch .binary {
            throw CommandFailure.usage("the draft is binary, not text: give a paragraph to compare")
        } catch {
            throw CommandFailure.usage("the draft is empty: give a paragraph to compare")
        }
        guard text.contains(where: { $0.isLetter || $0.isNumber }) else {
            throw CommandFailure.usage("the draft has no words: give a paragraph to compare")
        }
        return text
    }

    /// Each passage with its citation and place, its text ready to copy — on a terminal behind a
    /// quote bar, wrapped to the width; piped or with `NO_COLOR`, as one plain line, so what is
    /// copied is the text —
    /// and for a damaged source the machine-repaired reading.
    static func render(_ response: SimilarResponse, quoted: Bool = Terminal.styled) -> String {
        guard !response.passages.isEmpty else { return "No earlier passage shares the draft's words." }
        var lines: [String] = []
        func quote(_ text: String) {
            guard quoted else { lines.append(text); return }
            for line in Self.wrapped(text, width: 92) { lines.append("    " + Terminal.quotePrefix + line) }
        }
        for (rank, passage) in response.passages.enumerated() {
            lines.append("\(String(format: "%2d", rank + 1)). " + Terminal.bold(passage.place.citation)
                         + Terminal.dim(String(format: "  (likhet %.2f)", passage.score)))
            let place = passage.place
            let where_ = [Place.text(file: place.file, lines: place.lines, pages: place.pages), passage.kind, place.date].compactMap { $0 }
            lines.append("    " + Terminal.dim(where_.joined(separator: " · ")))
            quote(passage.text)
            if let repaired = passage.textRepaired {
                lines.append("    " + Terminal.dim("Machine-repaired reading (OCR-damaged source; check against it):"))
                quote(repaired)
            }
            if passage.occurrences.count > 1 {
                let places = passage.occurrences.map { $0.caseID.map { "sak \($0)" } ?? "\($0.file):\($0.lines[0])" }
                let same = "Same text in \(Plural.count(passage.occurrences.count, "place")): "
                lines.append("    " + Terminal.dim(same + places.joined(separator: ", ")))
            }
            lines.append("")
        }
        if let note = response.note { lines.append(Terminal.dim(note)) }
        lines.append(Plural.count(response.passages.count, "passage") + String(format: ", %.2f ms", response.tookMs))
        return lines.joined(separator: "\n")
    }

    /// `text` cut into lines of at most `width` characters at spaces (a longer word stands alone).
    static func wrapped(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
