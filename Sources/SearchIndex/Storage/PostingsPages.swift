import CouncilDocuments

/// The checksum of every page of the postings block, so that a reader can read and verify the
/// postings a query needs without reading the rest: the postings are three quarters of an index
/// (33 of 43 MB at 100 MB), and reading and checksumming them whole was most of a cold start.
///
/// Layout of the `postingsPages` block: page size u32, page count u32, then a u64 `ContentHash`
/// of each page of the postings block (the last one short).
enum PostingsPages {
    /// 64 KiB: a rare term's postings fit in one page, and a page is read and hashed in
    /// microseconds, while the table stays small (8 bytes a page, 4 KB at 100 MB).
    static let size = 1 << 16

    static func block(for postings: [UInt8]) -> [UInt8] {
        let count = (postings.count + size - 1) / size
        let checksums = postings.withUnsafeBytes { raw in
            (0..<count).map { page in
                ContentHash.of(UnsafeRawBufferPointer(rebasing: raw[(page * size)..<min(raw.count, (page + 1) * size)]))
            }
        }
        return block(checksums: checksums)
    }

    /// The block for pages already checksummed (by `PostingsSink`, as they were written).
    static func block(checksums: [UInt64]) -> [UInt8] {
        var out = ByteWriter()
        out.u32(UInt32(size))
        out.u32(UInt32(checksums.count))
        for checksum in checksums { out.u64(checksum) }
        return out.bytes
    }

    /// The page size and checksums stored in `range`, for a postings block of `postingsLength`.
    static func read(_ raw: UnsafeRawBufferPointer, range: Range<Int>,
                     postingsLength: Int) throws(IndexError) -> (size: Int, checksums: [UInt64]) {
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[range]), offset: 0)
        let size = Int(try reader.u32())
        let count = Int(try reader.u32())
        guard size > 0, count == (postingsLength + size - 1) / size, range.count == 8 + count * 8 else {
            throw .corrupt("bad postings page table")
        }
        var checksums: [UInt64] = []
        checksums.reserveCapacity(count)
        for _ in 0..<count { checksums.append(try reader.u64()) }
        return (size, checksums)
    }
}
