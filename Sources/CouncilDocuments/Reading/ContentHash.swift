/// A fast 64-bit non-cryptographic hash, used to notice that a file changed since it was
/// indexed and to checksum index files. Four independent lanes of eight bytes each, so the
/// multiplications of one step overlap instead of waiting on each other: the checksum of a
/// large index is most of the time it takes to open it.
public enum ContentHash {
    public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15
        var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var c: UInt64 = 0x1656_67B1_9E37_79F9
        var d: UInt64 = 0x85EB_CA77_C2B2_AE63
        var offset = 0
        while offset + 32 <= count {
            a = mix(a ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            b = mix(b ^ bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            c = mix(c ^ bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            d = mix(d ^ bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        var h = mix(a ^ rotate(b, 17) ^ rotate(c, 31) ^ rotate(d, 47))
        while offset + 8 <= count {
            h = mix(h ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        while offset < count {
            tail = (tail << 8) | UInt64(bytes[offset])
            offset += 1
        }
        return mix(h ^ tail ^ (UInt64(truncatingIfNeeded: count) << 56))
    }

    public static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }

    /// `ContentHash.of` of bytes that come in pieces, without holding them all: the checksum of
    /// a block written as it is made (the postings of a large build go to disk as they are
    /// merged). Equal to `of` over the pieces joined, however they are cut.
    public struct Stream: Sendable {
        private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
        private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        private var c: UInt64 = 0x1656_67B1_9E37_79F9
        private var d: UInt64 = 0x85EB_CA77_C2B2_AE63
        /// The bytes after the last whole 32-byte step: `of` decides what to do with them only
        /// at the end, so they wait here (fewer than 32 of them).
        private var pending: [UInt8] = []
        private var count = 0

        public init() {}

        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            count += bytes.count
            var offset = 0
            if !pending.isEmpty {
                let taken = min(32 - pending.count, bytes.count)
                pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[0..<taken]))
                offset = taken
                guard pending.count == 32 else { return }
                pending.withUnsafeBytes { step($0, at: 0) }
                pending.removeAll(keepingCapacity: true)
            }
            while offset + 32 <= bytes.count {
                step(bytes, at: offset)
                offset += 32
            }
            pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[offset...]))
        }

        public mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

        @inline(__always)
        private mutating func step(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
            a = mix(a ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            b = mix(b ^ bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            c = mix(c ^ bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            d = mix(d ^ bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
        }

        /// The hash of everything given so far, as `of` finishes it.
        public func finish() -> UInt64 {
            var h = mix(a ^ rotate(b, 17) ^ rotate(c, 31) ^ rotate(d, 47))
            var offset = 0
            while offset + 8 <= pending.count {
                h = mix(h ^ pending.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) })
                offset += 8
            }
            var tail: UInt64 = 0
            while offset < pending.count {
                tail = (tail << 8) | UInt64(pending[offset])
                offset += 1
            }
            return mix(h ^ tail ^ (UInt64(truncatingIfNeeded: count) << 56))
        }
    }

    @inline(__always)
    private static func rotate(_ x: UInt64, _ by: UInt64) -> UInt64 { (x << by) | (x >> (64 - by)) }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &* 0xBF58_476D_1CE4_E5B9
        z ^= z >> 31
        z = z &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 29)
    }
}
