import CouncilDocuments

/// Which case each section belongs to, and each case's decisions: so that a decision is found
/// by what its case is about. A decision says what the council resolved ("Rådet tar saken til
/// orientering"), seldom the words of the topic; the presentation and minutes of the same case
/// say those.
///
/// A view over the index: each section's case ordinal is a column of the section table and each
/// case's sections are listed in `SectionGroups`, both written at build time, so nothing is
/// grouped when an index is opened.
struct DecisionLinks {
    let reader: IndexReader

    /// The ordinal of a section's case (`SectionGroups`), or -1 outside cases.
    func caseOrdinal(_ section: Int) -> Int32 {
        reader.bytes.withUnsafeBytes { Int32(reader.sectionTable.value(.caseOrdinal, row: section, in: $0)) - 1 }
    }

    /// The decision sections of case `ordinal`, in index order.
    func decisions(ofCase ordinal: Int) -> [Int32] {
        let vedtak = SectionCodes.code(of: .vedtak)
        return reader.bytes.withUnsafeBytes { raw in
            reader.sectionGroups.sections(ofOrdinal: ordinal, in: raw)
                .filter { reader.sectionKindCodes[$0] == vedtak }.map { Int32($0) }
        }
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
            let c = caseOrdinal(i)
            guard c >= 0, !isDecision(i) else { continue }
            let (matched, score) = rank(i)
            if let known = best[c], (matched, score) <= (known.matched, known.score) { continue }
            best[c] = CaseBest(section: section, matched: matched, score: score)
        }
        return best
    }
}
