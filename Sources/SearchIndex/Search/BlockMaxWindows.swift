/// The walk's main loop, a window of sections at a time, as Lucene's `MaxScoreBulkScorer` does:
/// a window ends where the first current block of the walked clauses ends. A window whose bound
/// cannot beat the k-th hit is passed over whole; otherwise the walked clauses score it term at a
/// time into per-clause rows (tight loops over postings, no per-section bookkeeping), and each
/// section found is completed with the probed clauses, in section order.
extension BlockMaxWalk {
    /// The most sections a window spans, so that its rows stay small whatever the query's length.
    static func windowWidth(clauses: Int) -> Int { max(minimumWidth, min(4096, 65536 / max(1, clauses))) }
    /// The fewest sections a window spans (unless the postings end first).
    static let minimumWidth = 256

    mutating func run(filter: ((Int) -> Bool)?, excluded: Set<Int32>, deadline: Deadline) -> BlockMaxSearch.Outcome {
        let width = Self.windowWidth(clauses: clauses.count)
        // Scratch for the whole walk, allocated once: the loops below index it without the
        // uniqueness checks an array would make on every write.
        // rows[c * width + offset]: clause c's score at section `start + offset`; -1 where it has none.
        let rows = UnsafeMutableBufferPointer<Float>.allocate(capacity: clauses.count * width)
        rows.initialize(repeating: -1)
        // Bit `offset` is set where some walked clause holds section `start + offset`: read word
        // by word, the sections come out in order without sorting.
        let seen = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: (width + 63) / 64)
        seen.initialize(repeating: 0)
        defer {
            rows.deallocate()
            seen.deallocate()
        }
        // found[c]: clause c's score at the section being completed; -1 where it has none.
        var found = [Float](repeating: -1, count: clauses.count)
        // passed[t]: term t's postings in the window need not be read (`passTerms`).
        var passed = [Bool](repeating: false, count: terms.count)
        let passes = clauses.contains(where: \.scoresBestOfSeveral)
        var windows = 0
        windowBounds = Array(repeating: Bound(), count: clauses.count)
        windowTitles = Array(repeating: 0, count: clauses.count)
        windowPresent = Array(repeating: false, count: clauses.count)
        if filter == nil, excluded.isEmpty { raiseFloor() }
        var counted = rarestFirst(filter: filter, excluded: excluded, deadline: deadline)
        // The next of `handled` the walk has not passed yet: windows and their sections ascend.
        var next = 0
        while true {
            windows &+= 1
            if windows & 0xFF == 0, deadline.isPast { break }
            var start = BlockMaxCursor.exhausted
            for c in walked { start = min(start, section(of: c)) }
            if start == BlockMaxCursor.exhausted { break }
            // At least `minimumWidth` sections, so that a query of many terms, whose blocks end
            // often, does not pay a window's checks for every few sections.
            let blockEnd = rangeEnd(from: start)
            let end = UInt32(min(max(UInt64(blockEnd), UInt64(start) + UInt64(Self.minimumWidth) - 1),
                                 UInt64(start) + UInt64(width) - 1, UInt64(BlockMaxCursor.exhausted) - 1))
            if floored || best.heap.count == k, !rangeAdmits(from: start, upTo: end, passed: &passed) {
                skip(to: end + 1)
                continue
            }
            // Fixed for the window: clauses change sides only at its end (`split`).
            let walked = walked
            for c in walked {
                fill(c, row: rows.baseAddress! + c * width, start: start, end: end, seen: seen.baseAddress!, passed: passed)
            }
            if passes { for t in passed.indices { passed[t] = false } }
            let thresholdBefore = threshold
            for word in 0..<((Int(end - start) + 64) / 64) {
                var bits = seen[word]
                seen[word] = 0
                while bits != 0 {
                    let offset = word * 64 + bits.trailingZeroBitCount
                    bits &= bits &- 1
                    let section = start + UInt32(offset)
                    var partial: Double = 0
                    var ranks = 0
                    for c in walked {
                        let s = rows[c * width + offset]
                        rows[c * width + offset] = -1
                        found[c] = s
                        if s >= 0 { partial += Double(s); ranks += clauses[c].ranks }
                    }
                    if next < handled.count {
                        while next < handled.count, handled[next] < section { next += 1 }
                        if next < handled.count, handled[next] == section { continue }
                    }
                    let code = Int(kindCodes[Int(section)])
                    let weight = search.kindWeights[code]
                    // Most sections of a common word cannot enter: tell them before their titles
                    // and probes are read, by what those could add at most.
                    if floored || best.heap.count == k {
                        var titles: Double = 0
                        for c in walked where found[c] > 0 { titles += Double(clauses[c].titleBound) }
                        let upper = (partial + titles + probedBound[BlockBounds.codeClass[code]]) * Double(weight)
                        if !threshold.admits(tier: ranks + probedRanks, score: upper * BlockMaxSearch.boundSlack) {
                            skipped = true
                            continue
                        }
                    }
                    for c in walked where found[c] > 0 && !clauses[c].listIsWhole {
                        let title = title(c, at: section)
                        found[c] += title
                        partial += Double(title)
                    }
                    if !probe(section, found: &found, partial: partial, ranks: ranks, weight: weight, code: code) {
                        skipped = true
                        continue
                    }
                    if let hit = complete(section, found: found, weight: weight, filter: filter, excluded: excluded) {
                        counted += 1
                        keep(hit)
                    }
                }
            }
            // Clauses move to the probed side between windows only: the walked ones have read
            // this window whole.
            if threshold != thresholdBefore {
                retireTerms()
                split()
            }
        }
        return BlockMaxSearch.Outcome(hits: best.sorted(), counted: counted, skipped: skipped)
    }

    /// Scores the probed clauses at `section` into `found`, cheapest first, and stops as soon as
    /// what the section holds and what the rest could add cannot beat the k-th hit (a looser
    /// check than the windows', in Double with slack, as it adds in another order); false then.
    mutating func probe(_ section: UInt32, found: inout [Float], partial: Double, ranks: Int, weight: Float,
                        code: Int) -> Bool {
        let full = floored || best.heap.count == k
        let kindClass = BlockBounds.codeClass[code]
        var rest = probedBound[kindClass], restRanks = probedRanks
        var partial = partial, ranks = ranks
        // The first ranking clause the section holds: an expansion after it adds nothing (`complete`).
        var firstRanking = Int.max
        for c in walked where found[c] >= 0 && clauses[c].ranks > 0 { firstRanking = min(firstRanking, c) }
        for c in probeOrder {
            if full, !threshold.admits(tier: ranks + restRanks, score: (partial + rest) * Double(weight) * BlockMaxSearch.boundSlack) {
                return false
            }
            let s = clauses[c].below && firstRanking < c ? -1 : score(c, at: section) ?? -1
            found[c] = s
            rest -= Double(clauses[c].bound[kindClass])
            restRanks -= clauses[c].ranks
            if s >= 0 {
                partial += Double(s)
                ranks += clauses[c].ranks
                if clauses[c].ranks > 0 { firstRanking = min(firstRanking, c) }
            }
        }
        return true
    }

    /// Scores walked clause `c` over `start...end` into its row, as `ClauseScorer` scores a word
    /// (its best term; the title is added per section after), leaving its cursors past `end`.
    mutating func fill(_ c: Int, row: UnsafeMutablePointer<Float>, start: UInt32, end: UInt32,
                       seen: UnsafeMutablePointer<UInt64>, passed: [Bool]) {
        @inline(__always) func put(_ section: UInt32, _ score: Float) {
            let offset = Int(section - start)
            seen[offset >> 6] |= 1 << UInt64(offset & 63)
            if score > row[offset] { row[offset] = score }
        }
        if let l = clauses[c].list {
            while lists[l].section <= end {
                let entry = lists[l].entries[lists[l].index]
                put(UInt32(entry.section), entry.score)
                lists[l].index += 1
            }
        }
        for t in clauses[c].terms {
            if passed[t] {
                terms[t].cursor.advance(to: end &+ 1)
                continue
            }
            let weight = terms[t].weight
            // Through the array element, never a copy: a cursor holds its decoded block.
            while terms[t].cursor.section <= end {
                let section = terms[t].cursor.section
                put(section, search.score(weight: weight, frequency: terms[t].cursor.frequency, section: section))
                terms[t].cursor.next()
            }
        }
    }

    /// The best title term of word clause `c` at `section`.
    mutating func title(_ c: Int, at section: UInt32) -> Float {
        var title: Float = 0
        for i in clauses[c].titles {
            titles[i].cursor.advance(to: section)
            if titles[i].cursor.section == section, titles[i].score > title { title = titles[i].score }
        }
        return title
    }

    /// Keeps a hit if it is among the best k so far, and raises the threshold by it.
    mutating func keep(_ hit: ScoredSection) {
        best.insert(hit)
        if best.heap.count == k, let worst = best.heap.first {
            let kept = Threshold(tier: worst.matchedWords, score: worst.score)
            if kept.isAbove(threshold) { threshold = kept }
        }
    }

    /// A section's hit from its clauses' scores, added as `Searcher.accumulate` adds them: in
    /// clause order, expansions below typed words; nil if nothing counts or it is filtered out.
    func complete(_ section: UInt32, found: [Float], weight: Float, filter: ((Int) -> Bool)?,
                  excluded: Set<Int32>) -> ScoredSection? {
        var total: Float = 0
        var matched: UInt16 = 0
        for c in clauses.indices {
            let s = found[c]
            guard s >= 0 else { continue }
            if clauses[c].below, matched >= 0x100 { continue }
            total += s
            matched &+= clauses[c].counts
        }
        let i = Int(section)
        if matched == 0 { return nil }
        if let filter, !filter(i) { return nil }
        if !excluded.isEmpty, excluded.contains(Int32(section)) { return nil }
        return ScoredSection(sectionID: i, score: Double(total * weight), matchedWords: Int(matched >> 8))
    }
}
