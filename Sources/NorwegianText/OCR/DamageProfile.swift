/// How damaged a document's text is, estimated from the text alone.
///
/// Norwegian prose has æ, ø or å in roughly one word in eight; OCR that lost them leaves almost
/// none, and leaves `&`, `@` and `|` inside words instead. A document is treated as damaged when
/// its share of words with æøå is far below that, or its share of such glyphs is high.
public struct DamageProfile: Sendable, Equatable {
    /// Share of words containing æ, ø or å.
    public let norwegianLetterShare: Double
    /// Share of words containing an OCR stand-in (`&`, `@`, `|` where a letter belongs).
    public let glyphShare: Double
    public let words: Int

    public var isDamaged: Bool {
        guard words >= 30 else { return glyphShare > 0.02 }
        return norwegianLetterShare < 0.03 || glyphShare > 0.004
    }

    public static let clean = DamageProfile(norwegianLetterShare: 0.13, glyphShare: 0, words: 1000)
    public static let heavilyDamaged = DamageProfile(norwegianLetterShare: 0, glyphShare: 0.02, words: 1000)

    public init(norwegianLetterShare: Double, glyphShare: Double, words: Int) {
        self.norwegianLetterShare = norwegianLetterShare
        self.glyphShare = glyphShare
        self.words = words
    }

    /// The profile of a document from its tokens.
    public init(tokens: [Token]) {
        var words = 0, norwegian = 0, glyphs = 0
        for token in tokens where !token.flags.contains(.synonym) && !token.flags.contains(.caseNumber) {
            words += 1
            var hasNorwegian = false, hasGlyph = false
            for scalar in token.text.unicodeScalars {
                switch scalar {
                case "æ", "ø", "å": hasNorwegian = true
                case OCRGlyphs.at, OCRGlyphs.ampersand, OCRGlyphs.bar: hasGlyph = true
                default: break
                }
            }
            if hasNorwegian { norwegian += 1 }
            if hasGlyph { glyphs += 1 }
        }
        self.init(norwegianLetterShare: words == 0 ? 0 : Double(norwegian) / Double(words),
                  glyphShare: words == 0 ? 0 : Double(glyphs) / Double(words), words: words)
    }

    /// The profile of a text, analyzed by the tokenizer alone.
    public init(text: String) {
        self.init(tokens: ICUWordTokenizer().tokenize(text))
    }
}
