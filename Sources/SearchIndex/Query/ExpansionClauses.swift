/// The clauses an expansion adds for the typed words (`SynonymExpansion`, `SiblingCompounds`):
/// one per word, of index terms no clause holds yet, the most widespread first, each term once.
struct ExpansionClauses {
    let reader: IndexReader
    /// Terms some clause already holds.
    var taken: Set<Int>
    private(set) var clauses: [QueryClause] = []

    init(reader: IndexReader, taken: Set<Int>) {
        self.reader = reader
        self.taken = taken
    }

    /// Whether a clause holds `id` already.
    func holds(_ id: Int) -> Bool { taken.contains(id) }

    /// Adds a clause of the most widespread of `ids` (as many as `limit`), each at `weight`, added
    /// by expansion for `word`; nothing when none is left.
    mutating func add(_ ids: [Int], for word: QueryWord, limit: Int, weight: Double, reason: WeightedTerm.Reason) {
        let chosen = VocabularyMatcher(reader: reader).mostWidespread(ids, limit: limit)
        guard !chosen.isEmpty else { return }
        taken.formUnion(chosen)
        var added = QueryWord(written: word.written, terms: chosen.map {
            WeightedTerm(term: reader.term($0), termID: $0, weight: weight, reason: reason)
        })
        added.isExpansion = true
        clauses.append(.word(added))
    }
}
