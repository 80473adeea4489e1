import CouncilDocuments
import Foundation

/// Reading an index file and checking its frame (header, block table, per-block checksums), with
/// a message that says what is wrong for every way a file can fail to be an index: missing, a
/// folder, empty, foreign, from another version, truncated, damaged.
enum IndexFile {
    /// The whole file, read with `read(2)` into memory of our own (see `IndexReader`).
    static func read(_ path: String) throws(IndexError) -> Data {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { throw .missing(path) }
            throw .io("cannot read the index file: \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw .corrupt("\(IndexFormat.fileName) is a folder, not an index file") }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .corrupt("\(IndexFormat.fileName) is not a regular file") }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .io("cannot read the index file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var data = Data()
        data.reserveCapacity(Int(status.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io("cannot read the index file: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            data.append(contentsOf: chunk[0..<n])
        }
        return data
    }

    /// The byte range of every block, after checking the header's checksum and each block's.
    static func blocks(_ raw: UnsafeRawBufferPointer) throws(IndexError) -> [IndexFormat.Block: Range<Int>] {
        guard raw.count > 0 else { throw .corrupt("the index file is empty") }
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
        var blocks: [IndexFormat.Block: Range<Int>] = [:]
        for _ in 0..<count {
            let kind = try header.u32()
            let offset = try header.u64()
            let length = try header.u64()
            let checksum = try header.u64()
            guard offset <= UInt64(raw.count), length <= UInt64(raw.count) - offset else {
                throw .corrupt("the file is truncated")
            }
            let range = Int(offset)..<Int(offset + length)
            guard ContentHash.of(UnsafeRawBufferPointer(rebasing: raw[range])) == checksum else {
                throw .corrupt("checksum mismatch in the \(IndexFormat.Block(rawValue: kind).map { "\($0)" } ?? "unknown") block")
            }
            if let block = IndexFormat.Block(rawValue: kind) { blocks[block] = range }
        }
        guard IndexFormat.Block.allCases.allSatisfy({ blocks[$0] != nil }) else { throw .corrupt("missing block") }
        return blocks
    }

    /// Only the metadata block of the index file at `path` (header and block checked), without
    /// reading the rest: what an update needs to know of the index it replaces.
    static func metadata(_ path: String) -> IndexMetadata? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        func bytes(at offset: Int, count: Int) -> [UInt8]? {
            var out = [UInt8](repeating: 0, count: count)
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, count, off_t(offset)) }
            return n == count ? out : nil
        }
        let headerSize = IndexFormat.headerPrefixSize + IndexFormat.Block.allCases.count * IndexFormat.blockEntrySize + 8
        guard let header = bytes(at: 0, count: headerSize) else { return nil }
        return header.withUnsafeBytes { raw -> IndexMetadata? in
            guard Array(raw[0..<8]) == IndexFormat.magic else { return nil }
            var reader = ByteReader(raw, offset: 8)
            guard (try? reader.u32()) == IndexFormat.version, let count = try? reader.u32(),
                  Int(count) == IndexFormat.Block.allCases.count else { return nil }
            let tableEnd = IndexFormat.headerPrefixSize + Int(count) * IndexFormat.blockEntrySize
            let stored = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: tableEnd, as: UInt64.self))
            guard ContentHash.of(UnsafeRawBufferPointer(rebasing: raw[0..<tableEnd])) == stored else { return nil }
            for _ in 0..<count {
                guard let kind = try? reader.u32(), let offset = try? reader.u64(), let length = try? reader.u64(),
                      let checksum = try? reader.u64() else { return nil }
                guard kind == IndexFormat.Block.metadata.rawValue else { continue }
                guard length < 1 << 30, let block = bytes(at: Int(offset), count: Int(length)),
                      ContentHash.of(block) == checksum else { return nil }
                return try? JSONDecoder().decode(IndexMetadata.self, from: Data(block))
            }
            return nil
        }
    }
}
