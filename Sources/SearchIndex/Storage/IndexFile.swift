import CouncilDocuments
import Foundation

/// Reading an index file and checking its frame (header, block table, per-block checksums), with
/// a message that says what is wrong for every way a file can fail to be an index: missing, a
/// folder, empty, foreign, from another version, truncated, damaged.
enum IndexFile {
    /// The index file opened for reading, after checking that it exists and is a regular file.
    static func openRegularFile(_ path: String) throws(IndexError) -> Int32 {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { throw .missing(path) }
            throw .io("cannot read the index file: \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw .corrupt("\(IndexFormat.fileName) is a folder, not an index file") }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .corrupt("\(IndexFormat.fileName) is not a regular file") }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io("cannot read the index file: \(String(cString: strerror(errno)))") }
        return fd
    }

    /// A block's name for messages: "postings", or "unknown".
    static func blockName(_ kind: UInt32) -> String { IndexFormat.Block(rawValue: kind).map { "\($0)" } ?? "unknown" }

    /// One entry of the block table.
    struct TableEntry {
        let kind: UInt32
        let range: Range<Int>
        let checksum: UInt64
    }

    /// The block table, after checking magic, version and the header's checksum; each range lies
    /// within `fileSize`. `raw` holds at least the header (the start of the file).
    static func table(_ raw: UnsafeRawBufferPointer, fileSize: Int) throws(IndexError) -> [TableEntry] {
        guard fileSize > 0 else { throw .corrupt("the index file is empty") }
        guard raw.count >= 8, Array(raw[0..<8]) == IndexFormat.magic else { throw .corrupt("not a Rådsøk index file") }
        guard raw.count >= IndexFormat.headerPrefixSize else { throw .corrupt("the file is truncated") }
        var header = ByteReader(raw, offset: 8)
        let version = try header.u32()
        guard version == IndexFormat.version else { throw .unsupportedVersion(version) }
        let count = Int(try header.u32())
        guard count <= 64 else { throw .corrupt("bad block table") }
        let tableEnd = IndexFormat.headerPrefixSize + count * IndexFormat.blockEntrySize
        guard raw.count >= tableEnd + 8 else { throw .corrupt("the file is truncated") }
        let storedHeader = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: tableEnd, as: UInt64.self))
        guard ContentHash.of(UnsafeRawBufferPointer(rebasing: raw[0..<tableEnd])) == storedHeader else {
            throw .corrupt("header checksum mismatch")
        }
        var entries: [TableEntry] = []
        for _ in 0..<count {
            let kind = try header.u32()
            let offset = try header.u64()
            let length = try header.u64()
            let checksum = try header.u64()
            guard offset <= UInt64(fileSize), length <= UInt64(fileSize) - offset else {
                throw .corrupt("the file is truncated")
            }
            entries.append(TableEntry(kind: kind, range: Int(offset)..<Int(offset + length), checksum: checksum))
        }
        return entries
    }

    /// The byte range of every block, after checking the header's checksum and each block's.
    static func blocks(_ raw: UnsafeRawBufferPointer) throws(IndexError) -> [IndexFormat.Block: Range<Int>] {
        let entries = try table(raw, fileSize: raw.count)
        for entry in entries { try verify(entry, in: raw) }
        return try ranges(entries)
    }

    /// The range of each known block in the table; every block this version writes must be there.
    static func ranges(_ entries: [TableEntry]) throws(IndexError) -> [IndexFormat.Block: Range<Int>] {
        var blocks: [IndexFormat.Block: Range<Int>] = [:]
        for entry in entries {
            if let block = IndexFormat.Block(rawValue: entry.kind) { blocks[block] = entry.range }
        }
        guard IndexFormat.Block.allCases.allSatisfy({ blocks[$0] != nil }) else { throw .corrupt("missing block") }
        return blocks
    }

    /// Checks a block's bytes (in `raw`, at the block's offset in the file) against its checksum.
    static func verify(_ entry: TableEntry, in raw: UnsafeRawBufferPointer) throws(IndexError) {
        guard ContentHash.of(UnsafeRawBufferPointer(rebasing: raw[entry.range])) == entry.checksum else {
            throw .corrupt("checksum mismatch in the \(blockName(entry.kind)) block")
        }
    }

    /// Only the metadata block of the index file at `path` (header and block checked), without
    /// reading the rest: what an update needs to know of the index it replaces.
    static func metadata(_ path: String) -> IndexMetadata? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        func bytes(at offset: Int, count: Int) -> [UInt8]? {
            var out = [UInt8](repeating: 0, count: count)
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, count, off_t(offset)) }
            return n == count ? out : nil
        }
        let headerSize = IndexFormat.headerPrefixSize + IndexFormat.Block.allCases.count * IndexFormat.blockEntrySize + 8
        guard let header = bytes(at: 0, count: min(headerSize, Int(info.st_size))),
              let entries = header.withUnsafeBytes({ try? table($0, fileSize: Int(info.st_size)) }),
              let entry = entries.first(where: { $0.kind == IndexFormat.Block.metadata.rawValue }),
              entry.range.count < 1 << 30, let block = bytes(at: entry.range.lowerBound, count: entry.range.count),
              ContentHash.of(block) == entry.checksum else { return nil }
        return block.withUnsafeBytes { try? MetadataCodec.decode($0) }
    }
}
