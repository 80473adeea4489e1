import CouncilDocuments
import Foundation
import Synchronization

/// The bytes of an opened index, each at its offset in the file, in memory of the reader's own.
///
/// Opening reads and verifies every block but the postings. The postings, three quarters of the
/// file, are read a page at a time when a query first needs them (`ensure`), and each page is
/// verified against its checksum (`PostingsPages`) as it is read: a cold start reads what the
/// query touches, not the whole index. A server reads them all at once (`loadAll`), so that it
/// never depends on the file again.
///
/// The memory is an anonymous mapping of the file's size: pages never read cost nothing, and,
/// unlike a mapping of the file, nothing done to the file can fault the process (SIGBUS). The
/// file stays open until every page is in, so an index replaced by rename (as builds replace it)
/// is read on from the old file. A page that fails its checksum or cannot be read (the file was
/// overwritten or cut in place) is left zero and recorded as `damage`, which every search checks
/// before answering: damage is reported, never answered from, and never a crash.
final class IndexBytes: @unchecked Sendable {
    // Sendable by construction: after `init`, `base` is written only inside `state`'s lock, and
    // only in pages that `ensure` has not yet returned for; a reader reads postings only after
    // `ensure` has returned for them, and the lock's release and acquire order the page's write
    // before those reads. Every other byte is written before `init` returns and never again, and
    // `blocks` is set by `open` and `init(copying:)` before the object is handed out.
    private let base: UnsafeMutableRawPointer
    let count: Int
    /// Where each block lies, from the checked block table.
    private(set) var blocks: [IndexFormat.Block: Range<Int>] = [:]
    private let mappedSize: Int
    private let state: Mutex<Pages>

    /// The postings pages not yet read, and what was found wrong with those that were.
    private struct Pages {
        var fd: Int32
        let region: Range<Int>
        let size: Int
        let checksums: [UInt64]
        var loaded: [Bool]
        var missing: Int
        var damage: IndexError?
    }

    /// Extra zero bytes past the end, so that the widest read (`BitPacking`'s 8-byte loads near
    /// the end of a block) never leaves the mapping.
    private static let slack = 64

    private init(count: Int) throws(IndexError) {
        self.count = count
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        mappedSize = max(page, (count + Self.slack + page - 1) / page * page)
        let memory = mmap(nil, mappedSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let memory, memory != MAP_FAILED else { throw .io("not enough memory to open the index") }
        base = memory
        state = Mutex(Pages(fd: -1, region: 0..<0, size: 1, checksums: [], loaded: [], missing: 0))
    }

    /// An index held in memory (tests, a fresh build): every block verified, nothing left to read.
    convenience init(copying data: Data) throws(IndexError) {
        try self.init(count: data.count)
        adviseHugePages(upTo: count)
        data.withUnsafeBytes { if let from = $0.baseAddress { base.copyMemory(from: from, byteCount: $0.count) } }
        blocks = try IndexFile.blocks(raw)
    }

    /// Opens the index file at `path`: header, block table and every block but the postings read
    /// and verified; the postings left to `ensure`.
    static func open(_ path: String) throws(IndexError) -> IndexBytes {
        let fd = try IndexFile.openRegularFile(path)
        var handedOver = false
        defer { if !handedOver { close(fd) } }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .io("cannot read the index file: \(String(cString: strerror(errno)))") }
        let bytes = try IndexBytes(count: Int(status.st_size))
        let table = try bytes.readTable(fd)
        bytes.blocks = try IndexFile.ranges(table)
        bytes.adviseHugePages(upTo: bytes.blocks[.postings]!.lowerBound)
        for entry in table where entry.kind != IndexFormat.Block.postings.rawValue {
            try bytes.read(fd, entry.range)
            try IndexFile.verify(entry, in: bytes.raw)
        }
        let postings = bytes.blocks[.postings]!
        let (size, checksums) = try PostingsPages.read(bytes.raw, range: bytes.blocks[.postingsPages]!,
                                                       postingsLength: postings.count)
        bytes.state.withLock { state in
            state = Pages(fd: fd, region: postings, size: size, checksums: checksums,
                          loaded: [Bool](repeating: false, count: checksums.count), missing: checksums.count)
            if state.missing == 0 { close(fd); state.fd = -1 }
        }
        handedOver = true
        return bytes
    }

    /// Huge pages, where the kernel offers them on request, for the first `end` bytes: what is
    /// read whole. The blocks read at open are megabytes, and faulting them in 4 KiB at a time was a
    /// fifth of a cold start; but the postings are read 64 KiB pages at a time, and a huge page
    /// there made each first read clear 2 MiB (a fifth of a cold start again). Rounded up: the
    /// huge page that holds the end is faulted in by the read at open anyway.
    private func adviseHugePages(upTo end: Int) {
        let huge = 1 << 21
        guard end >= huge else { return }
        _ = madvise(base, min(mappedSize, (end + huge - 1) / huge * huge), MADV_HUGEPAGE)
    }

    deinit {
        state.withLock { if $0.fd >= 0 { close($0.fd) } }
        munmap(base, mappedSize)
    }

    var raw: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R { try body(raw) }

    /// Makes the bytes of `ranges` readable, under one lock: the postings pages they cover are
    /// read and verified if they were not yet.
    func ensure(_ ranges: Range<Int>...) {
        state.withLock { state in
            for range in ranges {
                guard state.missing > 0 else { return }
                let wanted = range.clamped(to: state.region)
                guard !wanted.isEmpty else { continue }
                let first = (wanted.lowerBound - state.region.lowerBound) / state.size
                let last = (wanted.upperBound - 1 - state.region.lowerBound) / state.size
                var page = first
                while page <= last {
                    guard !state.loaded[page] else { page += 1; continue }
                    var end = page + 1
                    while end <= last, !state.loaded[end] { end += 1 }
                    load(page..<end, &state)
                    page = end
                }
            }
        }
    }

    /// Reads every page not read yet, and closes the file: from then on the reader does not
    /// depend on it. Throws what any page was found to be.
    func loadAll() throws(IndexError) {
        let region = state.withLock { $0.region }
        ensure(region)
        if let damage { throw damage }
    }

    /// What was wrong with a postings page read after opening, if anything.
    var damage: IndexError? { state.withLock { $0.damage } }

    /// How many of the postings pages that lie wholly inside `range` have been read.
    func pagesRead(inside range: Range<Int>) -> Int {
        state.withLock { state in
            let base = state.region.lowerBound, size = state.size
            let first = (max(range.lowerBound, base) - base + size - 1) / size
            let end = (min(range.upperBound, state.region.upperBound) - base) / size
            return first < end ? state.loaded[first..<end].count(where: { $0 }) : 0
        }
    }

    /// How many postings pages have not been read yet.
    var pagesMissing: Int { state.withLock { $0.missing } }

    /// Reads pages `pages` in one call and checks each; a bad or short page stays zero.
    private func load(_ pages: Range<Int>, _ state: inout Pages) {
        let start = state.region.lowerBound + pages.lowerBound * state.size
        let end = min(state.region.upperBound, state.region.lowerBound + pages.upperBound * state.size)
        let got = (try? read(state.fd, start..<end, allowShort: true)) ?? 0
        for page in pages {
            let from = state.region.lowerBound + page * state.size
            let to = min(state.region.upperBound, from + state.size)
            let bytes = UnsafeMutableRawBufferPointer(start: base + from, count: to - from)
            if to > start + got || ContentHash.of(UnsafeRawBufferPointer(bytes)) != state.checksums[page] {
                bytes.initializeMemory(as: UInt8.self, repeating: 0)
                if state.damage == nil {
                    state.damage = .corrupt(to > start + got ? "the file is truncated (postings)"
                                                             : "checksum mismatch in the postings block")
                }
            }
            state.loaded[page] = true
        }
        state.missing -= pages.count
        if state.missing == 0, state.fd >= 0 {
            close(state.fd)
            state.fd = -1
        }
    }

    /// The header and block table, read from the start of the file and checked.
    private func readTable(_ fd: Int32) throws(IndexError) -> [IndexFile.TableEntry] {
        guard count > 0 else { throw .corrupt("the index file is empty") }
        let prefix = min(count, IndexFormat.headerPrefixSize)
        try read(fd, 0..<prefix)
        var blockCount = 0
        if prefix == IndexFormat.headerPrefixSize {
            blockCount = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 12, as: UInt32.self)))
        }
        let header = min(count, IndexFormat.headerPrefixSize + min(blockCount, 64) * IndexFormat.blockEntrySize + 8)
        try read(fd, prefix..<header)
        return try IndexFile.table(UnsafeRawBufferPointer(start: base, count: header), fileSize: count)
    }

    /// Reads `range` of the file into place; the count read. Short only when allowed (a page
    /// read after opening, of a file cut meanwhile); otherwise a short read is a cut file.
    @discardableResult
    private func read(_ fd: Int32, _ range: Range<Int>, allowShort: Bool = false) throws(IndexError) -> Int {
        var done = 0
        while done < range.count {
            let n = pread(fd, base + range.lowerBound + done, range.count - done, off_t(range.lowerBound + done))
            if n < 0, errno == EINTR { continue }
            if n < 0 { throw .io("cannot read the index file: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            done += n
        }
        guard done == range.count || allowShort else { throw .corrupt("the file is truncated") }
        return done
    }
}
