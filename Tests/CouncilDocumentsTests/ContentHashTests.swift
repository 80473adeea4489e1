import Testing
@testable import CouncilDocuments

@Suite("Content hash")
struct ContentHashTests {
    @Test("every byte counts, in every lane and in the tail; equal bytes hash equal", arguments: [0, 1, 7, 8, 31, 32, 33, 64, 100])
    func everyByteCounts(_ length: Int) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let hash = ContentHash.of(bytes)
        #expect(ContentHash.of(bytes) == hash)
        for i in bytes.indices {
            var changed = bytes
            changed[i] ^= 0x01
            #expect(ContentHash.of(changed) != hash, "byte \(i) of \(length)")
        }
        // Length counts too: a trailing zero is not the same text.
        #expect(ContentHash.of(bytes + [0]) != hash)
    }

    @Test("swapping two 8-byte words between lanes changes the hash")
    func lanesAreOrdered() {
        let a = [UInt8](repeating: 1, count: 8), b = [UInt8](repeating: 2, count: 8)
        #expect(ContentHash.of(a + b + a + a) != ContentHash.of(b + a + a + a))
    }

    @Test("bytes hashed in pieces hash as they do whole, however they are cut", arguments: [0, 5, 31, 32, 33, 95, 1000])
    func piecesHashAsWhole(_ length: Int) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
        for cut in [1, 3, 8, 31, 32, 33, 100] {
            var stream = ContentHash.Stream()
            var start = 0
            while start < length {
                // Pieces of uneven sizes, so that the pending bytes cross every lane boundary.
                let end = min(length, start + cut + start % 5)
                stream.update(Array(bytes[start..<end]))
                start = end
            }
            #expect(stream.finish() == ContentHash.of(bytes), "length \(length), pieces of about \(cut)")
        }
    }
}
