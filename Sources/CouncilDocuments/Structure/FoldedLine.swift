/// A line trimmed of decoration and lowercased in ASCII, as bytes: the cheap form in which the
/// structure parser compares lines with its marker words, which are all ASCII.
struct FoldedLine {
    private(set) var bytes: [UInt8]
    /// Length in characters (UTF-8 lead bytes).
    let characters: Int

    private static let decoration: Set<UInt8> = [0x20, 0x09, 0x0D, 0x2A, 0x2D, 0x23, 0x3E, 0x3A, 0x2E, 0x5F, 0x7C]

    init(_ text: String) {
        var bytes = Array(text.utf8)
        while let last = bytes.last, Self.decoration.contains(last) { bytes.removeLast() }
        let start = bytes.firstIndex { !Self.decoration.contains($0) } ?? bytes.count
        bytes.removeFirst(start)
        for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] |= 0x20 }
        self.bytes = bytes
        characters = bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    func starts(with word: String) -> Bool { bytes.starts(with: word.utf8) }

    func ends(with word: String) -> Bool { bytes.reversed().starts(with: word.utf8.reversed()) }

    func contains(_ word: String) -> Bool {
        let w = Array(word.utf8)
        guard bytes.count >= w.count else { return false }
        return (0...(bytes.count - w.count)).contains { bytes[$0..<($0 + w.count)].elementsEqual(w) }
    }

    var hasDigit: Bool { bytes.contains { $0 >= 0x30 && $0 <= 0x39 } }

    func equals(_ word: String) -> Bool { bytes.elementsEqual(word.utf8) }
}
