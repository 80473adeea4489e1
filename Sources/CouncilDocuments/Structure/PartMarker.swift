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
        guard line.isShort, line.lead == 0 || "srpdthm".utf8.contains(line.lead) else { return nil }
        return classify(line.text)
    }

    static func classify(_ line: String) -> PartMarker? {
        let line = FoldedLine(line)
        // "Dato Onsdag 28. november 2022, 10.00 – 15.00 Sted …" may run long.
        if line.starts(with: "dato ") || line.equals("dato") { return .meetingHeader }
        guard line.characters > 0, line.characters <= 70 else { return nil }
        if line.starts(with: "saksfremlegg") || line.starts(with: "saksframlegg") { return .saksfremlegg }
        if line.characters <= 40, line.starts(with: "saksliste") || line.starts(with: "sakliste")
            || (line.ends(with: " saksliste") && line.hasDigit) {
            return .saksliste
        }
        // "Referat  Møte 2/2023", "Referat", "Protokoll fra møte 3/2023" — not "referatet." in a sentence.
        if line.characters <= 40, line.equals("referat") || line.equals("protokoll")
            || ((line.starts(with: "referat ") || line.starts(with: "protokoll ")) && line.hasDigit) {
            return .referat
        }
        if line.contains(", referat ") { return .referat }
        if line.starts(with: "til stede") { return .attendance }
        return nil
    }

    /// Whether the marker closes the case section running before it.
    var endsCase: Bool { self != .attendance }
}
