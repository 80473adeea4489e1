import Testing
@testable import CouncilDocuments

/// A UTF-8 file with a stray byte (a pasted Windows-1252 quote, a truncated character) is still a
/// UTF-8 file: its æøå words must stay findable.
@Suite("Reading UTF-8 with invalid bytes")
struct MixedEncodingTests {
    @Test("one invalid byte is read as Windows-1252, the valid UTF-8 around it stays UTF-8")
    func strayByte() throws {
        let doc = try DocumentReader.decode(Array("blåbær ".utf8) + [0xFF, 0x0A], id: "a.txt")
        #expect(doc.text == "blåbær ÿ\n")
        #expect(doc.encoding == .utf8WithWindows1252)
        #expect(doc.windows1252Bytes == 1)
    }

    @Test("each invalid run is read as Windows-1252 where it stands")
    func runs() throws {
        // "Rådsmøte «" in UTF-8, then "høring»" in Windows-1252, then " – blåbær" in UTF-8.
        let bytes = Array("Rådsmøte «".utf8) + [0x68, 0xF8, 0x72, 0x69, 0x6E, 0x67, 0xBB] + Array(" – blåbær".utf8)
        let doc = try DocumentReader.decode(bytes, id: "a.txt")
        #expect(doc.text == "Rådsmøte «høring» – blåbær")
        #expect(doc.windows1252Bytes == 2)
    }

    @Test("a truncated UTF-8 sequence and a lone continuation byte are read as Windows-1252")
    func brokenSequences() throws {
        let bytes = Array("Østre Ås ".utf8) + [0xE2, 0x80] + Array(" vest æ ".utf8) + [0x80]
        #expect(try DocumentReader.decode(bytes, id: "a.txt").text == "Østre Ås â€ vest æ €")
    }

    @Test("a file that is mostly invalid as UTF-8 is Windows-1252 throughout")
    func windows1252File() throws {
        // "Møte Ã¥ i Ås" in Windows-1252: the bytes C3 A5 would be valid UTF-8 (å), but the file
        // as a whole is Windows-1252, so they are "Ã¥".
        let bytes: [UInt8] = [0x4D, 0xF8, 0x74, 0x65, 0x20, 0xC3, 0xA5, 0x20, 0x69, 0x20, 0xC5, 0x73]
        let doc = try DocumentReader.decode(bytes, id: "a.txt")
        #expect(doc.text == "Møte Ã¥ i Ås")
        #expect(doc.encoding == .windows1252)
    }

    @Test("valid UTF-8 is read as it is")
    func validUTF8() throws {
        let doc = try DocumentReader.decode(Array("Blåbær og rødgrøt 🙂".utf8), id: "a.txt")
        #expect(doc.text == "Blåbær og rødgrøt 🙂")
        #expect(doc.encoding == .utf8)
        #expect(doc.windows1252Bytes == 0)
    }
}
