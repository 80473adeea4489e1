/// The query language as typed, before analysis: what the user asked for, in a tree.
///
/// The grammar is forgiving, like a web search box rather than Lucene's classic parser, which
/// throws on an unbalanced quote: every input parses. An unclosed quote runs to the end, an
/// unclosed parenthesis closes at the end, a stray `)`, a lone `-` or a dangling `OR` is ignored,
/// and nesting deeper than `maximumDepth` is read as plain words.
///
/// ```
/// query   := clause*
/// clause  := unary ("OR" unary)*
/// unary   := "-" primary | primary
/// primary := "(" query ")" | '"' words '"' | field ":" value | word ["*" | "~" [digit]]
/// ```
public indirect enum QueryNode: Sendable, Equatable {
    case word(String, WordMatch)
    case phrase(String)
    case filter(field: String, value: String)
    case exclude(QueryNode)
    case anyOf([QueryNode])
    case group([QueryNode])

    /// How a single word matches the vocabulary.
    public enum WordMatch: Sendable, Equatable {
        /// The word in all its inflections and spellings.
        case analyzed
        /// `prefix*`: every index term that starts with it.
        case prefix
        /// `word~`: terms within an edit distance; nil means by the word's length.
        case fuzzy(maximumEdits: Int?)
    }
}

public struct QueryParser: Sendable {
    /// How deep parentheses may nest before they are read as plain text.
    public var maximumDepth = 8

    public init() {}

    /// Field names that make `name:value` a filter rather than a word.
    public var filterFields: Set<String> = SearchFilter.fieldNames

    public func parse(_ text: String) -> [QueryNode] {
        var lexer = QueryLexer(Array(text.unicodeScalars))
        var tokens: [QueryLexer.Lexeme] = []
        while let token = lexer.next() { tokens.append(token) }
        var cursor = 0
        return sequence(tokens, &cursor, depth: 0)
    }

    private func sequence(_ tokens: [QueryLexer.Lexeme], _ cursor: inout Int, depth: Int) -> [QueryNode] {
        var nodes: [QueryNode] = []
        while cursor < tokens.count {
            if case .close = tokens[cursor] {
                if depth > 0 { return nodes }
                cursor += 1
                continue
            }
            if case .or = tokens[cursor] { cursor += 1; continue }
            guard let first = unary(tokens, &cursor, depth: depth) else { continue }
            var alternatives = [first]
            while cursor < tokens.count, case .or = tokens[cursor] {
                cursor += 1
                while cursor < tokens.count, case .or = tokens[cursor] { cursor += 1 }
                guard cursor < tokens.count, !tokens[cursor].isClose, let next = unary(tokens, &cursor, depth: depth) else { break }
                alternatives.append(next)
            }
            nodes.append(alternatives.count == 1 ? first : .anyOf(alternatives))
        }
        return nodes
    }

    private func unary(_ tokens: [QueryLexer.Lexeme], _ cursor: inout Int, depth: Int) -> QueryNode? {
        if case .minus = tokens[cursor] {
            while cursor < tokens.count, case .minus = tokens[cursor] { cursor += 1 }
            guard cursor < tokens.count, !tokens[cursor].isClose, !tokens[cursor].isOr,
                  let node = primary(tokens, &cursor, depth: depth) else { return nil }
            return .exclude(node)
        }
        return primary(tokens, &cursor, depth: depth)
    }

    private func primary(_ tokens: [QueryLexer.Lexeme], _ cursor: inout Int, depth: Int) -> QueryNode? {
        let token = tokens[cursor]
        cursor += 1
        switch token {
        case .open:
            guard depth < maximumDepth else { return nil }
            let inner = sequence(tokens, &cursor, depth: depth + 1)
            if cursor < tokens.count, tokens[cursor].isClose { cursor += 1 }
            if inner.isEmpty { return nil }
            return inner.count == 1 ? inner[0] : .group(inner)
        case .phrase(let words):
            return words.allSatisfy(\.isWhitespace) ? nil : .phrase(words)
        case .word(let word):
            return node(forWord: word)
        case .close, .or, .minus:
            return nil
        }
    }

    private func node(forWord word: String) -> QueryNode? {
        if let colon = word.firstIndex(of: ":"), colon != word.startIndex,
           filterFields.contains(word[..<colon].lowercased()) {
            return .filter(field: String(word[..<colon]), value: String(word[word.index(after: colon)...]))
        }
        if word.hasSuffix("*") {
            let stem = String(word.drop { $0 == "*" }.reversed().drop { $0 == "*" }.reversed())
            return stem.isEmpty ? nil : .word(stem, .prefix)
        }
        if let tilde = word.lastIndex(of: "~"), tilde != word.startIndex {
            let suffix = word[word.index(after: tilde)...]
            if suffix.isEmpty || (suffix.count == 1 && suffix.first!.isASCII && suffix.first!.isNumber) {
                return .word(String(word[..<tilde]), .fuzzy(maximumEdits: Int(suffix).map { min($0, 2) }))
            }
        }
        let plain = word.filter { $0 != "*" && $0 != "~" }
        return plain.isEmpty ? nil : .word(plain, .analyzed)
    }
}

/// Splits query text into the lexemes of the grammar. Quotes may be straight or typographic
/// (`"…"`, `“…”`, `«…»`), as text pasted from a Norwegian document has them.
struct QueryLexer {
    enum Lexeme: Equatable {
        case open, close, minus, or
        case phrase(String)
        case word(String)

        var isClose: Bool { self == .close }
        var isOr: Bool { self == .or }
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private static let openingQuotes: Set<Unicode.Scalar> = ["\"", "“", "„", "«"]
    private static let closingQuotes: Set<Unicode.Scalar> = ["\"", "”", "“", "»"]

    private func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }
    private func endsWord(_ s: Unicode.Scalar) -> Bool {
        isSpace(s) || s == "(" || s == ")" || Self.openingQuotes.contains(s) || Self.closingQuotes.contains(s)
    }

    mutating func next() -> Lexeme? {
        while true {
            while index < scalars.count, isSpace(scalars[index]) { index += 1 }
            guard index < scalars.count else { return nil }
            let s = scalars[index]
            index += 1
            switch s {
            case "(": return .open
            case ")": return .close
            case _ where Self.openingQuotes.contains(s) || Self.closingQuotes.contains(s):
                var text = String.UnicodeScalarView()
                while index < scalars.count, !Self.closingQuotes.contains(scalars[index]) {
                    text.append(scalars[index]); index += 1
                }
                index += 1
                return .phrase(String(text))
            case "-" where index < scalars.count && !isSpace(scalars[index]) && scalars[index] != ")":
                return .minus
            default:
                var text = String.UnicodeScalarView([s])
                while index < scalars.count, !endsWord(scalars[index]) {
                    text.append(scalars[index]); index += 1
                }
                let word = String(text)
                if word == "OR" || word == "||" { return .or }
                // Operators that the default already means, and stray signs, are skipped.
                if word == "AND" || word == "&&" || word.allSatisfy({ $0 == "-" || $0 == "+" }) { continue }
                return .word(word.hasPrefix("+") ? String(word.drop { $0 == "+" }) : word)
            }
        }
    }
}
