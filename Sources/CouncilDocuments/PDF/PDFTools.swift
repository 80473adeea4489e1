import Foundation
import Synchronization

/// The poppler and Tesseract programs this machine has, found on PATH.
///
/// All are optional: without `pdftotext` a PDF is skipped with a note saying what to install;
/// without `pdftoppm` or `tesseract` a page that has no text layer stays empty (and the file is
/// not cached, so that installing Tesseract later gives the page its text on the next build).
public struct PDFTools: Sendable, Equatable {
    public var pdftotext: String?
    public var pdftoppm: String?
    public var tesseract: String?

    public init(pdftotext: String?, pdftoppm: String?, tesseract: String?) {
        self.pdftotext = pdftotext
        self.pdftoppm = pdftoppm
        self.tesseract = tesseract
    }

    /// What is installed here, looked up on first use: a few `stat`s of PATH, no process started
    /// (every reader of an index makes a `PDFReading`, and most never meet a PDF).
    public static let installed = PDFTools(pdftotext: ChildTool.locate("pdftotext"), pdftoppm: ChildTool.locate("pdftoppm"),
                                           tesseract: ChildTool.locate("tesseract"))

    /// None: PDFs are skipped (for tests of that path).
    public static let none = PDFTools(pdftotext: nil, pdftoppm: nil, tesseract: nil)

    public var canOCR: Bool { pdftoppm != nil && tesseract != nil }

    /// Tesseract's model for the text: `nor` when tesseract-ocr-nor is installed, else its default.
    /// Asked of Tesseract (`--list-langs`) when a page is first OCR'd, once per program.
    public var ocrLanguage: String? {
        guard let tesseract else { return nil }
        return Self.languages.withLock { known in
            if let language = known[tesseract] { return language }
            let language = Self.norwegianModel(tesseract)
            known[tesseract] = language
            return language
        }
    }

    private static let languages = Mutex<[String: String?]>([:])

    /// `nor` if `tesseract --list-langs` lists it.
    static func norwegianModel(_ tesseract: String) -> String? {
        let tool = ChildTool(executable: tesseract, seconds: 10, memoryBytes: 1 << 30)
        guard let listed = try? tool.run(["--list-langs"]) else { return nil }
        let languages = String(decoding: listed, as: UTF8.self).split(whereSeparator: \.isNewline)
        return languages.contains("nor") ? "nor" : nil
    }
}
