/// Skip entries at the end of a term's position stream, so that the positions of a few sections
/// can be read without walking the postings of every section before them.
///
/// Proximity rescoring and phrase matching ask a common word ("og", "til") where it stands in a
/// handful of candidate sections; without skips that costs a walk over all of the word's
/// postings. Every `interval`-th posting gets an entry of three u32s: the section number of the
/// posting before it (the base its section delta is added to), and where the posting starts in
/// the section stream and in the position stream, relative to each stream's start. A term with
/// `df` postings has `(df - 1) / interval` entries, so their number needs no storing, and a
/// term in at most `interval` sections has none.
enum PositionSkips {
    static let interval = 64
    static let entrySize = 12

    static func entryCount(documentFrequency df: Int) -> Int {
        df > 0 ? (df - 1) / interval : 0
    }

    /// Appends the skip entries for the postings just written at `docsStart` and
    /// `positionsStart` of `out`.
    static func append(to out: inout ByteWriter, docsStart: Int, positionsStart: Int, count: Int) {
        guard entryCount(documentFrequency: count) > 0 else { return }
        var entries: [(UInt32, UInt32, UInt32)] = []
        entries.reserveCapacity(entryCount(documentFrequency: count))
        out.bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            var offset = docsStart
            var positionOffset = positionsStart
            var section: UInt32 = 0
            for i in 0..<count {
                if i > 0, i % interval == 0 {
                    entries.append((section, UInt32(offset - docsStart), UInt32(positionOffset - positionsStart)))
                }
                section &+= decodeVarint(base, &offset)
                let frequency = decodeVarint(base, &offset)
                for _ in 0..<frequency { skipVarint(base, &positionOffset) }
            }
        }
        for (section, docs, positions) in entries {
            out.u32(section)
            out.u32(docs)
            out.u32(positions)
        }
    }

    /// Moves past one varint without decoding it.
    @inline(__always)
    static func skipVarint(_ base: UnsafePointer<UInt8>, _ offset: inout Int) {
        while base[offset] & 0x80 != 0 { offset += 1 }
        offset += 1
    }

    /// Entry `index` of the table that starts at `table`.
    @inline(__always)
    static func entry(_ base: UnsafePointer<UInt8>, table: Int, index: Int) -> (sectionBefore: UInt32, docs: Int, positions: Int) {
        let raw = UnsafeRawPointer(base) + table + index * entrySize
        return (raw.loadUnaligned(as: UInt32.self),
                Int(raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self)),
                Int(raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self)))
    }
}
