extension Analyzer {
    /// `text` with each word this chain's OCR repair step would repair written as repaired
    /// ("Radets vedtak om tilgang" → "Rådets vedtak om tilgang"), everything else as written:
    /// for showing a damaged document's title, which a reader wants legible, while the index
    /// and snippets keep the text as written. Nil when the chain repairs nothing here (no repair
    /// step, or no word of `text` needs one).
    public func repairedSpelling(of text: String) -> String? {
        guard let at = filters.firstIndex(where: { $0 is OCRRepairFilter }) else { return nil }
        var tokens = tokenizer.tokenize(text)
        for step in filters[..<at] { step.filter(&tokens) }
        let before = tokens.count
        filters[at].filter(&tokens)
        guard tokens.count > before else { return nil }
        // The repair step inserts each repair right after the word it repairs, at its position.
        var replacements: [(range: Range<Int32>, word: String)] = []
        var written: Token?
        for token in tokens {
            guard token.flags.contains(.synonym) else { written = token; continue }
            guard let w = written, w.position == token.position, w.text != token.text,
                  replacements.last?.range != w.range else { continue }
            replacements.append((w.range, token.text))
        }
        return Self.replacing(replacements, in: text)
    }

    /// `text` with each word that `repair` knows a repair of (given the word as this chain's
    /// repair step would see it: lower case, before stemming) written repaired; nil when none is.
    /// For passages of a damaged document, with the repairs its index build made.
    public func respelled(_ text: String, repair: (String) -> String?) -> String? {
        let at = filters.firstIndex { $0 is OCRRepairFilter } ?? filters.firstIndex { $0 is KeywordMarkerFilter }.map { $0 + 1 }
        var tokens = tokenizer.tokenize(text)
        for step in filters[..<(at ?? 0)] { step.filter(&tokens) }
        var replacements: [(range: Range<Int32>, word: String)] = []
        for token in tokens where OCRRepairFilter.isRepairable(token) && replacements.last?.range != token.range {
            if let word = repair(token.text), word != token.text { replacements.append((token.range, word)) }
        }
        return Self.replacing(replacements, in: text)
    }

    /// `text` with the UTF-16 ranges replaced by the words, each in the casing of what it replaces.
    private static func replacing(_ replacements: [(range: Range<Int32>, word: String)], in text: String) -> String? {
        var units = Array(text.utf16)
        for (range, word) in replacements.reversed() {
            let bounds = Int(range.lowerBound)..<Int(range.upperBound)
            guard bounds.upperBound <= units.count else { continue }
            let original = String(decoding: units[bounds], as: UTF16.self)
            units.replaceSubrange(bounds, with: Array(Self.casing(word, like: original).utf16))
        }
        let repaired = String(decoding: units, as: UTF16.self)
        return repaired == text ? nil : repaired
    }

    /// `word` (lower case, as the chain makes terms) in the casing of `original`: all capitals,
    /// a capital first letter, or as it is.
    static func casing(_ word: String, like original: String) -> String {
        let letters = original.filter(\.isLetter)
        if letters.count > 1, letters.allSatisfy(\.isUppercase) { return word.uppercased() }
        if let first = original.first(where: \.isLetter), first.isUppercase {
            return word.prefix(1).uppercased() + word.dropFirst()
        }
        return word
    }
}
