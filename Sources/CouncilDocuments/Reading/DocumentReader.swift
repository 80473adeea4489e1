import Foundation

/// A corpus file read as text.
public struct SourceDocument: Sendable {
    /// Path relative to the corpus folder: the document's id in results.
    public let id: String
    public let text: String
    public let encoding: TextEncoding
    /// Hash of the file's bytes, so text read back later can be checked against what was indexed.
    public let contentHash: UInt64
    public let byteCount: Int
    /// Bytes that were not valid UTF-8 and were read as Windows-1252.
    public var windows1252Bytes = 0
    /// What a build should tell about how the file was read (a PDF's pages read by OCR).
    public var note: String?
    /// Part of the file could not be read for want of a tool (a scanned PDF page without
    /// Tesseract): what is read now is not what the file holds, so nothing of it is kept.
    public var isPartial = false

    public init(id: String, text: String, encoding: TextEncoding, contentHash: UInt64, byteCount: Int) {
        self.id = id
        self.text = text
        self.encoding = encoding
        self.contentHash = contentHash
        self.byteCount = byteCount
    }
}

/// Reads .txt, .md, .html and .pdf files into `SourceDocument`s.
public enum DocumentReader {
    public static let supportedExtensions: Set<String> = ["txt", "md", "markdown", "html", "htm", "pdf"]
    /// Larger files are not council documents; refusing them keeps memory bounded.
    public static let maximumBytes = 256 << 20

    public static func isSupported(_ path: String) -> Bool {
        supportedExtensions.contains((path as NSString).pathExtension.lowercased())
    }

    /// The `contentHash` that `read` would record for the file, without decoding it; nil when it
    /// cannot be read (it is opened the same careful way: never a FIFO, never past the size limit).
    public static func contentHash(path: String) -> UInt64? {
        guard let bytes = try? bytes(path: path, id: path) else { return nil }
        return ContentHash.of(bytes)
    }

    /// A file's bytes as a document is read: copied, never mapped (a file truncated under a
    /// mapping kills the reader with SIGBUS), never a FIFO or device, never past `maximumBytes`.
    public static func bytes(path: String, id: String) throws(DocumentReadError) -> [UInt8] {
        try FileBytes.read(path: path, id: id, limit: maximumBytes)
    }

    /// - Parameter pdf: how a PDF is read: the tools, and the cache of the index (none: extracted anew).
    public static func read(path: String, id: String, pdf: PDFReading = PDFReading()) throws(DocumentReadError) -> SourceDocument {
        let ext = (path as NSString).pathExtension.lowercased()
        guard supportedExtensions.contains(ext) else { throw .unsupportedType(path: id) }
        let bytes = try bytes(path: path, id: id)
        if ext == "pdf" { return try pdf.read(bytes, path: path, id: id) }
        return try decode(bytes, id: id, isHTML: ext == "html" || ext == "htm")
    }

    /// The document of a file's bytes; the last step replaces stray control characters, so that
    /// none comes through any decoder or an HTML entity (`&#0;`).
    public static func decode(_ bytes: [UInt8], id: String, isHTML: Bool = false) throws(DocumentReadError) -> SourceDocument {
        let decoded = try TextDecoding.decode(bytes, path: id)
        var text = isHTML ? HTMLText.plainText(decoded.text) : decoded.text
        text = ControlCharacters.replacingStray(in: text)
        var document = SourceDocument(id: id, text: text, encoding: decoded.encoding,
                                      contentHash: ContentHash.of(bytes), byteCount: bytes.count)
        document.windows1252Bytes = decoded.windows1252Bytes
        return document
    }
}
