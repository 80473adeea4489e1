import ArgumentParser
import SearchIndex

/// Filters shared by the commands that search; the same as `type:` `år:` `møte:` `fra:` `til:` in
/// the query text.
struct FilterOptions: ParsableArguments {
    @Option(help: "Only sections of these kinds: saksliste, saksfremlegg, referat, vedtak, forslag, vedlegg, other (comma-separated).")
    var kind: [String] = []

    @Option(help: "Only sections of this year (repeatable).")
    var year: [Int] = []

    @Option(help: "Only sections dated on or after this day (YYYY-MM-DD, or YYYY / YYYY-MM).")
    var from: String?

    @Option(help: "Only sections dated on or before this day.")
    var to: String?

    @Option(help: "Only cases of this meeting (M/YYYY).")
    var meeting: String?

    /// A query needs words or a filter: with neither, a usage error.
    func requireWords(or query: [String]) throws {
        let hasFilters = try !filter().isEmpty
        guard !query.joined().allSatisfy(\.isWhitespace) || hasFilters else {
            throw ValidationError("the query is empty: give words to search for")
        }
    }

    func filter() throws -> SearchFilter {
        var filter = SearchFilter()
        do {
            for k in kind { try filter.add(field: "type", value: k) }
            for y in year { try filter.add(field: "year", value: String(y)) }
            if let from { try filter.add(field: "from", value: from) }
            if let to { try filter.add(field: "to", value: to) }
            if let meeting { try filter.add(field: "meeting", value: meeting) }
        } catch {
            throw CommandFailure.usage(error.description)
        }
        return filter
    }
}
