/// The line a command prints when nothing matches, with a hint when the query had no words at all:
/// `...` or `?` is not a usage error (the grammar ignores stray operators, and scripts get their
/// empty JSON answer), but a person should learn why nothing matched rather than guess.
enum NoAnswer {
    /// "No sections match “…”." (`things` is "sections" or "cases"), plus the hint when due.
    static func line(_ things: String, query: String) -> String {
        "No \(things) match “\(query)”." + (hasWords(query) ? "" : " " + hint)
    }

    static let hint = "The query has no words to search for, only punctuation: give a word, a case id or a filter."

    static func hasWords(_ query: String) -> Bool {
        query.contains { $0.isLetter || $0.isNumber }
    }
}
