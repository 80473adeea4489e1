import NorwegianText

/// A line that labels a decision: adopted ("Vedtak", "Vedtak:", "Rådets vedtak", "Konklusjon") or
/// proposed ("Forslag til vedtak", "Innstilling", "Sekretariatets forslag").
///
/// Words are compared after folding æøå and case, and a label word of six or more letters may be
/// one OCR error away ("Forsiag til vedtak", "Radets vedtak"): a scanned package damages its labels
/// like any other word. The label must open the line, as whole words ("Vedtakssak" in a "Type sak"
/// field is no label).
public struct DecisionLabel: Sendable, Equatable {
    /// `.vedtak` or `.forslag`.
    public let kind: SectionKind
    /// Text of the decision follows the label on the same line ("Vedtak: Rådet …").
    public let hasTextAfter: Bool
    /// The rest of the line after the label, when `hasTextAfter`.
    public let rest: Substring

    static let labels: [(words: [String], kind: SectionKind)] = [
        (["forslag", "til", "vedtak"], .forslag),
        (["sekretariatets", "forslag"], .forslag),
        (["innstilling"], .forslag),
        (["radets", "vedtak"], .vedtak),
        (["vedtak"], .vedtak),
        (["konklusjon"], .vedtak),
    ]

    static let firstWords = Array(Set(labels.map { $0.words[0] })).sorted()

    /// The label at the start of `text`, if any.
    public static func parse(_ text: String) -> DecisionLabel? {
        guard text.utf8.count <= 400 else { return nil }
        if case .some(false) = openingMayBeLabel(text) { return nil }
        return parseCharacters(text)
    }

    /// `parse` without the byte check: what the byte check must agree with.
    static func parseCharacters(_ text: String) -> DecisionLabel? {
        let trimmed = text.drop { $0.isWhitespace || "*-#>_|".contains($0) }
        guard let first = trimmed.first, first.isLetter else { return nil }
        // Most lines are prose: their first word is no label's, and their next words are not folded.
        guard let opening = Self.words(trimmed, limit: 1).first,
              Self.firstWords.contains(where: { Self.same($0, opening.folded) }) else { return nil }
        let words = Self.words(trimmed, limit: 3)
        for label in labels where words.count >= label.words.count {
            guard zip(label.words, words).allSatisfy({ Self.same($0, $1.folded) }) else { continue }
            let rest = trimmed[words[label.words.count - 1].end...]
                .drop { $0.isWhitespace || ":*.–-".contains($0) }
            // "Vedtak i saken ble …", "Konklusjonen er …": a sentence about a decision, not a label.
            if !rest.isEmpty, let next = rest.first, next.isLowercase, !trimmed[words[label.words.count - 1].end...]
                .contains(where: { ":*".contains($0) }) { return nil }
            let stripped = rest.trimmingSuffix { $0.isWhitespace || $0 == "*" }
            return DecisionLabel(kind: label.kind, hasTextAfter: !stripped.isEmpty, rest: stripped)
        }
        return nil
    }

    /// Whether `text` is a label and nothing else: never a title.
    public static func isLabelOnly(_ text: String) -> Bool {
        parse(text).map { !$0.hasTextAfter } ?? false
    }

    private static func words(_ text: Substring, limit: Int) -> [(folded: String, end: Substring.Index)] {
        var result: [(String, Substring.Index)] = []
        var index = text.startIndex
        while result.count < limit, index < text.endIndex {
            guard text[index].isLetter || "&@".contains(text[index]) else {
                if text[index].isWhitespace { index = text.index(after: index); continue }
                break
            }
            var end = index
            while end < text.endIndex, text[end].isLetter || "&@".contains(text[end]) { end = text.index(after: end) }
            result.append((NorwegianFolding.foldKey(text[index..<end].lowercased()), end))
            index = end
        }
        return result
    }

    /// Whether `text` may open with a label, decided on its UTF-8 bytes when its opening words
    /// are written in ASCII letters and æøå (most are), exactly as `parse` decides on its
    /// characters, or nil when it must be decided on characters: another non-ASCII byte before
    /// the words end, which may be a letter, a space or a combining mark. Every line of a case is
    /// asked, and the character path (Unicode properties, a lowercased and folded string per word)
    /// was a fifth of a build; deciding by the first word alone, every line opening "Rådet", one
    /// edit from "Rådets", still took it.
    static func openingMayBeLabel(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            var reader = OpeningWords(bytes: bytes)
            // Most lines open with no label's first word: told before the next words are read.
            guard let first = reader.words(limit: 1) else { return nil }
            guard let opening = first.first, labelWordBytes.contains(where: { Self.same($0[0], opening) }) else {
                return false
            }
            guard let rest = reader.words(limit: longestLabel - 1, trimming: false) else { return nil }
            let words = first + rest
            return labelWordBytes.contains { label in
                words.count >= label.count && zip(label, words).allSatisfy { Self.same($0, $1) }
            }
        }
    }

    static let labelWordBytes = labels.map { $0.words.map { Array($0.utf8) } }
    static let longestLabel = labels.map(\.words.count).max()!

    /// The label word, or one OCR error from it when it is long enough to tell (on folded bytes).
    static func same(_ label: [UInt8], _ word: [UInt8]) -> Bool {
        label == word || (label.count >= 6 && withinOneEdit(label, word))
    }

    /// The first words of a line's UTF-8 bytes as `parse` takes them: after its trimming, runs of
    /// letters (and `&`, `@`) apart by whitespace, each lowercased and folded as
    /// `NorwegianFolding.foldKey` folds them, up to the first other character.
    struct OpeningWords {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        /// Up to `limit` more words (after `parse`'s trimming, the first time); nil when a byte
        /// the bytes alone cannot tell comes first.
        mutating func words(limit: Int, trimming: Bool = true) -> [[UInt8]]? {
            // `parse`'s trimming: whitespace and "*-#>_|".
            while trimming, i < bytes.count {
                if let width = space(i) {
                    guard standsAlone(i + width) else { return nil }
                    i += width
                } else if bytes[i] < 0x80, "*-#>_|".utf8.contains(bytes[i]) {
                    i += 1
                } else {
                    break
                }
            }
            var words: [[UInt8]] = []
            while words.count < limit, i < bytes.count {
                if let width = space(i) {
                    guard standsAlone(i + width) else { return nil }
                    i += width
                    continue
                }
                // Punctuation ends the words, whatever combines with it (a bullet, a dash, quotes).
                if punctuation(i) != nil { break }
                guard bytes[i] < 0x80 || norwegian(i) != nil else { return nil }
                guard let word = word() else { return nil }
                if word.isEmpty { break }
                words.append(word)
            }
            return words
        }

        /// The word at `i`, empty when no letter stands there; nil when undecidable.
        private mutating func word() -> [UInt8]? {
            var folded: [UInt8] = []
            var previous: UInt8 = 0x20
            func emit(_ letter: UInt8) {
                guard !((previous == 0x6F && letter == 0x65) || (previous == 0x61 && letter == 0x61)) else { return }
                folded.append(letter)
                previous = letter
            }
            while i < bytes.count {
                if isLetter(bytes[i]) || bytes[i] == 0x26 || bytes[i] == 0x40 {
                    guard standsAlone(i + 1) else { return nil }
                    emit(isLetter(bytes[i]) ? bytes[i] | 0x20 : bytes[i])
                    i += 1
                } else if let fold = norwegian(i) {
                    guard standsAlone(i + 2) else { return nil }
                    emit(fold.0)
                    if let second = fold.1 { emit(second) }
                    i += 2
                } else if bytes[i] >= 0x80, punctuation(i) == nil {
                    return nil
                } else {
                    // Any other ASCII byte: its character is no letter, whatever combines with it.
                    break
                }
            }
            return folded
        }

        private func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

        /// The width of a whitespace character at `j` (ASCII's 9–13 and space, a no-break space).
        private func space(_ j: Int) -> Int? {
            if (9...13).contains(bytes[j]) || bytes[j] == 0x20 { return 1 }
            return j + 1 < bytes.count && bytes[j] == 0xC2 && bytes[j + 1] == 0xA0 ? 2 : nil
        }

        /// The width of punctuation at `j` that is neither letter nor whitespace: U+2010–U+2027
        /// (dashes, quotes, bullets, ellipsis; E2 80 90–A7) and « » (C2 AB, C2 BB).
        private func punctuation(_ j: Int) -> Int? {
            if j + 2 < bytes.count, bytes[j] == 0xE2, bytes[j + 1] == 0x80, (0x90...0xA7).contains(bytes[j + 2]) {
                return 3
            }
            return j + 1 < bytes.count && bytes[j] == 0xC2 && (bytes[j + 1] == 0xAB || bytes[j + 1] == 0xBB) ? 2 : nil
        }

        /// æ, ø, å in either case (C3 then A6/86, B8/98, A5/85), as `NorwegianFolding.foldKey`
        /// folds them after lowercasing: "ae", "o", "a".
        private func norwegian(_ j: Int) -> (UInt8, UInt8?)? {
            guard j + 1 < bytes.count, bytes[j] == 0xC3 else { return nil }
            switch bytes[j + 1] {
            case 0xA6, 0x86: return (0x61, 0x65)
            case 0xB8, 0x98: return (0x6F, nil)
            case 0xA5, 0x85: return (0x61, nil)
            default: return nil
            }
        }

        /// Nothing at `j` combines with the character before it: the byte is ASCII or opens æøå.
        private func standsAlone(_ j: Int) -> Bool { j >= bytes.count || bytes[j] < 0x80 || norwegian(j) != nil }
    }

    /// The label word, or one OCR error from it when it is long enough to tell.
    static func same(_ label: String, _ word: String) -> Bool {
        if label == word { return true }
        guard label.unicodeScalars.count >= 6 else { return false }
        return withinOneEdit(Array(label.unicodeScalars), Array(word.unicodeScalars))
    }

    /// Whether two words are at most one edit apart (a letter changed, added, dropped, or two
    /// neighbours swapped): `BoundedEditDistance` with maximum 1, without its tables. Every line of
    /// a case is asked whether it opens with a label, so this runs millions of times a build.
    static func withinOneEdit<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Bool {
        guard abs(a.count - b.count) <= 1 else { return false }
        var i = 0
        while i < a.count, i < b.count, a[i] == b[i] { i += 1 }
        if i == a.count, i == b.count { return true }
        if a.count > b.count { return a[(i + 1)...] == b[i...] }
        if a.count < b.count { return a[i...] == b[(i + 1)...] }
        if a[(i + 1)...] == b[(i + 1)...] { return true }
        return i + 1 < a.count && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)...] == b[(i + 2)...]
    }
}

private extension Substring {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
