import NorwegianText

/// Acronyms the corpus defines, both ways: `KSF` also finds "Kommunenes samarbeidsarena for
/// forskning", and those words typed in a row also find `KSF`.
struct AcronymExpansion {
    let planner: QueryPlanner
    let reader: IndexReader

    /// The names the corpus gives an acronym written like `word` (any case).
    func names(of word: QueryWord) -> [String] {
        guard word.written.count >= 2, word.written.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return [] }
        return reader.metadata.acronyms[word.written.lowercased()] ?? []
    }

    /// The clause for an acronym: the acronym, or any of its names as a phrase (or as a word,
    /// for a one-word name like "Leverandørutviklingsprogrammet").
    func clause(for word: QueryWord) -> QueryClause {
        let names = names(of: word)
        guard !names.isEmpty else { return .word(word) }
        var alternatives: [QueryClause] = [.word(word)]
        for name in names {
            let words = planner.analyzedWords(name, reader: reader)
            guard !words.isEmpty, words.allSatisfy({ !$0.terms.isEmpty }) else { continue }
            if words.count == 1 {
                var single = words[0]
                single.terms = single.terms.map { WeightedTerm(term: $0.term, termID: $0.termID, weight: $0.weight * planner.acronymWeight, reason: .acronym) }
                single.titleTerms = []
                alternatives.append(.word(single))
            } else {
                var phrase = QueryPhrase(written: name, words: words)
                phrase.weight = planner.acronymWeight
                phrase.reason = .acronym
                phrase.standsForWord = true
                alternatives.append(.phrase(phrase))
            }
        }
        return alternatives.count == 1 ? .word(word) : .anyOf(alternatives)
    }

    /// Adds an acronym to the words of the query that spell out its name in a row, each word
    /// carrying an equal share of it.
    func addAcronyms(to clauses: inout [QueryClause]) {
        var wordIndexes: [Int] = []
        var stems: [String] = []
        for (i, clause) in clauses.enumerated() {
            if case .word(let word) = clause, let first = word.terms.first(where: { $0.reason == .exact }) {
                wordIndexes.append(i)
                stems.append(first.term)
            }
        }
        guard !stems.isEmpty else { return }
        // Only names that start with a word of the query, looked up by that word's term.
        var seen = Set<AcronymName>()
        for stem in stems {
            for name in reader.acronymNames(startingWith: stem) where seen.insert(name).inserted {
                guard let acronymID = reader.termID(name.acronym), let start = find(name.terms, in: stems) else { continue }
                let share = planner.acronymWeight / Double(name.terms.count)
                for k in start..<(start + name.terms.count) {
                    guard case .word(var word) = clauses[wordIndexes[k]] else { continue }
                    if !word.terms.contains(where: { $0.termID == acronymID }) {
                        word.terms.append(WeightedTerm(term: name.acronym, termID: acronymID, weight: share, reason: .acronym))
                    }
                    clauses[wordIndexes[k]] = .word(word)
                }
            }
        }
    }

    private func find(_ needle: [String], in haystack: [String]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        return (0...(haystack.count - needle.count)).first { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }
}
