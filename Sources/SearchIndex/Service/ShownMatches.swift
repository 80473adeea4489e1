extension SearchService {
    /// Marks in each shown section where the typed words of `text` stand (`ShownSection.matches`),
    /// so that a case opened from a hit shows why it was found. The words are planned as a search
    /// plans them (inflections, æøå spellings, compounds) but not widened by feedback: the marks say
    /// what the user typed. Filters in `text` are ignored here.
    public func markMatches(of text: String, in shown: inout ShowResponse, deadline: Deadline = .never) throws {
        try markMatches(of: text, in: &shown.sections, deadline: deadline)
    }

    /// `markMatches` for sections shown apart (a section and its neighbours).
    public func markMatches(of text: String, in sections: inout [ShownSection], deadline: Deadline = .never) throws {
        let query = planner.plan(text, reader: reader, deadline: deadline)
        let terms = query.allTerms.typed
        guard !terms.isEmpty else { return }
        for i in sections.indices {
            let record = sections[i].record
            let readings = self.readings(damaged: reader.metadata.files[record.fileIndex].damaged)
            let found = try snippets.matches(in: sections[i].text, terms: terms, readings: readings, deadline: deadline)
            sections[i].matches = found.map { [$0.range.lowerBound, $0.range.upperBound] }
        }
    }

    /// The other readings of a word of an OCR-damaged file (its repairs), so that the damaged word
    /// is marked for the clean word typed; nil for a clean file.
    func readings(damaged: Bool) -> ((String) -> [String])? {
        damaged ? { [reader] in reader.repairs(of: $0).map(reader.term) } : nil
    }
}
