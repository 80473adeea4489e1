import Foundation
import NorwegianText

/// How alike two passages are in wording: the cosine of their tf-idf vectors over index terms
/// (shared rare words count most, word order does not), and the overlap of their word
/// three-grams (the same phrasing, which near-identical boilerplate shares).
struct TextProfile {
    let weights: [String: Double]
    let norm: Double
    let shingles: Set<Int>

    init(terms: [String], idf: (String) -> Double) {
        var counts: [String: Int] = [:]
        for term in terms { counts[term, default: 0] += 1 }
        var weights: [String: Double] = [:]
        for (term, count) in counts { weights[term] = (1 + log(Double(count))) * idf(term) }
        self.weights = weights
        norm = weights.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        var shingles: Set<Int> = []
        if terms.count >= 3 {
            for i in 0...(terms.count - 3) {
                var hasher = Hasher()
                hasher.combine(terms[i]); hasher.combine(terms[i + 1]); hasher.combine(terms[i + 2])
                shingles.insert(hasher.finalize())
            }
        }
        self.shingles = shingles
    }

    func cosine(_ other: TextProfile) -> Double {
        guard norm > 0, other.norm > 0 else { return 0 }
        let (small, large) = weights.count < other.weights.count ? (weights, other.weights) : (other.weights, weights)
        var dot = 0.0
        for (term, w) in small { if let v = large[term] { dot += w * v } }
        return dot / (norm * other.norm)
    }

    /// Share of the smaller text's three-grams that the other has too.
    func phrasing(_ other: TextProfile) -> Double {
        let smaller = min(shingles.count, other.shingles.count)
        guard smaller > 0 else { return 0 }
        return Double(shingles.intersection(other.shingles).count) / Double(smaller)
    }

    /// Three-gram Jaccard: 1 for the same text, near 1 for boilerplate with a changed word.
    func sameness(_ other: TextProfile) -> Double {
        let union = shingles.union(other.shingles).count
        guard union > 0 else { return weights == other.weights ? 1 : 0 }
        return Double(shingles.intersection(other.shingles).count) / Double(union)
    }
}
