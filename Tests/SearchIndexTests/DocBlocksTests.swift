import Testing
@testable import SearchIndex

@Suite("Doc blocks: a term's sections and frequencies, bit-packed in blocks")
struct DocBlocksTests {
    /// Sections and frequencies as a term's postings hold them; `spread` bounds the gaps.
    static func postings(count: Int, spread: UInt32, seed: UInt64) -> (sections: [UInt32], frequencies: [UInt32]) {
        var random = TestRandom(seed: seed)
        var sections: [UInt32] = []
        var frequencies: [UInt32] = []
        var section = UInt32(random.below(3))
        for i in 0..<count {
            if i > 0 { section += 1 + UInt32(random.below(Int(spread))) }
            sections.append(section)
            // Mostly 1, now and then many: widths from 0 bits up.
            frequencies.append(random.below(10) == 0 ? 1 + UInt32(random.below(5000)) : 1)
        }
        return (sections, frequencies)
    }

    /// The stream, followed by bytes as a term's positions follow it in the index.
    static func encoded(_ sections: [UInt32], _ frequencies: [UInt32]) -> [UInt8] {
        var out = ByteWriter()
        sections.withUnsafeBufferPointer { s in
            frequencies.withUnsafeBufferPointer { DocBlocks.append(sections: s, frequencies: $0, to: &out) }
        }
        out.append([UInt8](repeating: 0xFF, count: 8))
        return out.bytes
    }

    static let counts = [0, 1, 2, 63, 64, 65, 127, 128, 129, 640, 1001]
    static let spreads: [UInt32] = [1, 3, 200, 70_000, 1 << 30]

    @Test("every count and gap reads back as written, including the varint tail after the last full block")
    func roundTrips() {
        for count in Self.counts {
            for (s, spread) in Self.spreads.enumerated() where count < 5 || spread < 1 << 30 {
                let (sections, frequencies) = Self.postings(count: count, spread: spread, seed: UInt64(count * 7 + s))
                let bytes = Self.encoded(sections, frequencies)
                var read: [(UInt32, UInt32)] = []
                bytes.withUnsafeBufferPointer { buffer in
                    var reader = DocsReader(base: buffer.baseAddress!, start: 0, count: count)
                    while reader.next() { read.append((reader.section, reader.frequency)) }
                    let more = reader.next()
                    #expect(!more, "stays past the end")
                }
                #expect(read.map(\.0) == sections, "count \(count), spread \(spread)")
                #expect(read.map(\.1) == frequencies, "count \(count), spread \(spread)")
            }
        }
    }

    @Test("continuing at any block's start, from the offset and section a skip entry records, reads the rest")
    func jumpsToBlocks() {
        let (sections, frequencies) = Self.postings(count: 1001, spread: 40, seed: 11)
        let bytes = Self.encoded(sections, frequencies)
        bytes.withUnsafeBufferPointer { buffer in
            var starts: [(offset: Int, sectionBefore: UInt32)] = []
            var walk = DocsReader(base: buffer.baseAddress!, start: 0, count: sections.count)
            for i in 0..<sections.count {
                if i % DocBlocks.size == 0 { starts.append((walk.offset, walk.section)) }
                _ = walk.next()
            }
            #expect(starts.count == (sections.count + DocBlocks.size - 1) / DocBlocks.size)
            for (block, start) in starts.enumerated() {
                var reader = DocsReader(base: buffer.baseAddress!, start: 0, count: sections.count)
                reader.jump(toBlock: block, offset: start.offset, sectionBefore: start.sectionBefore)
                var rest: [UInt32] = []
                while reader.next() { rest.append(reader.section) }
                #expect(rest == Array(sections[(block * DocBlocks.size)...]), "block \(block)")
            }
        }
    }

    @Test("a block of consecutive sections that each hold the word once costs a bit a posting and a header")
    func denseBlocksAreSmall() {
        let sections = (0..<UInt32(10 * DocBlocks.size)).map { $0 + 1 }
        let frequencies = [UInt32](repeating: 1, count: sections.count)
        let bytes = Self.encoded(sections, frequencies)
        // Per block: two header bytes, 64 one-bit deltas, no frequency bits.
        #expect(bytes.count - 8 == 10 * (2 + DocBlocks.size / 8))
    }
}
