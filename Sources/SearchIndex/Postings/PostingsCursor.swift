/// Walks one term's postings: the sections that contain it, how often, and (on request) where.
///
/// On disk a term's postings are two streams: `(section delta, frequency)` pairs in packed blocks
/// (`DocBlocks`), then the position deltas of every occurrence as varints, followed by the bounds
/// of each block (`BlockBounds`) and `PositionSkips`. Ranking reads only the first stream
/// (`BlockMaxCursor` with the bounds and skips, to pass over blocks); phrase matching and proximity
/// read the second alongside it, skipping ahead to the sections they ask about.
public struct PostingsCursor {
    let base: UnsafePointer<UInt8>
    let docs: Range<Int>
    let positions: Range<Int>
    public let count: Int

    /// How many skip entries end the positions stream, and how many blocks have bounds before
    /// them (none for a term of one block).
    var skipCount: Int { PositionSkips.entryCount(documentFrequency: count) }
    var blockCount: Int { skipCount > 0 ? skipCount + 1 : 0 }

    /// Where the skip entries start, at the end of the positions stream.
    var skipTable: Int { positions.upperBound - skipCount * PositionSkips.entrySize }

    /// Where the block bounds start, just before the skip entries.
    var boundsTable: Int { skipTable - blockCount * BlockBounds.entrySize }

    /// The block bounds and skip entries (`BlockMaxCursor` reads them to pass over blocks): what
    /// ranking reads besides the section stream.
    var boundsAndSkips: Range<Int> { boundsTable..<positions.upperBound }

    /// The section stream, from its first posting.
    var docsReader: DocsReader { DocsReader(base: base, start: docs.lowerBound, count: count) }

    /// Calls `body(section, frequency)` for every section containing the term, in section order.
    @inline(__always)
    public func forEach(_ body: (Int, Int) throws -> Void) rethrows {
        var reader = docsReader
        while reader.next() { try body(Int(reader.section), Int(reader.frequency)) }
    }

    /// Calls `body(index, positions)` for each section of `sections` (ascending) that contains
    /// the term, with `index` its place in `sections`. Skip entries jump over runs of postings
    /// before the next wanted section, and the positions of sections passed on the way are
    /// skipped undecoded, so a phrase costs what its candidate sections cost. The cursor must come
    /// from `IndexReader.withPostings(_:positions: true)`, which reads the positions in.
    public func forEachWithPositions(in sections: [Int32], _ body: (Int, UnsafeBufferPointer<Int32>) -> Void) {
        guard !sections.isEmpty else { return }
        let skipCount = skipCount, skipTable = skipTable
        var nextSkip = 0
        var reader = docsReader
        var positionOffset = positions.lowerBound
        var next = 0
        var buffer = [Int32](repeating: 0, count: 64)
        // Positions of the sections passed since the last one read, skipped together.
        var passed = 0
        while true {
            // Jump to the last skip entry whose block still starts before the wanted section.
            let wanted = UInt32(sections[next])
            var jump: (sectionBefore: UInt32, docs: Int, positions: Int)?
            while nextSkip < skipCount {
                let entry = PositionSkips.entry(base, table: skipTable, index: nextSkip)
                guard entry.sectionBefore < wanted else { break }
                nextSkip += 1
                if nextSkip * PositionSkips.interval > reader.posting + 1 { jump = entry }
            }
            if let jump {
                reader.jump(toBlock: nextSkip, offset: docs.lowerBound + jump.docs, sectionBefore: jump.sectionBefore)
                positionOffset = positions.lowerBound + jump.positions
                passed = 0
            }
            guard reader.next() else { return }
            let section = reader.section, frequency = Int(reader.frequency)
            while next < sections.count, UInt32(sections[next]) < section { next += 1 }
            guard next < sections.count else { return }
            if UInt32(sections[next]) == section {
                PositionSkips.skipVarints(base, &positionOffset, count: passed)
                passed = 0
                if buffer.count < frequency { buffer = [Int32](repeating: 0, count: frequency) }
                var position: Int32 = 0
                for i in 0..<frequency {
                    position &+= Int32(bitPattern: decodeVarint(base, &positionOffset))
                    buffer[i] = position
                }
                buffer.withUnsafeBufferPointer { body(next, UnsafeBufferPointer(rebasing: $0[0..<frequency])) }
            } else {
                passed += frequency
            }
        }
    }
}
