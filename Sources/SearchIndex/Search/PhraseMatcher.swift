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
                candidates = holding(words[index], among: candidates)
            }
        }
        // Start positions still possible, as (section << 32 | start) keys in ascending order,
        // narrowed one word at a time by intersecting sorted arrays: no array per section.
        var starts: [UInt64] = []
        for (step, index) in order.enumerated() {
            if candidates.isEmpty { return [:] }
            let offset = Int32(index)
            var found: [UInt64] = []
            for term in words[index].terms {
                reader.withPostings(term.termID, positions: true) { postings in
                    postings.forEachWithPositions(in: candidates) { c, positions in
                        let section = UInt64(UInt32(candidates[c])) << 32
                        for p in positions where p >= offset { found.append(section | UInt64(UInt32(p - offset))) }
                    }
                }
            }
            // One term's positions arrive in order; several terms' need merging.
            if words[index].terms.count > 1 {
                found.sort()
                found = dropDuplicates(found)
            }
            starts = step == 0 ? found : intersect(starts, found)
            candidates = distinctSections(starts)
        }
        var result: [Int32: Int] = [:]
        for key in starts { result[Int32(truncatingIfNeeded: key >> 32), default: 0] += 1 }
        return result
    }

    private func dropDuplicates(_ sorted: [UInt64]) -> [UInt64] {
        var result: [UInt64] = []
        result.reserveCapacity(sorted.count)
        for key in sorted where result.last != key { result.append(key) }
        return result
    }

    private func distinctSections(_ keys: [UInt64]) -> [Int32] {
        var result: [Int32] = []
        for key in keys {
            let section = Int32(truncatingIfNeeded: key >> 32)
            if result.last != section { result.append(section) }
        }
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

    /// The sections of `candidates` (ascending) that hold any of the word's terms: each term's
    /// cursor skips to each candidate, so a common word costs what the candidates cost, not
    /// what its postings cost.
    private func holding(_ word: QueryWord, among candidates: [Int32]) -> [Int32] {
        var held = [Bool](repeating: false, count: candidates.count)
        reader.withPostingsBase { base in
            for term in word.terms {
                var cursor = BlockMaxCursor(reader.postingsCursor(term.termID, base: base))
                for (i, candidate) in candidates.enumerated() where !held[i] {
                    cursor.advance(to: UInt32(candidate))
                    if cursor.section == BlockMaxCursor.exhausted { break }
                    if cursor.section == UInt32(candidate) { held[i] = true }
                }
            }
        }
        return candidates.indices.compactMap { held[$0] ? candidates[$0] : nil }
    }

    private func documentFrequency(_ word: QueryWord) -> Int {
        word.terms.reduce(0) { $0 + reader.postingsInfo($1.termID).documentFrequency }
    }

    private func intersect<T: Comparable>(_ a: [T], _ b: [T]) -> [T] {
        var result: [T] = []
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
