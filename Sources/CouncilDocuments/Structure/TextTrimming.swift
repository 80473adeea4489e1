/// Trimming of the decoration around header and title text (spaces, `**`, `-`, `•`, `#`, `:`),
/// without Foundation's CharacterSet.
extension StringProtocol {
    func trimmed(_ set: CharacterSetLite) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}

/// The few character classes the structure parser trims, without Foundation's CharacterSet.
struct CharacterSetLite: Sendable {
    let contains: @Sendable (Character) -> Bool
    func contains(_ c: Character) -> Bool { contains(c) }
    static let whitespaces = CharacterSetLite { $0.isWhitespace }
    static let decoration = CharacterSetLite { $0.isWhitespace || "*-–—•#:._|".contains($0) }
}
