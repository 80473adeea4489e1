import Dispatch
import NorwegianText
import Synchronization

/// Which index terms are compounds, and of what: the table behind "a query word finds it inside
/// compounds" (`helsedata` → `helsedataservice`, `møte` → `rådsmøtet`).
///
/// Built once per index from the vocabulary: each term is split by the `Decompounder` with the
/// index's own terms as heads and the lexicon's words as modifiers, and listed under both parts.
/// A head is keyed as it stands (a stem, like the query word's stem); a modifier as written
/// (`helse`), since stemming short modifiers merges unrelated ones (`foren` → `for`).
enum CompoundTable {
    static func build(terms: [IndexContents.TermEntry], lexicon: Lexicon,
                      decompounder: Decompounder = Decompounder()) -> [IndexContents.TermGroup] {
        let texts = terms.map { String(decoding: $0.text, as: UTF8.self) }
        var frequencies: [String: Double] = [:]
        frequencies.reserveCapacity(terms.count)
        for (text, term) in zip(texts, terms) where !TitleField.isTitleTerm(text) {
            frequencies[text] = Double(term.documentFrequency)
        }
        let frequency = frequencies
        let minimumLetters = decompounder.minimumModifier + decompounder.minimumHead
        let groups = Mutex<[String: [UInt32]]>([:])
        let slices = 16
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            var local: [String: [UInt32]] = [:]
            var id = slice
            while id < texts.count {
                defer { id += slices }
                let text = texts[id]
                guard text.utf8.count >= minimumLetters, !TitleField.isTitleTerm(text),
                      let split = decompounder.split(text, modifierFrequency: lexicon.frequency,
                                                     isCorpusWord: lexicon.isCorpusWord,
                                                     headFrequency: { headFrequency($0, terms: frequency, lexicon: lexicon) }) else { continue }
                for part in Set([split.modifier, split.head]) { local[part, default: []].append(UInt32(id)) }
            }
            groups.withLock { all in all.merge(local) { $0 + $1 } }
        }
        return groups.withLock { all in
            all.map { (key: Array($0.key.utf8), termIDs: $0.value.sorted()) }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        }
    }

    /// Endings the stemmer removes, to recognize a stem as a word the lexicon knows
    /// (`servic` + e = `service`) when the index has no section where it stands alone.
    static let endings = ["e", "er", "en", "et", "a", "ene"]

    /// How common a head (a stem) is: the sections it stands in alone, or else how common the
    /// lexicon finds it with one of the endings.
    static func headFrequency(_ head: String, terms: [String: Double], lexicon: Lexicon) -> Double {
        if let df = terms[head] { return df }
        return endings.lazy.map { lexicon.frequency(head + $0) }.max() ?? 0
    }
}
