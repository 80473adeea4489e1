import CouncilDocuments
import Foundation

/// Spreads the first pages of results over more cases. BM25 ranks every section of a long case or
/// attachment that repeats the query's words above a section elsewhere that mentions them once,
/// so one case could fill a page with near-copies of one answer, while the user looks for every
/// case on the topic. Each further hit from the same case counts `decay` times the one before it,
/// never less than `floor` of its own score, the way web engines crowd hits from one host.
/// Sections with more of the query's words still rank above those with fewer.
///
/// Only the first `depth` places are reordered, chosen from the first `pool` hits, so that a
/// page's contents do not depend on the page size asked for, and a hit demoted from the first
/// pages keeps its place after them rather than falling out of reach.
struct Crowding: Sendable {
    var decay = 0.6
    var floor = 0.4
    var depth = 20
    var pool = 50

    /// What counts as one place: a case of a meeting package, or the text outside any case
    /// (attachments, reports) of one file.
    struct Group: Hashable {
        let file: Int
        let caseID: CaseID?

        init(_ facts: SectionFacts) {
            file = facts.fileIndex
            caseID = facts.caseID
        }
    }

    func apply<Key: Hashable>(_ hits: [ScoredSection], group: (Int) -> Key) -> [ScoredSection] {
        guard decay < 1, hits.count > 1 else { return hits }
        var seen: [Key: Int] = [:]
        var keyed: [(hit: ScoredSection, key: Double, order: Int)] = []
        // Within one group the hits arrive best first, so the n-th one's key is final.
        for (order, hit) in hits.prefix(pool).enumerated() {
            let key = group(hit.sectionID)
            let earlier = seen[key, default: 0]
            seen[key] = earlier + 1
            keyed.append((hit, hit.score * Swift.max(floor, pow(decay, Double(earlier))), order))
        }
        keyed.sort { a, b in
            if a.hit.matchedWords != b.hit.matchedWords { return a.hit.matchedWords > b.hit.matchedWords }
            if a.key != b.key { return a.key > b.key }
            return a.order < b.order
        }
        let first = keyed.prefix(depth)
        let placed = Set(first.map(\.order))
        return first.map(\.hit) + hits.enumerated().lazy.filter { !placed.contains($0.offset) }.map(\.element)
    }
}
