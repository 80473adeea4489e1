/// A fast 64-bit non-cryptographic hash, used to notice that a file changed since it was
/// indexed and to checksum index files. Eight bytes per step: cheap next to text analysis.
public struct ContentHash: Sendable {
    public private(set) var value: UInt64 = 0x9E37_79B9_7F4A_7C15

    public init() {}

    public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = ContentHash()
        hash.update(bytes)
        return hash.value
    }

    public static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var h = value
        let words = bytes.count / 8
        for i in 0..<words {
            let word = bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
            h = Self.mix(h ^ word)
        }
        var tail: UInt64 = 0
        for i in (words * 8)..<bytes.count {
            tail = (tail << 8) | UInt64(bytes[i])
        }
        h = Self.mix(h ^ tail ^ (UInt64(bytes.count) << 56))
        value = h
    }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &* 0xBF58_476D_1CE4_E5B9
        z ^= z >> 31
        z = z &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 29)
    }
}
