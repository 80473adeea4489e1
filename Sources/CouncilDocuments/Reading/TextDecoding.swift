/// How a file's bytes became text.
public enum TextEncoding: String, Sendable, Codable {
    case utf8
    /// Not valid UTF-8: read as Windows-1252, the usual encoding of older Norwegian documents.
    case windows1252
}

/// Why a file could not be read as a document.
public enum DocumentReadError: Error, Equatable, CustomStringConvertible, Sendable {
    case unreadable(path: String, reason: String)
    case binary(path: String)
    case empty(path: String)
    case tooLarge(path: String, bytes: Int)
    case unsupportedType(path: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .binary(let path): "\(path) looks like a binary file, not text; skipped"
        case .empty(let path): "\(path) is empty; skipped"
        case .tooLarge(let path, let bytes): "\(path) is too large (\(bytes) bytes); skipped"
        case .unsupportedType(let path): "\(path) is not a .txt, .md or .html file; skipped"
        }
    }
}

/// Decodes document bytes: UTF-8 when valid (a BOM is dropped), otherwise Windows-1252.
/// Binary data (NUL bytes or many control characters) is refused rather than indexed as noise.
public enum TextDecoding {
    public static func decode(_ bytes: [UInt8], path: String) throws(DocumentReadError) -> (text: String, encoding: TextEncoding) {
        if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .empty(path: path)
        }
        if looksBinary(bytes) { throw .binary(path: path) }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) {
            return (text, .utf8)
        }
        return (windows1252(body), .windows1252)
    }

    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(8192)
        var control = 0
        for byte in sample {
            if byte == 0 { return true }
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C { control += 1 }
        }
        return control * 20 > sample.count
    }

    /// Windows-1252 is Latin-1 except for 0x80–0x9F, where it has typographic punctuation.
    static func windows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if (0x80...0x9F).contains(byte) {
                scalars.append(Unicode.Scalar(cp1252High[Int(byte - 0x80)]) ?? "\u{FFFD}")
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
