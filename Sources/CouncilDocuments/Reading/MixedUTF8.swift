/// Bytes that are UTF-8 except for some invalid runs: a Windows-1252 quote pasted into a UTF-8
/// file, a character cut in half. Decoding the whole file as Windows-1252 for one such byte
/// would turn every æøå into mojibake ("blÃ¥bÃ¦r"); instead only the invalid bytes are read as
/// Windows-1252, where they stand.
///
/// A real Windows-1252 file is also "UTF-8 with invalid runs" — every æøå is one — but its
/// valid multi-byte sequences are rare accidents (a capital letter followed by a symbol). So the
/// file is told apart by counting: more invalid sequences than valid multi-byte ones, and it is
/// read as Windows-1252 throughout.
enum MixedUTF8 {
    struct Tally {
        var validMultibyte = 0
        var invalidSequences = 0
        var invalidBytes = 0

        var isWindows1252: Bool { invalidSequences > validMultibyte }
    }

    /// The length of the sequence at `i` and whether it is valid UTF-8; an invalid sequence is
    /// its maximal subpart (at least one byte), as the Unicode standard counts replacements.
    @inline(__always)
    static func sequence(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (length: Int, valid: Bool) {
        let lead = b[i]
        if lead < 0x80 { return (1, true) }
        let needed: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: needed = 1
        case 0xE0: needed = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: needed = 2
        case 0xED: needed = 2; high = 0x9F
        case 0xF0: needed = 3; low = 0x90
        case 0xF1...0xF3: needed = 3
        case 0xF4: needed = 3; high = 0x8F
        default: return (1, false)
        }
        var length = 1
        while length <= needed {
            guard i + length < b.count else { return (length, false) }
            let byte = b[i + length]
            let range = length == 1 ? low...high : 0x80...0xBF
            guard range.contains(byte) else { return (length, false) }
            length += 1
        }
        return (length, true)
    }

    static func tally(_ bytes: ArraySlice<UInt8>) -> Tally {
        bytes.withUnsafeBufferPointer { b in
            var tally = Tally()
            var i = 0
            while i < b.count {
                if b[i] < 0x80 { i += 1; continue }
                let (length, valid) = sequence(b, at: i)
                if valid {
                    tally.validMultibyte += 1
                } else {
                    tally.invalidSequences += 1
                    tally.invalidBytes += length
                }
                i += length
            }
            return tally
        }
    }

    /// Valid sequences as they are, the bytes of invalid ones each as Windows-1252.
    static func text(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { b in
            var out: [UInt8] = []
            out.reserveCapacity(b.count + b.count / 16)
            var i = 0
            while i < b.count {
                if b[i] < 0x80 { out.append(b[i]); i += 1; continue }
                let (length, valid) = sequence(b, at: i)
                for byte in b[i..<(i + length)] {
                    if valid { out.append(byte) } else { Windows1252.appendUTF8(of: byte, to: &out) }
                }
                i += length
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
