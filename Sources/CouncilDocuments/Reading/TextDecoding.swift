/// How a file's bytes became text.
public enum TextEncoding: String, Sendable, Codable {
    case utf8
    /// Not UTF-8 (more invalid sequences than valid multi-byte ones): read as Windows-1252, the
    /// usual encoding of older Norwegian documents.
    case windows1252
    /// UTF-8 with some invalid runs, which alone were read as Windows-1252.
    case utf8WithWindows1252 = "utf8+windows1252"
    case utf16LittleEndian = "utf16le"
    case utf16BigEndian = "utf16be"
}

/// Text decoded from a file's bytes.
public struct DecodedText: Sendable {
    public var text: String
    public var encoding: TextEncoding
    /// Bytes read as Windows-1252 (all non-ASCII ones for `.windows1252`).
    public var windows1252Bytes = 0
}

/// Decodes document bytes: UTF-16 when it has a byte-order mark or the zero bytes of UTF-16,
/// otherwise UTF-8 (a mark dropped) with any invalid runs read as Windows-1252, or Windows-1252
/// throughout when most of it is invalid as UTF-8.
///
/// Binary data (by its share of control codes, `ControlCharacters`) and files of nothing but
/// white space are refused rather than indexed as noise; stray controls in text become spaces.
public enum TextDecoding {
    public static func decode(_ bytes: [UInt8], path: String) throws(DocumentReadError) -> DecodedText {
        let decoded: DecodedText
        if let (order, markLength) = UTF16Text.detect(bytes) {
            let units = UTF16Text.units(bytes, order: order, markLength: markLength)
            if ControlCharacters.looksBinary(units) { throw .binary(path: path) }
            decoded = DecodedText(text: UTF16Text.text(units, cutOff: (bytes.count - markLength) % 2 == 1),
                                  encoding: order == .littleEndian ? .utf16LittleEndian : .utf16BigEndian)
        } else {
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
            if ControlCharacters.looksBinary(body) { throw .binary(path: path) }
            decoded = eightBit(body)
        }
        guard decoded.text.utf8.contains(where: { !isWhiteSpace($0) }) else { throw .empty(path: path) }
        return decoded
    }

    /// Whether text in hand (a pasted draft, a request body) is binary data by the rule files are
    /// refused by (`ControlCharacters`).
    public static func looksBinary(_ text: String) -> Bool {
        ControlCharacters.looksBinary(Array(text.utf8))
    }

    /// UTF-8, UTF-8 with Windows-1252 runs, or Windows-1252: the first check is the fast one.
    static func eightBit(_ body: ArraySlice<UInt8>) -> DecodedText {
        if let text = String(validating: body, as: UTF8.self) { return DecodedText(text: text, encoding: .utf8) }
        let tally = MixedUTF8.tally(body)
        if tally.isWindows1252 {
            return DecodedText(text: Windows1252.text(body), encoding: .windows1252,
                               windows1252Bytes: body.count { $0 >= 0x80 })
        }
        return DecodedText(text: MixedUTF8.text(body), encoding: .utf8WithWindows1252, windows1252Bytes: tally.invalidBytes)
    }

    /// Space and every C0 code: a file of nothing else has no text (stray codes become spaces).
    private static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte <= 0x20
    }
}
