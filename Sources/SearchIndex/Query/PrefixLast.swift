import CouncilDocuments

/// The last word of a query also matched as the start of a word (`QueryPlanner.prefixLast`), for a
/// query read as it is typed: "helsed" finds helsedata, so results grow with each letter instead of
/// dropping to nothing between whole words (he → 0, hel → 150, helsed → 0 before).
///
/// The word keeps its own terms at their weights; the completions are the terms of `helsed*`,
/// weighted as compounds are when the typed word is itself a word of the index, so that exact
/// matches of the whole word still rank first.
extension QueryPlanner {
    /// Whether `node`, the query's last, is a plain word still being typed: nothing after it, not
    /// even a space (a space says the word is done), and no case id.
    static func isStillTyped(_ node: QueryNode, in text: String) -> Bool {
        guard case .word(let word, .analyzed) = node, let last = text.last, !last.isWhitespace else { return false }
        return CaseID(word) == nil
    }
}

extension Planning {
    /// `clauses` with the last word's completions added to its terms.
    func completingLast(_ clauses: [QueryClause]) -> [QueryClause] {
        guard case .word(var word)? = clauses.last, let folded = foldedForm(word.written) else { return clauses }
        let isWord = word.terms.contains { $0.reason == .exact }
        var terms = TermSet(reader: reader)
        for term in word.terms { terms.add(term.termID, term.weight, term.reason) }
        addPrefixTerms(of: folded, weight: isWord ? planner.compoundWeight : planner.prefixWeight, to: &terms)
        word.terms = terms.terms
        return clauses.dropLast() + [.word(word)]
    }

    /// The terms that start with `folded` (`VocabularyMatcher.terms(withPrefix:)`), as `prefix*` has them.
    func addPrefixTerms(of folded: String, weight: Double, to terms: inout TermSet) {
        for id in VocabularyMatcher(reader: reader).terms(withPrefix: folded) { terms.add(id, weight, .prefix) }
    }
}
