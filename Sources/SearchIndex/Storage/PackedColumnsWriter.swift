import CouncilDocuments
import Foundation

/// Writes a `PackedColumns` table row by row, each value packed as it comes, into memory or into
/// a file of the index folder.
///
/// The section table of a 5 GB corpus is 14 million rows: held as `UInt32` columns before packing
/// it took 900 MB, and as packed columns joined into one buffer 335 MB twice over. Here the frames
/// (which the caller works out in a first pass over the rows) fix where every column starts, so a
/// value goes straight to its column's place, through a small buffer per column.
///
/// A class because it owns a file descriptor and the file (as `PostingsSink` does): `deinit`
/// closes the one and removes the other unless `finish` handed it on.
final class PackedColumnsWriter {
    /// A column's frame of reference (`PackedColumns`): values other than 0 are stored as
    /// `v - base + 1` in `bits` bits.
    struct Frame: Equatable, Sendable {
        var base: UInt32
        var bits: Int

        /// The frame of a column whose values other than 0 lie in `smallest...largest` (nil: it
        /// holds only zeros).
        init(nonzero range: ClosedRange<UInt32>?) {
            base = range?.lowerBound ?? 1
            bits = range.map { BitPacking.width($0.upperBound - $0.lowerBound + 1) } ?? 0
        }

        /// The frame of `values`.
        init(of values: [UInt32]) {
            var smallest = UInt32.max, largest: UInt32 = 0
            for value in values where value != 0 {
                smallest = min(smallest, value)
                largest = max(largest, value)
            }
            self.init(nonzero: largest == 0 ? nil : smallest...largest)
        }

        func stored(_ value: UInt32) -> UInt32 { value == 0 ? 0 : value &- base &+ 1 }
    }

    /// One column's place in the table and the bits not yet written.
    private struct Column {
        let bits: Int
        var offset: Int
        var pending: UInt64 = 0
        var filled = 0
        var buffer: [UInt8] = []
    }

    /// Where the table goes: a buffer of its whole size, or a file of that size written in place.
    private enum Target {
        case memory([UInt8])
        case file(path: String, fd: Int32)
    }

    private let frames: [Frame]
    private var columns: [Column]
    private var target: Target
    /// The table's size in bytes.
    let byteCount: Int
    private static let bufferBytes = 1 << 15

    /// The size of a table of `rowCount` rows whose columns have `frames`.
    static func byteCount(frames: [Frame], rowCount: Int) -> Int {
        8 + 8 * frames.count + frames.reduce(0) { $0 + byteCount(rowCount, bits: $1.bits) }
    }

    /// A column's packed values and the 8 bytes after them.
    private static func byteCount(_ rowCount: Int, bits: Int) -> Int { BitPacking.byteCount(rowCount, bits: bits) + 8 }

    /// The table of `rowCount` rows whose columns have `frames`; written to `spillPath` when given
    /// (created, or emptied; removed again if the writer is let go unfinished).
    init(frames: [Frame], rowCount: Int, spillPath: String? = nil) throws(IndexError) {
        var header = ByteWriter()
        header.u32(UInt32(rowCount))
        header.u32(UInt32(frames.count))
        for frame in frames {
            header.u32(frame.base)
            header.u32(UInt32(frame.bits))
        }
        var offset = header.bytes.count
        var columns: [Column] = []
        for frame in frames {
            columns.append(Column(bits: frame.bits, offset: offset))
            offset += Self.byteCount(rowCount, bits: frame.bits)
        }
        self.frames = frames
        self.columns = columns
        byteCount = offset
        target = .memory([UInt8](repeating: 0, count: spillPath == nil ? offset : 0))
        if let spillPath {
            let fd = open(spillPath, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw Self.failure(spillPath) }
            target = .file(path: spillPath, fd: fd)
            // The file is made its whole size at once, so the padding after each column reads as zeros.
            guard ftruncate(fd, off_t(offset)) == 0 else { throw Self.failure(spillPath) }
        }
        try write(header.bytes, at: 0)
    }

    deinit {
        if case .file(let path, let fd) = target {
            close(fd)
            unlink(path)
        }
    }

    /// Appends the next value of `column`; each column takes its `rowCount` values in row order.
    func append(_ value: UInt32, column c: Int) throws(IndexError) {
        let bits = columns[c].bits
        guard bits > 0 else { return }
        columns[c].pending |= UInt64(frames[c].stored(value)) << UInt64(columns[c].filled)
        columns[c].filled += bits
        while columns[c].filled >= 8 {
            columns[c].buffer.append(UInt8(truncatingIfNeeded: columns[c].pending))
            columns[c].pending >>= 8
            columns[c].filled -= 8
        }
        if columns[c].buffer.count >= Self.bufferBytes { try flush(c) }
    }

    /// The table: in memory, or as its file with the checksum of what was written there.
    func finish() throws(IndexError) -> BlockBytes {
        for c in columns.indices {
            if columns[c].filled > 0 {
                columns[c].buffer.append(UInt8(truncatingIfNeeded: columns[c].pending))
                columns[c].filled = 0
            }
            try flush(c)
        }
        switch target {
        case .memory(let bytes):
            return .memory(bytes)
        case .file(let path, let fd):
            var stream = ContentHash.Stream()
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            var done = 0
            while done < byteCount {
                let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, min($0.count, byteCount - done),
                                                              off_t(done)) }
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { throw Self.failure(path) }
                buffer.withUnsafeBytes { stream.update(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
                done += n
            }
            // Handed on: the caller removes the file once the index is written.
            target = .memory([])
            close(fd)
            return .file(path: path, count: byteCount, checksum: stream.finish())
        }
    }

    private func flush(_ c: Int) throws(IndexError) {
        guard !columns[c].buffer.isEmpty else { return }
        try write(columns[c].buffer, at: columns[c].offset)
        columns[c].offset += columns[c].buffer.count
        columns[c].buffer.removeAll(keepingCapacity: true)
    }

    private func write(_ bytes: [UInt8], at offset: Int) throws(IndexError) {
        switch target {
        case .memory(var all):
            target = .memory([])
            all.replaceSubrange(offset..<(offset + bytes.count), with: bytes)
            target = .memory(all)
        case .file(let path, let fd):
            var written = 0
            while written < bytes.count {
                let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress! + written, bytes.count - written,
                                                       off_t(offset + written)) }
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { throw Self.failure(path) }
                written += n
            }
        }
    }

    private static func failure(_ path: String) -> IndexError {
        .io("cannot write \(path): \(String(cString: strerror(errno)))")
    }
}

extension PackedColumns {
    /// Appends the table whose column `c` is `columns[c]` (all of `rowCount` values): for the
    /// small tables (`SectionGroups`), packed in memory.
    static func append(_ columns: [[UInt32]], rowCount: Int, to out: inout ByteWriter) {
        // In memory, nothing can fail.
        let writer = try! PackedColumnsWriter(frames: columns.map(PackedColumnsWriter.Frame.init(of:)), rowCount: rowCount)
        for (c, values) in columns.enumerated() { for value in values { try! writer.append(value, column: c) } }
        guard case .memory(let bytes) = try! writer.finish() else { preconditionFailure("packed in memory") }
        out.append(bytes)
    }
}
