/// Windows-1252, the usual encoding of older Norwegian documents: Latin-1 except for 0x80–0x9F,
/// where it has typographic punctuation (five of those codes are unassigned: U+FFFD).
enum Windows1252 {
    /// The UTF-8 of one byte.
    @inline(__always)
    static func appendUTF8(of byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case 0..<0x80:
            out.append(byte)
        case 0x80..<0xA0:
            let scalar = Unicode.Scalar(high[Int(byte - 0x80)]) ?? "\u{FFFD}"
            out.append(contentsOf: UTF8.encode(scalar)!)
        default:
            out.append(0xC0 | byte >> 6)
            out.append(0x80 | byte & 0x3F)
        }
    }

    static func text(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes { appendUTF8(of: byte, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    private static let high: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
