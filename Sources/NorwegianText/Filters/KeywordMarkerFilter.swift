/// Protects tokens that are codes rather than words (`HO21`, `2025`, `8/1/2025`) from the
/// rewriting filters after it, as Lucene's `KeywordMarkerFilter` does.
public struct KeywordMarkerFilter: TokenFilter {
    public init() {}

    public func filter(_ tokens: inout [Token]) {
        for index in tokens.indices where tokens[index].flags.contains(.hasDigit) {
            tokens[index].flags.insert(.keyword)
        }
    }
}
