import NorwegianText

/// The best passages of a section as written, cut at word boundaries, with the matched words
/// marked.
public struct Snippet: Sendable, Equatable {
    public struct Piece: Sendable, Equatable {
        public let text: String
        public let highlighted: Bool
    }

    /// Whether any passage marks a match.
    public var hasMatch: Bool { passages.contains { $0.pieces.contains(where: \.highlighted) } }

    /// One passage, in reading order.
    public struct Passage: Sendable, Equatable {
        public let pieces: [Piece]

        public func rendered(open: String = "«", close: String = "»") -> String {
            pieces.map { $0.highlighted ? open + $0.text + close : $0.text }.joined()
        }
    }

    /// In the order they appear in the section.
    public let passages: [Passage]

    /// All passages in one line, with a marker pair around matches: `«` `»` in JSON, ANSI bold
    /// on a terminal.
    public func rendered(open: String = "«", close: String = "»") -> String {
        passages.map { $0.rendered(open: open, close: close) }.joined(separator: " ")
    }
}

/// Picks up to `maximumPassages` passages of a section: first the one that holds the most
/// distinct query terms within `maximumLength` characters, then others that add a term not yet
/// shown or hold several matches.
public struct SnippetBuilder: Sendable {
    public var analyzer: Analyzer
    public var maximumLength = 240
    public var maximumPassages = 3
    /// Context kept before the first match.
    public var leadingContext = 40

    public init(analyzer: Analyzer = .norwegian) {
        self.analyzer = analyzer
    }

    typealias Match = (range: Range<Int>, term: String)

    /// Windows tried after the first before giving up on more passages: each try is linear in the
    /// matches, so a section of a million matches still costs a bounded number of passes.
    static let windowTries = 8

    /// - Parameter readings: other readings of a word as analyzed here (the repairs of an
    ///   OCR-damaged word), so that `gkt` is marked for a query for `økt`.
    /// - Parameter deadline: the request's time limit, checked while analyzing and choosing.
    public func snippet(of text: String, terms: Set<String>, readings: ((String) -> [String])? = nil,
                        deadline: Deadline = .never) throws(DeadlineExceeded) -> Snippet {
        let units = Array(text.utf16)
        let matches = try self.matches(in: text, terms: terms, readings: readings, deadline: deadline)
        let first = bestWindow(matches, units: units)
        var windows: [Range<Int>] = [first.window]
        var shown = Set(matches.filter { first.window.contains($0.range.lowerBound) }.map(\.term))
        var remaining = matches.filter { !first.window.contains($0.range.lowerBound) }
        var tries = 0
        while windows.count < maximumPassages, !remaining.isEmpty, tries < maximumPassages * Self.windowTries {
            tries += 1
            try deadline.check()
            let (window, seed) = bestWindow(remaining, units: units)
            let inside = remaining.filter { window.contains($0.range.lowerBound) }
            guard !inside.isEmpty else {
                // A match longer than a window: the window cannot hold it, so it is never shown.
                remaining.remove(at: seed)
                continue
            }
            remaining.removeAll { window.contains($0.range.lowerBound) }
            guard !windows.contains(where: { $0.overlaps(window) }) else { continue }
            let adds = inside.contains { !shown.contains($0.term) }
            guard adds || inside.count >= 2 else { continue }
            windows.append(window)
            shown.formUnion(inside.map(\.term))
        }
        windows.sort { $0.lowerBound < $1.lowerBound }
        return Snippet(passages: windows.enumerated().map { passage($1, matches: matches, units: units, first: $0 == 0) })
    }

    /// A passage after the first needs no leading ellipsis: the one before ends with it.
    private func passage(_ window: Range<Int>, matches: [Match], units: [UInt16], first: Bool) -> Snippet.Passage {
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
        if window.lowerBound > 0, first { pieces.insert(.init(text: "… ", highlighted: false), at: 0) }
        if window.upperBound < units.count { pieces.append(.init(text: " …", highlighted: false)) }
        if let first = pieces.first, !first.highlighted {
            pieces[0] = .init(text: String(first.text.drop(while: \.isWhitespace)), highlighted: false)
        }
        return Snippet.Passage(pieces: pieces.filter { !$0.text.isEmpty })
    }

    /// The UTF-16 range to show: starting a little before the densest run of matches, ending at
    /// a word boundary; and the index of the match it was chosen for.
    ///
    /// The densest run is found by sliding a window over the matches (which come in text order)
    /// with counts per term, so the cost is linear in the matches, not quadratic.
    func bestWindow(_ matches: [Match], units: [UInt16]) -> (window: Range<Int>, seed: Int) {
        var bestStart = 0
        var seed = 0
        if !matches.isEmpty {
            let reach = maximumLength - leadingContext
            var bestDistinct = 0
            var bestCount = 0
            var counts: [String: Int] = [:]
            var end = 0
            for i in matches.indices {
                if end < i { end = i }
                while end < matches.count, matches[end].range.upperBound - matches[i].range.lowerBound <= reach {
                    counts[matches[end].term, default: 0] += 1
                    end += 1
                }
                let count = end - i
                if counts.count > bestDistinct || (counts.count == bestDistinct && count > bestCount) {
                    bestDistinct = counts.count
                    bestCount = count
                    bestStart = matches[i].range.lowerBound
                    seed = i
                }
                if end > i {
                    let term = matches[i].term
                    if counts[term] == 1 { counts[term] = nil } else { counts[term]! -= 1 }
                }
            }
            bestStart = wordStart(units, atOrBefore: max(0, bestStart - leadingContext), notAfter: bestStart)
        }
        while bestStart < units.count, isSpace(units[bestStart]) { bestStart += 1 }
        let end = wordEnd(units, atOrBefore: min(units.count, bestStart + maximumLength))
        return (bestStart..<max(bestStart, end), seed)
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

    /// A form feed is a page break in a PDF's text: a space in a one-line snippet.
    private func isSpace(_ unit: UInt16) -> Bool {
        unit == 0x20 || unit == 0x0A || unit == 0x0D || unit == 0x09 || unit == 0x0C || unit == 0xA0
    }

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
