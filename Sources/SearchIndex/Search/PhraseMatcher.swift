/// Finds the sections where a phrase's words stand at consecutive positions, and how often.
///
/// Each phrase word may have several terms (inflections, æøå spellings, an OCR repair indexed at
/// the position of the damaged word it repairs): a position matches a word when any of its terms
/// is there, so `"møte med Helsedataservice"` also matches `mgte med Helsedataservice`.
///
/// Works from the rarest word up, on sorted arrays: candidate sections are intersected first
/// (section streams only), then the possible start positions are narrowed word by word, reading
/// positions of candidate sections alone.
struct PhraseMatcher {
    let reader: IndexReader

    /// Phrase frequency per section that contains the phrase at least once. With `only`, looks at
    /// those sections alone.
    func frequencies(of phrase: QueryPhrase, only: Set<Int32>? = nil) -> [Int32: Int] {
        let words = phrase.words
        guard words.count > 1, words.allSatisfy({ !$0.terms.isEmpty }) else { return [:] }
        let order = words.indices.sorted { documentFrequency(words[$0]) < documentFrequency(words[$1]) }
        var candidates: [Int32]
        if let only {
            // A few given sections (explaining a hit): the position pass below drops those
            // without the words, so the section lists need not be built.
            candidates = only.sorted()
        } else {
            candidates = sections(of: words[order[0]])
            for index in order.dropFirst() {
                if candidates.isEmpty { return [:] }
                candidates = intersect(candidates, sections(of: words[index]))
            }
        }
        // Start positions still possible in each candidate, narrowed one word at a time.
        var starts: [[Int32]] = []
        for (step, index) in order.enumerated() {
            if candidates.isEmpty { return [:] }
            let offset = Int32(index)
            var found = [[Int32]](repeating: [], count: candidates.count)
            for term in words[index].terms {
                reader.withPostings(term.termID) { postings in
                    postings.forEachWithPositions(in: candidates) { c, positions in
                        for p in positions { found[c].append(p - offset) }
                    }
                }
            }
            if words[index].terms.count > 1 {
                for c in found.indices where found[c].count > 1 { found[c] = Array(Set(found[c])).sorted() }
            }
            if step == 0 {
                starts = found
            } else {
                for c in starts.indices { starts[c] = intersect(starts[c], found[c]) }
            }
            let keep = starts.indices.filter { !starts[$0].isEmpty }
            if keep.count < candidates.count {
                candidates = keep.map { candidates[$0] }
                starts = keep.map { starts[$0] }
            }
        }
        var result: [Int32: Int] = [:]
        for (c, section) in candidates.enumerated() { result[section] = starts[c].count }
        return result
    }

    /// Sections holding any of the word's terms, ascending, each once.
    private func sections(of word: QueryWord) -> [Int32] {
        var merged: [Int32] = []
        for term in word.terms {
            var list: [Int32] = []
            reader.withPostings(term.termID) { postings in
                list.reserveCapacity(postings.count)
                postings.forEach { section, _ in list.append(Int32(section)) }
            }
            merged = merged.isEmpty ? list : union(merged, list)
        }
        return merged
    }

    private func documentFrequency(_ word: QueryWord) -> Int {
        word.terms.reduce(0) { $0 + reader.postingsInfo($1.termID).documentFrequency }
    }

    private func intersect(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var result: [Int32] = []
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] < b[j] { i += 1 } else if a[i] > b[j] { j += 1 } else { result.append(a[i]); i += 1; j += 1 }
        }
        return result
    }

    private func union(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) { result.append(a[i]); i += 1 }
            else if i == a.count || b[j] < a[i] { result.append(b[j]); j += 1 }
            else { result.append(a[i]); i += 1; j += 1 }
        }
        return result
    }
}
