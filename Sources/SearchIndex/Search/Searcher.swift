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
    /// Whether `total` counts only the sections scored: pruning passed over others that match
    /// but cannot reach the hits asked for (`BlockMaxSearch`).
    public var totalIsLowerBound = false

    public init(total: Int, hits: [ScoredSection], totalIsLowerBound: Bool = false) {
        self.total = total
        self.hits = hits
        self.totalIsLowerBound = totalIsLowerBound
    }
}

/// Executes queries over an index: BM25 over sections, with sections that contain more of the
/// query's content words ranked above those that contain fewer; then the best candidates are
/// rescored for the query's words standing together (`ProximityRescorer`) and spread over cases
/// (`Crowding`). A page of the best hits is found with dynamic pruning (`BlockMaxSearch`); a deep
/// one, a named case or decisions that inherit their case's score, term at a time over every
/// matching section (`accumulate`), which pruning equals where both apply.
public struct Searcher: Sendable {
    public let reader: IndexReader
    public let bm25: BM25
    /// How much a match counts by the kind of section it is in. The council's own treatment of a
    /// case (presentation, minutes, decision) is the record users look for first; text between
    /// cases (attachments, reports) counts a little less.
    public var kindWeights: [SectionKind: Float] = BlockBounds.kindWeights
    /// How much of the best score of a case's other sections its decisions inherit, when the query
    /// asks for decisions: a decision is found by its case's words, below the sections that hold them
    /// (half: a round share, not tuned; applied to every query it cost the odd half, so it is not).
    public var inheritedByDecisions: Float = 0.5
    /// How much more a match counts in the record of what the council said and decided, when a
    /// question asks for that (`QueryIntent.councilView`). Of 1, 1.25, 1.5 and 2 tried on the
    /// development set, 2 was the one where neither half lost (decision nDCG@10 0.788 → 0.797).
    public var councilViewWeights: [SectionKind: Float] = [.vedtak: 2, .referat: 2]
    /// How the first pages spread over cases.
    var crowding = Crowding()
    /// Whether a top-k query passes over sections that cannot reach its top (`BlockMaxSearch`);
    /// off, every matching section is scored, which tests compare against.
    public var prunes = true
    let scratch: ScratchPool
    /// `bm25.lengthNorms` of the reader's sections.
    let norms: [Float]

    public init(reader: IndexReader, bm25: BM25 = BM25()) {
        self.reader = reader
        self.bm25 = bm25
        self.scratch = ScratchPool(sectionCount: reader.sectionCount)
        self.norms = bm25.lengthNorms(reader.sectionLengths, averageLength: reader.averageSectionLength)
    }

    func clauseScorer(_ scratch: ScoreScratch = ScoreScratch(sectionCount: 0)) -> ClauseScorer {
        ClauseScorer(reader: reader, bm25: bm25, norms: norms, scratch: scratch)
    }

    /// Rewards the best candidates for holding neighbouring query words side by side.
    var proximity: ProximityRescorer { ProximityRescorer(scorer: clauseScorer()) }

    /// Ranks the sections that match the query and pass its filter. A decision and the case
    /// section it lies in are one result: the better ranked of the two stands for both.
    /// Proximity and crowding look at a fixed number of candidates, so the hits of a page do not
    /// depend on the page size asked for.
    /// - Parameter deadline: past it, ranking stops between clauses with what it has; the caller
    ///   checks the deadline and discards the partial answer.
    public func search(_ query: Query, limit: Int, offset: Int = 0, deadline: Deadline = .never) -> RankedResult {
        let n = reader.sectionCount
        guard n > 0 else { return RankedResult(total: 0, hits: []) }
        let filter: ((Int) -> Bool)? = query.filter.isEmpty ? nil : { [reader] in query.filter.accepts(reader.facts($0)) }
        if query.clauses.isEmpty {
            return query.filter.isEmpty ? RankedResult(total: 0, hits: []) : browse(filter!, limit: limit, offset: offset)
        }
        // Room for the nested results that collapsing removes, and for the rescored pool.
        let proximity = self.proximity
        let wanted = max((limit + offset) * 2 + 8, proximity.depth + 8, crowding.pool + 8)
        let ranked = scratch.withScratch { scores in
            search(query, limit: wanted, offset: 0, filter: filter, scores: scores, deadline: deadline)
        }
        if deadline.isPast { return RankedResult(total: ranked.total, hits: [], totalIsLowerBound: ranked.totalIsLowerBound) }
        let rescored = proximity.rescore(collapseNested(ranked.hits), query: query)
        let collapsed = crowding.apply(rescored) { [reader] in Crowding.Group(reader.facts($0)) }
        return RankedResult(total: ranked.total, hits: Array(collapsed.dropFirst(offset).prefix(limit)),
                            totalIsLowerBound: ranked.totalIsLowerBound)
    }

    /// Drops a hit that lies inside a better-ranked hit, or contains one. Only sections of one case
    /// can nest, so each hit is compared with the kept hits of its own case: linear in the hits
    /// however deep a page asks (`offset` 10,000), not quadratic.
    func collapseNested(_ hits: [ScoredSection]) -> [ScoredSection] {
        var kept: [ScoredSection] = []
        var keptOfCase: [CaseID: [SectionFacts]] = [:]
        for hit in hits {
            let facts = reader.facts(hit.sectionID)
            guard let caseID = facts.caseID else { kept.append(hit); continue }
            let others = keptOfCase[caseID, default: []]
            if others.contains(where: { $0.contains(facts) || facts.contains($0) }) { continue }
            keptOfCase[caseID, default: []].append(facts)
            kept.append(hit)
        }
        return kept
    }

    /// Every section that passes the filter, newest first: a query of filters alone
    /// (`sak:8/1/2025`, `type:vedtak år:2025`).
    func browse(_ filter: (Int) -> Bool, limit: Int, offset: Int) -> RankedResult {
        var matching: [(id: Int, date: String, case: CaseID?)] = []
        for id in 0..<reader.sectionCount where filter(id) {
            let facts = reader.facts(id)
            matching.append((id, facts.date ?? "", facts.caseID))
        }
        matching.sort { a, b in
            if a.date != b.date { return a.date > b.date }
            if a.case != b.case, let x = a.case, let y = b.case { return x > y }
            return a.id < b.id
        }
        let hits = matching.dropFirst(offset).prefix(limit).map { ScoredSection(sectionID: $0.id, score: 0, matchedWords: 0) }
        return RankedResult(total: matching.count, hits: Array(hits))
    }

    /// The best `limit` sections by score alone, before collapsing, proximity and crowding: what
    /// pruning must keep exactly (tests compare it at small depths, where pruning skips most).
    func ranked(_ query: Query, limit: Int) -> RankedResult {
        let filter: ((Int) -> Bool)? = query.filter.isEmpty ? nil : { [reader] in query.filter.accepts(reader.facts($0)) }
        return scratch.withScratch { search(query, limit: limit, offset: 0, filter: filter, scores: $0, deadline: .never) }
    }

    private func search(_ query: Query, limit: Int, offset: Int, filter: ((Int) -> Bool)?, scores: ScoreScratch,
                        deadline: Deadline) -> RankedResult {
        defer { scores.reset() }
        if prunes, limit + offset <= BlockMaxSearch.maxDepth, BlockMaxSearch.applies(to: bm25), query.cases.isEmpty,
           !(inheritedByDecisions > 0 && query.asksForDecisions) {
            let scorer = clauseScorer(scores)
            let pruned = BlockMaxSearch(reader: reader, bm25: bm25, norms: norms, kindWeights: kindCodeWeights(query))
                .run(query, k: limit + offset, filter: filter, excluded: excludedSections(query, scores: scores),
                     deadline: deadline, listScores: scorer.scores)
            return RankedResult(total: pruned.counted, hits: Array(pruned.hits.dropFirst(offset)), totalIsLowerBound: pruned.skipped)
        }
        accumulate(query, into: scores, deadline: deadline)
        let excluded = excludedSections(query, scores: scores)
        let codeWeights = kindCodeWeights(query)
        var count = 0
        var best = TopK<ScoredSection>(limit + offset)
        scores.total.withUnsafeBufferPointer { total in
        scores.matched.withUnsafeBufferPointer { matched in
        reader.sectionKindCodes.withUnsafeBufferPointer { kindCodes in
            for section in scores.queryTouched.elements {
                let i = Int(section)
                if let filter, !filter(i) { continue }
                if !excluded.isEmpty, excluded.contains(section) { continue }
                count += 1
                let weight = codeWeights[Int(kindCodes[i])]
                best.insert(ScoredSection(sectionID: i, score: Double(total[i] * weight), matchedWords: Int(matched[i] >> 8)))
            }
        }
        }
        }
        return RankedResult(total: count, hits: Array(best.sorted().dropFirst(offset)))
    }

    /// How much a match counts in each kind of section (by kind code) for this query.
    func kindCodeWeights(_ query: Query) -> [Float] {
        let preferred = query.intent == .councilView ? councilViewWeights : [:]
        return SectionCodes.kinds.map { (kindWeights[$0] ?? 1) * (preferred[$0] ?? 1) }
    }

    /// Adds up every clause's score per section into `scores.total`, and in `scores.matched` how
    /// many clauses each section satisfies (high byte: the clauses that rank; low byte: function
    /// words), recording the sections touched; then the tier of a named case and what decisions
    /// inherit from their case (from its typed words alone). Before any kind weight.
    /// - Parameter expansions: false leaves out the expansion words of a query whose decisions
    ///   inherit, as they stand when the decisions inherit (for `explain`).
    func accumulate(_ query: Query, into scores: ScoreScratch, deadline: Deadline, expansions: Bool = true) {
        let scorer = clauseScorer(scores)
        scores.queryTouched.withStorage { touched, touchedCount in
        scores.total.withUnsafeMutableBufferPointer { total in
        scores.matched.withUnsafeMutableBufferPointer { matched in
        reader.sectionKindCodes.withUnsafeBufferPointer { kindCodes in
            func add(_ clause: QueryClause) {
                let clauseScores = scorer.scores(clause)
                // The high byte counts the clauses that rank, the low byte the others.
                let counts: UInt16 = query.ranksTier(clause) ? 0x100 : 1
                // Expansion words bring in sections below every section with a typed word, unless
                // the query blends them in (`--recall`).
                let below = clause.isExpansion && !query.blendsExpansions
                for entry in clauseScores {
                    let i = Int(entry.section)
                    if below, matched[i] >= 0x100 { continue }
                    if matched[i] == 0 { touched[touchedCount] = entry.section; touchedCount += 1 }
                    total[i] += entry.score
                    matched[i] &+= counts
                }
            }
            // A decision holds its case's typed words by inheritance, so expansions, which score
            // only sections without a typed word, wait until it has inherited them.
            let inherits = inheritedByDecisions > 0 && query.asksForDecisions
            for clause in query.clauses where !deadline.isPast && !(inherits && clause.isExpansion) { add(clause) }
            // A case named by its id: every section of it ranks above the sections that only cite it,
            // one tier above anything the words alone can reach.
            if !query.cases.isEmpty {
                let tier = UInt16(min(250, query.clauses.count + 1)) << 8
                for i in query.cases.flatMap(reader.sections(ofCase:)) {
                    if matched[i] == 0 { touched[touchedCount] = Int32(i); touchedCount += 1 }
                    matched[i] &+= tier
                }
            }
            if inherits {
                inherit(touched: UnsafeBufferPointer(start: touched, count: touchedCount), total: total, matched: matched,
                        kindCodes: kindCodes) { touched[touchedCount] = $0; touchedCount += 1 }
                for clause in query.clauses where expansions && !deadline.isPast && clause.isExpansion { add(clause) }
            }
        }
        }
        }
        }
    }
}

extension Searcher {
    /// Gives each decision of a case that matched a share of the case's best section: its score
    /// times `inheritedByDecisions`, and its tier (how many query words it holds) when higher than
    /// the decision's own. `touch` is told of each decision that had no score of its own.
    func inherit(touched: UnsafeBufferPointer<Int32>, total: UnsafeMutableBufferPointer<Float>,
                 matched: UnsafeMutableBufferPointer<UInt16>, kindCodes: UnsafeBufferPointer<UInt8>,
                 touch: (Int32) -> Void) {
        let links = reader.decisionLinks
        let vedtak = SectionCodes.code(of: .vedtak)
        let best = links.bestOfEachCase(touched, isDecision: { kindCodes[$0] == vedtak }, rank: { (matched[$0], total[$0]) })
        for (c, found) in best.sorted(by: { $0.key < $1.key }) {
            for d in links.decisions(ofCase: Int(c)) {
                let i = Int(d)
                if matched[i] == 0 { touch(d) }
                total[i] += found.score * inheritedByDecisions
                matched[i] = max(matched[i], found.matched)
            }
        }
    }
}

extension ScoredSection: RankOrdered {
    /// More of the query's words first, then the higher score, then the earlier section, so that
    /// equal scores always come out in the same order.
    @inline(__always)
    static func isBetter(_ a: ScoredSection, _ b: ScoredSection) -> Bool {
        if a.matchedWords != b.matchedWords { return a.matchedWords > b.matchedWords }
        if a.score != b.score { return a.score > b.score }
        return a.sectionID < b.sectionID
    }
}
