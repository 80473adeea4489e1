import Foundation

/// How a PDF becomes a `SourceDocument`: extracted by `PDFExtraction` unless the index's
/// `ExtractedTextCache` already holds its text, and recorded there when it did not.
///
/// The document's content hash is the PDF's, not the text's: it is what tells a changed file
/// from an unchanged one, and what a reader checks before it cuts sections out of the text.
public struct PDFReading: Sendable {
    public var extraction: PDFExtraction
    public var cache: ExtractedTextCache?
    /// Called as scanned pages are OCR'd: file id, page, pages to OCR.
    public var progress: (@Sendable (_ id: String, _ page: Int, _ pages: Int) -> Void)?

    public init(extraction: PDFExtraction = PDFExtraction(), cache: ExtractedTextCache? = nil) {
        self.extraction = extraction
        self.cache = cache
    }

    func read(_ bytes: [UInt8], path: String, id: String) throws(DocumentReadError) -> SourceDocument {
        guard Self.hasHeader(bytes) else {
            throw .extractionFailed(path: id, reason: "not a PDF (no %PDF- header)")
        }
        let hash = ContentHash.of(bytes)
        let text: String
        var note: String?
        var isPartial = false
        switch cache?.entry(hash: hash) {
        case .text(let cached):
            text = cached
        case .failed(let reason):
            throw .extractionFailed(path: id, reason: reason)
        case nil:
            let result = try extract(path: path, id: id, hash: hash)
            text = result.text
            note = Self.note(result, id: id)
            isPartial = result.unreadPages > 0
        }
        guard text.unicodeScalars.contains(where: \.properties.isAlphabetic) else {
            if extraction.tools.canOCR { throw .empty(path: id) }
            throw .needsTool(path: id, tool: "tesseract", package: "tesseract-ocr and tesseract-ocr-nor")
        }
        var document = SourceDocument(id: id, text: ControlCharacters.replacingStray(in: text), encoding: .utf8,
                                      contentHash: hash, byteCount: bytes.count)
        document.note = note
        document.isPartial = isPartial
        return document
    }

    /// "a.pdf: 3 of 12 pages have no text layer and were read by OCR", or what to install.
    static func note(_ result: PDFExtraction.Result, id: String) -> String? {
        let of = "\(result.scannedPages + result.unreadPages) of \(result.pages) pages"
        if result.unreadPages > 0 {
            return "\(id): \(of) have no text layer and were left out; install tesseract-ocr and "
                + "tesseract-ocr-nor to read them"
        }
        return result.scannedPages > 0 ? "\(id): \(of) have no text layer and were read by OCR" : nil
    }

    private func extract(path: String, id: String, hash: UInt64) throws(DocumentReadError) -> PDFExtraction.Result {
        let progress = self.progress.map { report in { @Sendable (page: Int, pages: Int) in report(id, page, pages) } }
        do {
            let result = try extraction.extract(path: path, progress: progress)
            // Pages left unread for want of Tesseract are read once it is installed: not cached.
            if result.unreadPages == 0 { cache?.store(.text(result.text), hash: hash) }
            return result
        } catch {
            switch error {
            case .missingTool:
                throw .needsTool(path: id, tool: "pdftotext", package: "poppler-utils")
            case .tool(let name, let failure):
                let reason = "\(name) \(failure)"
                // A time limit missed on a loaded machine may be met later; a crash or a refusal will not.
                if case .timedOut = failure {} else { cache?.store(.failed(reason), hash: hash) }
                throw .extractionFailed(path: id, reason: reason)
            }
        }
    }

    /// PDF readers accept the header anywhere in the first 1024 bytes.
    static func hasHeader(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(1024).firstRange(of: Array("%PDF-".utf8)) != nil
    }
}
