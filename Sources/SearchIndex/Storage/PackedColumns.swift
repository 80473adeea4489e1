/// A table of unsigned values stored column by column, each column in the fewest bits that hold
/// its spread (`BitPacking`), read by row number without decoding the rows before it: the layout
/// of the section table (`SectionTable`) and of the case and file groups (`SectionGroups`).
///
/// Layout: row count u32, column count u32, then per column its base u32 and width u32 (frame of
/// reference: a value `v` other than 0 is stored as `v - base + 1`, 0 as 0, so years and dates
/// take the bits of their spread and "none" stays 0), then each column's packed values followed
/// by 8 zero bytes, for `BitPacking`'s 8-byte reads.
struct PackedColumns: Sendable {
    /// Where each column's values start in the file, and how to read them.
    private struct Layout: Sendable {
        var start: Int
        var base: UInt32
        var bits: Int
    }

    let rowCount: Int
    private let columns: [Layout]
    /// Where the table ends in the file.
    let end: Int

    /// Appends the table whose column `c` is `columns[c]` (all of `rowCount` values).
    static func append(_ columns: [[UInt32]], rowCount: Int, to out: inout ByteWriter) {
        append(columnCount: columns.count, rowCount: rowCount, to: &out) { columns[$0] }
    }

    /// Appends the table whose column `c` is `column(c)`, asked for once per column and packed
    /// before the next is asked for, so that only one column's values are held at a time.
    static func append(columnCount: Int, rowCount: Int, to out: inout ByteWriter, column: (Int) -> [UInt32]) {
        var frames: [(base: UInt32, bits: Int)] = []
        var packed: [ByteWriter] = []
        for c in 0..<columnCount {
            let values = column(c)
            let base = values.lazy.filter { $0 != 0 }.min() ?? 1
            let largest = values.max().map { $0 == 0 ? 0 : $0 - base + 1 } ?? 0
            let frame = (base: base, bits: BitPacking.width(largest))
            var bytes = ByteWriter()
            BitPacking.append(values.lazy.map { $0 == 0 ? 0 : $0 - frame.base + 1 }, bits: frame.bits, to: &bytes)
            bytes.append(repeatElement(UInt8(0), count: 8))
            frames.append(frame)
            packed.append(bytes)
        }
        out.u32(UInt32(rowCount))
        out.u32(UInt32(columnCount))
        for frame in frames {
            out.u32(frame.base)
            out.u32(UInt32(frame.bits))
        }
        for bytes in packed { out.append(bytes.bytes) }
    }

    /// Reads the layout of the table at `offset` of `raw`, checking that it has `columnCount`
    /// columns (and `rowCount` rows, when given) and ends by `limit`.
    init(_ raw: UnsafeRawBufferPointer, at offset: Int, limit: Int, columnCount: Int, rowCount: Int? = nil,
         name: String) throws(IndexError) {
        guard offset <= limit else { throw .corrupt("\(name) shape") }
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[offset..<limit]))
        let rows = Int(try reader.u32())
        guard rowCount.map({ $0 == rows }) ?? true, try reader.u32() == UInt32(columnCount) else {
            throw .corrupt("\(name) shape")
        }
        var frames: [(UInt32, Int)] = []
        for _ in 0..<columnCount {
            let base = try reader.u32(), bits = Int(try reader.u32())
            guard bits <= 32 else { throw .corrupt("\(name) column width") }
            frames.append((base, bits))
        }
        var start = offset + reader.offset
        var columns: [Layout] = []
        for (base, bits) in frames {
            columns.append(Layout(start: start, base: base, bits: bits))
            start += BitPacking.byteCount(rows, bits: bits) + 8
        }
        guard start <= limit else { throw .corrupt("\(name) size") }
        self.rowCount = rows
        self.columns = columns
        end = start
    }

    /// Column `column` of row `row`.
    @inline(__always)
    func value(_ column: Int, row: Int, in raw: UnsafeRawBufferPointer) -> UInt32 {
        let layout = columns[column]
        let stored = BitPacking.value(raw.baseAddress!, at: layout.start, index: row, bits: layout.bits)
        return stored == 0 ? 0 : stored &+ layout.base &- 1
    }
}
