import ArgumentParser
import CouncilDocuments
import SearchIndex

/// Filters shared by the commands that search; the same as `type:` `år:` `møte:` `fra:` `til:` in
/// the query text.
struct FilterOptions: ParsableArguments {
    @Option(help: """
        Only sections of these kinds: saksliste, saksfremlegg, referat, vedtak, forslag, vedlegg, other \
        (comma-separated).
        """)
    var kind: [String] = []

    @Option(help: "Only sections of this year (repeatable).")
    var year: [Int] = []

    @Option(help: "Only sections dated on or after this day (YYYY-MM-DD, or YYYY / YYYY-MM).")
    var from: String?

    @Option(help: "Only sections dated on or before this day.")
    var to: String?

    @Option(help: "Only cases of this meeting (M/YYYY).")
    var meeting: String?

    /// Every value is checked before anything is opened, so a bad one is a usage error (exit 2).
    func validate() throws {
        _ = try filter()
    }

    /// A query needs words or a filter: with neither, a usage error. (A query of punctuation alone
    /// is a query the forgiving grammar reads as nothing: zero hits, with a hint, see `NoAnswer`.)
    func requireWords(or query: [String]) throws {
        let hasFilters = try !filter().isEmpty
        guard !query.joined().allSatisfy(\.isWhitespace) || hasFilters else {
            throw ValidationError("the query is empty: give words to search for")
        }
    }

    /// The options as one filter; a value it refuses is a `ValidationError` naming the option.
    func filter() throws(ValidationError) -> SearchFilter {
        if kind.contains(where: { !$0.contains(where: \.isLetter) }) {
            let kinds = SectionKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--kind: give a kind: \(kinds)")
        }
        var filter = SearchFilter()
        var option = "--kind"
        do {
            for k in kind { try filter.add(field: "type", value: k) }
            option = "--year"
            for y in year { try filter.add(field: "year", value: String(y)) }
            option = "--from"
            if let from { try filter.add(field: "from", value: from) }
            option = "--to"
            if let to { try filter.add(field: "to", value: to) }
            option = "--meeting"
            if let meeting { try filter.add(field: "meeting", value: meeting) }
        } catch {
            throw ValidationError("\(option): \(error.description)")
        }
        if let start = filter.from, let end = filter.to, start > end {
            throw ValidationError("--from \(start) is after --to \(end): no day is in that range")
        }
        return filter
    }
}
