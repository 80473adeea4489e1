/// A term's postings read one section at a time, for document-at-a-time scoring with dynamic
/// pruning: it moves to the next section, jumps ahead to a section (over whole blocks, by the
/// skip entries, without decoding them), and tells what its current block can score at most.
///
/// Blocks are the runs of `PositionSkips.interval` postings between skip entries. Entry `e` is
/// the start of block `e + 1` and holds the last section of block `e`. A term with no entries
/// is one block with no stored bound.
struct BlockMaxCursor {
    private let base: UnsafePointer<UInt8>
    private let docsStart: Int
    private var docs: DocsReader
    private let skipTable: Int
    private let boundsTable: Int
    /// How many blocks have entries and bounds: 0 for a term of one block.
    private let blocks: Int
    /// The current section; `exhausted` after the last.
    private(set) var section: UInt32 = 0

    static let exhausted = UInt32.max

    init(_ postings: PostingsCursor) {
        base = postings.base
        docsStart = postings.docs.lowerBound
        docs = postings.docsReader
        skipTable = postings.skipTable
        blocks = postings.blockCount
        boundsTable = postings.boundsTable
        next()
    }

    /// Whether the term has more than one block, and so block bounds.
    var hasBlocks: Bool { blocks > 0 }

    /// How many sections hold the term.
    var count: Int { docs.count }

    /// The block of the current posting.
    var block: Int { docs.posting / PositionSkips.interval }

    @inline(__always)
    mutating func next() {
        guard docs.next() else {
            section = Self.exhausted
            return
        }
        section = docs.section
    }

    /// How often the current section holds the term.
    var frequency: UInt32 { docs.frequency }

    /// Moves to the first section at or after `target`.
    @inline(__always)
    mutating func advance(to target: UInt32) {
        guard section < target else { return }
        if blocks > 0 {
            var b = block
            while b + 1 < blocks, PositionSkips.entry(base, table: skipTable, index: b).sectionBefore < target { b += 1 }
            if b > block {
                let entry = PositionSkips.entry(base, table: skipTable, index: b - 1)
                docs.jump(toBlock: b, offset: docsStart + entry.docs, sectionBefore: entry.sectionBefore)
            }
        }
        next()
        while section < target {
            docs.skipInBlock(to: target)
            section = docs.section
            if section >= target { return }
            next()
        }
    }

    /// The last section of the current block (`exhausted` for the last block).
    var blockEnd: UInt32 {
        let b = block
        return b + 1 < blocks ? PositionSkips.entry(base, table: skipTable, index: b).sectionBefore : Self.exhausted
    }

    /// The most saturated posting of each class in the current block; nil for a term of one
    /// block, which stores none.
    var blockPostings: (BlockBounds.Posting, BlockBounds.Posting)? {
        blocks > 0 ? BlockBounds.postings(base, table: boundsTable, index: min(block, blocks - 1)) : nil
    }

    /// Calls `body` with the most saturated postings of each block from the current one up to the
    /// block that holds `end`, for the bound of a window that spans several blocks.
    func forEachBlock(through end: UInt32, _ body: ((BlockBounds.Posting, BlockBounds.Posting)) -> Void) {
        guard blocks > 0 else { return }
        var b = min(block, blocks - 1)
        while true {
            body(BlockBounds.postings(base, table: boundsTable, index: b))
            // Block b ends at entry b's section; the next starts after it.
            guard b + 1 < blocks, PositionSkips.entry(base, table: skipTable, index: b).sectionBefore < end else { return }
            b += 1
        }
    }

    /// How many blocks have bounds: 0 for a term of one block.
    var blockCount: Int { blocks }

    /// The first section block `b` can hold: past the last section of the block before it.
    func firstSection(ofBlock b: Int) -> UInt32 {
        b > 0 && b < blocks ? PositionSkips.entry(base, table: skipTable, index: b - 1).sectionBefore &+ 1 : 0
    }

    /// Calls `body` with each block's index and most saturated postings, for the term's own bound.
    func forAllBlocks(_ body: (Int, (BlockBounds.Posting, BlockBounds.Posting)) -> Void) {
        for b in 0..<blocks { body(b, BlockBounds.postings(base, table: boundsTable, index: b)) }
    }
}
