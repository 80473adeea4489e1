import Foundation
import NorwegianText

/// How alike two passages are in wording: the cosine of their tf-idf vectors over index terms
/// (shared rare words count most, word order does not), and the overlap of their word
/// three-grams (the same phrasing, which near-identical boilerplate shares).
///
/// Sums run over the terms in sorted order and three-grams are hashed with a fixed function, so
/// that the same texts give the same scores, to the last bit, in every process (a dictionary's
/// order and `Hasher`'s seed change from run to run).
struct TextProfile {
    let weights: [String: Double]
    /// The keys of `weights`, sorted: the order every sum over them takes.
    let terms: [String]
    let norm: Double
    let shingles: Set<UInt64>

    init(terms: [String], idf: (String) -> Double) {
        var counts: [String: Int] = [:]
        for term in terms { counts[term, default: 0] += 1 }
        var weights: [String: Double] = [:]
        for (term, count) in counts { weights[term] = (1 + log(Double(count))) * idf(term) }
        self.weights = weights
        let sorted = weights.keys.sorted()
        self.terms = sorted
        norm = sorted.reduce(0) { $0 + weights[$1]! * weights[$1]! }.squareRoot()
        var shingles: Set<UInt64> = []
        if terms.count >= 3 {
            for i in 0...(terms.count - 3) {
                shingles.insert(Self.stableHash(terms[i..<(i + 3)]))
            }
        }
        self.shingles = shingles
    }

    /// FNV-1a over the words' UTF-8 bytes, a separator between words: the same in every process.
    static func stableHash(_ words: ArraySlice<String>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for word in words {
            for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0xFF) &* 0x100_0000_01b3
        }
        return hash
    }

    func cosine(_ other: TextProfile) -> Double {
        guard norm > 0, other.norm > 0 else { return 0 }
        let (small, large) = terms.count < other.terms.count ? (self, other) : (other, self)
        var dot = 0.0
        for term in small.terms { if let v = large.weights[term] { dot += small.weights[term]! * v } }
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
