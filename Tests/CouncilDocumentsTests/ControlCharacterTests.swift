import Testing
@testable import CouncilDocuments

/// A NUL byte in a text file (a bad export, a pasted form) does not make it binary, and no raw
/// control character of such a file reaches the index, snippets or JSON.
@Suite("Binary files and stray control characters")
struct ControlCharacterTests {
    @Test("a text file with a few NUL bytes is read, each NUL and other stray control as a space")
    func strayControls() throws {
        let prose = String(repeating: "Rådet drøftet helsedata.\n", count: 4)
        let bytes = Array((prose + "Sak 8/1/2025\u{0}Blåbær\n").utf8) + [0x1B, 0x07] + Array("rådet\t\u{0C}møtes\r\n".utf8)
        let doc = try DocumentReader.decode(bytes, id: "a.txt")
        #expect(doc.text == prose + "Sak 8/1/2025 Blåbær\n  rådet\t\u{0C}møtes\r\n")
    }

    @Test("no decoder lets a C0 control through: UTF-16, Windows-1252, HTML entities")
    func everyPath() throws {
        let utf16: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00, 0x42, 0x00, 0x0A, 0x00]
        #expect(try DocumentReader.decode(utf16, id: "a.txt").text == "A B\n")
        let latin: [UInt8] = [0x52, 0xE5, 0x00, 0x64]
        #expect(try DocumentReader.decode(latin, id: "a.txt").text == "Rå d")
        let html = Array("<p>rå&#0;d &#x1b;møte</p>".utf8)
        #expect(try DocumentReader.decode(html, id: "a.html", isHTML: true).text == " rå d  møte ")
    }

    @Test("a NUL in the first 8 KB of a long text does not make it binary")
    func nulAtStart() throws {
        let bytes = [0x00] + Array(String(repeating: "Rådet drøftet helsedata. ", count: 400).utf8)
        let doc = try DocumentReader.decode(bytes, id: "a.txt")
        #expect(doc.text.hasPrefix(" Rådet drøftet"))
    }

    @Test("binary is a share of control bytes: executables, images and archives are refused")
    func binaryShare() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        #expect(throws: DocumentReadError.binary(path: "p.txt")) { try DocumentReader.decode(png, id: "p.txt") }
        var random = UInt64(7)
        let noise = (0..<4096).map { _ -> UInt8 in
            random = random &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: random >> 56)
        }
        #expect(throws: DocumentReadError.binary(path: "n.txt")) { try DocumentReader.decode(noise, id: "n.txt") }
        // Text, then an appended binary block: the end of the file is sampled too.
        let tail = Array(String(repeating: "Rådet drøftet helsedata. ", count: 1000).utf8) + noise
        #expect(throws: DocumentReadError.binary(path: "t.txt")) { try DocumentReader.decode(tail, id: "t.txt") }
    }
}
