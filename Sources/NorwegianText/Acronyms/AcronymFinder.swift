/// Finds acronyms defined in running text, both ways round: "Kommunenes samarbeidsarena for
/// forskning (KSF)" and "KSF (Kommunenes strategiske forskningsorgan)".
///
/// The long form is found with Schwartz and Hearst's algorithm (2003): the acronym's letters are
/// matched right to left against the words before it, the first letter at the start of a word,
/// the others anywhere (so `LUP` matches inside the compound "Leverandørutviklingsprogrammet"),
/// and the shortest such run of words is the definition.
public struct AcronymFinder: Sendable {
    /// Letters an acronym may have.
    public var lengths = 2...10
    /// Longest text read before a parenthesis for the long form.
    public var maximumLongForm = 160

    public init() {}

    public struct Definition: Sendable, Hashable {
        public let acronym: String
        public let longForm: String

        public init(acronym: String, longForm: String) {
            self.acronym = acronym
            self.longForm = longForm
        }
    }

    /// Scans the UTF-8 bytes for parentheses and makes strings only around those that may hold
    /// or follow an acronym: a document has many parentheses and few definitions.
    public func definitions(in text: String) -> [Definition] {
        var utf8 = Array(text.utf8)
        utf8.append(0)
        var found: [Definition] = []
        var open = 0
        while open < utf8.count - 1 {
            defer { open += 1 }
            guard utf8[open] == UInt8(ascii: "(") else { continue }
            var close = open + 1
            while close < utf8.count - 1, close - open <= maximumLongForm * 2,
                  utf8[close] != UInt8(ascii: ")"), utf8[close] != UInt8(ascii: "("), utf8[close] != UInt8(ascii: "\n") { close += 1 }
            guard utf8[close] == UInt8(ascii: ")") else { continue }
            guard Self.startsWithCapital(utf8, open + 1) || Self.capitalWordEnds(utf8, before: open) else { continue }
            let inside = Substring(String(decoding: utf8[(open + 1)..<close], as: UTF8.self)).trimmingSpaces
            let windowStart = max(0, open - maximumLongForm * 2)
            let before = precedingText(String(decoding: utf8[windowStart..<open], as: UTF8.self))
            if isAcronym(inside) {
                if let long = longForm(of: inside, in: lastWords(before, count: min(inside.count + 5, inside.count * 2))) {
                    found.append(Definition(acronym: String(inside), longForm: long))
                }
            } else if isAbbreviation(inside), let last = before.split(separator: " ").last,
                      !last.lowercased().contains(inside.lowercased()),
                      let long = longForm(of: inside, in: String(last)), long == String(last) {
                found.append(Definition(acronym: String(inside), longForm: long))
            } else if let last = before.split(separator: " ").last, isAcronym(last),
                      let long = longForm(of: last, in: String(inside)), long == String(inside) {
                found.append(Definition(acronym: String(last), longForm: long))
            }
        }
        return found
    }

    /// Written mostly in capitals: at least two capitals and no fewer capitals than small letters.
    func isAcronym(_ word: Substring) -> Bool {
        guard lengths.contains(word.count), let first = word.first, first.isUppercase, first.isLetter else { return false }
        guard word.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return false }
        let capitals = word.filter(\.isUppercase).count
        return capitals >= 2 && capitals * 2 >= word.filter(\.isLetter).count
    }

    /// A capital and a few small letters (`Hdir`, `Udir`, `Bufdir`), as Norwegian agencies shorten
    /// a compound name by its parts: taken only as the abbreviation of the one word before it,
    /// whose parts it spells (`Helsedirektoratet (Hdir)`), never of a run of words, where a
    /// capitalised word in parentheses is mostly a place or a name. A shortening leaves letters
    /// out: a word the name holds whole (`HelseOmsorg21-rådet (Rådet)`, "hereafter the council")
    /// names it, it does not abbreviate it.
    func isAbbreviation(_ word: Substring) -> Bool {
        guard (3...6).contains(word.count), let first = word.first, first.isUppercase else { return false }
        return word.dropFirst().allSatisfy { $0.isLetter && $0.isLowercase }
    }

    /// Whether a capital letter (A–Z, Æ, Ø, Å) starts at `i`, after spaces.
    static func startsWithCapital(_ bytes: [UInt8], _ i: Int) -> Bool {
        var i = i
        while bytes[i] == UInt8(ascii: " ") { i += 1 }
        if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[i]) { return true }
        return bytes[i] == 0xC3 && [0x86, 0x98, 0x85].contains(bytes[i + 1])
    }

    /// Whether the word before `index` (spaces skipped) has two capitals or more.
    static func capitalWordEnds(_ bytes: [UInt8], before index: Int) -> Bool {
        var i = index - 1
        while i >= 0, bytes[i] == UInt8(ascii: " ") { i -= 1 }
        var capitals = 0
        while i >= 0, bytes[i] != UInt8(ascii: " "), bytes[i] != UInt8(ascii: "\n") {
            if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[i]) || bytes[i] == 0xC3 { capitals += 1 }
            i -= 1
        }
        return capitals >= 2
    }

    /// The text of the clause that `text` ends with, on one line, whitespace collapsed.
    private func precedingText(_ text: String) -> String {
        let index = text.endIndex
        var start = index
        var taken = 0
        while start > text.startIndex, taken < maximumLongForm {
            let previous = text.index(before: start)
            if ".:;()[]\n".contains(text[previous]) { break }
            start = previous
            taken += 1
        }
        return text[start..<index].split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private func lastWords(_ text: String, count: Int) -> String {
        text.split(separator: " ").suffix(count).joined(separator: " ")
    }

    /// Schwartz–Hearst's best long form, trimmed of punctuation; nil when the letters do not match
    /// or the match is no longer than the acronym.
    func longForm(of acronym: Substring, in text: String) -> String? {
        let short = Array(acronym.lowercased())
        let long = Array(text.lowercased())
        guard !long.isEmpty else { return nil }
        var s = short.count - 1
        var l = long.count - 1
        while s >= 0 {
            let c = short[s]
            guard c.isLetter || c.isNumber else { s -= 1; continue }
            while l >= 0, long[l] != c || (s == 0 && l > 0 && (long[l - 1].isLetter || long[l - 1].isNumber)) {
                l -= 1
            }
            if l < 0 { return nil }
            l -= 1
            s -= 1
        }
        var start = max(l + 1, 0)
        while start > 0, long[start - 1] != " " { start -= 1 }
        let original = Array(text)
        let result = String(original[start...]).trimmed(of: ",;: –-")
        let words = result.split(separator: " ")
        guard result.count > acronym.count, !words.contains(where: { $0 == acronym }) else { return nil }
        return result
    }
}

private extension Substring {
    var trimmingSpaces: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<Swift.max(start, end)]
    }
}

private extension String {
    func trimmed(of set: String) -> String {
        let start = firstIndex { !set.contains($0) && !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !set.contains($0) && !$0.isWhitespace }.map { index(after: $0) } ?? start
        return String(self[start..<Swift.max(start, end)])
    }
}
