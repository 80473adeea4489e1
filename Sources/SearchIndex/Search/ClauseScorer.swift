/// One section's score for one clause.
struct SectionScore {
    let section: Int32
    let score: Float
}

/// Scores every section that satisfies one clause of a query, with BM25.
///
/// A word scores by its best term (plus a title bonus); a phrase by BM25 of its frequency with
/// the summed rarity of its words, as Lucene scores phrase queries; `OR` by its best alternative;
/// a group by the sum of its parts, when all of them match.
struct ClauseScorer {
    let reader: IndexReader
    let bm25: BM25
    /// `BM25.lengthNorms` of the reader's sections.
    let norms: [Float]
    let scratch: ScoreScratch

    func scores(_ clause: QueryClause) -> [SectionScore] {
        switch clause {
        case .word(let word): scores(word)
        case .phrase(let phrase): scores(phrase)
        case .anyOf(let clauses): combine(clauses, requireAll: false)
        case .allOf(let clauses): combine(clauses, requireAll: true)
        }
    }

    /// The sections that satisfy a clause, for exclusion.
    func sections(_ clause: QueryClause) -> Set<Int32> {
        Set(scores(clause).map(\.section))
    }

    private func scores(_ word: QueryWord) -> [SectionScore] {
        let n = reader.sectionCount
        let byParts = word.parts.isEmpty ? [] : combine(word.parts.map { .word($0) }, requireAll: true)
        var result: [SectionScore] = []
        scratch.wordTouched.withStorage { touched, touchedCount in
        scratch.wordScore.withUnsafeMutableBufferPointer { wordScore in
        scratch.titleScore.withUnsafeMutableBufferPointer { titleScore in
        norms.withUnsafeBufferPointer { norm in
            for term in word.terms {
                let idf = bm25.idf(documentFrequency: reader.postingsInfo(term.termID).documentFrequency, sectionCount: n)
                let weight = Float(term.weight * bm25.weight(idf: idf))
                reader.withPostings(term.termID) { postings in
                    postings.forEach { section, frequency in
                        let s = weight * bm25.saturation(frequency: Float(frequency), norm: norm[section])
                        if wordScore[section] == 0 { touched[touchedCount] = Int32(section); touchedCount += 1 }
                        if s > wordScore[section] { wordScore[section] = s }
                    }
                }
            }
            for entry in byParts {
                let i = Int(entry.section)
                let s = entry.score * Float(word.partsWeight / Double(word.parts.count))
                if wordScore[i] == 0 { touched[touchedCount] = entry.section; touchedCount += 1 }
                if s > wordScore[i] { wordScore[i] = s }
            }
            // A title match adds to a body match (the title is also in the text), scored with
            // the body term's rarity so that rare title words matter most.
            for term in word.titleTerms {
                guard let body = word.terms.first(where: { $0.term == term.term }) else { continue }
                let s = Float(self.titleScore(term, body: body, sectionCount: n))
                reader.withPostings(term.termID) { postings in
                    postings.forEach { section, _ in
                        if wordScore[section] > 0, s > titleScore[section] { titleScore[section] = s }
                    }
                }
            }
            result.reserveCapacity(touchedCount)
            for section in UnsafeBufferPointer(start: touched, count: touchedCount) {
                let i = Int(section)
                result.append(SectionScore(section: section, score: wordScore[i] + titleScore[i]))
                wordScore[i] = 0
                titleScore[i] = 0
            }
            touchedCount = 0
        }
        }
        }
        }
        return result
    }

    func titleScore(_ term: WeightedTerm, body: WeightedTerm, sectionCount n: Int) -> Double {
        let idf = bm25.idf(documentFrequency: reader.postingsInfo(body.termID).documentFrequency, sectionCount: n)
        return term.weight * bm25.score(frequency: 1, length: 1, averageLength: 1, idf: idf)
    }

    private func scores(_ phrase: QueryPhrase) -> [SectionScore] {
        let idf = phraseIDF(phrase)
        return PhraseMatcher(reader: reader).frequencies(of: phrase).map { section, frequency in
            SectionScore(section: section, score: Float(phrase.weight * phraseScore(frequency: frequency, section: Int(section), idf: idf)))
        }
    }

    func phraseIDF(_ phrase: QueryPhrase) -> Double {
        let sum = phrase.words.reduce(0) { sum, word in
            let df = word.terms.map { reader.postingsInfo($0.termID).documentFrequency }.max() ?? 0
            return sum + bm25.idf(documentFrequency: df, sectionCount: reader.sectionCount)
        }
        return phrase.standsForWord ? sum / Double(max(1, phrase.words.count)) : sum
    }

    func phraseScore(frequency: Int, section: Int, idf: Double) -> Double {
        bm25.score(frequency: frequency, length: Int(reader.sectionLengths[section]), averageLength: reader.averageSectionLength, idf: idf)
    }

    private func combine(_ clauses: [QueryClause], requireAll: Bool) -> [SectionScore] {
        var combined: [Int32: (score: Float, count: Int)] = [:]
        for clause in clauses {
            for entry in scores(clause) {
                let old = combined[entry.section] ?? (0, 0)
                combined[entry.section] = requireAll ? (old.score + entry.score, old.count + 1) : (max(old.score, entry.score), 1)
            }
        }
        let needed = requireAll ? clauses.count : 1
        // In section order, not the dictionary's, which changes from process to process.
        return combined.compactMap { $0.value.count >= needed ? SectionScore(section: $0.key, score: $0.value.score) : nil }
            .sorted { $0.section < $1.section }
    }
}
