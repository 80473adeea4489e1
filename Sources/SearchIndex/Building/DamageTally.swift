import NorwegianText

/// A document's damage profile added up window by window: the profile of all its tokens at once.
/// Each window's shares are turned back into counts (exact: the error of a share times its word
/// count is far below one half for any real document) and divided again at the end.
struct DamageTally {
    private var words = 0
    private var norwegian = 0
    private var glyphs = 0

    mutating func add(_ tokens: [Token]) {
        let part = DamageProfile(tokens: tokens)
        words += part.words
        norwegian += Int((part.norwegianLetterShare * Double(part.words)).rounded())
        glyphs += Int((part.glyphShare * Double(part.words)).rounded())
    }

    var profile: DamageProfile {
        guard words > 0 else { return DamageProfile(norwegianLetterShare: 0, glyphShare: 0, words: 0) }
        return DamageProfile(norwegianLetterShare: Double(norwegian) / Double(words),
                             glyphShare: Double(glyphs) / Double(words), words: words)
    }
}
