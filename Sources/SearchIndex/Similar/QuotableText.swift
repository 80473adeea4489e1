import Foundation

/// The text of a passage as a writer pastes it: the lines a file wraps joined into one, a word
/// hyphenated at a line end joined again where it is a known word ("forsknings-" ⏎ "miljøene"),
/// kept hyphenated where it is not ("offentlig-" ⏎ "privat"), list bullets and Markdown
/// emphasis and heading marks removed, runs of spaces made one.
struct QuotableText {
    /// Whether a word, lowercased, is a real word (the bokmål word list, the index's vocabulary).
    var isKnownWord: (String) -> Bool

    func clean(_ written: Substring) -> String {
        var out = ""
        for raw in written.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = Self.withoutMarkup(raw.trimmingCharacters(in: .whitespacesAndNewlines)[...])
            guard !line.isEmpty else { continue }
            if out.isEmpty { out = line; continue }
            if out.last == "-", let next = line.first, next.isLowercase, let joined = joinedWord(out, line) {
                if isKnownWord(joined.lowercased()) { out.removeLast() }
            } else if out.last == "\u{00AD}" {
                out.removeLast()
            } else {
                out.append(" ")
            }
            out += line
        }
        return out.replacingOccurrences(of: "\u{00AD}", with: "")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// The word `line` starts, glued to the word `text` ends with before its hyphen; nil unless
    /// both are letters only.
    private func joinedWord(_ text: String, _ line: String) -> String? {
        let head = text.dropLast().reversed().prefix { $0.isLetter }
        let tail = line.prefix { $0.isLetter }
        guard !head.isEmpty, !tail.isEmpty else { return nil }
        return String(head.reversed()) + tail
    }

    /// How many characters of `line` are a list bullet and the space after it ("• ", "- ", "* ",
    /// "1) ", "a) "); 0 when it starts with none.
    static func bulletLength(_ line: Substring) -> Int {
        guard let first = line.first else { return 0 }
        if "•·▪◦‣●○■□–-*".contains(first), line.dropFirst().first?.isWhitespace ?? false {
            return 1 + line.dropFirst().prefix(while: \.isWhitespace).count
        }
        let marker = line.prefix { $0.isNumber || $0.isLetter }
        if (1...2).contains(marker.count), line.dropFirst(marker.count).first == ")",
           line.dropFirst(marker.count + 1).first?.isWhitespace ?? false {
            return marker.count + 1 + line.dropFirst(marker.count + 1).prefix(while: \.isWhitespace).count
        }
        return 0
    }

    /// A line without its bullet, its Markdown heading marks and its emphasis (`*`, `**`, `_x_`).
    private static func withoutMarkup(_ line: Substring) -> String {
        var rest = line.dropFirst(bulletLength(line))
        if rest.first == "#" { rest = rest.drop { $0 == "#" }.drop(while: \.isWhitespace) }
        var out = ""
        var previous: Character = " "
        for (offset, c) in zip(rest.indices, rest) {
            if c == "*" { continue }
            if c == "_" {
                let after = rest.index(after: offset)
                let next = after < rest.endIndex ? rest[after] : " "
                // Emphasis marks stand at a word's edge; an underscore inside a word is the word's.
                if !(previous.isLetter || previous.isNumber) || !(next.isLetter || next.isNumber) { continue }
            }
            out.append(c)
            previous = c
        }
        return out
    }
}
