import CouncilDocuments
import Foundation

/// Everything an index file holds, ready to be written.
struct IndexContents {
    var metadata: IndexMetadata
    var sections: SectionFeed
    /// Sorted by UTF-8 bytes.
    var terms: [TermEntry]
    var postings: BlockBytes
    /// `PostingsPages`' table for `postings`.
    var postingsPages: [UInt8]
    /// Fold key → ids (indexes into `terms`) of the terms that fold to it, sorted by key.
    var foldKeys: [TermGroup]
    /// Compound part → ids of the compound terms that have it as modifier or head, sorted by part.
    var compoundParts: [TermGroup]

    /// Word as written in a damaged document → ids of the terms its repairs were indexed as.
    var repairs: [TermGroup]
    /// Word as written in a damaged document, NUL, the word it was repaired to (both as the repair
    /// step sees words: lower case, unstemmed), with no term ids: for showing passages repaired.
    var spellings: [TermGroup] = []

    /// Terms gathered under one key.
    typealias TermGroup = (key: [UInt8], termIDs: [UInt32])

    struct TermEntry {
        var text: [UInt8]
        var documentFrequency: UInt32
        var docsOffset: UInt64
        var docsLength: UInt32
        var positionsLength: UInt32
    }
}

/// Serializes `IndexContents` and puts the file in place atomically.
enum IndexWriter {
    /// The blocks of the file, in file order; a section table of more than `spill.bytes` is packed
    /// into the file at `spill.path` (the caller removes it once the index is written).
    static func blocks(_ contents: IndexContents,
                       spill: (path: String, bytes: Int)? = nil) throws(IndexError) -> [(IndexFormat.Block, BlockBytes)] {
        // One walk over the sections for the groups and the table's frames and strings, one to
        // pack the table.
        var groups = SectionGroups.Builder(fileCount: contents.metadata.files.count)
        var census = SectionTable.Census()
        try contents.sections.forEach { sections throws(IndexError) in
            groups.add(sections)
            census.add(sections)
        }
        let grouped = groups.finish()
        let (table, strings) = try SectionTable.encode(contents.sections, census: census,
                                                       caseOrdinals: grouped.caseOrdinals,
                                                       spill: spill)
        let front: [(IndexFormat.Block, [UInt8])] = [(.metadata, MetadataCodec.encode(contents.metadata))]
        let memory: [(IndexFormat.Block, [UInt8])] = [
            (.strings, strings),
            (.sectionGroups, grouped.block),
            (.terms, termsBlock(contents.terms)),
        ]
        let after: [(IndexFormat.Block, [UInt8])] = [
            (.foldKeys, termGroupsBlock(contents.foldKeys)),
            (.compoundParts, termGroupsBlock(contents.compoundParts)),
            (.repairs, termGroupsBlock(contents.repairs)),
            (.spellings, termGroupsBlock(contents.spellings)),
            (.postingsPages, contents.postingsPages),
        ]
        return front.map { ($0, .memory($1)) } + [(.sections, table)] + memory.map { ($0, .memory($1)) }
            + [(.postings, contents.postings)] + after.map { ($0, .memory($1)) }
    }

    /// Magic, version, the block table with each block's offset (8-byte aligned), length and
    /// checksum, and the checksum of all that.
    static func header(_ blocks: [(IndexFormat.Block, BlockBytes)]) -> [UInt8] {
        var out = ByteWriter()
        out.append(IndexFormat.magic)
        out.u32(IndexFormat.version)
        out.u32(UInt32(blocks.count))
        var offset = UInt64(IndexFormat.headerPrefixSize + blocks.count * IndexFormat.blockEntrySize + 8)
        for (kind, bytes) in blocks {
            offset = (offset + 7) & ~7
            out.u32(kind.rawValue)
            out.u64(offset)
            out.u64(UInt64(bytes.count))
            out.u64(bytes.checksum)
            offset += UInt64(bytes.count)
        }
        out.u64(ContentHash.of(out.bytes))
        return out.bytes
    }

    /// The header, then each block after the zero padding that aligns it.
    private static func pieces(_ blocks: [(IndexFormat.Block, BlockBytes)]) -> [BlockBytes] {
        var pieces = [BlockBytes.memory(header(blocks))]
        var offset = pieces[0].count
        for (_, bytes) in blocks {
            let padding = (8 - offset % 8) % 8
            if padding > 0 { pieces.append(.memory([UInt8](repeating: 0, count: padding))) }
            pieces.append(bytes)
            offset += padding + bytes.count
        }
        return pieces
    }

    /// Writes all of `bytes` to `fd`, continuing after short writes; false on an error.
    static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        bytes.withUnsafeBytes { writeAll($0, to: fd) }
    }

    static func writeAll(_ raw: UnsafeRawBufferPointer, to fd: Int32) -> Bool {
        var written = 0
        while written < raw.count {
            let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return false }
            written += n
        }
        return true
    }

    /// Writes a piece: from memory, or copied from its file a megabyte at a time (the whole of
    /// it, no more: a file that is shorter than it was when checksummed fails the write).
    private static func write(_ piece: BlockBytes, to fd: Int32) -> Bool {
        switch piece {
        case .memory(let bytes):
            return writeAll(bytes, to: fd)
        case .file(let path, let count, _):
            let source = open(path, O_RDONLY | O_CLOEXEC)
            guard source >= 0 else { return false }
            defer { close(source) }
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            var left = count
            while left > 0 {
                let n = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress!, min(left, $0.count)) }
                if n < 0, errno == EINTR { continue }
                guard n > 0, buffer.withUnsafeBytes({ writeAll(UnsafeRawBufferPointer(rebasing: $0[0..<n]), to: fd) })
                else { return false }
                left -= n
            }
            return true
        }
    }

    /// The temporary name a build writes to before renaming: `.radsok.idx.<pid>.tmp`.
    static func temporaryName(pid: Int32) -> String { ".\(IndexFormat.fileName).\(pid).tmp" }

    /// The name of another temporary file of this build (`.radsok.idx.<pid>.<part>.tmp`: spilled
    /// postings and runs), which `removeOrphans` removes once the build is killed.
    static func temporaryName(pid: Int32, part: String) -> String { ".\(IndexFormat.fileName).\(pid).\(part).tmp" }

    /// Removes the temporary files of builds that were killed while writing, but not this
    /// process's own. Only the holder of the folder's `IndexLock` may call it: then no other
    /// build is writing.
    static func removeOrphans(in folder: String) {
        let prefix = ".\(IndexFormat.fileName)."
        let own = prefix + "\(getpid())."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") && !name.hasPrefix(own) {
            unlink((folder as NSString).appendingPathComponent(name))
        }
    }

    /// Writes next to the destination, flushes, then renames over it and flushes the folder:
    /// readers and crashes see either the old file or the new one. The caller holds the lock.
    /// The blocks are written one after another, never joined into a copy of the whole index; a
    /// section table of more than `sectionSpillBytes` is packed into a file of the folder first.
    /// Returns the file's size.
    @discardableResult
    static func writeAtomically(_ contents: IndexContents, to folder: String,
                                sectionSpillBytes: Int = 32 << 20) throws(IndexError) -> Int {
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create index folder \(folder): \(error.localizedDescription)")
        }
        let tablePath = (folder as NSString).appendingPathComponent(temporaryName(pid: getpid(), part: "sections"))
        defer { unlink(tablePath) }
        let pieces = pieces(try blocks(contents, spill: (tablePath, sectionSpillBytes)))
        let destination = (folder as NSString).appendingPathComponent(IndexFormat.fileName)
        removeOrphans(in: folder)
        let temporary = (folder as NSString).appendingPathComponent(temporaryName(pid: getpid()))
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw .io("cannot write \(temporary): \(String(cString: strerror(errno)))") }
        let ok = pieces.allSatisfy { write($0, to: fd) } && fsync(fd) == 0
        close(fd)
        guard ok else {
            unlink(temporary)
            throw .io("cannot write \(temporary): \(String(cString: strerror(errno)))")
        }
        guard rename(temporary, destination) == 0 else {
            unlink(temporary)
            throw .io("cannot move the new index into place at \(destination): \(String(cString: strerror(errno)))")
        }
        // The rename is durable only once the folder's entry is on disk.
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY)
        if folderFD >= 0 {
            fsync(folderFD)
            close(folderFD)
        }
        return pieces.reduce(0) { $0 + $1.count }
    }

    private static func termsBlock(_ terms: [IndexContents.TermEntry]) -> [UInt8] {
        var out = ByteWriter()
        out.u32(UInt32(terms.count))
        var offset: UInt32 = 0
        for term in terms {
            out.u32(offset)
            offset += UInt32(term.text.count)
        }
        out.u32(offset)
        for term in terms { out.append(term.text) }
        out.align4()
        for term in terms {
            out.u32(term.documentFrequency)
            out.u64(term.docsOffset)
            out.u32(term.docsLength)
            out.u32(term.positionsLength)
        }
        return out.bytes
    }

    /// Sorted keys as `SortedStrings`, then per key an offset into one list of term ids.
    private static func termGroupsBlock(_ keys: [IndexContents.TermGroup]) -> [UInt8] {
        var out = ByteWriter()
        out.u32(UInt32(keys.count))
        var offset: UInt32 = 0
        for entry in keys {
            out.u32(offset)
            offset += UInt32(entry.key.count)
        }
        out.u32(offset)
        for entry in keys { out.append(entry.key) }
        out.align4()
        var listOffset: UInt32 = 0
        for entry in keys {
            out.u32(listOffset)
            listOffset += UInt32(entry.termIDs.count)
        }
        out.u32(listOffset)
        for entry in keys { for id in entry.termIDs { out.u32(id) } }
        return out.bytes
    }
}

/// Small codes for section fields in the fixed-size records.
enum SectionCodes {
    static let kinds: [SectionKind] = [.other, .saksliste, .saksfremlegg, .referat, .vedtak, .vedlegg, .forslag]

    static func code(of kind: SectionKind) -> UInt8 { UInt8(kinds.firstIndex(of: kind) ?? 0) }
    static func kind(of code: UInt8) -> SectionKind { Int(code) < kinds.count ? kinds[Int(code)] : .other }

    /// "2025-02-24" → 20250224, from the digits alone: called for every section a build writes,
    /// so no Foundation string search (which took a fifth of an update's time).
    static func packDate(_ iso: String?) -> UInt32 {
        guard let iso else { return 0 }
        var value: UInt32 = 0
        var count = 0
        for (i, byte) in iso.utf8.enumerated() {
            if i == 4 || i == 7 {
                guard byte == UInt8(ascii: "-") else { return 0 }
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), i < 10 else { return 0 }
            value = value * 10 + UInt32(byte - UInt8(ascii: "0"))
            count += 1
        }
        return count == 8 ? value : 0
    }

    static func unpackDate(_ packed: UInt32) -> String? {
        guard packed > 0 else { return nil }
        let y = packed / 10000, m = (packed / 100) % 100, d = packed % 100
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }
}
