/// Plain text from HTML that keeps the line structure, so line numbers of hits still point at
/// the lines of the file: tags and comments become a space (their line breaks kept), the content
/// of `<script>` and `<style>` is left out, common entities are decoded.
///
/// Works on UTF-8 bytes: everything HTML marks up with is ASCII, and a byte walk costs no more
/// memory than the output.
enum HTMLText {
    static func plainText(_ html: String) -> String {
        var html = html
        return html.withUTF8 { String(decoding: plainText(utf8: $0), as: UTF8.self) }
    }

    static func plainText(utf8 b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "<"), i + 1 < b.count, startsMarkup(b[i + 1]) {
                let (end, name) = skipTag(b, from: i, keepingLinesIn: &out)
                out.append(0x20)
                i = end
                if name == "script" || name == "style" { i = skipRawText(b, from: i, closing: "</" + name, keepingLinesIn: &out) }
                continue
            }
            if c == UInt8(ascii: "&"), let (scalar, length) = entity(b, at: i) {
                out.append(contentsOf: UTF8.encode(scalar)!)
                i += length
                continue
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// `<` followed by a letter, `/`, `!` or `?` opens markup; otherwise it is text ("a < b").
    private static func startsMarkup(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// Skips a tag or comment starting at `start` (its `<`); returns the index after it and the
    /// lowercased name of an opening tag ("" for closing tags, comments and declarations).
    private static func skipTag(_ b: UnsafeBufferPointer<UInt8>, from start: Int,
                                keepingLinesIn out: inout [UInt8]) -> (end: Int, name: String) {
        if match(b, at: start, "<!--") {
            var i = start + 4
            while i < b.count, !match(b, at: i, "-->") {
                if b[i] == 0x0A { out.append(0x0A) }
                i += 1
            }
            return (min(b.count, i + 3), "")
        }
        var nameEnd = start + 1
        while nameEnd < b.count, isASCIILetter(b[nameEnd]) || (nameEnd > start + 1 && b[nameEnd] >= 0x30 && b[nameEnd] <= 0x39) {
            nameEnd += 1
        }
        let name = String(decoding: b[(start + 1)..<nameEnd], as: UTF8.self).lowercased()
        var i = nameEnd
        var quote: UInt8?
        while i < b.count {
            let c = b[i]
            if c == 0x0A { out.append(0x0A) }
            if let q = quote {
                if c == q { quote = nil }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: ">") {
                break
            }
            i += 1
        }
        return (min(b.count, i + 1), name)
    }

    /// Skips the content of a script or style element up to its closing tag (left for the main
    /// loop to skip as a tag), keeping its line breaks.
    private static func skipRawText(_ b: UnsafeBufferPointer<UInt8>, from start: Int, closing: String,
                                    keepingLinesIn out: inout [UInt8]) -> Int {
        var i = start
        while i < b.count, !match(b, at: i, closing, ignoringCase: true) {
            if b[i] == 0x0A { out.append(0x0A) }
            i += 1
        }
        return i
    }

    private static func match(_ b: UnsafeBufferPointer<UInt8>, at i: Int, _ literal: String, ignoringCase: Bool = false) -> Bool {
        var j = i
        for expected in literal.utf8 {
            guard j < b.count else { return false }
            let actual = ignoringCase && isASCIILetter(b[j]) ? b[j] | 0x20 : b[j]
            guard actual == expected else { return false }
            j += 1
        }
        return true
    }

    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "aring": "å", "Aring": "Å", "oslash": "ø", "Oslash": "Ø", "aelig": "æ", "AElig": "Æ",
        "laquo": "«", "raquo": "»", "ndash": "–", "mdash": "—", "eacute": "é",
    ]

    /// The entity at `start` (its `&`) and its length with the `;`, when it is one.
    private static func entity(_ b: UnsafeBufferPointer<UInt8>, at start: Int) -> (Unicode.Scalar, Int)? {
        var end = start + 1
        while end < b.count, end - start < 10, b[end] != UInt8(ascii: ";") { end += 1 }
        guard end < b.count, b[end] == UInt8(ascii: ";") else { return nil }
        let body = String(decoding: b[(start + 1)..<end], as: UTF8.self)
        let length = end - start + 1
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            return UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { ($0, length) }
        }
        if body.hasPrefix("#") { return UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { ($0, length) } }
        return named[body].map { ($0, length) }
    }
}
