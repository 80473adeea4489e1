import Foundation
import Testing
@testable import NorwegianText

@Suite("The system word list")
struct WordListTests {
    func lexicon(_ bytes: [UInt8]) throws -> Lexicon {
        let path = NSTemporaryDirectory() + "radsok-words-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var lexicon = Lexicon()
        let read = lexicon.addWordList(path: path)
        #expect(read)
        return lexicon
    }

    @Test("a Latin-1 list (Debian's) and a UTF-8 list give the same words, in small letters, any line ends")
    func encodings() throws {
        // "Høring", "BÆREKRAFT", "råd" in ISO-8859-1, with CRLF and a blank line.
        let latin1: [UInt8] = [0x48, 0xF8, 0x72, 0x69, 0x6E, 0x67, 0x0D, 0x0A, 0x42, 0xC6, 0x52, 0x45, 0x4B, 0x52, 0x41,
                               0x46, 0x54, 0x0A, 0x0A, 0x72, 0xE5, 0x64]
        let utf8 = Array("Høring\r\nBÆREKRAFT\n\nråd".utf8)
        for bytes in [latin1, utf8] {
            let lexicon = try lexicon(bytes)
            #expect(lexicon.inWordList("høring") && lexicon.inWordList("bærekraft") && lexicon.inWordList("råd"))
            #expect(!lexicon.inWordList("høringer") && !lexicon.inWordList("Høring") && !lexicon.inWordList(""))
        }
    }

    @Test("a missing list is no list")
    func missing() {
        var lexicon = Lexicon()
        let read = lexicon.addWordList(path: "/nonexistent/words")
        #expect(!read)
        #expect(!lexicon.inWordList("høring"))
    }
}
