#if canImport(Glibc)
import Glibc
#endif
import Foundation
import NorwegianText

/// The bokmål word list (Debian's wnorwegian) when installed, for the few lookups `similar`
/// makes (is a word hyphenated at a line end one word?). The file is mapped, not loaded: a
/// lookup is one scan of its 13 MB for the line, a millisecond or two, where reading it into
/// a `Lexicon` costs every `similar` a third of a second.
enum SystemWords {
    static let file: Data? = try? Data(contentsOf: URL(fileURLWithPath: Lexicon.systemWordListPath), options: .alwaysMapped)

    /// Whether `word` (lower case) is a line of the list, in UTF-8 or ISO-8859-1 as Debian's is.
    static func contains(_ word: String) -> Bool {
        guard let file, !word.isEmpty else { return false }
        let forms = [Data(word.utf8), word.data(using: .isoLatin1)].compactMap { $0 }
        return file.withUnsafeBytes { raw in forms.contains { isLine($0, of: raw) } }
    }

    /// Whether `form` stands alone on a line of `text`: each byte equal to its first is tried
    /// (found by `memchr`, which scans a vector at a time).
    private static func isLine(_ form: Data, of text: UnsafeRawBufferPointer) -> Bool {
        guard let base = text.baseAddress, let first = form.first else { return false }
        var offset = 0
        while offset < text.count,
              let hit = memchr(base + offset, Int32(first), text.count - offset) {
            let at = base.distance(to: UnsafeRawPointer(hit))
            let end = at + form.count
            if (at == 0 || text[at - 1] == 0x0A), end < text.count, text[end] == 0x0A,
               form.withUnsafeBytes({ memcmp(base + at, $0.baseAddress!, form.count) == 0 }) {
                return true
            }
            offset = at + 1
        }
        return false
    }
}
