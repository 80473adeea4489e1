import Foundation

/// A PDF's text, page by page: poppler's reading order for pages with a text layer, Tesseract's
/// for pages without one (scans).
///
/// Pages are joined with a line holding only a form feed (U+000C), which is what marks a page
/// break in text files too (`PageBreaks` counts them): the document stays plain text that every
/// reader of the index (sections, snippets, `show`, `similar`) handles as any other, and the page
/// of a byte offset is one more than the form feeds before it.
public struct PDFExtraction: Sendable {
    public struct Result: Sendable, Equatable {
        public var text: String
        public var pages: Int
        /// Pages read by OCR.
        public var scannedPages: Int
        /// Pages without a text layer left empty because no OCR tool is installed: such a result
        /// is not cached.
        public var unreadPages: Int
    }

    /// Progress while a file's scanned pages are OCR'd (page n of pages, 1-based), which takes
    /// seconds a page.
    public typealias Progress = @Sendable (_ page: Int, _ pages: Int) -> Void

    public var tools: PDFTools
    /// Per tool run. pdftotext reads a large package in well under a second; OCR takes a few
    /// seconds a page at 300 dpi.
    public var textSeconds: Double = 60
    public var pageSeconds: Double = 120
    public var memoryBytes = 1 << 30
    /// A page with fewer letters than this in its text layer is taken for a scan (a scan's text
    /// layer is empty, or holds only a page number or a stamp).
    public var minimumLetters = 20
    /// Rendering resolution for OCR: Tesseract's documentation asks for at least 300 dpi.
    public var dpi = 300

    public init(tools: PDFTools = .installed) {
        self.tools = tools
    }

    public enum Failure: Error, Equatable, Sendable {
        case missingTool
        case tool(String, ChildTool.Failure)
    }

    public func extract(path: String, progress: Progress? = nil) throws(Failure) -> Result {
        guard let pdftotext = tools.pdftotext else { throw .missingTool }
        let tool = ChildTool(executable: pdftotext, seconds: textSeconds, memoryBytes: memoryBytes)
        let layer: [UInt8]
        do {
            layer = try tool.run(["-enc", "UTF-8", "-eol", "unix", path, "-"])
        } catch {
            throw .tool("pdftotext", error)
        }
        var pages = Self.pages(of: String(decoding: layer, as: UTF8.self))
        var scanned = 0
        var unread = 0
        let toOCR = pages.indices.filter { Self.letterCount(pages[$0]) < minimumLetters }
        for (done, index) in toOCR.enumerated() {
            guard tools.canOCR else {
                unread += 1
                continue
            }
            progress?(done + 1, toOCR.count)
            let recognized = try ocr(path: path, page: index + 1)
            if Self.letterCount(recognized) >= Self.letterCount(pages[index]) {
                pages[index] = recognized
                scanned += 1
            }
        }
        let text = pages.map { $0.hasSuffix("\n") || $0.isEmpty ? $0 : $0 + "\n" }.joined(separator: "\u{0C}\n")
        return Result(text: text, pages: pages.count, scannedPages: scanned, unreadPages: unread)
    }

    /// Renders one page to a grey PNG in a folder of its own and reads it with Tesseract.
    func ocr(path: String, page: Int) throws(Failure) -> String {
        guard let pdftoppm = tools.pdftoppm, let tesseract = tools.tesseract else { return "" }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("radsok-ocr-\(UUID().uuidString)").path
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else {
            throw .tool("pdftoppm", .cannotStart("cannot make a temporary folder"))
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let image = folder + "/page"
        let render = ChildTool(executable: pdftoppm, seconds: pageSeconds, memoryBytes: memoryBytes)
        do {
            _ = try render.run(["-f", String(page), "-l", String(page), "-r", String(dpi), "-gray", "-png",
                                "-singlefile", path, image])
        } catch {
            throw .tool("pdftoppm", error)
        }
        var reader = ChildTool(executable: tesseract, seconds: pageSeconds, memoryBytes: memoryBytes)
        reader.environment = ["OMP_THREAD_LIMIT": "1"]
        let language = tools.ocrLanguage.map { ["-l", $0] } ?? []
        do {
            let text = try reader.run([image + ".png", "stdout"] + language)
            return String(decoding: text, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "")
        } catch {
            throw .tool("tesseract", error)
        }
    }

    /// pdftotext ends every page with a form feed; the text after the last one is not a page.
    static func pages(of layer: String) -> [String] {
        var pages = layer.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
        if pages.count > 1, pages.last?.allSatisfy(\.isWhitespace) == true { pages.removeLast() }
        return pages
    }

    static func letterCount(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.properties.isAlphabetic ? 1 : 0) }
    }
}
