/// Top-k ranking that passes over what cannot reach the top: document at a time over the query's
/// clauses, with MaxScore's split of the clauses into those that drive the walk and those that are
/// only probed (Turtle and Flood 1995, as Lucene's `MaxScoreBulkScorer`), and block-max skips over
/// runs of postings whose stored bounds cannot beat the k-th hit kept (Ding and Suel 2011, as
/// Lucene 8 and Tantivy do). The walk itself is `BlockMaxWalk`.
///
/// Exact: it keeps the same hits with the same scores as scoring every section, because a section
/// is scored with the same Float arithmetic in the same clause order as `Searcher.accumulate`, and
/// every bound it skips by is an upper bound of that arithmetic (`BlockBounds`). The order is
/// `ScoredSection.isBetter`'s: more ranking clauses first, then score, then the earlier section.
/// Sections arrive in ascending order, so a section that only ties the k-th kept is not better.
///
/// What it leaves out it does not count: the total is then a lower bound (`RankedResult`).
struct BlockMaxSearch {
    /// Deeper than this, a top-k heap prunes little and the term-at-a-time walk is faster.
    static let maxDepth = 1000
    /// Float sums in another order than the bound's may round up by a few ulps: bounds are raised
    /// by this share, which costs no pruning worth measuring and keeps every skip safe.
    static let boundSlack = 1.0 + 1e-5

    let reader: IndexReader
    let bm25: BM25
    let norms: [Float]
    /// `Searcher.kindCodeWeights` of the query.
    let kindWeights: [Float]

    /// What the walk found: the best `k` and how many sections it scored.
    struct Outcome {
        let hits: [ScoredSection]
        let counted: Int
        let skipped: Bool
    }

    /// Whether the stored bounds bound this searcher's scores: they are computed with
    /// `BlockBounds.bm25`.
    static func applies(to bm25: BM25) -> Bool { bm25 == BlockBounds.bm25 }

    /// - Parameters:
    ///   - query: clauses as `Searcher.accumulate` reads them; no named cases, no inheritance.
    ///   - listScores: scores a clause that is not a plain word, in full.
    func run(_ query: Query, k: Int, filter: ((Int) -> Bool)?, excluded: Set<Int32>, deadline: Deadline,
             listScores: (QueryClause) -> [SectionScore]) -> Outcome {
        reader.withPostingsBase { base in
            var walk = BlockMaxWalk(search: self, k: k)
            for clause in query.clauses { walk.add(clause, query: query, base: base, listScores: listScores) }
            return walk.run(filter: filter, excluded: excluded, deadline: deadline)
        }
    }

    /// What a term scores in each of its sections, as `ClauseScorer` scores it.
    @inline(__always)
    func score(weight: Float, frequency: UInt32, section: UInt32) -> Float {
        weight * bm25.saturation(frequency: Float(frequency), norm: norms[Int(section)])
    }
}
