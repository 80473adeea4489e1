import NorwegianText

/// Synonyms from a real thesaurus (`Thesaurus`, Debian's mythes-no when installed): each typed
/// word gains a clause of its synonyms that the index holds, at `QueryPlanner.synonymWeight`,
/// added by expansion (it never makes a section outrank one with the typed words).
struct SynonymExpansion {
    let planner: QueryPlanner
    let reader: IndexReader

    /// The synonym clauses for the typed words among `clauses`, one per word that has any.
    func clauses(for clauses: [QueryClause]) -> [QueryClause] {
        guard planner.synonymWeight > 0 else { return [] }
        let thesaurus = planner.thesaurus ?? .system
        guard !thesaurus.isEmpty else { return [] }
        let stemmer = NorwegianStemFilter()
        let taken = Set(clauses.flatMap(\.words).flatMap { $0.terms.map(\.termID) })
        var added = ExpansionClauses(reader: reader, taken: taken)
        for case .word(let word) in clauses where Self.takesSynonyms(word) {
            guard let exact = word.terms.first(where: { $0.reason == .exact }) else { continue }
            var ids: [Int] = []
            for synonym in thesaurus.synonyms(ofStem: exact.term) {
                // In the thesaurus's order, each once, so the clause is the same on every run.
                if let id = reader.termID(stemmer.stem(synonym)), !added.holds(id), !ids.contains(id) { ids.append(id) }
            }
            added.add(ids, for: word, limit: planner.maximumSynonyms, weight: planner.synonymWeight, reason: .synonym)
        }
        return added.clauses
    }

    /// A word typed as a word: not a function word, a code, a number or an acronym.
    static func takesSynonyms(_ word: QueryWord) -> Bool {
        !word.isExpansion && !word.isFunctionWord && word.written.count >= 3
            && word.written.allSatisfy { $0.isLetter || $0 == "-" }
            && !word.written.allSatisfy { $0.isUppercase || $0 == "-" }
    }
}
