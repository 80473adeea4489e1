/// One walk of `BlockMaxSearch` over a query's postings, section by section in ascending order.
///
/// A word clause walks the cursors of its terms that have blocks (more than
/// `PositionSkips.interval` postings); its rarer terms are decoded up front into one sorted list,
/// so that the dozens of rare spellings an expansion brings cost one cursor, not dozens. Any other
/// clause (a phrase, a group, a compound with parts) is scored in full beforehand and walked as a
/// list whose bound is its best score.
struct BlockMaxWalk {
    /// Bounds per class of sections (`BlockBounds`), before the kind weight: what a clause or a
    /// sum of clauses adds to `Searcher.accumulate`'s total at most.
    typealias Bound = SIMD2<Float>

    /// A term with blocks, and its current block's bound, read once per block.
    struct Term {
        var cursor: BlockMaxCursor
        let weight: Float
        var block = -1
        var blockBound = Bound()
        var blockEnd: UInt32 = 0
        /// The block with the highest bound once weighted by kind, and that weighted bound.
        var bestBlock = 0
        var bestBlockBound = 0.0
        /// What the term scores at most in any block.
        var bound = Bound()
    }

    /// A title term of a word clause: adds `score` to a section the word matches in its body.
    struct Title {
        var cursor: BlockMaxCursor
        let score: Float
    }

    /// Sections with their scores, in section order.
    struct List {
        let entries: [SectionScore]
        /// The best score of each class.
        let best: Bound
        var index = 0

        init(_ entries: [SectionScore], kindCodes: [UInt8]) {
            self.entries = entries
            var best = Bound()
            for entry in entries {
                let c = BlockBounds.codeClass[Int(kindCodes[Int(entry.section)])]
                best[c] = max(best[c], entry.score)
            }
            self.best = best
        }

        var section: UInt32 { index < entries.count ? UInt32(entries[index].section) : BlockMaxCursor.exhausted }

        /// Gallops, then halves: a probed list is asked for sections far apart.
        mutating func advance(to target: UInt32) {
            guard index < entries.count, UInt32(entries[index].section) < target else { return }
            var step = 1
            var low = index
            // entries[low] < target throughout; find a high end at or past it.
            while low + step < entries.count, UInt32(entries[low + step].section) < target {
                low += step
                step <<= 1
            }
            var high = min(low + step, entries.count)
            while high - low > 1 {
                let mid = (low + high) / 2
                if UInt32(entries[mid].section) < target { low = mid } else { high = mid }
            }
            index = high
        }
    }

    struct Clause {
        /// Into `terms` and `titles`; empty for a clause scored beforehand.
        var terms: Range<Int>
        var titles: Range<Int>
        /// Into `lists`: the rare terms of a word, or the whole of a clause scored beforehand.
        var list: Int?
        /// Whether `list` is the whole clause's score (titles included), not a word's rare terms.
        let listIsWhole: Bool
        /// What the clause scores at most anywhere.
        let bound: Bound
        /// What its title terms add at most (0 for a clause scored beforehand).
        var titleBound: Float = 0
        /// What it adds to `matched` (`Searcher.accumulate`'s two bytes).
        let counts: UInt16
        /// An expansion that scores only the sections no ranking clause matched.
        let below: Bool
        /// Postings to walk: the split makes the costly clauses the probed ones.
        let cost: Int
        var ranks: Int { counts >= 0x100 ? 1 : 0 }
        /// Whether the clause scores the best of several sources (its terms and its rare list), so
        /// that one of them may be passed over or retired while another scores.
        var scoresBestOfSeveral: Bool { !listIsWhole && terms.count + (list == nil ? 0 : 1) > 1 }
    }

    /// The k-th hit kept: a section must be better than it to enter.
    struct Threshold: Equatable {
        var tier = 0
        var score = -Double.infinity

        func admits(tier t: Int, score s: Double) -> Bool { t > tier || (t == tier && s > score) }

        /// Whether it keeps out more than `other` does.
        func isAbove(_ other: Threshold) -> Bool { other.admits(tier: tier, score: score) }
    }

    let search: BlockMaxSearch
    let k: Int
    var terms: [Term] = []
    var titles: [Title] = []
    var lists: [List] = []
    var clauses: [Clause] = []
    /// Clauses only probed, not walked (MaxScore's non-essential ones). The set only grows, as
    /// the threshold only rises, so a walked clause's cursors never fall behind.
    var probed: [Bool] = []
    /// The clauses not probed, in clause order: those the windows walk.
    var walked: [Int] = []
    var probedRanks = 0
    /// The probed clauses, cheapest first.
    var probeOrder: [Int] = []
    /// What the probed clauses add at most, per class, summed in `probeOrder`.
    var probedBound = SIMD2<Double>()
    var best: TopK<ScoredSection>
    var threshold = Threshold()
    /// Whether `threshold` bounds the k-th hit before the heap is full (`raiseFloor`).
    var floored = false
    /// Scratch of `rangeAdmits`, one per clause: a window's bound and title bound of each clause,
    /// and whether it can match there at all.
    var windowBounds: [Bound] = []
    var windowTitles: [Float] = []
    var windowPresent: [Bool] = []
    var skipped = false
    /// The sections `rarestFirst` went through, ascending: the walk passes over them, as each is
    /// scored in full (or told unable to enter) already.
    var handled: [UInt32] = []
    /// The query's highest kind weight in each class.
    let classWeights: Bound
    let kindCodes: [UInt8]

    init(search: BlockMaxSearch, k: Int) {
        self.search = search
        self.k = k
        best = TopK(k)
        classWeights = BlockBounds.classWeights(search.kindWeights)
        kindCodes = search.reader.sectionKindCodes
    }

    /// What a total bounded by `bound` becomes at most once weighted by its section's kind.
    func weighted(_ bound: Bound) -> Double {
        let w = bound * classWeights
        return Double(max(w[0], w[1]))
    }

    /// The saturation of a block's most saturated posting of one class.
    func saturation(_ posting: BlockBounds.Posting) -> Float {
        if posting.frequency == 0 { return 0 }
        if posting.frequency == .max { return 1 }
        let bm25 = search.bm25
        let norm = Float(bm25.norm(length: Int(posting.length), averageLength: search.reader.averageSectionLength))
        return bm25.saturation(frequency: Float(posting.frequency), norm: norm)
    }

    /// What a term of `weight` scores at most in a block with these most saturated postings.
    func bound(weight: Float, _ postings: (BlockBounds.Posting, BlockBounds.Posting)) -> Bound {
        Bound(weight * saturation(postings.0), weight * saturation(postings.1))
    }

    mutating func add(_ clause: QueryClause, query: Query, base: UnsafePointer<UInt8>,
                      listScores: (QueryClause) -> [SectionScore]) {
        let counts: UInt16 = query.ranksTier(clause) ? 0x100 : 1
        let below = clause.isExpansion && !query.blendsExpansions
        probed.append(false)
        walked.append(probed.count - 1)
        guard case .word(let word) = clause, word.parts.isEmpty else {
            let list = List(listScores(clause).sorted { $0.section < $1.section }, kindCodes: kindCodes)
            lists.append(list)
            clauses.append(Clause(terms: 0..<0, titles: 0..<0, list: lists.count - 1, listIsWhole: true,
                                  bound: list.best, counts: counts, below: below, cost: list.entries.count))
            return
        }
        let reader = search.reader, n = reader.sectionCount
        let first = terms.count, firstTitle = titles.count
        var bound = Bound()
        var cost = 0
        var rare: [SectionScore] = []
        for term in word.terms {
            let idf = search.bm25.idf(documentFrequency: reader.postingsInfo(term.termID).documentFrequency, sectionCount: n)
            let weight = Float(term.weight * search.bm25.weight(idf: idf))
            var cursor = BlockMaxCursor(reader.postingsCursor(term.termID, base: base))
            cost += cursor.count
            if cursor.hasBlocks {
                var term = Term(cursor: cursor, weight: weight)
                term.bestBlockBound = -1
                cursor.forAllBlocks { b, postings in
                    let blockBound = self.bound(weight: weight, postings)
                    term.bound = pointwiseMax(term.bound, blockBound)
                    let w = weighted(blockBound)
                    if w > term.bestBlockBound { (term.bestBlock, term.bestBlockBound) = (b, w) }
                }
                bound = pointwiseMax(bound, term.bound)
                terms.append(term)
            } else {
                while cursor.section != BlockMaxCursor.exhausted {
                    rare.append(SectionScore(section: Int32(cursor.section),
                                             score: search.score(weight: weight, frequency: cursor.frequency, section: cursor.section)))
                    cursor.next()
                }
            }
        }
        var list: Int?
        if !rare.isEmpty {
            rare.sort { $0.section != $1.section ? $0.section < $1.section : $0.score > $1.score }
            var merged: [SectionScore] = []
            for entry in rare where merged.last?.section != entry.section { merged.append(entry) }
            lists.append(List(merged, kindCodes: kindCodes))
            bound = pointwiseMax(bound, lists[lists.count - 1].best)
            list = lists.count - 1
        }
        var titleBound: Float = 0
        let scorer = ClauseScorer(reader: reader, bm25: search.bm25, norms: search.norms, scratch: ScoreScratch(sectionCount: 0))
        for term in word.titleTerms {
            guard let body = word.terms.first(where: { $0.term == term.term }) else { continue }
            let score = Float(scorer.titleScore(term, body: body, sectionCount: n))
            titles.append(Title(cursor: BlockMaxCursor(reader.postingsCursor(term.termID, base: base)), score: score))
            titleBound = max(titleBound, score)
        }
        clauses.append(Clause(terms: first..<terms.count, titles: firstTitle..<titles.count, list: list, listIsWhole: false,
                              bound: bound + Bound(repeating: titleBound), titleBound: titleBound, counts: counts,
                              below: below, cost: cost))
    }

    /// The first section at or after the walk's place that a clause holds.
    func section(of c: Int) -> UInt32 {
        var s = clauses[c].list.map { lists[$0].section } ?? BlockMaxCursor.exhausted
        for t in clauses[c].terms { s = min(s, terms[t].cursor.section) }
        return s
    }

    mutating func advance(_ c: Int, to target: UInt32) {
        if let l = clauses[c].list { lists[l].advance(to: target) }
        for t in clauses[c].terms { terms[t].cursor.advance(to: target) }
    }

    /// What clause `c` scores at `section` (which none of its cursors has passed), nil where it
    /// does not match: as `ClauseScorer` scores a word, its best term plus its best title term.
    mutating func score(_ c: Int, at section: UInt32) -> Float? {
        advance(c, to: section)
        var word: Float = 0
        var found = false
        if let l = clauses[c].list, lists[l].section == section {
            let score = lists[l].entries[lists[l].index].score
            if clauses[c].listIsWhole { return score }
            found = true
            word = score
        }
        for t in clauses[c].terms where terms[t].cursor.section == section {
            found = true
            let s = search.score(weight: terms[t].weight, frequency: terms[t].cursor.frequency, section: section)
            if s > word { word = s }
        }
        guard found else { return nil }
        var title: Float = 0
        if word > 0 {
            for i in clauses[c].titles {
                titles[i].cursor.advance(to: section)
                if titles[i].cursor.section == section, titles[i].score > title { title = titles[i].score }
            }
        }
        return word + title
    }

    /// Reads the bound and end of term `t`'s current block, once per block.
    mutating func refreshBlock(_ t: Int) {
        let block = terms[t].cursor.block
        guard terms[t].block != block else { return }
        terms[t].block = block
        terms[t].blockBound = terms[t].cursor.blockPostings.map { bound(weight: terms[t].weight, $0) }
            ?? Bound(repeating: terms[t].weight)
        terms[t].blockEnd = terms[t].cursor.blockEnd
    }

    /// What term `t`, whose cursor has not passed `upTo`, scores at most up to `upTo`.
    mutating func termBound(_ t: Int, upTo: UInt32) -> Bound {
        refreshBlock(t)
        if terms[t].blockEnd >= upTo { return terms[t].blockBound }
        var bound = Bound()
        let weight = terms[t].weight
        terms[t].cursor.forEachBlock(through: upTo) { bound = pointwiseMax(bound, self.bound(weight: weight, $0)) }
        return bound
    }

    /// What walked clause `c` can score at most in sections `section...upTo`, and what its title
    /// terms add at most there; nil where it cannot match there at all.
    mutating func bound(_ c: Int, from section: UInt32, upTo: UInt32) -> (body: Bound, title: Float)? {
        var present = false
        var bound = Bound()
        if let l = clauses[c].list, lists[l].section <= upTo {
            present = true
            bound = lists[l].best
        }
        for t in clauses[c].terms where terms[t].cursor.section <= upTo {
            present = true
            bound = pointwiseMax(bound, termBound(t, upTo: upTo))
        }
        guard present else { return nil }
        if clauses[c].listIsWhole { return (bound, 0) }
        // A title adds only where a title term stands.
        var title: Float = 0
        for i in clauses[c].titles {
            titles[i].cursor.advance(to: section)
            if titles[i].cursor.section <= upTo { title = max(title, titles[i].score) }
        }
        return (bound, title)
    }

    /// Where the walked clauses' current blocks first end.
    mutating func rangeEnd(from section: UInt32) -> UInt32 {
        var upTo = BlockMaxCursor.exhausted
        for c in walked {
            for t in clauses[c].terms where terms[t].cursor.section != BlockMaxCursor.exhausted {
                refreshBlock(t)
                upTo = min(upTo, terms[t].blockEnd)
            }
        }
        return upTo
    }

    /// Whether a section in `section...upTo` could enter the top k. The bound adds the clauses
    /// up in their order, as their scores are added, so that it is exact where it is tight.
    /// Also marks in `passed` the walked terms that no section entering could take its clause's
    /// score from (`passedTerms`).
    mutating func rangeAdmits(from section: UInt32, upTo: UInt32, passed: inout [Bool]) -> Bool {
        var ranks = 0
        for c in clauses.indices {
            windowPresent[c] = true
            windowTitles[c] = 0
            if probed[c] {
                windowBounds[c] = clauses[c].bound
            } else if let b = self.bound(c, from: section, upTo: upTo) {
                windowBounds[c] = b.body + Bound(repeating: b.title)
                windowTitles[c] = b.title
            } else {
                windowPresent[c] = false
            }
            if windowPresent[c] { ranks += clauses[c].ranks }
        }
        guard windowAdmits(ranks: ranks, slack: 1) else { return false }
        passTerms(upTo: upTo, ranks: ranks, passed: &passed)
        return true
    }

    /// Whether a section whose clauses score at most `windowBounds` (added in clause order, clause
    /// `replaced` at `bound` instead) and that holds `ranks` ranking clauses could enter the top k.
    func windowAdmits(ranks: Int, slack: Double, replacing replaced: Int = -1, by bound: Bound = Bound()) -> Bool {
        var sum = Bound()
        for c in clauses.indices where windowPresent[c] { sum += c == replaced ? bound : windowBounds[c] }
        return threshold.admits(tier: ranks, score: weighted(sum) * slack)
    }

    /// Marks the walked terms, of clauses of more than one, whose postings up to `upTo` need not
    /// be read: a clause scores its best term, so a section where such a term would be its
    /// clause's best could not enter even with every other clause at its bound, and where another
    /// term of the clause is better, that term is read. Which sections enter, and their scores,
    /// stay exact; only the count of sections scored drops.
    private mutating func passTerms(upTo: UInt32, ranks: Int, passed: inout [Bool]) {
        for c in walked where clauses[c].scoresBestOfSeveral {
            for t in clauses[c].terms where terms[t].cursor.section <= upTo {
                let alone = termBound(t, upTo: upTo) + Bound(repeating: windowTitles[c])
                // With slack: this sum replaces one clause's bound, an order the scores never take.
                passed[t] = !windowAdmits(ranks: ranks, slack: BlockMaxSearch.boundSlack, replacing: c, by: alone)
            }
        }
    }

    /// Drops for good each term of a clause of several whose best block anywhere, with its
    /// clause's titles and every other clause at its bound, could not enter. A clause scores its
    /// best term, so a section that enters never takes its clause's score from such a term, and
    /// the threshold only rises: the term is done with. `passTerms` tells the same per window,
    /// from the window's blocks, but reads the term's block bounds in every window again, which
    /// for a word of dozens of spellings and compounds was most of the walk. Exact as `passTerms`
    /// is: with every clause counted as present, a section of a higher tier is never ruled out.
    mutating func retireTerms() {
        var ranks = 0
        var sum = Bound()
        for clause in clauses {
            ranks += clause.ranks
            sum += clause.bound
        }
        for c in clauses.indices where clauses[c].scoresBestOfSeveral {
            let others = sum - clauses[c].bound + Bound(repeating: clauses[c].titleBound)
            var kept = clauses[c].terms.upperBound
            var t = clauses[c].terms.lowerBound
            while t < kept {
                if threshold.admits(tier: ranks, score: weighted(others + terms[t].bound) * BlockMaxSearch.boundSlack) {
                    t += 1
                } else {
                    kept -= 1
                    terms.swapAt(t, kept)
                }
            }
            clauses[c].terms = clauses[c].terms.lowerBound..<kept
        }
    }

    /// Moves clauses to the probed side while a section holding only probed clauses cannot
    /// enter, costliest first.
    mutating func split() {
        for c in clauses.indices.sorted(by: { clauses[$0].cost > clauses[$1].cost }) where !probed[c] {
            probed[c] = true
            var sum = Bound()
            for p in clauses.indices where probed[p] { sum += clauses[p].bound }
            if threshold.admits(tier: probedRanks + clauses[c].ranks, score: weighted(sum)) {
                probed[c] = false
            } else {
                probedRanks += clauses[c].ranks
                skipped = true
                probeOrder.append(c)
                probeOrder.sort { clauses[$0].cost < clauses[$1].cost }
            }
            walked = clauses.indices.filter { !probed[$0] }
            probedBound = bound(of: probeOrder)
        }
    }

    /// What `order`'s clauses add at most, per class: `probedBound` for the probe order.
    func bound(of order: [Int]) -> SIMD2<Double> {
        order.reduce(into: SIMD2<Double>()) { sum, c in
            sum += SIMD2(Double(clauses[c].bound[0]), Double(clauses[c].bound[1]))
        }
    }

    /// Moves every walked clause to `target`.
    mutating func skip(to target: UInt32) {
        skipped = true
        for c in walked { advance(c, to: target) }
    }
}
