import NorwegianText

/// The bokmål word list (Debian's wnorwegian) when installed, read once per process on first
/// use: a tenth of a second, paid by the first `similar` that joins a hyphenated word, not by
/// every start. Empty when the list is not installed.
enum SystemWords {
    static let lexicon: Lexicon = {
        var lexicon = Lexicon()
        lexicon.addWordList()
        return lexicon
    }()
}
