/// A council case number, `Sak 8/1/2025`: case 8 of meeting 1 in 2025.
///
/// Written `8/1/25` or `8/1/2025` in the documents; both are the same case, so the id is kept
/// normalized with a four-digit year.
public struct CaseID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let number: Int
    public let meetingNumber: Int
    public let year: Int

    public init(number: Int, meetingNumber: Int, year: Int) {
        self.number = number
        self.meetingNumber = meetingNumber
        self.year = year < 100 ? 2000 + year : year
    }

    /// Parses `8/1/25`, `8/1/2025` (spaces around the slashes allowed).
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.trimmed(.whitespaces) }
        guard parts.count == 3,
              let n = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
              (1...999).contains(n), (1...99).contains(m),
              parts[2].count == 2 || parts[2].count == 4, y < 100 || (1990...2100).contains(y) else { return nil }
        self.init(number: n, meetingNumber: m, year: y)
    }

    public var description: String { "\(number)/\(meetingNumber)/\(year)" }
    /// The meeting the case belongs to, `M/YYYY`.
    public var meeting: String { "\(meetingNumber)/\(year)" }

    public static func < (a: CaseID, b: CaseID) -> Bool {
        (a.year, a.meetingNumber, a.number) < (b.year, b.meetingNumber, b.number)
    }
}
