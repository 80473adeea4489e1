import CouncilDocuments
import Foundation

/// Reads section text back from the corpus files, which the index does not copy.
///
/// A file whose bytes no longer hash to what was indexed is refused: its byte ranges would cut
/// the wrong text.
public struct SectionTextSource: Sendable {
    public let corpusPath: String
    private let files: [IndexedFile]
    private var cache: [Int: String] = [:]

    public init(reader: IndexReader, corpusPath: String? = nil) {
        self.corpusPath = corpusPath ?? reader.metadata.corpusPath
        self.files = reader.metadata.files
    }

    public mutating func text(of record: SectionRecord) throws(IndexError) -> String {
        try documentText(record.fileIndex).utf8Slice(record.section.byteRange)
    }

    public func fileID(_ fileIndex: Int) -> String { files[fileIndex].id }

    public mutating func documentText(_ fileIndex: Int) throws(IndexError) -> String {
        if let cached = cache[fileIndex] { return cached }
        let file = files[fileIndex]
        let path = (corpusPath as NSString).appendingPathComponent(file.id)
        let document: SourceDocument
        do {
            document = try DocumentReader.read(path: path, id: file.id)
        } catch {
            throw .io("cannot read \(file.id) back from the corpus: \(error.description)")
        }
        guard document.contentHash == file.contentHash else {
            throw .io("\(file.id) changed since it was indexed; run 'radsok index' to refresh the index")
        }
        cache[fileIndex] = document.text
        return document.text
    }
}
