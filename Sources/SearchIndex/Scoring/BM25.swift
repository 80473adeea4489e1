import Foundation

/// Okapi BM25 with Lucene's non-negative idf. Defaults k1 = 1.2, b = 0.75.
public struct BM25: Sendable, Equatable {
    public var k1: Double
    public var b: Double

    public init(k1: Double = 1.2, b: Double = 0.75) {
        self.k1 = k1
        self.b = b
    }

    /// Rarer terms weigh more; never negative, so a term in most sections still adds a little.
    public func idf(documentFrequency df: Int, sectionCount n: Int) -> Double {
        log(1 + (Double(n) - Double(df) + 0.5) / (Double(df) + 0.5))
    }

    /// `k1 × (1 − b + b × length / average)`: the part of a contribution that depends on the
    /// section alone, so it can be computed once per index instead of once per posting.
    public func norm(length: Int, averageLength: Double) -> Double {
        k1 * (1 - b + b * Double(length) / averageLength)
    }

    /// `norm` of every length, each computed once per distinct length (a few thousand, against
    /// hundreds of thousands of sections): the same values, without a division per section.
    public func lengthNorms(_ lengths: [UInt32], averageLength: Double) -> [Float] {
        // A section of a million words (one unbroken file) is not worth a table that long.
        let tableSize = Int(min(lengths.max() ?? 0, 1 << 16)) + 1
        let table = (0..<tableSize).map { Float(norm(length: $0, averageLength: averageLength)) }
        return [Float](unsafeUninitializedCapacity: lengths.count) { out, count in
            table.withUnsafeBufferPointer { table in
                for (i, length) in lengths.enumerated() {
                    let n = Int(length)
                    out.initializeElement(at: i, to: n < tableSize ? table[n]
                                                      : Float(norm(length: n, averageLength: averageLength)))
                }
            }
            count = lengths.count
        }
    }

    /// What a term contributes at most: its rarity times `k1 + 1`; `saturation` scales it.
    public func weight(idf: Double) -> Double { idf * (k1 + 1) }

    /// How much of `weight` a frequency earns in a section of that norm: `tf / (tf + norm)`.
    @inline(__always)
    public func saturation(frequency tf: Float, norm: Float) -> Float { tf / (tf + norm) }

    /// One term's contribution to a section's score.
    public func score(frequency tf: Int, length: Int, averageLength: Double, idf: Double) -> Double {
        let tf = Double(tf)
        return weight(idf: idf) * tf / (tf + norm(length: length, averageLength: averageLength))
    }
}
