/// A tokenizer followed by filters: the single definition of what a term is, shared by indexing
/// and querying so that both sides always agree.
public struct Analyzer: Sendable {
    public var tokenizer: any Tokenizer
    public var filters: [any TokenFilter]

    public init(tokenizer: any Tokenizer, filters: [any TokenFilter]) {
        self.tokenizer = tokenizer
        self.filters = filters
    }

    public func analyze(_ text: String) -> [Token] {
        var tokens = tokenizer.tokenize(text)
        for step in filters {
            step.filter(&tokens)
        }
        return tokens
    }

    /// The chain used for Norwegian council documents and for queries against them.
    public static let norwegian = Analyzer(
        tokenizer: ICUWordTokenizer(),
        filters: [
            KeywordMarkerFilter(),
            NorwegianStemFilter(),
        ]
    )
}
