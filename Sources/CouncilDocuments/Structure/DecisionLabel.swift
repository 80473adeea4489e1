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
    static let firstWordBytes = firstWords.map { Array($0.utf8) }

    /// The label at the start of `text`, if any.
    public static func parse(_ text: String) -> DecisionLabel? {
        guard text.utf8.count <= 400 else { return nil }
        if case .some(false) = asciiOpeningMayBeLabel(text) { return nil }
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

    /// Whether the first word of `text` may open a label, decided on its UTF-8 bytes when the line
    /// opens in ASCII (most do), exactly as `parse` decides on its characters, or nil when it
    /// must be decided on characters: a non-ASCII byte before the first word ends, which may be
    /// a letter, a space or a combining mark. Every line of a case is asked, and the character
    /// path (Unicode properties, a lowercased and folded string per line) was a fifth of a build.
    static func asciiOpeningMayBeLabel(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
            var i = 0
            // `parse`'s trimming: whitespace (ASCII's is 9–13 and space) and "*-#>_|".
            while i < bytes.count, bytes[i] < 0x80, (9...13).contains(bytes[i]) || bytes[i] == 0x20
                || "*-#>_|".utf8.contains(bytes[i]) { i += 1 }
            guard i < bytes.count else { return false }
            guard i + 1 >= bytes.count || bytes[i + 1] < 0x80, bytes[i] < 0x80 else { return nil }
            guard isLetter(bytes[i]) else { return false }
            // The first word, lowercased and folded as `NorwegianFolding.foldKey` folds ASCII.
            var folded: [UInt8] = []
            var previous: UInt8 = 0x20
            while i < bytes.count, isLetter(bytes[i]) || bytes[i] == 0x26 || bytes[i] == 0x40 {
                guard i + 1 >= bytes.count || bytes[i + 1] < 0x80 else { return nil }
                let letter = isLetter(bytes[i]) ? bytes[i] | 0x20 : bytes[i]
                if !((previous == 0x6F && letter == 0x65) || (previous == 0x61 && letter == 0x61)) {
                    folded.append(letter)
                    previous = letter
                }
                i += 1
            }
            return firstWordBytes.contains { label in
                label == folded || (label.count >= 6 && withinOneEdit(label, folded))
            }
        }
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
