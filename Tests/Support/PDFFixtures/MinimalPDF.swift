import Foundation

/// Writes small, valid PDFs for tests, with no tool: pages of text in Helvetica (WinAnsi encoding,
/// so æøå are real text), or pages that are only a greyscale image, as a scanner makes them.
///
/// The text pages are what pdftotext reads back; the image pages have no text layer at all, so
/// only OCR can read them.
public struct MinimalPDF {
    /// A greyscale picture, one byte a pixel, row by row from the top.
    public struct Image: Sendable {
        public let width: Int
        public let height: Int
        public let pixels: [UInt8]

        public init(width: Int, height: Int, pixels: [UInt8]) {
            self.width = width
            self.height = height
            self.pixels = pixels
        }
    }

    public enum Page: Sendable {
        case text([String])
        case image(Image)
    }

    static let pageWidth = 595
    static let pageHeight = 842
    static let lineHeight = 14
    static let linesPerPage = 54

    /// Lines wrapped at `width` characters and cut into pages where they fill one, and where the
    /// text has two or more blank lines in a row: that is how a page break of the PDF a text was
    /// converted from shows in the text.
    public static func textPages(_ text: String, width: Int = 95) -> [Page] {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = Substring(line)
            while rest.count > width {
                let cut = rest.prefix(width).lastIndex(of: " ") ?? rest.index(rest.startIndex, offsetBy: width)
                lines.append(String(rest[..<cut]))
                rest = rest[cut...].drop { $0 == " " }
            }
            lines.append(String(rest))
        }
        // An empty line takes two lines' height (see `document`): pages are filled by height.
        var pages: [Page] = []
        var page: [String] = []
        var height = 0
        var blanks = 0
        for line in lines {
            blanks = line.isEmpty ? blanks + 1 : 0
            if blanks >= 2 {
                if height > 0 { pages.append(.text(page)) }
                page = []
                height = 0
                continue
            }
            let needs = line.isEmpty ? 2 : 1
            if height + needs > linesPerPage {
                pages.append(.text(page))
                page = []
                height = 0
            }
            page.append(line)
            height += needs
        }
        if !page.isEmpty { pages.append(.text(page)) }
        return pages
    }

    public static func document(_ pages: [Page]) -> [UInt8] {
        var objects: [[UInt8]] = []
        let pageCount = pages.count
        // 1: catalog, 2: page tree, 3: font; then page, content (and image) objects per page.
        var kids: [Int] = []
        var next = 4
        var bodies: [(number: Int, bytes: [UInt8])] = []
        for page in pages {
            let pageNumber = next
            let contentNumber = next + 1
            next += 2
            kids.append(pageNumber)
            var resources = "/Font << /F1 3 0 R >>"
            let content: [UInt8]
            switch page {
            case .text(let lines):
                var stream = "BT /F1 11 Tf \(lineHeight) TL 50 \(pageHeight - 42) Td\n"
                // An empty line is a paragraph's gap, wider than a line, as a text layout sets it:
                // pdftotext reads a gap of that size as a blank line.
                for line in lines { stream += line.isEmpty ? "T* T*\n" : "(" + escaped(line) + ") Tj T*\n" }
                stream += "ET"
                content = Array(stream.utf8)
            case .image(let image):
                let imageNumber = next
                next += 1
                resources += " /XObject << /Im1 \(imageNumber) 0 R >>"
                content = Array("q \(pageWidth) 0 0 \(pageHeight) 0 0 cm /Im1 Do Q".utf8)
                let head = "<< /Type /XObject /Subtype /Image /Width \(image.width) /Height \(image.height) "
                    + "/ColorSpace /DeviceGray /BitsPerComponent 8 /Length \(image.pixels.count) >>\nstream\n"
                bodies.append((imageNumber, Array(head.utf8) + image.pixels + Array("\nendstream".utf8)))
            }
            let pageObject = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(pageWidth) \(pageHeight)] "
                + "/Resources << \(resources) >> /Contents \(contentNumber) 0 R >>"
            bodies.append((pageNumber, Array(pageObject.utf8)))
            bodies.append((contentNumber, Array("<< /Length \(content.count) >>\nstream\n".utf8) + content
                + Array("\nendstream".utf8)))
        }
        objects.append(Array("<< /Type /Catalog /Pages 2 0 R >>".utf8))
        objects.append(Array("<< /Type /Pages /Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pageCount) >>".utf8))
        objects.append(Array("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8))
        for body in bodies.sorted(by: { $0.number < $1.number }) { objects.append(body.bytes) }

        var out = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (i, object) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(i + 1) 0 obj\n".utf8) + object + Array("\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return out + Array(table.utf8)
    }

    /// A PDF string in WinAnsi: Latin-1 letters as octal escapes, anything else as `?`.
    static func escaped(_ line: String) -> String {
        var out = ""
        for scalar in line.unicodeScalars {
            switch scalar {
            case "(", ")", "\\": out += "\\" + String(scalar)
            case " "..."~": out.unicodeScalars.append(scalar)
            case "\u{A0}"..."\u{FF}": out += "\\" + String(scalar.value, radix: 8)
            default: out += "?"
            }
        }
        return out
    }
}

extension MinimalPDF.Image {
    /// A binary PGM (`P5`), as `pdftoppm -gray` writes it.
    public init?(pgm bytes: [UInt8]) {
        var fields: [Int] = []
        var index = 2
        guard bytes.starts(with: Array("P5".utf8)) else { return nil }
        while fields.count < 3, index < bytes.count {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D { index += 1 }
            var value = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            fields.append(value)
        }
        index += 1
        guard fields.count == 3, fields[2] == 255, bytes.count - index >= fields[0] * fields[1] else { return nil }
        self.init(width: fields[0], height: fields[1], pixels: Array(bytes[index..<(index + fields[0] * fields[1])]))
    }
}
