/// Joins the postings of consecutive section runs into one sorted term dictionary and one
/// postings blob.
enum PostingsMerger {
    /// `sectionBase[p]` is added to the section numbers of part `p`, which count from 0;
    /// `lengths` and `kinds` (codes) are the merged sections', for the block bounds.
    ///
    /// Each distinct term gets a number once (one hash lookup per term of each part); the
    /// pieces of every term are then grouped by a counting sort over those numbers in part
    /// order, so no array is made per term and only the distinct terms are sorted by bytes.
    static func merge(_ parts: [PostingsAccumulator.Encoded], sectionBase: [UInt32], lengths: [UInt32],
                      kinds: [UInt8]) -> (terms: [IndexContents.TermEntry], postings: [UInt8]) {
        var ids: [String: Int32] = [:]
        var texts: [String] = []
        var pieceTerm: [Int32] = []
        var piecePart: [Int32] = []
        var pieceLocal: [Int32] = []
        let pieceCount = parts.reduce(0) { $0 + $1.terms.count }
        pieceTerm.reserveCapacity(pieceCount)
        piecePart.reserveCapacity(pieceCount)
        pieceLocal.reserveCapacity(pieceCount)
        for (p, part) in parts.enumerated() {
            for (local, term) in part.terms.enumerated() {
                let id: Int32
                if let known = ids[term] {
                    id = known
                } else {
                    id = Int32(texts.count)
                    ids[term] = id
                    texts.append(term)
                }
                pieceTerm.append(id)
                piecePart.append(Int32(p))
                pieceLocal.append(Int32(local))
            }
        }
        ids = [:]
        var start = [Int](repeating: 0, count: texts.count + 1)
        for t in pieceTerm { start[Int(t) + 1] += 1 }
        for i in 0..<texts.count { start[i + 1] += start[i] }
        var fill = start
        var grouped = [Int32](repeating: 0, count: pieceCount)
        for (i, t) in pieceTerm.enumerated() {
            grouped[fill[Int(t)]] = Int32(i)
            fill[Int(t)] += 1
        }
        let utf8 = texts.map { Array($0.utf8) }
        let order = utf8.indices.sorted { utf8[$0].lexicographicallyPrecedes(utf8[$1]) }

        // As `IndexReader` will see them, so that each block's bound is one of its postings' scores.
        let total = lengths.reduce(0) { $0 + Int($1) }
        let average = lengths.isEmpty ? 1 : max(1, Double(total) / Double(lengths.count))
        let norms = BlockBounds.bm25.lengthNorms(lengths, averageLength: average)
        let classes = kinds.map { UInt8(BlockBounds.codeClass[Int($0)]) }
        var postings = ByteWriter()
        // About what the parts hold, so the blob is not grown by doubling (up to twice its size).
        postings.bytes.reserveCapacity(parts.reduce(0) { $0 + $1.docs.count + $1.positions.count } / 20 * 21)
        var entries: [IndexContents.TermEntry] = []
        entries.reserveCapacity(texts.count)
        var sections: [UInt32] = []
        var frequencies: [UInt32] = []
        for term in order {
            let pieces = grouped[start[term]..<start[term + 1]]
            let docsStart = postings.bytes.count
            sections.removeAll(keepingCapacity: true)
            frequencies.removeAll(keepingCapacity: true)
            for piece in pieces {
                let (p, local) = (Int(piecePart[Int(piece)]), Int(pieceLocal[Int(piece)]))
                let range = parts[p].docsRange[local]
                // A part's first delta is its absolute first section, counted from the part's start.
                var section = sectionBase[p]
                parts[p].docs.withUnsafeBufferPointer { docs in
                    var offset = range.lowerBound
                    while offset < range.upperBound {
                        section &+= decodeVarint(docs.baseAddress!, &offset)
                        sections.append(section)
                        frequencies.append(decodeVarint(docs.baseAddress!, &offset))
                    }
                }
            }
            let df = UInt32(sections.count)
            sections.withUnsafeBufferPointer { s in
                frequencies.withUnsafeBufferPointer { DocBlocks.append(sections: s, frequencies: $0, to: &postings) }
            }
            let docsLength = postings.bytes.count - docsStart
            for piece in pieces {
                let (p, local) = (Int(piecePart[Int(piece)]), Int(pieceLocal[Int(piece)]))
                let range = parts[p].positionsRange[local]
                parts[p].positions.withUnsafeBufferPointer { postings.append(UnsafeBufferPointer(rebasing: $0[range])) }
            }
            PositionSkips.append(to: &postings, docsStart: docsStart, positionsStart: docsStart + docsLength, count: Int(df),
                                 lengths: lengths, norms: norms, classes: classes)
            entries.append(IndexContents.TermEntry(
                text: utf8[term], documentFrequency: df, docsOffset: UInt64(docsStart),
                docsLength: UInt32(docsLength), positionsLength: UInt32(postings.bytes.count - docsStart - docsLength)))
        }
        return (entries, postings.bytes)
    }
}
