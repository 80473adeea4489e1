import ArgumentParser
import Foundation
import NorwegianText
import SearchIndex

struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Print the index term of each word read from stdin (one per line), after OCR repair and stemming.",
        discussion: """
            For scoring the word normalizer on word lists: a damaged word and its correct form \
            should give the same term, two different real words different terms. The lexicon \
            comes from the clean documents of the corpus and, when installed, /usr/share/dict/bokmaal.
            """
    )

    @Flag(help: "Repair as in a heavily damaged document (otherwise: as in a clean one).")
    var damaged = false

    @OptionGroup var location: LocationOptions

    func run() throws {
        location.noteWhere()
        let lexicon: Lexicon
        do {
            lexicon = try CorpusLexicon.build(corpus: location.corpusPath)
        } catch {
            throw CommandFailure.failure(error.description)
        }
        let analyzer = Analyzer.norwegian.withOCRRepair(WordRepairer(lexicon: lexicon), profile: damaged ? .heavilyDamaged : .clean)
        var output = ""
        while let line = readLine(strippingNewline: true) {
            output += Self.term(of: line, analyzer: analyzer) + "\n"
            if output.utf8.count > 1 << 16 {
                FileHandle.standardOutput.write(Data(output.utf8))
                output = ""
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }

    /// The term of the first word: its repair when there is one, else the word itself.
    static func term(of line: String, analyzer: Analyzer) -> String {
        let tokens = analyzer.analyze(line)
        guard let first = tokens.first else { return "" }
        let atFirst = tokens.prefix { $0.position == first.position }
        return (atFirst.last { $0.flags.contains(.synonym) } ?? first).text
    }
}
