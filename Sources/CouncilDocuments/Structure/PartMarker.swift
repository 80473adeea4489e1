/// Lines that say which part of a meeting package follows: "Saksfremlegg", "Mgte 2-2025
/// Saksliste", "Referat  Møte 2/2023", "HelseOmsorg21-rådet, referat møte 1/2025", or the "Dato"
/// line that opens a meeting's minutes.
enum PartMarker: Equatable {
    case saksliste, saksfremlegg, referat
    /// "Dato …": a meeting header starts; it ends the case before it.
    case meetingHeader
    /// "Til stede": an attendance list, only found in minutes.
    case attendance

    static func classify(_ line: DocumentLines.Line) -> PartMarker? {
        guard line.isShort, line.lead == 0 || "srpdth".utf8.contains(line.lead) else { return nil }
        return classify(line.text)
    }

    /// Works on the line's bytes with ASCII case folding: every marker word is ASCII, and this runs
    /// on every short line of every document.
    static func classify(_ line: String) -> PartMarker? {
        var bytes = Array(line.utf8)
        let decoration: Set<UInt8> = [0x20, 0x09, 0x0D, 0x2A, 0x2D, 0x23, 0x3E, 0x3A, 0x2E, 0x5F, 0x7C]
        while let last = bytes.last, decoration.contains(last) { bytes.removeLast() }
        let start = bytes.firstIndex { !decoration.contains($0) } ?? bytes.count
        bytes.removeFirst(start)
        let characters = bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        guard characters > 0, characters <= 70 else { return nil }
        for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] |= 0x20 }
        func starts(_ word: String) -> Bool { bytes.starts(with: word.utf8) }
        func contains(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard bytes.count >= w.count else { return false }
            return (0...(bytes.count - w.count)).contains { bytes[$0..<($0 + w.count)].elementsEqual(w) }
        }
        if starts("saksfremlegg") || starts("saksframlegg") { return .saksfremlegg }
        if characters <= 40, starts("saksliste") || starts("sakliste")
            || (bytes.reversed().starts(with: " saksliste".utf8.reversed()) && bytes.contains { $0 >= 0x30 && $0 <= 0x39 }) {
            return .saksliste
        }
        if starts("referat") && characters <= 40 { return .referat }
        if starts("protokoll") || contains(", referat ") { return .referat }
        if starts("dato ") || bytes.elementsEqual("dato".utf8) { return .meetingHeader }
        if starts("til stede") { return .attendance }
        return nil
    }

    /// Whether the marker closes the case section running before it.
    var endsCase: Bool { self != .attendance }
}
