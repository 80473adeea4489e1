/// Compounds that share the head of a compound typed, and that head alone: `helseklynger` →
/// `klynger`, `næringsklynge`. Norwegian compounds are right-headed, so the head alone says the
/// same more generally and a compound with the same head is another kind of the same thing, which
/// a search for every earlier case on a topic wants too.
///
/// Compounds that share only the modifier are left out: a modifier names a domain, not a kind
/// (`helse-` begins hundreds of compounds), and measured on the development set they buried the
/// rest (compound nDCG@10 0.732 → 0.683, the odd half 0.795 → 0.789), where heads alone gained.
///
/// Each typed compound the index can split gains one clause of its siblings that the index holds
/// (the most widespread first, as many as `QueryPlanner.maximumCompounds`), at
/// `QueryPlanner.siblingWeight`, added by expansion: a section with a typed word always ranks
/// above one that holds only siblings.
struct SiblingCompounds {
    let planner: QueryPlanner
    let reader: IndexReader

    /// The sibling clauses for the typed words among `clauses`, one per compound that has any.
    func clauses(for clauses: [QueryClause]) -> [QueryClause] {
        guard planner.siblingWeight > 0 else { return [] }
        // Not the parts of a rare compound typed: they count there only all together.
        var added = ExpansionClauses(reader: reader, taken: Set(clauses.flatMap { clause in
            if case .word(let word) = clause { return word.terms.map(\.termID) }
            return clause.words.flatMap { $0.terms.map(\.termID) }
        }))
        for case .word(let word) in clauses where SynonymExpansion.takesSynonyms(word) {
            guard let exact = word.terms.first(where: { $0.reason == .exact }),
                  let split = planner.split(exact.term, reader: reader) else { continue }
            let head = reader.termID(split.head).map { [$0] } ?? []
            var ids: [Int] = []
            // In a fixed order, each once, so the clause is the same on every run.
            for id in head + reader.compounds(withPart: split.head) where !added.holds(id) && !ids.contains(id) {
                ids.append(id)
            }
            added.add(ids, for: word, limit: planner.maximumCompounds, weight: planner.siblingWeight, reason: .sibling)
        }
        return added.clauses
    }
}
