import Foundation

/// Chooses the original of a word as a noisy channel: the candidate that maximizes
/// P(original) × P(damage | original), where P(original) comes from the lexicon and the damage
/// from the confusion model. The word as written is a candidate too, with P(no damage).
public struct WordRepairer: Sendable {
    public let lexicon: Lexicon
    public let model: ConfusionModel
    /// P(a word of a damaged document came through undamaged). Even odds: in a document that
    /// lost its æøå, a form that has a reading with æøå is as likely damaged as not, so between two
    /// equally known readings the damage model's cost decides.
    public var undamagedProbability = 0.5
    /// Pseudo-frequency of a written form that no lexicon knows: small, so any real candidate wins.
    public var unknownFrequency = 1e-4
    /// How many of the likeliest candidates may also be read as unseen inflections or compounds.
    public var fallbackCandidates = 12

    public init(lexicon: Lexicon, model: ConfusionModel = .norwegianOCR) {
        self.lexicon = lexicon
        self.model = model
    }

    /// The repaired word, or nil to leave it as written. In a clean document only words no
    /// lexicon knows are repaired; in a damaged one a known word is repaired too when a far more
    /// common word explains it ("matet" → "møtet", "pa" → "på"), but not when the word itself is
    /// common ("for" stays "for", though "før" exists).
    public func repair(_ word: String, damaged: Bool) -> String? {
        // A word that still has its æ, ø or å came through those letters unharmed: an unseen
        // inflection or compound of it is a real word, not damage.
        let hasNorwegianLetters = word.unicodeScalars.contains { $0 == "æ" || $0 == "ø" || $0 == "å" }
        var written = hasNorwegianLetters ? lexicon.candidateFrequency(word) : lexicon.frequency(word)
        if !damaged && written > 0 { return nil }
        guard word.unicodeScalars.count <= 40 else { return nil }
        var best: (word: String, score: Double)?
        func consider(_ candidate: String, _ frequency: Double, _ damageLog: Double) {
            guard frequency > 0 else { return }
            let score = log(frequency) + damageLog
            if best == nil || score > best!.score || (score == best!.score && candidate < best!.word) { best = (candidate, score) }
        }
        // Known words first (a hash lookup each, on bytes: most words have many candidates and
        // few are words); the costlier readings as an unseen inflection or a compound only for
        // the likeliest damages.
        var known = BestKnownCandidate(lexicon: lexicon)
        model.visitCandidates(Array(word.utf8), &known)
        if let found = known.best { best = (String(decoding: found.bytes, as: UTF8.self), found.score) }
        let keepIfKnown = log(max(written, unknownFrequency)) + log(undamagedProbability)
        if best.map({ $0.score <= keepIfKnown || lexicon.counts[$0.word] == nil }) ?? true {
            for (candidate, damageLog) in model.likeliestCandidates(word, limit: fallbackCandidates) where lexicon.frequency(candidate) == 0 {
                consider(candidate, lexicon.candidateFrequency(candidate), damageLog)
            }
        }
        guard let best else { return nil }
        // A candidate known only as a compound competes with the written word read as a compound.
        if written == 0, lexicon.frequency(best.word) == 0 { written = lexicon.compoundFrequency(word) }
        let keep = log(max(written, unknownFrequency)) + log(undamagedProbability)
        return best.score > keep ? best.word : nil
    }
}

/// The candidate the lexicon knows that scores best, by log frequency plus damage log
/// probability; ties go to the first in byte order.
private struct BestKnownCandidate: CandidateVisitor {
    let lexicon: Lexicon
    var best: (bytes: [UInt8], score: Double)?

    mutating func visit(_ candidate: [UInt8], cost damageLog: Double) {
        let frequency = lexicon.frequency(bytes: candidate[...])
        guard frequency > 0 else { return }
        let score = log(frequency) + damageLog
        if best == nil || score > best!.score || (score == best!.score && candidate.lexicographicallyPrecedes(best!.bytes)) {
            best = (candidate, score)
        }
    }
}

/// The `limit` likeliest distinct candidates (a candidate reached by several damages counts with
/// its likeliest), most likely first, ties in byte order — kept in a small list as the model
/// walks, so the many unlikely candidates of a long word are never copied or made strings.
struct LikeliestCandidates: CandidateVisitor {
    let limit: Int
    private(set) var kept: [(bytes: [UInt8], cost: Double)] = []

    init(limit: Int) {
        self.limit = limit
        kept.reserveCapacity(limit)
    }

    /// True when `a` ranks before `b`: likelier, or as likely and first in byte order.
    private static func precedes(_ a: (bytes: [UInt8], cost: Double), _ b: (bytes: [UInt8], cost: Double)) -> Bool {
        a.cost > b.cost || (a.cost == b.cost && a.bytes.lexicographicallyPrecedes(b.bytes))
    }

    /// Where the least likely kept candidate is, once the list is full.
    private var worst: Int?

    mutating func visit(_ bytes: [UInt8], cost: Double) {
        guard limit > 0 else { return }
        // Less likely than everything kept: neither a newcomer nor a better cost for one kept.
        if let worst, cost < kept[worst].cost { return }
        if let i = kept.firstIndex(where: { $0.bytes == bytes }) {
            kept[i].cost = max(kept[i].cost, cost)
        } else if kept.count < limit {
            kept.append((bytes, cost))
        } else if let worst, Self.precedes((bytes, cost), kept[worst]) {
            kept[worst] = (bytes, cost)
        } else {
            return
        }
        if kept.count == limit { worst = kept.indices.max { Self.precedes(kept[$0], kept[$1]) } }
    }

    /// Once the list is full, a reading less likely than the least likely kept can neither enter
    /// nor raise one kept: the least likely kept only grows likelier as the walk goes on.
    func admits(_ cost: Double) -> Bool {
        guard limit > 0 else { return false }
        return worst.map { cost >= kept[$0].cost } ?? true
    }

    var ranked: [(bytes: [UInt8], cost: Double)] { kept.sorted(by: Self.precedes) }
}
