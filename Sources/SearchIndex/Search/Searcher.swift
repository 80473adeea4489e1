import CouncilDocuments

/// A ranked section.
public struct ScoredSection: Sendable {
    public let sectionID: Int
    public let score: Double
    /// How many words of the query the section contains.
    public let matchedWords: Int
}

/// The ranked answer to a query, before snippets.
public struct RankedResult: Sendable {
    public let total: Int
    public let hits: [ScoredSection]
}

/// Executes queries over an index: BM25 over sections, term at a time, with sections that
/// contain more of the query's words ranked above those that contain fewer.
public struct Searcher: Sendable {
    public let reader: IndexReader
    public var bm25: BM25
    private let scratch: ScratchPool

    public init(reader: IndexReader, bm25: BM25 = BM25()) {
        self.reader = reader
        self.bm25 = bm25
        self.scratch = ScratchPool(sectionCount: reader.sectionCount)
    }

    /// `filter` sees each candidate section (by id) and keeps it when it returns true.
    public func search(_ query: Query, limit: Int, offset: Int = 0, filter: ((Int) -> Bool)? = nil) -> RankedResult {
        let n = reader.sectionCount
        guard n > 0, !query.words.isEmpty else { return RankedResult(total: 0, hits: []) }
        return scratch.withScratch { scores in
            search(query, limit: limit, offset: offset, filter: filter, scores: scores)
        }
    }

    private func search(_ query: Query, limit: Int, offset: Int, filter: ((Int) -> Bool)?, scores: ScoreScratch) -> RankedResult {
        let n = reader.sectionCount
        var touched: [Int32] = []
        defer { scores.reset(touched) }
        var touchedByWord: [Int32] = []
        var count = 0
        var best = TopK<ScoredSection>(limit + offset) { a, b in
            if a.matchedWords != b.matchedWords { return a.matchedWords > b.matchedWords }
            if a.score != b.score { return a.score > b.score }
            return a.sectionID < b.sectionID
        }
        let average = reader.averageSectionLength
        let lengths = reader.sectionLengths
        scores.wordScore.withUnsafeMutableBufferPointer { wordScore in
        scores.titleScore.withUnsafeMutableBufferPointer { titleScore in
        scores.total.withUnsafeMutableBufferPointer { total in
        scores.matched.withUnsafeMutableBufferPointer { matched in
            for word in query.words {
                touchedByWord.removeAll(keepingCapacity: true)
                for term in word.terms {
                    let idf = bm25.idf(documentFrequency: reader.postingsInfo(term.termID).documentFrequency, sectionCount: n)
                    reader.withPostings(term.termID) { postings in
                        postings.forEach { section, frequency in
                            let s = Float(term.weight * bm25.score(frequency: frequency, length: Int(lengths[section]),
                                                                    averageLength: average, idf: idf))
                            if wordScore[section] == 0 { touchedByWord.append(Int32(section)) }
                            if s > wordScore[section] { wordScore[section] = s }
                        }
                    }
                }
                // A title match adds to a body match (the title is also in the text), scored with
                // the body term's rarity so that rare title words matter most.
                for term in word.titleTerms {
                    guard let body = word.terms.first(where: { $0.term == term.term }) else { continue }
                    let idf = bm25.idf(documentFrequency: reader.postingsInfo(body.termID).documentFrequency, sectionCount: n)
                    let s = Float(term.weight * bm25.score(frequency: 1, length: 1, averageLength: 1, idf: idf))
                    reader.withPostings(term.termID) { postings in
                        postings.forEach { section, _ in
                            if wordScore[section] > 0, s > titleScore[section] { titleScore[section] = s }
                        }
                    }
                }
                for section in touchedByWord {
                    let i = Int(section)
                    if matched[i] == 0 { touched.append(section) }
                    total[i] += wordScore[i] + titleScore[i]
                    matched[i] &+= 1
                    wordScore[i] = 0
                    titleScore[i] = 0
                }
            }
            for section in touched {
                let i = Int(section)
                if let filter, !filter(i) { continue }
                count += 1
                best.insert(ScoredSection(sectionID: i, score: Double(total[i]), matchedWords: Int(matched[i])))
            }
        }
        }
        }
        }
        return RankedResult(total: count, hits: Array(best.sorted().dropFirst(offset)))
    }
}
