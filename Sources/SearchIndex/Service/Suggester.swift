import NorwegianText

/// "Did you mean": for a query with few hits, the query with each rare or unknown word replaced
/// by the closest widespread word of the index, spelled as the documents spell it.
struct Suggester {
    let reader: IndexReader
    let analyzer: Analyzer
    /// A word is replaced only when this many times more sections hold the suggestion.
    var evidence = 5
    /// Words shorter than this get no suggestion: a fragment typed on the way to a word ("h",
    /// "he") is one edit from dozens of words, and "mente du i?" under it helps no one.
    var minimumLetters = 3

    func suggestion(for query: Query, texts: inout SectionTextSource) -> String? {
        let matcher = VocabularyMatcher(reader: reader)
        var replaced = query.text
        var changed = false
        for word in query.clauses.flatMap(\.words) where word.parts.isEmpty || word.terms.isEmpty {
            let typed = word.terms.reduce(0) { $0 + reader.postingsInfo($1.termID).documentFrequency }
            guard typed <= 2, let folded = analyzer.tokenizer.tokenize(word.written).first?.text,
                  folded.count >= minimumLetters else { continue }
            let edits = max(1, VocabularyMatcher.allowedEdits(letters: folded.count))
            let stems = analyzer.analyze(word.written).map(\.text)
            let near = matcher.terms(near: [folded] + stems, maximumEdits: edits)
            guard let best = near.filter({ reader.postingsInfo($0.id).documentFrequency >= max(2, evidence * typed) }).first,
                  let found = surfaceForm(of: best.id, closestTo: folded, texts: &texts),
                  let range = replaced.range(of: word.written) else { continue }
            let typedInSmallLetters = word.written == word.written.lowercased()
            replaced.replaceSubrange(range, with: typedInSmallLetters ? found.lowercased() : found)
            changed = true
        }
        return changed ? replaced : nil
    }

    /// The term as written in the first section that has it, in the inflection closest to `typed`.
    private func surfaceForm(of termID: Int, closestTo typed: String, texts: inout SectionTextSource) -> String? {
        var section: Int?
        reader.withPostings(termID) { postings in
            postings.forEach { s, _ in if section == nil { section = s } }
        }
        guard let section, let text = try? texts.text(of: reader.sectionRecord(section)) else { return nil }
        let term = reader.term(termID)
        let units = Array(text.utf16)
        let forms = analyzer.analyze(text).filter { $0.text == term }.map {
            String(decoding: units[Int($0.range.lowerBound)..<Int($0.range.upperBound)], as: UTF16.self)
        }
        var distance = BoundedEditDistance()
        let target = typed.unicodeScalars.map(\.value)
        return forms.min { a, b in
            let da = distance.distance(target, a.lowercased().unicodeScalars.map(\.value), maximum: 8) ?? 9
            let db = distance.distance(target, b.lowercased().unicodeScalars.map(\.value), maximum: 8) ?? 9
            return da != db ? da < db : a < b
        }
    }
}
