/// A query after analysis and expansion: what `Searcher` executes and `--explain` shows.
public struct Query: Sendable {
    public let text: String
    public var words: [QueryWord]
    /// Restrictions written in the query (`type:vedtak år:2025`) or given beside it.
    public var filter = SearchFilter()
    /// Filters in the query that could not be understood, each as a sentence for the user.
    public var problems: [String] = []

    public init(text: String, words: [QueryWord], filter: SearchFilter = SearchFilter()) {
        self.text = text
        self.words = words
        self.filter = filter
    }

    /// Every index term the query can match, for highlighting.
    public var allTerms: Set<String> { Set(words.flatMap { $0.terms.map(\.term) }) }
}

/// One word of the query and the index terms it stands for.
public struct QueryWord: Sendable {
    /// As the user typed it.
    public let written: String
    /// Alternatives for this word; a section scores by the best of them.
    public var terms: [WeightedTerm]
    /// The same alternatives in section titles; the best of them adds to the section's score.
    public var titleTerms: [WeightedTerm] = []
}

/// An index term a query word may match, with how much a match on it counts and why.
public struct WeightedTerm: Sendable, Hashable {
    public let term: String
    public let termID: Int
    /// 1 for the word as analyzed; less for spellings reached by expansion, so exact spellings
    /// rank first.
    public let weight: Double
    public let reason: Reason

    public enum Reason: String, Sendable {
        case exact
        /// Reached by folding æ/ø/å: `horingssvar` → `høringssvar`.
        case folded
        /// The word in a section title.
        case title
    }
}
