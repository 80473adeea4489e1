/// The strings block: each distinct string once, as a varint length and its UTF-8 bytes (the first
/// 4,000 of them), found by its offset; offset 0 is a single zero byte and stands for none.
struct StringPool {
    private var out = ByteWriter(bytes: [0])
    private var offsets: [String: UInt32] = [:]
    /// Longer strings are cut: a title is a heading line, so this bounds only hostile input.
    static let maximumBytes = 4000

    var bytes: [UInt8] { out.bytes }

    /// The string's offset, adding it if it is new.
    mutating func intern(_ string: String?) -> UInt32 {
        guard let string else { return 0 }
        if let known = offsets[string] { return known }
        let offset = UInt32(out.bytes.count)
        let utf8 = Array(string.utf8.prefix(Self.maximumBytes))
        out.varint(UInt32(utf8.count))
        out.append(utf8)
        offsets[string] = offset
        return offset
    }

    /// The offset of a string already added (0 for none or one never added).
    func offset(of string: String?) -> UInt32 { string.flatMap { offsets[$0] } ?? 0 }
}

/// Distinct strings in the order they were first seen.
struct FirstSeenStrings {
    private(set) var strings: [String] = []
    private var seen: Set<String> = []

    mutating func insert(_ string: String?) {
        guard let string, seen.insert(string).inserted else { return }
        strings.append(string)
    }
}
