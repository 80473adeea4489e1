import CouncilDocuments

/// Which case each section belongs to, and each case's decisions: so that a decision is found
/// by what its case is about. A decision says what the council resolved ("Rådet tar saken til
/// orientering"), seldom the words of the topic; the presentation and minutes of the same case
/// say those.
struct DecisionLinks: Sendable {
    /// Per section, the ordinal of its case, or -1 outside cases.
    let caseOrdinal: [Int32]
    /// Per case ordinal, its decision sections.
    let decisions: [[Int32]]

    init(sectionsByCase: [CaseID: [Int]], kindCodes: [UInt8]) {
        var ordinal = [Int32](repeating: -1, count: kindCodes.count)
        var decisions: [[Int32]] = []
        let vedtak = SectionCodes.code(of: .vedtak)
        // Sorted, so ordinals are the same on every open.
        for sections in sectionsByCase.sorted(by: { $0.key < $1.key }).map(\.value) {
            let n = Int32(decisions.count)
            for s in sections where s < ordinal.count { ordinal[s] = n }
            decisions.append(sections.filter { $0 < kindCodes.count && kindCodes[$0] == vedtak }.map { Int32($0) })
        }
        self.caseOrdinal = ordinal
        self.decisions = decisions
    }

    /// A case's best section that is not a decision, as `Searcher` ranks: more query words
    /// (`matched`) first, then the higher score.
    struct CaseBest {
        let section: Int32
        let matched: UInt16
        let score: Float
    }

    /// The best section of each case that `sections` touch, decisions left out; on a tie the first
    /// in `sections`.
    func bestOfEachCase(_ sections: some Sequence<Int32>, isDecision: (Int) -> Bool,
                        rank: (Int) -> (matched: UInt16, score: Float)) -> [Int32: CaseBest] {
        var best: [Int32: CaseBest] = [:]
        for section in sections {
            let i = Int(section)
            let c = caseOrdinal[i]
            guard c >= 0, !isDecision(i) else { continue }
            let (matched, score) = rank(i)
            if let known = best[c], (matched, score) <= (known.matched, known.score) { continue }
            best[c] = CaseBest(section: section, matched: matched, score: score)
        }
        return best
    }
}
