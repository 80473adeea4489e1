import CouncilDocuments
import Foundation

/// The bytes of one block of the index file: in memory, or in a temporary file of their own that
/// the writer copies in (the postings of a build larger than its memory budget).
enum BlockBytes {
    case memory([UInt8])
    /// `count` bytes at `path`, whose `ContentHash` is `checksum`.
    case file(path: String, count: Int, checksum: UInt64)

    var count: Int {
        switch self {
        case .memory(let bytes): bytes.count
        case .file(_, let count, _): count
        }
    }

    var checksum: UInt64 {
        switch self {
        case .memory(let bytes): ContentHash.of(bytes)
        case .file(_, _, let checksum): checksum
        }
    }

    /// The bytes, read back from their file if they were spilled: for tests and small blocks.
    func load() throws(IndexError) -> [UInt8] {
        switch self {
        case .memory(let bytes):
            return bytes
        case .file(let path, let count, _):
            guard let data = FileManager.default.contents(atPath: path), data.count == count else {
                throw .io("cannot read back \(path)")
            }
            return Array(data)
        }
    }
}

/// Takes the postings as the merge makes them, term after term. They stay in memory until they
/// pass `spillBytes`; from then on they go to a temporary file, and the checksums the index file
/// needs (the block's and each page's, `PostingsPages`) are made on the way, so a build never
/// holds the postings of a large corpus whole.
///
/// A class because it owns a file descriptor and the temporary file: `deinit` closes the one
/// and removes the other unless `finish` handed it on.
final class PostingsSink {
    private(set) var count = 0
    /// The bytes not yet written: all of them while nothing was spilled.
    private var pending: [UInt8] = []
    private let spillPath: String?
    private let spillBytes: Int
    private var fd: Int32 = -1
    private var stream = ContentHash.Stream()
    private var pageChecksums: [UInt64] = []
    private var handedOn = false
    /// Written in pieces of this many bytes, a whole number of pages.
    private static let flushBytes = 16 * PostingsPages.size

    /// - Parameters:
    ///   - spillPath: where the bytes go past `spillBytes`; nil to keep them all in memory.
    init(spillPath: String?, spillBytes: Int) {
        self.spillPath = spillPath
        self.spillBytes = spillBytes
    }

    deinit {
        if fd >= 0 { close(fd) }
        if let spillPath, !handedOn { unlink(spillPath) }
    }

    func append(_ bytes: [UInt8]) throws(IndexError) {
        pending.append(contentsOf: bytes)
        count += bytes.count
        if fd < 0, let spillPath, pending.count > spillBytes {
            fd = open(spillPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw .io("cannot write \(spillPath): \(String(cString: strerror(errno)))") }
        }
        if fd >= 0, pending.count >= Self.flushBytes { try flush(all: false) }
    }

    /// Writes the whole pages pending (and the last short one when `all`), checksumming them.
    private func flush(all: Bool) throws(IndexError) {
        let size = PostingsPages.size
        let length = all ? pending.count : pending.count / size * size
        guard length > 0 else { return }
        pending.withUnsafeBytes { raw in
            var start = 0
            while start < length {
                let end = min(length, start + size)
                pageChecksums.append(ContentHash.of(UnsafeRawBufferPointer(rebasing: raw[start..<end])))
                start = end
            }
            stream.update(UnsafeRawBufferPointer(rebasing: raw[0..<length]))
        }
        let written = pending.withUnsafeBytes { IndexWriter.writeAll(UnsafeRawBufferPointer(rebasing: $0[0..<length]), to: fd) }
        guard written else {
            throw .io("cannot write \(spillPath ?? ""): \(String(cString: strerror(errno)))")
        }
        pending.removeFirst(length)
        // The buffer that held everything before the first spill goes, rather than stay resident.
        if pending.capacity > 4 * Self.flushBytes { pending = Array(pending) }
    }

    /// The postings block and its page table; a spilled file is the caller's to remove once the
    /// index is written.
    func finish() throws(IndexError) -> (postings: BlockBytes, pages: [UInt8]) {
        guard fd >= 0, let spillPath else {
            let bytes = pending
            pending = []
            return (.memory(bytes), PostingsPages.block(for: bytes))
        }
        try flush(all: true)
        close(fd)
        fd = -1
        handedOn = true
        return (.file(path: spillPath, count: count, checksum: stream.finish()),
                PostingsPages.block(checksums: pageChecksums))
    }
}
