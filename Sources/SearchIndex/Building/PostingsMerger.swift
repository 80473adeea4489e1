/// Joins the postings of consecutive section runs into one sorted term dictionary and one
/// postings blob.
enum PostingsMerger {
    /// `sectionBase[p]` is added to the section numbers of part `p`, which count from 0.
    static func merge(_ parts: [PostingsAccumulator.Encoded], sectionBase: [UInt32]) -> (terms: [IndexContents.TermEntry], postings: [UInt8]) {
        var owners: [String: [(part: Int, local: Int)]] = [:]
        for (p, part) in parts.enumerated() {
            for (local, term) in part.terms.enumerated() { owners[term, default: []].append((p, local)) }
        }
        let sortedTerms = owners.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var postings = ByteWriter()
        var entries: [IndexContents.TermEntry] = []
        entries.reserveCapacity(sortedTerms.count)
        for term in sortedTerms {
            let pieces = owners[term]!
            let docsStart = postings.bytes.count
            var previousLast: UInt32 = 0
            var df: UInt32 = 0
            for (p, local) in pieces {
                let part = parts[p]
                let range = part.docsRange[local]
                // The first delta of a part is its absolute first section: make it relative.
                var offset = range.lowerBound
                _ = part.docs.withUnsafeBufferPointer { decodeVarint($0.baseAddress!, &offset) }
                postings.varint(part.firstSection[local] &+ sectionBase[p] &- previousLast)
                postings.append(part.docs[offset..<range.upperBound])
                previousLast = part.lastSection[local] &+ sectionBase[p]
                df += part.documentFrequency[local]
            }
            let docsLength = postings.bytes.count - docsStart
            for (p, local) in pieces { postings.append(parts[p].positions[parts[p].positionsRange[local]]) }
            PositionSkips.append(to: &postings, docsStart: docsStart, positionsStart: docsStart + docsLength, count: Int(df))
            entries.append(IndexContents.TermEntry(
                text: Array(term.utf8), documentFrequency: df, docsOffset: UInt64(docsStart),
                docsLength: UInt32(docsLength), positionsLength: UInt32(postings.bytes.count - docsStart - docsLength)))
        }
        return (entries, postings.bytes)
    }
}
