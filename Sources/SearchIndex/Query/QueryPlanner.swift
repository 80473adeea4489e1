import NorwegianText

/// Turns the text a user typed into a `Query` against one index: analyzes it with the documents'
/// chain and expands words typed without æøå to the spellings with them that the index holds.
public struct QueryPlanner: Sendable {
    public var analyzer: Analyzer
    /// How much a folded spelling counts next to the spelling typed.
    public var foldedWeight = 0.8
    /// How much a match in a section's title adds, relative to a match in its text.
    public var titleWeight = 0.5
    /// Queries longer than this are cut (the rest is ignored), keeping work per query bounded.
    public var maximumWords = 64

    public init(analyzer: Analyzer = .norwegian) {
        self.analyzer = analyzer
    }

    public func plan(_ text: String, reader: IndexReader, filter: SearchFilter = SearchFilter()) -> Query {
        var filter = filter
        var problems: [String] = []
        let words = plan(words: Self.extractFilters(from: text, into: &filter, problems: &problems), reader: reader).words
        var query = Query(text: text, words: words, filter: filter)
        query.problems = problems
        return query
    }

    /// Takes `field:value` filters out of the query text; words with other colons stay words.
    static func extractFilters(from text: String, into filter: inout SearchFilter, problems: inout [String]) -> String {
        var kept: [Substring] = []
        for word in text.split(whereSeparator: \.isWhitespace) {
            guard let colon = word.firstIndex(of: ":"), colon != word.startIndex,
                  SearchFilter.fieldNames.contains(word[..<colon].lowercased()) else {
                kept.append(word)
                continue
            }
            let value = word[word.index(after: colon)...]
            do {
                try filter.add(field: String(word[..<colon]), value: String(value))
            } catch {
                problems.append(error.description)
            }
        }
        return kept.joined(separator: " ")
    }

    private func plan(words text: String, reader: IndexReader) -> Query {
        let tokens = analyzer.analyze(text)
        let units = Array(text.utf16)
        var words: [QueryWord] = []
        var seen: Set<[String]> = []
        var index = 0
        while index < tokens.count, words.count < maximumWords {
            var group = [tokens[index]]
            index += 1
            while index < tokens.count, tokens[index].position == group[0].position {
                group.append(tokens[index]); index += 1
            }
            let range = group[0].range
            let written = String(decoding: units[Int(range.lowerBound)..<Int(range.upperBound)], as: UTF16.self)
            let terms = expand(group, written: written, reader: reader)
            let titleTerms = terms.compactMap { t in
                reader.termID(TitleField.term(for: t.term)).map {
                    WeightedTerm(term: t.term, termID: $0, weight: t.weight * titleWeight, reason: .title)
                }
            }
            let word = QueryWord(written: written, terms: terms, titleTerms: titleTerms)
            let key = group.map(\.text).sorted()
            if seen.insert(key).inserted { words.append(word) }
        }
        return Query(text: text, words: words)
    }

    func expand(_ group: [Token], written: String, reader: IndexReader) -> [WeightedTerm] {
        var terms: [WeightedTerm] = []
        var present: Set<Int> = []
        func add(_ id: Int, _ weight: Double, _ reason: WeightedTerm.Reason) {
            if present.insert(id).inserted { terms.append(WeightedTerm(term: reader.term(id), termID: id, weight: weight, reason: reason)) }
        }
        for token in group {
            if let id = reader.termID(token.text) { add(id, 1, .exact) }
        }
        guard NorwegianFolding.mayBeFolded(written), !group.contains(where: { $0.flags.contains(.keyword) }) else { return terms }
        for token in group {
            let key = NorwegianFolding.foldKey(token.text)
            if key != token.text, let id = reader.termID(key) { add(id, foldedWeight, .folded) }
            for id in reader.terms(withFoldKey: key) { add(id, foldedWeight, .folded) }
        }
        return terms
    }
}
