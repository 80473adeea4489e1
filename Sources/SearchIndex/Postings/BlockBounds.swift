import CouncilDocuments

/// What the postings of one block can score at most, for dynamic pruning (block-max, as Lucene 8
/// and Tantivy store per block): for each of two classes of sections, the frequency and length
/// of the block's posting that BM25 with the default k1 and b saturates most, as Tantivy keeps
/// its block-WAND term frequency and field norm. The classes are the kinds the default kind
/// weights count fully and those they count less (attachments): without them a block of short
/// attachment sections, which ties below the top, would look as good as a block of cases.
///
/// A bound is computed from those postings with the same Float steps as a score, and every step
/// (saturation, the term's weight, the sum over clauses, the kind weight) is monotone, so the
/// bound is at least every posting's score and equals the best one's: a section that only ties
/// the k-th hit kept is skipped, and no skip is unsafe. A searcher with other BM25 parameters
/// cannot use the bounds (`BlockMaxSearch.applies`).
///
/// Both numbers are u16: a frequency above 65,535 is stored as 65,535 and read as saturation 1,
/// a length above it as 65,535, shorter than the truth, so a higher saturation and still a bound.
enum BlockBounds {
    static let classes = 2
    static let entrySize = 4 * classes
    /// The parameters the bounds are computed with.
    static let bm25 = BM25()
    /// `Searcher`'s default kind weights, which set the classes.
    static let kindWeights: [SectionKind: Float] = [.other: 0.85, .vedlegg: 0.85]

    /// The class of each kind code: 0 for the kinds counted fully, 1 for the others.
    static let codeClass: [Int] = SectionCodes.kinds.map { (kindWeights[$0] ?? 1) >= 1 ? 0 : 1 }

    /// The highest of a query's kind weights (by code) in each class.
    static func classWeights(_ weights: [Float]) -> SIMD2<Float> {
        var result = SIMD2<Float>(0, 0)
        for (code, weight) in weights.enumerated() where code < codeClass.count {
            result[codeClass[code]] = max(result[codeClass[code]], weight)
        }
        return result
    }

    /// The frequency and length of a block's most saturated posting of one class (frequency 0:
    /// none).
    struct Posting: Equatable {
        var frequency: UInt16 = 0
        var length: UInt16 = 0
    }

    /// Block `index`'s postings, one per class, of a term's table, which ends where its skip
    /// table starts.
    @inline(__always)
    static func postings(_ base: UnsafePointer<UInt8>, table: Int, index: Int) -> (Posting, Posting) {
        let raw = UnsafeRawPointer(base) + table + index * entrySize
        return (Posting(frequency: raw.loadUnaligned(as: UInt16.self), length: raw.loadUnaligned(fromByteOffset: 2, as: UInt16.self)),
                Posting(frequency: raw.loadUnaligned(fromByteOffset: 4, as: UInt16.self),
                        length: raw.loadUnaligned(fromByteOffset: 6, as: UInt16.self)))
    }
}
