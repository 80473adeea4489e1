import NorwegianText

/// Tokenizes a stretch of UTF-8 text in pieces of about `pieceBytes`, so that a window that is
/// one enormous line (a 10 MB export without line breaks) does not need ICU buffers for all of
/// it at once; the tokens are those of the stretch tokenized whole, with positions counted from
/// its first word and UTF-16 ranges offset to the document.
///
/// Pieces are cut only where tokenizing starts afresh anyway: after a line break (Unicode's
/// word-break rules treat the start of a line like the start of a text), else after a space
/// that an ASCII character other than a space follows (the rules always break there, whatever
/// comes before). The OCR glyph marking looks only at the neighbours of `@`, `&` and `|`, which
/// see the same space or line break at a cut as the whole text would.
struct PieceTokenizer {
    let tokenizer: any Tokenizer
    var pieceBytes = 1 << 18

    func tokenize(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, utf16Start: Int) -> [Token] {
        var tokens: [Token] = []
        var start = range.lowerBound
        var utf16Offset = utf16Start
        while start < range.upperBound {
            let end = cut(text, from: start, before: range.upperBound)
            let piece = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
            // The tokenizer numbers positions by token, so a piece continues at the count so far.
            let base = Int32(tokens.count)
            let offset = Int32(utf16Offset)
            let pieceTokens = tokenizer.tokenize(piece)
            if tokens.isEmpty, end == range.upperBound, offset == 0 { return pieceTokens }
            for var token in pieceTokens {
                token.position += base
                token.range = (token.range.lowerBound + offset)..<(token.range.upperBound + offset)
                tokens.append(token)
            }
            utf16Offset += UTF16Count.of(text, start..<end)
            start = end
        }
        return tokens
    }

    /// The end of the piece that starts at `start`: the last safe cut in its second half, else
    /// the first one after it, else the end of the stretch.
    func cut(_ b: UnsafeBufferPointer<UInt8>, from start: Int, before end: Int) -> Int {
        guard end - start > pieceBytes else { return end }
        let limit = start + pieceBytes
        var k = limit
        while k > start + pieceBytes / 2 {
            if isSafeCut(b, k) { return k }
            k -= 1
        }
        k = limit + 1
        while k < end {
            if isSafeCut(b, k) { return k }
            k += 1
        }
        return end
    }

    @inline(__always)
    private func isSafeCut(_ b: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        let before = b[k - 1]
        return before == 0x0A || (before == 0x20 && b[k] < 0x80 && b[k] != 0x20)
    }
}

/// UTF-16 code units of UTF-8 bytes: one per scalar, two for those beyond the BMP (4-byte
/// sequences). The text is valid UTF-8, so counting lead bytes is enough.
enum UTF16Count {
    static func of(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for i in range {
            let byte = b[i]
            if byte & 0xC0 != 0x80 { count += byte >= 0xF0 ? 2 : 1 }
        }
        return count
    }
}
