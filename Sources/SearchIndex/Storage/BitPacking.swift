/// Unsigned values in a fixed number of bits each, least significant bit first, read back one at a
/// time by index: the packed blocks of postings (`DocBlocks`) and the section table's columns
/// (`SectionTable`) are stored this way.
///
/// Reading value `i` is one unaligned 8-byte load at byte `i × bits / 8`, a shift and a mask, so
/// widths go up to 32 bits and the load may reach up to 7 bytes past the last value's: every
/// packed run must be followed by at least 8 more bytes of its block (`DocBlocks` has the term's
/// positions after it, `SectionTable` pads each column).
enum BitPacking {
    /// Bits needed for `value`.
    static func width(_ value: UInt32) -> Int { UInt32.bitWidth - value.leadingZeroBitCount }

    /// Appends `values` in `bits` bits each; the last byte is padded with zeros.
    static func append(_ values: some Sequence<UInt32>, bits: Int, to out: inout ByteWriter) {
        guard bits > 0 else { return }
        var pending: UInt64 = 0
        var filled = 0
        for value in values {
            pending |= UInt64(value) << UInt64(filled)
            filled += bits
            while filled >= 8 {
                out.u8(UInt8(truncatingIfNeeded: pending))
                pending >>= 8
                filled -= 8
            }
        }
        if filled > 0 { out.u8(UInt8(truncatingIfNeeded: pending)) }
    }

    /// How many bytes `count` values of `bits` bits take.
    static func byteCount(_ count: Int, bits: Int) -> Int { (count * bits + 7) / 8 }

    /// Value `index` of the `bits`-wide values packed at `start` (`bits` at most 32).
    @inline(__always)
    static func value(_ base: UnsafeRawPointer, at start: Int, index: Int, bits: Int) -> UInt32 {
        let bit = index &* bits
        let word = UInt64(littleEndian: (base + (start &+ bit &>> 3)).loadUnaligned(as: UInt64.self))
        let mask: UInt64 = (1 << UInt64(bits)) &- 1
        return UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
    }
}
