import Testing
@testable import CouncilDocuments

/// Windows tools save "Unicode" text as UTF-16, often little-endian with a byte-order mark; some
/// leave the mark out. Such a file is text, not binary.
@Suite("Reading UTF-16 files")
struct UTF16ReadingTests {
    static let text = "Sak 8/1/2025 Blåbærsyltetøy på rådsmøtet\r\nØystein Ås – «høring»\n"

    static func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        for unit in Array((bom ? "\u{FEFF}" : "").utf16) + Array(text.utf16) {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }

    @Test("UTF-16 LE and BE with a byte-order mark read as UTF-16, the mark dropped", arguments: [false, true])
    func withMark(bigEndian: Bool) throws {
        let doc = try DocumentReader.decode(Self.utf16(Self.text, bigEndian: bigEndian, bom: true), id: "a.txt")
        #expect(doc.text == Self.text)
        #expect(doc.encoding == (bigEndian ? .utf16BigEndian : .utf16LittleEndian))
    }

    @Test("UTF-16 without a mark is recognised by its zero bytes", arguments: [false, true])
    func withoutMark(bigEndian: Bool) throws {
        let doc = try DocumentReader.decode(Self.utf16(Self.text, bigEndian: bigEndian, bom: false), id: "a.txt")
        #expect(doc.text == Self.text)
        #expect(doc.encoding == (bigEndian ? .utf16BigEndian : .utf16LittleEndian))
    }

    @Test("emoji (surrogate pairs) survive; a lone surrogate or a cut-off last byte becomes U+FFFD")
    func surrogates() throws {
        let doc = try DocumentReader.decode(Self.utf16("Møte 🙂 i dag", bigEndian: false, bom: true), id: "a.txt")
        #expect(doc.text == "Møte 🙂 i dag")
        let broken = try DocumentReader.decode([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00, 0x43], id: "b.txt")
        #expect(broken.text == "A\u{FFFD}B\u{FFFD}")
    }

    @Test("a UTF-16 file of only spaces is empty, one of 16-bit control codes is binary")
    func refusals() {
        #expect(throws: DocumentReadError.empty(path: "e.txt")) {
            try DocumentReader.decode(Self.utf16("  \n \n", bigEndian: false, bom: true), id: "e.txt")
        }
        let controls = (0..<200).flatMap { i -> [UInt8] in [UInt8(i % 8 + 1), 0] }
        #expect(throws: DocumentReadError.binary(path: "b.txt")) { try DocumentReader.decode(controls, id: "b.txt") }
    }

    @Test("a UTF-8 file that starts with a byte-order mark loses the mark")
    func utf8Mark() throws {
        let doc = try DocumentReader.decode([0xEF, 0xBB, 0xBF] + Array("Blåbær".utf8), id: "a.txt")
        #expect(doc.text == "Blåbær")
        #expect(doc.encoding == .utf8)
        #expect(throws: DocumentReadError.empty(path: "m.txt")) { try DocumentReader.decode([0xEF, 0xBB, 0xBF], id: "m.txt") }
    }
}
