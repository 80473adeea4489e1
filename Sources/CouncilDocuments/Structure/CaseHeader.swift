/// Recognizes the line that opens a case: `Sak 8/1/2025`, `- Sak 1/1/23 Title**`,
/// `**Sak 4/1/2023**`, `Sak 2/1/2023**Spørsmål om habilitet**`.
///
/// A case number inside a sentence ("Sak 54/6/2022: antall kommuner er rettet …",
/// "sak 8/1/2025 og sak 12/1/2025") is a reference, not a header.
public struct CaseHeader: Sendable, Equatable {
    public let caseID: CaseID
    /// The title when it stands on the header line.
    public let title: String?

    public static func parse(_ line: some StringProtocol) -> CaseHeader? {
        var rest = Substring(line)
        while let c = rest.first, c.isWhitespace || "-*#•>–".contains(c) { rest.removeFirst() }
        guard rest.count >= 7, rest.prefix(3).lowercased() == "sak", let space = rest.dropFirst(3).first, space.isWhitespace else { return nil }
        rest = rest.dropFirst(3)
        while let c = rest.first, c.isWhitespace { rest.removeFirst() }
        var numberText = ""
        while let c = rest.first, c.isASCII && (c.isNumber || c == "/") { numberText.append(c); rest.removeFirst() }
        guard let id = CaseID(numberText) else { return nil }
        if let c = rest.first, !(c.isWhitespace || c == "*") { return nil }
        let title = rest.trimmed(.decoration)
        if let first = title.first, first.isLowercase { return nil }
        return CaseHeader(caseID: id, title: title.isEmpty ? nil : title)
    }
}
