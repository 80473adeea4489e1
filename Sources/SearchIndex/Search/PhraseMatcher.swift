/// Finds the sections where a phrase's words stand at consecutive positions, and how often.
///
/// Each phrase word may have several terms (inflections, æøå spellings, an OCR repair indexed at
/// the position of the damaged word it repairs): a position matches a word when any of its terms
/// is there, so `"møte med Helsedataservice"` also matches `mgte med Helsedataservice`.
struct PhraseMatcher {
    let reader: IndexReader

    /// Phrase frequency per section that contains the phrase at least once. With `only`, looks at
    /// those sections alone.
    func frequencies(of phrase: QueryPhrase, only: Set<Int32>? = nil) -> [Int32: Int] {
        let words = phrase.words
        guard words.count > 1, words.allSatisfy({ !$0.terms.isEmpty }) else { return [:] }
        // Candidates: sections with every word, narrowed from the rarest word up.
        let order = words.indices.sorted { documentFrequency(words[$0]) < documentFrequency(words[$1]) }
        var candidates: Set<Int32>? = only
        for index in order {
            var sections: Set<Int32> = []
            for term in words[index].terms {
                reader.withPostings(term.termID) { postings in
                    postings.forEach { section, _ in
                        let s = Int32(section)
                        if candidates?.contains(s) ?? true { sections.insert(s) }
                    }
                }
            }
            candidates = sections
            if sections.isEmpty { return [:] }
        }
        guard let candidates else { return [:] }
        // Positions of each word in each candidate.
        var positions: [Int32: [[Int32]]] = [:]
        for (w, word) in words.enumerated() {
            for term in word.terms {
                reader.withPostings(term.termID) { postings in
                    postings.forEachWithPositions { section, found in
                        let s = Int32(section)
                        guard candidates.contains(s) else { return }
                        positions[s, default: Array(repeating: [], count: words.count)][w].append(contentsOf: found)
                    }
                }
            }
        }
        var result: [Int32: Int] = [:]
        for (section, perWord) in positions {
            let later = perWord.dropFirst().map(Set.init)
            var count = 0
            for start in Set(perWord[0]) where later.enumerated().allSatisfy({ $0.element.contains(start + Int32($0.offset) + 1) }) {
                count += 1
            }
            if count > 0 { result[section] = count }
        }
        return result
    }

    private func documentFrequency(_ word: QueryWord) -> Int {
        word.terms.reduce(0) { $0 + reader.postingsInfo($1.termID).documentFrequency }
    }
}
