import Foundation
import CouncilDocuments

/// Restrictions on which sections may answer: by kind, year, date range, meeting or case.
///
/// Given on the command line (`--kind vedtak --year 2025`) or inside the query
/// (`type:vedtak år:2025 møte:1/2025 sak:8/1/2025 fra:2023-01-01 til:2023-12-31`).
public struct SearchFilter: Sendable, Equatable {
    public var kinds: Set<SectionKind> = []
    public var years: Set<Int> = []
    /// Inclusive ISO dates.
    public var from: String?
    public var to: String?
    /// `M/YYYY`.
    public var meeting: String?
    public var caseID: CaseID?

    public init() {}

    public var isEmpty: Bool { self == SearchFilter() }

    public func accepts(_ facts: SectionFacts) -> Bool {
        if !kinds.isEmpty, !kinds.contains(facts.kind) { return false }
        if !years.isEmpty { guard let year = facts.year, years.contains(year) else { return false } }
        if from != nil || to != nil {
            if let date = facts.date {
                if let from, date < from { return false }
                if let to, date > to { return false }
            } else {
                // Known only to its year (a meeting no document dates): it may lie in the range, and
                // a filter must not drop it, so the year is compared with the range's years.
                guard let year = facts.year else { return false }
                if let from, year < Int(from.prefix(4)) ?? .min { return false }
                if let to, year > Int(to.prefix(4)) ?? .max { return false }
            }
        }
        if let meeting, facts.caseID?.meeting != meeting { return false }
        if let caseID, facts.caseID != caseID { return false }
        return true
    }

    /// Why a filter value was refused, for a one-line usage message.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Adds one `field:value` restriction; field names in Norwegian or English, with or without æøå.
    public mutating func add(field: String, value: String) throws(Problem) {
        let v = value.trimmingCharacters(in: .whitespaces)
        switch field.lowercased() {
        case "type", "kind", "type_", "art":
            let names = v.lowercased().split(separator: ",").map(String.init)
            for name in names {
                guard let kind = SectionKind.parse(name) else {
                    throw Problem(description: "unknown kind '\(name)'; use one of \(SectionKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                kinds.insert(kind)
            }
        case "år", "ar", "aar", "year":
            guard let year = Int(v), (1900...2200).contains(year) else { throw Problem(description: "'\(v)' is not a year") }
            years.insert(year)
        case "fra", "from":
            guard let date = Self.isoDate(v, endOfPeriod: false) else { throw Problem(description: "'\(v)' is not a date (YYYY-MM-DD)") }
            from = date
        case "til", "to":
            guard let date = Self.isoDate(v, endOfPeriod: true) else { throw Problem(description: "'\(v)' is not a date (YYYY-MM-DD)") }
            to = date
        case "møte", "mote", "moete", "meeting":
            let parts = v.split(separator: "/")
            guard parts.count == 2, let m = Int(parts[0]), var y = Int(parts[1]) else { throw Problem(description: "'\(v)' is not a meeting (M/YYYY)") }
            if y < 100 { y += 2000 }
            meeting = "\(m)/\(y)"
        case "sak", "case":
            guard let id = CaseID(v) else { throw Problem(description: "'\(v)' is not a case id (N/M/YYYY)") }
            caseID = id
        default:
            throw Problem(description: "unknown filter '\(field):'")
        }
    }

    /// The field names `add(field:value:)` knows, for telling filters from words with a colon.
    public static let fieldNames: Set<String> = ["type", "kind", "art", "år", "ar", "aar", "year", "fra", "from", "til", "to",
                                                 "møte", "mote", "moete", "meeting", "sak", "case"]

    /// `2023`, `2023-05` or `2023-05-17`; a year or month stands for its first or last day.
    static func isoDate(_ text: String, endOfPeriod: Bool) -> String? {
        let parts = text.split(separator: "-").map { Int($0) }
        guard !parts.isEmpty, parts.count <= 3, parts.allSatisfy({ $0 != nil }) else { return nil }
        let year = parts[0]!, month = parts.count > 1 ? parts[1]! : (endOfPeriod ? 12 : 1)
        let day = parts.count > 2 ? parts[2]! : (endOfPeriod ? 31 : 1)
        guard (1900...2200).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}

/// The fields of a section that filters look at, read without decoding its title.
public struct SectionFacts: Sendable {
    public let kind: SectionKind
    public let caseID: CaseID?
    /// `YYYYMMDD` as a number, 0 when unknown: ranking reads facts of many sections and seldom
    /// needs the date as text.
    let packedDate: UInt32
    /// ISO `YYYY-MM-DD`.
    public var date: String? { SectionCodes.unpackDate(packedDate) }
    public let year: Int?
    public let fileIndex: Int
    public let lines: ClosedRange<Int>

    /// True when `other` lies inside this section: a decision inside its case.
    public func contains(_ other: SectionFacts) -> Bool {
        fileIndex == other.fileIndex && lines != other.lines && lines.contains(other.lines.lowerBound) && lines.contains(other.lines.upperBound)
    }
}

extension SectionKind {
    /// Accepts the kind names and their common variants (`saksframlegg`, `sakliste`, `decision`).
    public static func parse(_ name: String) -> SectionKind? {
        switch name.lowercased() {
        case "saksliste", "sakliste", "agenda": .saksliste
        case "saksfremlegg", "saksframlegg", "fremlegg", "framlegg": .saksfremlegg
        case "referat", "minutes", "protokoll": .referat
        case "vedtak", "decision", "decisions": .vedtak
        case "forslag", "proposal", "proposals", "innstilling": .forslag
        case "vedlegg", "attachment": .vedlegg
        case "other", "annet", "annen": .other
        default: nil
        }
    }
}

extension SearchFilter: CustomStringConvertible {
    /// The filter in the query syntax that writes it.
    public var description: String {
        var parts: [String] = kinds.map(\.rawValue).sorted().map { "type:\($0)" }
        parts += years.sorted().map { "år:\($0)" }
        if let from { parts.append("fra:\(from)") }
        if let to { parts.append("til:\(to)") }
        if let meeting { parts.append("møte:\(meeting)") }
        if let caseID { parts.append("sak:\(caseID)") }
        return parts.joined(separator: " ")
    }
}
