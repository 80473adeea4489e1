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
        guard line.isShort, line.lead == 0 || "srpdt".utf8.contains(line.lead) || line.text.utf8.contains(0x2C) else { return nil }
        return classify(line.text)
    }

    static func classify(_ line: String) -> PartMarker? {
        let trimmed = line.trimmed(.decoration).lowercased()
        guard !trimmed.isEmpty, trimmed.count <= 70 else { return nil }
        if trimmed.hasPrefix("saksfremlegg") || trimmed.hasPrefix("saksframlegg") { return .saksfremlegg }
        if trimmed.count <= 40, trimmed.hasPrefix("saksliste") || trimmed.hasPrefix("sakliste")
            || (trimmed.hasSuffix(" saksliste") && trimmed.contains(where: \.isNumber)) {
            return .saksliste
        }
        if trimmed.hasPrefix("referat") && trimmed.count <= 40 { return .referat }
        if trimmed.contains(", referat ") || trimmed.hasPrefix("protokoll") { return .referat }
        if trimmed.hasPrefix("dato ") || trimmed == "dato" { return .meetingHeader }
        if trimmed.hasPrefix("til stede") { return .attendance }
        return nil
    }

    /// Whether the marker closes the case section running before it.
    var endsCase: Bool { self != .attendance }
}
