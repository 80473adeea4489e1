import Foundation
import Testing
@testable import CouncilDocuments

@Suite("Reading document bytes")
struct TextDecodingTests {
    @Test("reads UTF-8 and drops a byte-order mark")
    func utf8() throws {
        let doc = try DocumentReader.decode([0xEF, 0xBB, 0xBF] + Array("Rådsmøte".utf8), id: "a.txt")
        #expect(doc.text == "Rådsmøte")
        #expect(doc.encoding == .utf8)
    }

    @Test("reads invalid UTF-8 as Windows-1252")
    func windows1252() throws {
        // "Rådsmøte – «høring»" in Windows-1252
        let bytes: [UInt8] = [0x52, 0xE5, 0x64, 0x73, 0x6D, 0xF8, 0x74, 0x65, 0x20, 0x96, 0x20, 0xAB, 0x68, 0xF8, 0x72, 0x69, 0x6E, 0x67, 0xBB]
        let doc = try DocumentReader.decode(bytes, id: "a.txt")
        #expect(doc.text == "Rådsmøte – «høring»")
        #expect(doc.encoding == .windows1252)
    }

    @Test("refuses binary and empty files by name")
    func refusals() {
        #expect(throws: DocumentReadError.binary(path: "b.txt")) { try DocumentReader.decode([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00], id: "b.txt") }
        #expect(throws: DocumentReadError.empty(path: "e.txt")) { try DocumentReader.decode([], id: "e.txt") }
        #expect(throws: DocumentReadError.empty(path: "w.txt")) { try DocumentReader.decode(Array(" \n\n ".utf8), id: "w.txt") }
    }

    @Test("keeps the lines of HTML so line numbers still point into the file")
    func html() throws {
        let html = "<html><body>\n<h1>Sak 8/1/2025</h1>\n<p>Helsedata &amp; forskning</p>\n</body></html>"
        let doc = try DocumentReader.decode(Array(html.utf8), id: "a.html", isHTML: true)
        let lines = doc.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        #expect(lines[1].trimmingCharacters(in: .whitespaces) == "Sak 8/1/2025")
        #expect(lines[2].contains("Helsedata & forskning"))
    }
}
