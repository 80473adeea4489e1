/// Appends little-endian integers and LEB128 varints to a byte buffer: the one way every part of
/// the index file is written.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ value: UInt32) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u16(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func u32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func u64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func append(_ other: some Sequence<UInt8>) { bytes.append(contentsOf: other) }

    /// A string as its UTF-8 length (varint) and bytes.
    mutating func string(_ s: String) {
        varint(UInt32(s.utf8.count))
        append(s.utf8)
    }

    mutating func optionalString(_ s: String?) {
        u8(s == nil ? 0 : 1)
        if let s { string(s) }
    }

    /// A signed count or offset, as its 64-bit two's complement.
    mutating func int(_ value: Int) { u64(UInt64(bitPattern: Int64(value))) }

    mutating func double(_ value: Double) { u64(value.bitPattern) }

    /// Pads with zeros so that the next block starts on a 4-byte boundary.
    mutating func align4() {
        while bytes.count % 4 != 0 { bytes.append(0) }
    }
}

/// Reads what `ByteWriter` wrote, with bounds checks: a damaged index must fail with an error,
/// never read out of bounds.
struct ByteReader {
    let base: UnsafeRawBufferPointer
    var offset: Int

    init(_ base: UnsafeRawBufferPointer, offset: Int = 0) {
        self.base = base
        self.offset = offset
    }

    var isAtEnd: Bool { offset >= base.count }

    mutating func varint() throws(IndexError) -> UInt32 {
        var result: UInt32 = 0
        var shift: UInt32 = 0
        while true {
            guard offset < base.count, shift < 35 else { throw .corrupt("varint past end of block") }
            let byte = base[offset]
            offset += 1
            result |= UInt32(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    mutating func u8() throws(IndexError) -> UInt8 {
        guard offset + 1 <= base.count else { throw .corrupt("unexpected end of index") }
        defer { offset += 1 }
        return base[offset]
    }

    mutating func u32() throws(IndexError) -> UInt32 {
        guard offset + 4 <= base.count else { throw .corrupt("unexpected end of index") }
        defer { offset += 4 }
        return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    mutating func u64() throws(IndexError) -> UInt64 {
        guard offset + 8 <= base.count else { throw .corrupt("unexpected end of index") }
        defer { offset += 8 }
        return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func string() throws(IndexError) -> String {
        String(decoding: try bytes(Int(try varint())), as: UTF8.self)
    }

    mutating func optionalString() throws(IndexError) -> String? {
        try u8() == 0 ? nil : try string()
    }

    mutating func int() throws(IndexError) -> Int { Int(Int64(bitPattern: try u64())) }

    mutating func double() throws(IndexError) -> Double { Double(bitPattern: try u64()) }

    mutating func bytes(_ count: Int) throws(IndexError) -> UnsafeRawBufferPointer {
        guard count >= 0, offset + count <= base.count else { throw .corrupt("block past end of index") }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: base[offset..<(offset + count)])
    }
}

/// Unchecked varint decoding for the query hot path, over postings whose bounds were checked
/// when the index was opened.
@inline(__always)
func decodeVarint(_ p: UnsafePointer<UInt8>, _ offset: inout Int) -> UInt32 {
    var byte = p[offset]
    offset += 1
    if byte < 0x80 { return UInt32(byte) }
    var result = UInt32(byte & 0x7F)
    var shift: UInt32 = 7
    repeat {
        byte = p[offset]
        offset += 1
        result |= UInt32(byte & 0x7F) << shift
        shift += 7
    } while byte >= 0x80 && shift < 35
    return result
}
