/// A first bound of the k-th hit, before the walk has kept k: threshold estimation, as in
/// Petri, Moffat and Culpepper's "Score-safe term-dependency processing with hybrid indexes"
/// and Lucene's initial `minCompetitiveScore` from top blocks.
///
/// The walk goes in section order, so without it every section scores until k are kept, and the
/// clauses stay walked (not probed) until the k-th kept is good; over a corpus of 280,000
/// sections the kept k-th rose slowly from the first sections on. Here the best block of each
/// term of a ranking word (by its stored bound) is decoded, and the k-th best of what those
/// sections score by that one term, times their kind's weight, is a floor of the k-th hit: each
/// of those k sections holds a ranking word, so ranks at least one word, and scores at least
/// that much, as every other clause, title and kind weight only adds or multiplies by the same.
///
/// Exact: the floor is lowered by `BlockMaxSearch.boundSlack`, so that a section that ties it
/// still enters, and it is used only without a filter or exclusions (a section they drop could
/// have set it).
extension BlockMaxWalk {
    /// At most this many blocks are decoded for the floor.
    static let floorBlocks = 8

    mutating func raiseFloor() {
        guard k > 0 else { return }
        var offered: [SectionScore] = []
        func offer(_ section: UInt32, _ score: Float) {
            offered.append(SectionScore(section: Int32(section), score: score * search.kindWeights[Int(kindCodes[Int(section)])]))
        }
        var blocks: [(bound: Double, term: Int)] = []
        for c in clauses.indices where clauses[c].ranks > 0 {
            if let l = clauses[c].list {
                for entry in lists[l].entries.prefix(4 * k) { offer(UInt32(entry.section), entry.score) }
            }
            for t in clauses[c].terms { blocks.append((terms[t].bestBlockBound, t)) }
        }
        blocks.sort { $0.bound != $1.bound ? $0.bound > $1.bound : $0.term < $1.term }
        for (_, t) in blocks.prefix(Self.floorBlocks) {
            var cursor = terms[t].cursor
            let b = terms[t].bestBlock
            cursor.advance(to: cursor.firstSection(ofBlock: b))
            while cursor.section != BlockMaxCursor.exhausted, cursor.block == b {
                offer(cursor.section, search.score(weight: terms[t].weight, frequency: cursor.frequency, section: cursor.section))
                cursor.next()
            }
        }
        // Each section once, at the best it was offered.
        offered.sort { $0.section != $1.section ? $0.section < $1.section : $0.score > $1.score }
        var best: [Float] = []
        for (i, entry) in offered.enumerated() where i == 0 || offered[i - 1].section != entry.section {
            best.append(entry.score)
        }
        guard best.count >= k else { return }
        let kth = best.sorted(by: >)[k - 1]
        guard kth > 0 else { return }
        threshold = Threshold(tier: 1, score: Double(kth) / BlockMaxSearch.boundSlack)
        floored = true
        retireTerms()
        split()
    }
}
