import CouncilDocuments
import Foundation
import PDFFixtures
import Synchronization
import Testing
@testable import SearchIndex

/// The poppler and Tesseract programs, when this machine has them (`.ci/run` installs them).
private let tools = PDFTools.installed
private let hasPoppler = tools.pdftotext != nil
private let hasOCR = tools.canOCR && tools.ocrLanguage == "nor"

@Suite("PDFs: read page by page with poppler, scans with Tesseract, in child processes, cached by content hash")
struct PDFReadingTests {
    static let package = """
        Møte 1/2025 i HelseOmsorg21-rådet
        Sted: Oslo, 12. mars 2025

        Sak 1/1/2025 Godkjenning av innkalling og saksliste
        Forslag til vedtak: Innkalling og saksliste godkjennes.

        Sak 2/1/2025 Bærekraft i helse- og omsorgstjenesten
        Rådet drøftet bærekraft og økt bruk av helsedata i tjenesten.
        """

    /// The package on two pages: case 2 starts page 2.
    static func packagePDF() -> [UInt8] {
        let lines = package.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return MinimalPDF.document([.text(Array(lines[0..<6])), .text(Array(lines[6...]))])
    }

    @Test("a text-layer PDF reads as its text in reading order, æøå intact, a form-feed line between pages",
          .enabled(if: hasPoppler))
    func textLayer() throws {
        let corpus = try TestCorpus(files: [:])
        defer { corpus.remove() }
        try corpus.writeBytes("møte.pdf", Self.packagePDF())
        let document = try DocumentReader.read(path: corpus.corpus + "/møte.pdf", id: "møte.pdf")
        #expect(document.text.contains("Sak 2/1/2025 Bærekraft i helse- og omsorgstjenesten"))
        #expect(document.text.contains("Rådet drøftet bærekraft og økt bruk av helsedata"))
        let breaks = PageBreaks(document.text)
        #expect(breaks.pageCount == 2)
        let second = document.text.utf8.count - Array(document.text.utf8).reversed().firstIndex(of: 0x0C)!
        #expect(breaks.page(at: second) == 2)
        #expect(document.text.split(separator: "\n").contains("\u{0C}"))
    }

    @Test("pages come from form feeds, on a line of their own or starting a page's first line")
    func pageBreaks() {
        let extracted = "side en\n\u{0C}\nside to\n"
        let breaks = PageBreaks(extracted)
        #expect(breaks.page(ofLine: 1) == 1 && breaks.page(ofLine: 3) == 2)
        #expect(breaks.pages(of: 0..<8, in: extracted) == 1...1)
        // A range that ends with the page break is still on one page.
        #expect(breaks.pages(of: 0..<10, in: extracted) == 1...1)
        #expect(breaks.pages(of: 0..<extracted.utf8.count, in: extracted) == 1...2)
        let printed = "side en\n\u{0C}side to\n"
        #expect(PageBreaks(printed).page(ofLine: 2) == 2)
        #expect(PageBreaks(printed).pages(of: 8..<printed.utf8.count, in: printed) == 2...2)
        #expect(PageBreaks("ingen sider\n").pages(ofLines: 1...1) == nil)
    }

    @Test("hits, show and citations name the page of a PDF; the JSON says \"page\"", .enabled(if: hasPoppler))
    func pagesInHits() throws {
        let corpus = try TestCorpus(files: [:])
        defer { corpus.remove() }
        try corpus.writeBytes("ho21-møte-2025-1-sakspapirer.pdf", Self.packagePDF())
        try corpus.build()
        let service = SearchService(reader: try corpus.open())
        var texts = SectionTextSource(reader: service.reader)
        let response = try service.search("bærekraft", texts: &texts)
        let hit = try #require(response.hits.first)
        #expect(hit.caseID == "2/1/2025")
        #expect(hit.pages == 2...2)
        #expect(hit.citation?.hasSuffix("sak 2/1/2025, s. 2") == true)
        let json = String(decoding: try JSONEncoder().encode(hit), as: UTF8.self)
        #expect(json.contains("\"page\":2"))
        let first = try service.search("innkalling", texts: &texts).hits.first
        #expect(first?.pages == 1...1)
    }

    @Test("a PDF of a package gives the sections and the top hits of its text file", .enabled(if: hasPoppler))
    func sameAsText() throws {
        let source = try String(contentsOfFile: TestIndex.corpusFolder + "/ho21-møte-2025-2-sakspapirer.txt", encoding: .utf8)
        let asText = try TestCorpus(files: ["ho21-møte-2025-2-sakspapirer.txt": source])
        let asPDF = try TestCorpus(files: [:])
        defer { asText.remove(); asPDF.remove() }
        try asPDF.writeBytes("ho21-møte-2025-2-sakspapirer.pdf", MinimalPDF.document(MinimalPDF.textPages(source)))
        try asText.build()
        try asPDF.build()
        let text = try asText.open()
        let pdf = try asPDF.open()
        // The case sections in order. A long case is cut into parts by its count of lines, which the
        // PDF's narrower lines change, so parts of one section in a row count once.
        func cases(_ reader: IndexReader) -> [String] {
            var sections: [String] = []
            for id in 0..<reader.sectionCount {
                let s = reader.sectionRecord(id).section
                guard let id = s.caseID else { continue }
                let named = "\(id) \(s.kind.rawValue) \(s.title ?? "")"
                if sections.last != named { sections.append(named) }
            }
            return sections
        }
        #expect(cases(pdf) == cases(text))
        for query in ["habilitet", "bærekraft", "referat", "møte"] {
            func top(_ reader: IndexReader) -> [String] {
                Searcher(reader: reader).search(reader.plan(query), limit: 3).hits.map { hit in
                    let s = reader.sectionRecord(hit.sectionID).section
                    return "\(s.caseID?.description ?? "-") \(s.kind.rawValue)"
                }
            }
            #expect(top(pdf) == top(text), "\(query)")
        }
    }

    @Test("without poppler a PDF is skipped with a note that says what to install")
    func withoutPoppler() throws {
        let corpus = try TestCorpus(files: ["notat.txt": "Rådet drøftet helsedata."])
        defer { corpus.remove() }
        try corpus.writeBytes("møte.pdf", Self.packagePDF())
        var builder = IndexBuilder()
        builder.pdfTools = .none
        let report = try builder.build(corpus: corpus.corpus, into: corpus.index)
        #expect(report.skipped.map(\.description) == ["møte.pdf (needs pdftotext: install poppler-utils)"])
        #expect(try corpus.open().metadata.files.map(\.id) == ["notat.txt"])
    }

    @Test("a file that is not a PDF, a cut-off PDF and a PDF of nothing are skipped with their reason",
          .enabled(if: hasPoppler))
    func badPDFs() throws {
        let corpus = try TestCorpus(files: ["notat.txt": "Rådet drøftet helsedata.", "tekst.pdf": "bare tekst"])
        defer { corpus.remove() }
        let whole = Self.packagePDF()
        try corpus.writeBytes("avkuttet.pdf", Array(whole.prefix(whole.count / 3)))
        try corpus.writeBytes("tom.pdf", MinimalPDF.document([.text([])]))
        let report = try corpus.build()
        let reasons = Dictionary(uniqueKeysWithValues: report.skipped.map { ($0.id, $0.reason) })
        #expect(reasons["tekst.pdf"] == "not a PDF (no %PDF- header)")
        #expect(reasons["tom.pdf"] != nil)
        // poppler may recover part of a cut-off file: then it is indexed; if not, skipped with poppler's reason.
        let indexed = try corpus.open().metadata.files.map(\.id)
        let cut = reasons["avkuttet.pdf"]
        #expect(indexed.contains("avkuttet.pdf") != (cut != nil))
        if let cut { #expect(cut.hasPrefix("pdftotext") || cut == "empty") }
        #expect(indexed.contains("notat.txt"))
    }

    @Test("a tool past its time limit is stopped; one past its memory limit fails; neither takes the caller")
    func childLimits() throws {
        let started = Date()
        #expect(throws: ChildTool.Failure.timedOut(seconds: 0.3)) {
            try ChildTool(executable: "/bin/sleep", seconds: 0.3, memoryBytes: 64 << 20).run(["30"])
        }
        #expect(Date().timeIntervalSince(started) < 5)
        // Two hundred MB of 'a' through one pipe in a shell variable, under a 64 MB limit.
        let hog = ChildTool(executable: "/bin/sh", seconds: 20, memoryBytes: 64 << 20)
        #expect(throws: ChildTool.Failure.self) {
            try hog.run(["-c", "x=$(head -c 200000000 /dev/zero | tr '\\000' a); echo ${#x}"])
        }
        #expect(try ChildTool(executable: "/bin/echo", seconds: 5, memoryBytes: 64 << 20).run(["hei"]) == Array("hei\n".utf8))
    }

    @Test("extracted text is kept by content hash: a rebuild reads it without the tools; a removed file's goes",
          .enabled(if: hasPoppler))
    func cache() throws {
        let corpus = try TestCorpus(files: ["notat.txt": "Rådet drøftet helsedata."])
        defer { corpus.remove() }
        try corpus.writeBytes("møte.pdf", Self.packagePDF())
        try corpus.build()
        let cache = ExtractedTextCache(indexFolder: corpus.index)
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.folder)
        #expect(entries.count == 1 && entries[0].hasSuffix(".txt"))
        var builder = IndexBuilder()
        builder.pdfTools = .none
        try builder.build(corpus: corpus.corpus, into: corpus.index)
        #expect(try corpus.open().metadata.files.map(\.id) == ["møte.pdf", "notat.txt"])
        try FileManager.default.removeItem(atPath: corpus.corpus + "/møte.pdf")
        try builder.build(corpus: corpus.corpus, into: corpus.index)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.folder).isEmpty)
    }

    @Test("a scanned page (an image, no text layer) is read by Tesseract and found by møte, rådet, bærekraft and its case",
          .enabled(if: hasPoppler && hasOCR))
    func scannedPage() throws {
        let corpus = try Self.scannedCorpus()
        defer { corpus.remove() }
        let told = Mutex<[BuildProgress.OCRPage]>([])
        let report = try IndexBuilder().build(corpus: corpus.corpus, into: corpus.index) { progress in
            if let ocr = progress.ocr { told.withLock { $0.append(ocr) } }
        }
        #expect(report.notes.contains { $0.contains("1 of 2 pages have no text layer and were read by OCR") })
        // OCR takes seconds a page: a terminal is told of each page.
        #expect(told.withLock { $0 } == [.init(file: "ho21-møte-2025-1-skannet.pdf", page: 1, pages: 1)])
        let service = SearchService(reader: try corpus.open())
        var texts = SectionTextSource(reader: service.reader)
        for word in ["bærekraft", "drøftet", "helsedata"] {
            #expect(try service.search(word, texts: &texts).hits.first?.pages == 2...2, "\(word)")
        }
        #expect(try service.search("rådet", texts: &texts).hits.contains { $0.pages == 2...2 })
        #expect(try service.search("2/1/2025", texts: &texts).hits.first?.caseID == "2/1/2025")
        #expect(try service.search("møte", texts: &texts).total >= 1)
    }

    /// A package of two pages, the first with a text layer, the second only an image of its page
    /// rendered as a scanner would (200 dpi grey): `ho21-møte-2025-1-skannet.pdf`.
    static func scannedCorpus() throws -> TestCorpus {
        let corpus = try TestCorpus(files: [:])
        try corpus.writeBytes("tekst.pdf", Self.packagePDF())
        let render = ChildTool(executable: tools.pdftoppm!, seconds: 60, memoryBytes: 1 << 30)
        let pgm = try render.run(["-f", "2", "-l", "2", "-r", "200", "-gray", "-singlefile", corpus.corpus + "/tekst.pdf"])
        try FileManager.default.removeItem(atPath: corpus.corpus + "/tekst.pdf")
        let image = try #require(MinimalPDF.Image(pgm: pgm))
        let page1 = Array(Self.package.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[0..<6])
        try corpus.writeBytes("ho21-møte-2025-1-skannet.pdf", MinimalPDF.document([.text(page1), .image(image)]))
        return corpus
    }

    @Test("a PDF read without Tesseract keeps no segment: once it is installed, the next build reads the scanned page",
          .enabled(if: hasPoppler && hasOCR))
    func partialReadNotKept() throws {
        let corpus = try Self.scannedCorpus()
        defer { corpus.remove() }
        var withoutOCR = IndexBuilder()
        withoutOCR.pdfTools.tesseract = nil
        let first = try withoutOCR.build(corpus: corpus.corpus, into: corpus.index)
        #expect(first.notes.contains { $0.contains("were left out; install tesseract-ocr") })
        let segments = (corpus.index as NSString).appendingPathComponent(SegmentStore.folderName)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: segments)) ?? []).isEmpty)
        let second = try IndexBuilder().build(corpus: corpus.corpus, into: corpus.index)
        #expect(second.changes?.reused == 0)
        let service = SearchService(reader: try corpus.open())
        var texts = SectionTextSource(reader: service.reader)
        #expect(try service.search("bærekraft", texts: &texts).hits.first?.pages == 2...2)
    }

    /// A real scan's damage: the committed fixture is two pages rendered at 200 dpi, turned, blurred
    /// and specked, as JPEG, no text layer (`Tests/Fixtures/PDF/make-pdfs.py`).
    @Test("a scanned package (noisy 200 dpi image pages) is found by møte, rådet, bærekraft and its case numbers",
          .enabled(if: hasPoppler && hasOCR))
    func noisyScan() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/PDF").standardized.path
        let corpus = try TestCorpus(files: [:])
        defer { corpus.remove() }
        try FileManager.default.copyItem(atPath: fixtures + "/excerpt-2023-3-scanned.pdf",
                                         toPath: corpus.corpus + "/ho21-møte-2023-3-saksframlegg.pdf")
        try corpus.build()
        let service = SearchService(reader: try corpus.open())
        var texts = SectionTextSource(reader: service.reader)
        for word in ["møte", "rådet", "bærekraft", "høringssvar"] {
            #expect(try service.search(word, texts: &texts).total >= 1, "\(word)")
        }
        for id in ["19/2/2023", "21/2/2023", "25/3/2023"] {
            #expect(try service.search(id, texts: &texts).hits.first?.caseID == id, "\(id)")
        }
    }
}
