import CouncilDocuments
import Foundation
import Synchronization

/// Document texts read back from the corpus, shared by every request a server answers from one
/// index (a file is read and its hash checked once, not once per request), up to a byte budget.
public final class DocumentTextCache: Sendable {
    private let texts = Mutex<(byIndex: [Int: String], bytes: Int)>(([:], 0))
    public let budget: Int

    public init(budget: Int = 512 << 20) {
        self.budget = budget
    }

    func text(_ fileIndex: Int) -> String? { texts.withLock { $0.byIndex[fileIndex] } }

    func store(_ text: String, for fileIndex: Int) {
        texts.withLock { state in
            guard state.byIndex[fileIndex] == nil, state.bytes + text.utf8.count <= budget else { return }
            state.byIndex[fileIndex] = text
            state.bytes += text.utf8.count
        }
    }
}

/// Reads section text back from the corpus files, which the index does not copy.
///
/// A file whose bytes no longer hash to what was indexed is refused: its byte ranges would cut
/// the wrong text.
public struct SectionTextSource: Sendable {
    public let corpusPath: String
    private let files: [IndexedFile]
    private var cache: [Int: String] = [:]
    private var pageBreaks: [Int: PageBreaks] = [:]
    private let shared: DocumentTextCache?
    /// PDFs are read from the text the build extracted, not extracted (or OCR'd) again.
    private let pdf: PDFReading

    public init(reader: IndexReader, corpusPath: String? = nil, shared: DocumentTextCache? = nil) {
        self.corpusPath = corpusPath ?? reader.metadata.corpusPath
        self.files = reader.metadata.files
        self.shared = shared
        self.pdf = PDFReading(cache: reader.folder.map { ExtractedTextCache(indexFolder: $0) })
    }

    public mutating func text(of record: SectionRecord) throws(IndexError) -> String {
        try documentText(record.fileIndex).utf8Slice(record.section.byteRange)
    }

    public func fileID(_ fileIndex: Int) -> String { files[fileIndex].id }

    /// The pages a section stands on, for a document with pages (a PDF); nil otherwise, and when
    /// the file cannot be read back.
    public mutating func pages(of record: SectionRecord) -> ClosedRange<Int>? {
        guard let breaks = breaks(record.fileIndex), breaks.hasPages,
              let text = try? documentText(record.fileIndex) else { return nil }
        return breaks.pages(of: record.section.byteRange, in: text)
    }

    /// The pages of a run of a file's lines, as `pages(of:)`.
    public mutating func pages(ofLines lines: ClosedRange<Int>, inFile fileIndex: Int) -> ClosedRange<Int>? {
        breaks(fileIndex)?.pages(ofLines: lines)
    }

    private mutating func breaks(_ fileIndex: Int) -> PageBreaks? {
        if let known = pageBreaks[fileIndex] { return known }
        guard let text = try? documentText(fileIndex) else { return nil }
        let breaks = PageBreaks(text)
        pageBreaks[fileIndex] = breaks
        return breaks
    }

    public mutating func documentText(_ fileIndex: Int) throws(IndexError) -> String {
        if let cached = cache[fileIndex] ?? shared?.text(fileIndex) { return cached }
        let file = files[fileIndex]
        let path = (corpusPath as NSString).appendingPathComponent(file.id)
        let document: SourceDocument
        // The messages name the file as the index does, never where the corpus is: a server
        // shows them to its clients.
        do {
            document = try DocumentReader.read(path: path, id: file.id, pdf: pdf)
        } catch {
            throw .io("\(file.id) cannot be read from the corpus (deleted or moved since the index was built); "
                + "rebuild the index with 'radsok index'")
        }
        guard document.contentHash == file.contentHash else {
            throw .io("\(file.id) has changed since the index was built; rebuild the index with 'radsok index'")
        }
        cache[fileIndex] = document.text
        shared?.store(document.text, for: fileIndex)
        return document.text
    }
}
