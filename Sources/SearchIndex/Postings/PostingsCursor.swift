/// Walks one term's postings: the sections that contain it, how often, and (on request) where.
///
/// On disk a term's postings are two streams: `(section delta, frequency)` varint pairs, then the
/// position deltas of every occurrence. Ranking reads only the first stream; phrase matching
/// reads the second alongside it.
public struct PostingsCursor {
    let base: UnsafePointer<UInt8>
    let docs: Range<Int>
    let positions: Range<Int>
    public let count: Int

    /// Calls `body(section, frequency)` for every section containing the term, in section order.
    @inline(__always)
    public func forEach(_ body: (Int, Int) throws -> Void) rethrows {
        var offset = docs.lowerBound
        var section: UInt32 = 0
        for _ in 0..<count {
            section &+= decodeVarint(base, &offset)
            let frequency = decodeVarint(base, &offset)
            try body(Int(section), Int(frequency))
        }
    }

    /// Calls `body(section, positions)` for every section containing the term.
    public func forEachWithPositions(_ body: (Int, [Int32]) throws -> Void) rethrows {
        var offset = docs.lowerBound
        var positionOffset = positions.lowerBound
        var section: UInt32 = 0
        var buffer: [Int32] = []
        for _ in 0..<count {
            section &+= decodeVarint(base, &offset)
            let frequency = Int(decodeVarint(base, &offset))
            buffer.removeAll(keepingCapacity: true)
            var position: Int32 = 0
            for _ in 0..<frequency {
                position &+= Int32(bitPattern: decodeVarint(base, &positionOffset))
                buffer.append(position)
            }
            try body(Int(section), buffer)
        }
    }
}
