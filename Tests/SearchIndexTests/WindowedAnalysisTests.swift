import CouncilDocuments
import Foundation
import NorwegianText
import Synchronization
import Testing
@testable import SearchIndex

/// Large files are analysed window by window and long lines piece by piece, so memory follows
/// the window instead of the file (a 200 MB file took 6 GB); the index must not change.
@Suite("Analysing a document window by window")
struct WindowedAnalysisTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Corpus").standardized.path

    /// The text of every document of Corpus/, by id.
    static func corpusTexts() throws -> [String: String] {
        var texts: [String: String] = [:]
        for file in try CorpusScanner.files(in: corpus) { texts[file.id] = try DocumentReader.read(path: file.path, id: file.id).text }
        return texts
    }

    /// Text with what could go wrong at a cut: CRLF, OCR glyphs beside spaces and line breaks,
    /// case numbers, long lines, emoji, combining marks.
    static let awkward = (0..<60).map { i in
        "Sak \(i % 40)/2/25 p& m@te | Rådsmøte\r\n"
            + String(repeating: "blåbær HO21-rådet 8/1/25 🙂 e\u{301}n ", count: i % 7 * 40)
            + "& |\n@ystein\n"
    }.joined()

    /// The tokens of every window, pieces cut small, with positions continued across windows.
    static func windowedTokens(_ text: String, sections: [Section], windowBytes: Int, pieceBytes: Int) -> [Token] {
        let windowed = WindowedDocument(text: text, sections: sections, windowBytes: windowBytes)
        var pieces = PieceTokenizer(tokenizer: ICUWordTokenizer())
        pieces.pieceBytes = pieceBytes
        var all: [Token] = []
        for w in windowed.windows.indices {
            let base = Int32(all.count)
            all += windowed.tokens(ofWindow: w, tokenizer: pieces).map { var t = $0; t.position += base; return t }
        }
        return all
    }

    @Test("windows and pieces give the tokens of the whole text", arguments: [(256, 64), (4096, 1000), (1 << 16, 1 << 18)])
    func sameTokens(windowBytes: Int, pieceBytes: Int) throws {
        for text in [Self.awkward] + Array(try Self.corpusTexts().values) {
            let sections = Sectioner().sections(text: text, documentID: "x.txt")
            let windowed = Self.windowedTokens(text, sections: sections, windowBytes: windowBytes, pieceBytes: pieceBytes)
            #expect(windowed == ICUWordTokenizer().tokenize(text))
        }
    }

    @Test("windows cover the text, cut only between sections, keep the sections' order")
    func windowsCover() throws {
        for (id, text) in try Self.corpusTexts() {
            let sections = Sectioner().sections(text: text, documentID: id)
            let windows = DocumentWindows.make(sections, textBytes: text.utf8.count, targetBytes: 2000)
            #expect(windows.count > text.utf8.count / 20_000)
            #expect(windows.first?.bytes.lowerBound == 0 && windows.last?.bytes.upperBound == text.utf8.count)
            #expect(windows.first?.sections.lowerBound == 0 && windows.last?.sections.upperBound == sections.count)
            for (a, b) in zip(windows, windows.dropFirst()) {
                #expect(a.bytes.upperBound == b.bytes.lowerBound && a.sections.upperBound == b.sections.lowerBound)
            }
            for window in windows {
                #expect(sections[window.sections].allSatisfy {
                    window.bytes.contains($0.byteRange.lowerBound) && $0.byteRange.upperBound <= window.bytes.upperBound
                })
            }
        }
    }

    @Test("no cut leaves a section of the sectioner's order behind it: a decision stays with its case")
    func decisionAfterParts() {
        let parts = [0..<10, 10..<20, 5..<8, 20..<30].map { Section(firstLine: 1, lastLine: 1, byteRange: $0, kind: .other) }
        #expect(DocumentWindows.make(parts, textBytes: 30, targetBytes: 1)
                == [.init(bytes: 0..<20, sections: 0..<3), .init(bytes: 20..<30, sections: 3..<4)])
    }

    @Test("the index is the same with small windows as with one window per document")
    func sameIndex() throws {
        let folder = try TestCorpus(files: try Self.corpusTexts().merging(["stor.txt": Self.awkward]) { a, _ in a })
        defer { folder.remove() }
        var small = IndexBuilder()
        small.analysisWindowBytes = 512
        small.wordList = nil
        var whole = small
        whole.analysisWindowBytes = Int.max / 2
        let (a, _) = try small.makeContents(corpus: folder.corpus, progress: nil)
        let (b, _) = try whole.makeContents(corpus: folder.corpus, progress: nil)
        #expect(try a.sections.all() == b.sections.all())
        #expect(a.terms.map(\.text) == b.terms.map(\.text))
        #expect(try a.postings.load() == b.postings.load())
        #expect(a.repairs.map(\.key) == b.repairs.map(\.key))
        #expect(a.metadata.files.map(\.damaged) == b.metadata.files.map(\.damaged))
    }

    /// Remembers the longest text it was given.
    final class MeasuringTokenizer: Tokenizer {
        let longest = Mutex(0)
        func tokenize(_ text: String) -> [Token] {
            longest.withLock { $0 = max($0, text.utf8.count) }
            return ICUWordTokenizer().tokenize(text)
        }
    }

    @Test("a large file is never analysed whole: the tokenizer sees a window or a piece at a time")
    func bounded() throws {
        var big = ""
        while big.utf8.count < 1 << 20 { big += Self.awkward }
        big += String(repeating: "énorm linje uten linjeskift ", count: 25_000) + "\n"
        let folder = try TestCorpus(files: ["stor.txt": big])
        defer { folder.remove() }
        let measuring = MeasuringTokenizer()
        var builder = IndexBuilder(analyzer: Analyzer(tokenizer: measuring, filters: Analyzer.norwegian.filters))
        builder.wordList = nil
        try builder.build(corpus: folder.corpus, into: folder.index)
        #expect(measuring.longest.withLock { $0 } <= 1 << 19)
    }
}
