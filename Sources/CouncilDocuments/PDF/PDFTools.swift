import Foundation

/// The poppler and Tesseract programs this machine has, found once on PATH.
///
/// All are optional: without `pdftotext` a PDF is skipped with a note saying what to install;
/// without `pdftoppm` or `tesseract` a page that has no text layer stays empty (and the file is
/// not cached, so that installing Tesseract later gives the page its text on the next build).
public struct PDFTools: Sendable, Equatable {
    public var pdftotext: String?
    public var pdftoppm: String?
    public var tesseract: String?
    /// Tesseract's model for the text: `nor` when tesseract-ocr-nor is installed, else its default.
    public var ocrLanguage: String?

    public init(pdftotext: String?, pdftoppm: String?, tesseract: String?, ocrLanguage: String?) {
        self.pdftotext = pdftotext
        self.pdftoppm = pdftoppm
        self.tesseract = tesseract
        self.ocrLanguage = ocrLanguage
    }

    /// What is installed here, looked up on first use.
    public static let installed: PDFTools = {
        let tesseract = ChildTool.locate("tesseract")
        return PDFTools(pdftotext: ChildTool.locate("pdftotext"), pdftoppm: ChildTool.locate("pdftoppm"),
                        tesseract: tesseract, ocrLanguage: tesseract.flatMap(norwegianModel))
    }()

    /// None: PDFs are skipped (for tests of that path).
    public static let none = PDFTools(pdftotext: nil, pdftoppm: nil, tesseract: nil, ocrLanguage: nil)

    public var canOCR: Bool { pdftoppm != nil && tesseract != nil }

    /// `nor` if `tesseract --list-langs` lists it.
    static func norwegianModel(_ tesseract: String) -> String? {
        let tool = ChildTool(executable: tesseract, seconds: 10, memoryBytes: 1 << 30)
        guard let listed = try? tool.run(["--list-langs"]) else { return nil }
        let languages = String(decoding: listed, as: UTF8.self).split(whereSeparator: \.isNewline)
        return languages.contains("nor") ? "nor" : nil
    }
}
