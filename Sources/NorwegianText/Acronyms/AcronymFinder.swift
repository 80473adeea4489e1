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

    public func definitions(in text: String) -> [Definition] {
        var found: [Definition] = []
        var search = text.startIndex
        while let open = text[search...].firstIndex(of: "(") {
            search = text.index(after: open)
            guard let close = text[search...].prefix(maximumLongForm).firstIndex(where: { $0 == ")" || $0 == "(" || $0 == "\n" }),
                  text[close] == ")" else { continue }
            let inside = text[search..<close].trimmingSpaces
            let before = precedingText(text, before: open)
            if isAcronym(inside) {
                if let long = longForm(of: inside, in: lastWords(before, count: min(inside.count + 5, inside.count * 2))) {
                    found.append(Definition(acronym: String(inside), longForm: long))
                }
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

    /// The text of the clause before a parenthesis, on one line, whitespace collapsed.
    private func precedingText(_ text: String, before index: String.Index) -> String {
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
