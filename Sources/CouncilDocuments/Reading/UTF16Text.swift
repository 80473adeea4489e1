/// UTF-16 files, as Windows tools save "Unicode" text: recognised by a byte-order mark or, when
/// there is none, by the zero bytes Latin text has in every other place.
enum UTF16Text {
    enum ByteOrder: Sendable { case littleEndian, bigEndian }

    /// Bytes looked at for the pattern of zeros.
    static let sampleBytes = 8192
    /// Fewer units than this are no pattern: four bytes with one zero say nothing.
    static let minimumPairs = 8

    /// The byte order of a UTF-16 file and the length of its byte-order mark (0 when the order
    /// was inferred), or nil when the bytes do not look like UTF-16.
    ///
    /// Without a mark: in UTF-16 text of Latin script (ASCII, æøå, typographic punctuation below
    /// U+0100 or in U+20xx) the high byte of almost every unit is zero and the low byte almost
    /// never is; a UTF-8 or Windows-1252 file has no zeros, and a binary file has zeros in both
    /// places. So: at least half of one place zero, and at most a tenth of the other.
    static func detect(_ bytes: [UInt8]) -> (order: ByteOrder, markLength: Int)? {
        if bytes.starts(with: [0xFF, 0xFE]) { return (.littleEndian, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.bigEndian, 2) }
        let pairs = min(bytes.count, sampleBytes) / 2
        guard pairs >= minimumPairs else { return nil }
        var evenZeros = 0, oddZeros = 0
        for i in 0..<pairs {
            if bytes[2 * i] == 0 { evenZeros += 1 }
            if bytes[2 * i + 1] == 0 { oddZeros += 1 }
        }
        if oddZeros * 2 >= pairs, evenZeros * 10 <= pairs { return (.littleEndian, 0) }
        if evenZeros * 2 >= pairs, oddZeros * 10 <= pairs { return (.bigEndian, 0) }
        return nil
    }

    /// The code units after the mark; an odd last byte (a cut-off unit) is left out.
    static func units(_ bytes: [UInt8], order: ByteOrder, markLength: Int) -> [UInt16] {
        let count = (bytes.count - markLength) / 2
        return [UInt16](unsafeUninitializedCapacity: count) { units, initialized in
            for i in 0..<count {
                let first = UInt16(bytes[markLength + 2 * i]), second = UInt16(bytes[markLength + 2 * i + 1])
                units[i] = order == .littleEndian ? first | second << 8 : first << 8 | second
            }
            initialized = count
        }
    }

    /// The text of the units: lone surrogates, and a cut-off last unit, become U+FFFD.
    static func text(_ units: [UInt16], cutOff: Bool) -> String {
        var text = String(decoding: units, as: UTF16.self)
        if cutOff { text.append("\u{FFFD}") }
        return text
    }
}
