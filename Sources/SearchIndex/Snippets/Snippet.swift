import NorwegianText

/// A passage of a section as written, cut at word boundaries, with the matched words marked.
public struct Snippet: Sendable, Equatable {
    public struct Piece: Sendable, Equatable {
        public let text: String
        public let highlighted: Bool
    }

    public let pieces: [Piece]

    /// Rendered with a marker pair around matches: `«` `»` in JSON, ANSI bold on a terminal.
    public func rendered(open: String = "«", close: String = "»") -> String {
        pieces.map { $0.highlighted ? open + $0.text + close : $0.text }.joined()
    }
}

/// Picks the passage of a section that holds the most distinct query terms within
/// `maximumLength` characters.
public struct SnippetBuilder: Sendable {
    public var analyzer: Analyzer
    public var maximumLength = 240
    /// Context kept before the first match.
    public var leadingContext = 40

    public init(analyzer: Analyzer = .norwegian) {
        self.analyzer = analyzer
    }

    public func snippet(of text: String, terms: Set<String>) -> Snippet {
        let units = Array(text.utf16)
        let tokens = analyzer.analyze(text)
        var matches: [(range: Range<Int>, term: String)] = []
        for token in tokens where terms.contains(token.text) {
            let range = Int(token.range.lowerBound)..<Int(token.range.upperBound)
            if matches.last?.range != range { matches.append((range, token.text)) }
        }
        let window = bestWindow(matches, units: units)
        var pieces: [Snippet.Piece] = []
        var cursor = window.lowerBound
        func plain(_ r: Range<Int>) {
            guard !r.isEmpty else { return }
            pieces.append(.init(text: collapse(units[r]), highlighted: false))
        }
        for match in matches where match.range.lowerBound >= window.lowerBound && match.range.upperBound <= window.upperBound {
            guard match.range.lowerBound >= cursor else { continue }
            plain(cursor..<match.range.lowerBound)
            pieces.append(.init(text: collapse(units[match.range]), highlighted: true))
            cursor = match.range.upperBound
        }
        plain(cursor..<window.upperBound)
        if window.lowerBound > 0 { pieces.insert(.init(text: "… ", highlighted: false), at: 0) }
        if window.upperBound < units.count { pieces.append(.init(text: " …", highlighted: false)) }
        if let first = pieces.first, !first.highlighted {
            pieces[0] = .init(text: String(first.text.drop(while: \.isWhitespace)), highlighted: false)
        }
        return Snippet(pieces: pieces.filter { !$0.text.isEmpty })
    }

    /// The UTF-16 range to show: starting a little before the densest run of matches, ending at
    /// a word boundary.
    func bestWindow(_ matches: [(range: Range<Int>, term: String)], units: [UInt16]) -> Range<Int> {
        var bestStart = 0
        if !matches.isEmpty {
            var bestDistinct = 0
            var bestCount = 0
            for i in matches.indices {
                var distinct: Set<String> = []
                var count = 0
                for j in i..<matches.count where matches[j].range.upperBound - matches[i].range.lowerBound <= maximumLength - leadingContext {
                    distinct.insert(matches[j].term)
                    count += 1
                }
                if distinct.count > bestDistinct || (distinct.count == bestDistinct && count > bestCount) {
                    bestDistinct = distinct.count
                    bestCount = count
                    bestStart = matches[i].range.lowerBound
                }
            }
            bestStart = wordStart(units, atOrBefore: max(0, bestStart - leadingContext), notAfter: bestStart)
        }
        while bestStart < units.count, isSpace(units[bestStart]) { bestStart += 1 }
        let end = wordEnd(units, atOrBefore: min(units.count, bestStart + maximumLength))
        return bestStart..<max(bestStart, end)
    }

    private func wordStart(_ units: [UInt16], atOrBefore index: Int, notAfter limit: Int) -> Int {
        var i = index
        while i > 0, i < limit, !isSpace(units[i - 1]) { i += 1 }
        return min(i, limit)
    }

    private func wordEnd(_ units: [UInt16], atOrBefore index: Int) -> Int {
        guard index < units.count else { return units.count }
        var i = index
        while i > 0, !isSpace(units[i]) { i -= 1 }
        return i == 0 ? index : i
    }

    private func isSpace(_ unit: UInt16) -> Bool { unit == 0x20 || unit == 0x0A || unit == 0x0D || unit == 0x09 || unit == 0xA0 }

    /// Line breaks and runs of spaces become one space: a snippet is one line.
    private func collapse(_ units: ArraySlice<UInt16>) -> String {
        var out: [UInt16] = []
        out.reserveCapacity(units.count)
        var previousSpace = false
        for unit in units {
            if isSpace(unit) {
                if !previousSpace { out.append(0x20) }
                previousSpace = true
            } else {
                out.append(unit)
                previousSpace = false
            }
        }
        return String(decoding: out, as: UTF16.self)
    }
}
