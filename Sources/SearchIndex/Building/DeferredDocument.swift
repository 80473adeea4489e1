import CouncilDocuments
import Foundation

/// A damaged document waiting for the corpus lexicon that will repair it.
///
/// Its text is read again when its turn comes rather than held from the reading phase: held, a
/// corpus with many scans would keep all their text in memory at once, outside any budget. Only
/// a PDF read without a cache of extracted text is held, because reading it again would mean
/// extracting (or OCRing) it again.
enum DeferredDocument: Sendable {
    case held(SourceDocument)
    /// Read again from `path`; `contentHash` is what was read the first time.
    case onDisk(path: String, id: String, contentHash: UInt64, byteCount: Int)

    /// Holds `document` only when reading it again would be costly.
    init(_ document: SourceDocument, path: String, pdf: PDFReading) {
        let isPDF = (path as NSString).pathExtension.lowercased() == "pdf"
        if isPDF && pdf.cache == nil {
            self = .held(document)
        } else {
            self = .onDisk(path: path, id: document.id, contentHash: document.contentHash,
                           byteCount: document.byteCount)
        }
    }

    var byteCount: Int {
        switch self {
        case .held(let document): document.byteCount
        case .onDisk(_, _, _, let byteCount): byteCount
        }
    }

    /// The document, read again if it was let go: nil when the file is no longer what was read
    /// (changed or gone since), which the caller reports as a file changed while being indexed.
    func document(pdf: PDFReading) -> SourceDocument? {
        switch self {
        case .held(let document):
            return document
        case .onDisk(let path, let id, let contentHash, _):
            guard let document = try? DocumentReader.read(path: path, id: id, pdf: pdf),
                  document.contentHash == contentHash else { return nil }
            return document
        }
    }
}
