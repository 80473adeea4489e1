/// The sections of the query's rarest ranking word first, each scored in full, before the walk.
///
/// A section ranks first by how many of the query's words it holds, and the walk goes in section
/// order: without this, the k-th hit kept holds few words for most of the walk, so the sections
/// of common words all score until late. Every section that holds all the words holds the
/// rarest, so scoring the rarest word's sections first (a conjunction's leapfrog, led by its
/// shortest list) finds the hits that hold the most words before anything else, and raises the
/// k-th to their tier at once.
///
/// Exact: each of those sections is scored in full, as the walk would score it (`complete`), and
/// the walk then goes on with that word left out and passes over the sections it went through
/// (`handled`), so every other section is scored as it holds it not, which it does not; each
/// section is scored once, and the best k of both are the best k.
extension BlockMaxWalk {
    /// Scores the sections of the cheapest ranking clause, then empties it; returns how many it
    /// kept. Nothing for a query of fewer than two ranking clauses, where the walk does as well.
    mutating func rarestFirst(filter: ((Int) -> Bool)?, excluded: Set<Int32>, deadline: Deadline) -> Int {
        let ranking = clauses.indices.filter { clauses[$0].ranks > 0 }
        guard ranking.count >= 2,
              let rarest = ranking.min(by: { clauses[$0].cost < clauses[$1].cost }) else { return 0 }
        // A copy with its own cursors (the walk's stay where they are), probing every clause: the
        // rarest first, then the cheapest, so a section that lacks a word is told soonest.
        var scorer = self
        scorer.walked = []
        scorer.probeOrder = [rarest] + clauses.indices.filter { $0 != rarest }
            .sorted { clauses[$0].cost < clauses[$1].cost }
        scorer.probedRanks = ranking.reduce(0) { $0 + clauses[$1].ranks }
        scorer.probedBound = bound(of: scorer.probeOrder)
        var found = [Float](repeating: -1, count: clauses.count)
        var counted = 0
        var section = scorer.section(of: rarest)
        var steps = 0
        while section != BlockMaxCursor.exhausted {
            steps &+= 1
            if steps & 0xFF == 0, deadline.isPast { break }
            handled.append(section)
            let code = Int(kindCodes[Int(section)])
            let weight = search.kindWeights[code]
            // The hits are kept here: the scorer bounds by the k-th of them.
            scorer.threshold = threshold
            scorer.floored = floored || best.heap.count == k
            if !scorer.probe(section, found: &found, partial: 0, ranks: 0, weight: weight, code: code) {
                skipped = true
            } else if let hit = complete(section, found: found, weight: weight, filter: filter, excluded: excluded) {
                counted += 1
                keep(hit)
            }
            scorer.advance(rarest, to: section &+ 1)
            section = scorer.section(of: rarest)
        }
        leaveOut(rarest)
        retireTerms()
        return counted
    }

    /// Makes clause `c` one that matches nowhere and counts for nothing.
    mutating func leaveOut(_ c: Int) {
        clauses[c] = Clause(terms: 0..<0, titles: 0..<0, list: nil, listIsWhole: false, bound: Bound(),
                            counts: 0, below: false, cost: 0)
        probedRanks = probeOrder.reduce(0) { $0 + clauses[$1].ranks }
        probedBound = bound(of: probeOrder)
        split()
    }
}
