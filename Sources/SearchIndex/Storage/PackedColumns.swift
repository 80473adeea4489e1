/// A table of unsigned values stored column by column, each column in the fewest bits that hold
/// its spread (`BitPacking`), read by row number without decoding the rows before it: the layout
/// of the section table (`SectionTable`) and of the case and file groups (`SectionGroups`).
///
/// Layout: row count u32, column count u32, then per column its base u32 and width u32 (frame of
/// reference: a value `v` other than 0 is stored as `v - base + 1`, 0 as 0, so years and dates
/// take the bits of their spread and "none" stays 0), then each column's packed values followed
/// by 8 zero bytes, for `BitPacking`'s 8-byte reads. `PackedColumnsWriter` writes it; this reads it.
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

    /// Every value of column `column` in row order, `transform`ed: one pass with the column's frame
    /// read once, instead of asking `value` row by row (which opening did for the lengths and
    /// kinds of every section).
    func values<T>(_ column: Int, in raw: UnsafeRawBufferPointer, _ transform: (UInt32) -> T) -> [T] {
        [T](unsafeUninitializedCapacity: rowCount) { out, count in
            forEachValue(column, in: raw) { row, value in (out.baseAddress! + row).initialize(to: transform(value)) }
            count = rowCount
        }
    }

    /// The largest value of column `column` (0 for a table of no rows), in one pass.
    func largest(_ column: Int, in raw: UnsafeRawBufferPointer) -> UInt32 {
        var largest: UInt32 = 0
        forEachValue(column, in: raw) { _, value in largest = max(largest, value) }
        return largest
    }

    /// Calls `body(row, value)` for every row of column `column`, in row order.
    @inline(__always)
    private func forEachValue(_ column: Int, in raw: UnsafeRawBufferPointer, _ body: (Int, UInt32) -> Void) {
        let layout = columns[column], base = raw.baseAddress!
        for row in 0..<rowCount {
            let stored = BitPacking.value(base, at: layout.start, index: row, bits: layout.bits)
            body(row, stored == 0 ? 0 : stored &+ layout.base &- 1)
        }
    }

    /// Column `column` of row `row`.
    @inline(__always)
    func value(_ column: Int, row: Int, in raw: UnsafeRawBufferPointer) -> UInt32 {
        let layout = columns[column]
        let stored = BitPacking.value(raw.baseAddress!, at: layout.start, index: row, bits: layout.bits)
        return stored == 0 ? 0 : stored &+ layout.base &- 1
    }
}
