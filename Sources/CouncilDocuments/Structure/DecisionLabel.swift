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

    /// The label at the start of `text`, if any.
    public static func parse(_ text: String) -> DecisionLabel? {
        guard text.utf8.count <= 400 else { return nil }
        let trimmed = text.drop { $0.isWhitespace || "*-#>_|".contains($0) }
        guard let first = trimmed.first, first.isLetter else { return nil }
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

    /// The label word, or one OCR error from it when it is long enough to tell.
    static func same(_ label: String, _ word: String) -> Bool {
        if label == word { return true }
        guard label.count >= 6 else { return false }
        var distance = BoundedEditDistance()
        return distance.distance(Array(label.unicodeScalars.map(\.value)), Array(word.unicodeScalars.map(\.value)), maximum: 1) != nil
    }
}

private extension Substring {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
