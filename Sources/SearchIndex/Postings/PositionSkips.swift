/// Skip entries at the end of a term's position stream, so that the positions of a few sections
/// can be read without walking the postings of every section before them, and the bounds of each
/// block of postings before them, so that a top-k query can pass over blocks that cannot reach
/// its top (`BlockBounds`).
///
/// Proximity rescoring and phrase matching ask a common word ("og", "til") where it stands in a
/// handful of candidate sections; without skips that costs a walk over all of the word's
/// postings. Every `interval`-th posting gets an entry of three u32s: the section number of the
/// posting before it (the base its section delta is added to), and where the posting starts in
/// the section stream and in the position stream, relative to each stream's start. A term with
/// `df` postings has `(df - 1) / interval` entries, so their number needs no storing, and a
/// term in at most `interval` sections has none.
///
/// The postings between two entries (and before the first, and after the last) are a block;
/// a term with skip entries has one more block than entries, and the block bounds of all of
/// them come just before the skip table.
enum PositionSkips {
    static let interval = 64
    static let entrySize = 12

    static func entryCount(documentFrequency df: Int) -> Int {
        df > 0 ? (df - 1) / interval : 0
    }

    /// Appends the block bounds and skip entries for the postings just written at `docsStart` and
    /// `positionsStart` of `out`; `lengths`, `norms` (`BlockBounds.bm25`'s) and `classes`
    /// (`BlockBounds.codeClass`) are the sections'.
    static func append(to out: inout ByteWriter, docsStart: Int, positionsStart: Int, count: Int,
                       lengths: [UInt32], norms: [Float], classes: [UInt8]) {
        guard entryCount(documentFrequency: count) > 0 else { return }
        var entries: [(UInt32, UInt32, UInt32)] = []
        entries.reserveCapacity(entryCount(documentFrequency: count))
        typealias Best = (saturation: Float, frequency: UInt32, section: Int)
        var bounds: [[Best]] = []
        bounds.reserveCapacity(entryCount(documentFrequency: count) + 1)
        let none: [Best] = Array(repeating: (-1, 0, 0), count: BlockBounds.classes)
        var best = none
        out.bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            var docs = DocsReader(base: base, start: docsStart, count: count)
            var positionOffset = positionsStart
            for i in 0..<count {
                if i > 0, i % interval == 0 {
                    entries.append((docs.section, UInt32(docs.offset - docsStart),
                                    UInt32(positionOffset - positionsStart)))
                    bounds.append(best)
                    best = none
                }
                _ = docs.next()
                let frequency = docs.frequency
                let s = Int(docs.section), c = Int(classes[s])
                let saturation = BlockBounds.bm25.saturation(frequency: Float(frequency), norm: norms[s])
                if saturation > best[c].saturation { best[c] = (saturation, frequency, s) }
                skipVarints(base, &positionOffset, count: Int(frequency))
            }
        }
        bounds.append(best)
        for block in bounds {
            for posting in block {
                out.u16(posting.saturation < 0 ? 0 : UInt16(clamping: posting.frequency))
                out.u16(UInt16(clamping: lengths[posting.section]))
            }
        }
        for (section, docs, positions) in entries {
            out.u32(section)
            out.u32(docs)
            out.u32(positions)
        }
    }

    /// Moves past `count` varints without decoding them, eight bytes at a time where at least
    /// eight are left: each byte with its top bit clear ends one varint, so a popcount of the
    /// clear top bits counts the varints a word ends. A word is loaded only when the varints
    /// left take at least its eight bytes, so nothing past them is read.
    @inline(__always)
    static func skipVarints(_ base: UnsafePointer<UInt8>, _ offset: inout Int, count: Int) {
        var left = count
        var at = offset
        while left >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
            left -= (~word & 0x8080_8080_8080_8080).nonzeroBitCount
            at += 8
        }
        while left > 0 {
            if base[at] & 0x80 == 0 { left -= 1 }
            at += 1
        }
        offset = at
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
